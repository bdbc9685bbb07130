import type { AttendanceEntry, AttendanceRole, LiveProgress, LiveView, SessionDetail } from '../../shared/domain'
import { isVolunteerRole } from '../../shared/roles'
import {
  apply,
  fromSeat,
  isRefusal,
  type SpeakingAction,
  type SpeakingActionType,
  type SpeakingEvent,
  type SpeakingState,
  type Turn,
  type TurnKind,
  type TurnOutcome
} from '../../shared/speaking'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure } from '../errors'
import { uuidv7 } from '../store/ids'
import { sql } from '../store/sql'
import { inListOrder, readAttendance, readAttendanceEntry } from '../sessions/attendance'
import { keepAppended, readAgenda, replayedState, type Recorded } from './replayed'
import { getSession, requireStatus } from '../sessions/sessions'
import type { ParsedInputOf } from '../../shared/contract'

type LiveAction = ParsedInputOf<'live:act'>['action']

/**
 * The live session: every action is one committed row of `speaking_events` (write-through), and the
 * `turns` table and the segments' actual times are rewritten from the replayed state in the same
 * transaction. Nothing about a live session lives only in memory, so a restart resumes it exactly.
 */
export function liveView(ctx: ReadContext, sessionId: string, known?: Recorded): LiveView {
  const session = getSession(ctx, sessionId)
  // An action has just replayed the log: its state is the view's (the log is read and replayed once a press).
  const { state, lastAction } = known ?? replayedState(ctx, sessionId)
  // The session has just read its list: the same rows, not read twice (a press is timed in milliseconds).
  return { session, attendance: session.attendance, state, lastAction, now: ctx.now() }
}

export function startSession(ctx: CoreContext, sessionId: string): LiveView {
  requireStatus(ctx, sessionId, ['planned'])
  sql<never, [number, number, string]>(ctx.db, "UPDATE sessions SET status = 'live', started_at = ?, updated_at = ? WHERE id = ?").run(ctx.now(), ctx.now(), sessionId)
  announce(ctx, sessionId)
  return liveView(ctx, sessionId)
}

export function endSession(ctx: CoreContext, sessionId: string): LiveView {
  requireStatus(ctx, sessionId, ['live'])
  const recorded = record(ctx, sessionId, { type: 'end' })
  sql<never, [number, number, string]>(ctx.db, "UPDATE sessions SET status = 'ended', ended_at = ?, updated_at = ? WHERE id = ?").run(ctx.now(), ctx.now(), sessionId)
  announce(ctx, sessionId)
  return liveView(ctx, sessionId, recorded)
}

/** A speaking action: answers with the state it left (LiveProgress); the list and the plan it did not change. */
export function act(ctx: CoreContext, sessionId: string, action: LiveAction): LiveProgress {
  requireStatus(ctx, sessionId, ['live'], 'sessionId')
  const { state, lastAction } = record(ctx, sessionId, toSpeakingAction(ctx, sessionId, action))
  announce(ctx, sessionId)
  return { state, lastAction, now: ctx.now() }
}

/** 撤销: the last action not yet taken back is marked undone (kept, so the log still tells what happened). */
export function undo(ctx: CoreContext, sessionId: string): LiveView {
  requireStatus(ctx, sessionId, ['live'], 'sessionId')
  const last = sql<{ seq: number; type: SpeakingActionType }, [string]>(
    ctx.db,
    'SELECT seq, type FROM speaking_events WHERE session_id = ? AND undone_at IS NULL ORDER BY seq DESC LIMIT 1'
  ).get(sessionId)
  if (!last || last.type === 'end') throw refusal('nothing_to_undo')
  sql<never, [number, string, number]>(ctx.db, 'UPDATE speaking_events SET undone_at = ? WHERE session_id = ? AND seq = ?').run(ctx.now(), sessionId, last.seq)
  // Taking back a 跳过 or 传递 can hand the microphone back to someone marked absent since: the record
  // would then name an absent speaker (DESIGN §9). Refused (the transaction rolls the undo back); check
  // them in again first.
  const { state } = replayedState(ctx, sessionId)
  const absent = new Set(readAttendance(ctx, sessionId).filter((entry) => entry.absent).map((entry) => entry.personId))
  if (state.turns.some((turn) => (turn.outcome === 'spoken' || turn.outcome === 'speaking') && absent.has(turn.personId))) {
    throw refusal('undo_gives_mic_to_absent')
  }
  write(ctx, sessionId, state)
  announce(ctx, sessionId)
  return liveView(ctx, sessionId)
}

export function checkIn(ctx: CoreContext, input: ParsedInputOf<'live:checkIn'>): AttendanceEntry {
  requireStatus(ctx, input.sessionId, ['planned', 'live'], 'sessionId')
  const row = sql<{ invited: number }, [string, string]>(
    ctx.db,
    'SELECT invited FROM attendance WHERE session_id = ? AND person_id = ?'
  ).get(input.sessionId, input.personId)
  if (!row) throw new AppFailure('invalid_input', 'This person is not on the list.', [issue('personId', 'not_on_list')])
  // A walk-in is on the list because they came: 缺席 is for the invited (DESIGN §9).
  if (row.invited === 0 && !input.present) throw new AppFailure('invalid_input', 'A walk-in cannot be absent.', [issue('present', 'walk_in_absent')])
  // Nor is someone who has spoken, or holds the mic now: the record would name an absent speaker.
  if (!input.present && hasSpoken(ctx, input.sessionId, input.personId)) {
    throw new AppFailure('conflict', 'This person has spoken.', [issue('present', 'has_spoken')])
  }
  // Present again is not a new arrival: the first check-in time stays (it counts a volunteer's hours).
  sql<never, { present: number; now: number; reason: string; sessionId: string; personId: string }>(
    ctx.db,
    `UPDATE attendance SET checked_in_at = CASE WHEN @present THEN coalesce(checked_in_at, @now) END, absent = 1 - @present,
       absent_reason = @reason WHERE session_id = @sessionId AND person_id = @personId`
  ).run({ present: input.present ? 1 : 0, now: ctx.now(), reason: input.present ? '' : input.reason, sessionId: input.sessionId, personId: input.personId })
  announce(ctx, input.sessionId)
  return readAttendanceEntry(ctx, input.sessionId, input.personId)
}

/**
 * 全部出席: everyone still 未签到 is checked in; those marked absent stay absent. Once the session has
 * started, as of its start: saying so later (or when ending) records that they were there, and must
 * not cut a volunteer's hours to the minutes after the click.
 */
export function checkInEveryone(ctx: CoreContext, sessionId: string): LiveView {
  requireStatus(ctx, sessionId, ['planned', 'live'], 'sessionId')
  sql<never, { now: number; sessionId: string }>(
    ctx.db,
    `UPDATE attendance SET checked_in_at = min(@now, coalesce((SELECT started_at FROM sessions WHERE id = @sessionId), @now))
     WHERE session_id = @sessionId AND checked_in_at IS NULL AND absent = 0`
  ).run({ now: ctx.now(), sessionId })
  announce(ctx, sessionId)
  return liveView(ctx, sessionId)
}

/** A volunteer's service hours as the organiser corrects them before export; null goes back to the computed hours. */
export function setServiceHours(ctx: CoreContext, input: ParsedInputOf<'attendance:setServiceHours'>): SessionDetail {
  requireStatus(ctx, input.sessionId, ['live', 'ended'], 'sessionId')
  const row = sql<{ role: AttendanceRole }, [string, string]>(
    ctx.db,
    'SELECT role FROM attendance WHERE session_id = ? AND person_id = ?'
  ).get(input.sessionId, input.personId)
  if (!row) throw new AppFailure('invalid_input', 'This person is not on the list.', [issue('personId', 'not_on_list')])
  if (!isVolunteerRole(row.role)) throw new AppFailure('invalid_input', 'Only volunteers have service hours.', [issue('personId', 'not_volunteer')])
  sql<never, [number | null, string, string]>(
    ctx.db,
    'UPDATE attendance SET service_hours = ? WHERE session_id = ? AND person_id = ?'
  ).run(input.hours, input.sessionId, input.personId)
  announce(ctx, input.sessionId)
  return getSession(ctx, input.sessionId)
}

export function addWalkIn(ctx: CoreContext, input: ParsedInputOf<'live:addWalkIn'>): LiveView {
  requireStatus(ctx, input.sessionId, ['planned', 'live'], 'sessionId')
  seatWalkIn(ctx, input.sessionId, input.personId, input.seatNumber, ['personId'])
  announce(ctx, input.sessionId)
  return liveView(ctx, input.sessionId)
}

/**
 * Several walk-ins chosen together from the directory, each at the next free seat, in the order given. One
 * transaction: if any of them cannot be added (archived, already on the list), nobody is.
 */
export function addWalkIns(ctx: CoreContext, input: ParsedInputOf<'live:addWalkIns'>): LiveView {
  requireStatus(ctx, input.sessionId, ['planned', 'live'], 'sessionId')
  input.personIds.forEach((personId, index) => seatWalkIn(ctx, input.sessionId, personId, null, ['personIds', index]))
  announce(ctx, input.sessionId)
  return liveView(ctx, input.sessionId)
}

/** Puts one walk-in on the list, checked in now, at `seatNumber` or the first free seat; `path` names the input field in a refusal. */
function seatWalkIn(ctx: CoreContext, sessionId: string, personId: string, seatNumber: number | null, path: (string | number)[]): void {
  const input = { sessionId, personId, seatNumber }
  const person = sql<{ archived_at: number | null }, [string]>(ctx.db, 'SELECT archived_at FROM people WHERE id = ?').get(input.personId)
  if (!person) throw new AppFailure('invalid_input', 'No such person.', [issueAt(path, 'person_not_found')])
  if (person.archived_at !== null) throw new AppFailure('invalid_input', 'This person is archived.', [issueAt(path, 'person_archived')])
  const already = sql<{ 1: number }, [string, string]>(ctx.db, 'SELECT 1 FROM attendance WHERE session_id = ? AND person_id = ?').get(input.sessionId, input.personId)
  if (already) throw new AppFailure('invalid_input', 'Already on the list.', [issueAt(path, 'duplicate_person')])
  const taken = new Set(
    sql<{ seat_number: number }, [string]>(ctx.db, 'SELECT seat_number FROM attendance WHERE session_id = ? AND seat_number IS NOT NULL')
      .all(input.sessionId)
      .map((row) => row.seat_number)
  )
  if (input.seatNumber !== null && taken.has(input.seatNumber)) {
    throw new AppFailure('invalid_input', 'That seat is taken.', [issue('seatNumber', 'duplicate_seat')])
  }
  let seat = input.seatNumber ?? 1
  while (input.seatNumber === null && taken.has(seat)) seat++
  sql<never, [string, string, string, number, number]>(
    ctx.db,
    `INSERT INTO attendance (id, session_id, person_id, role, seat_number, invited, checked_in_at) VALUES (?, ?, ?, 'participant', ?, 0, ?)`
  ).run(uuidv7(ctx.now()), input.sessionId, input.personId, seat, ctx.now())
}

/** Held the mic to speak, or has a remark on record: either way they were there. */
function hasSpoken(ctx: ReadContext, sessionId: string, personId: string): boolean {
  const turn = sql<{ 1: number }, [string, string]>(
    ctx.db,
    "SELECT 1 FROM turns WHERE session_id = ? AND person_id = ? AND outcome IN ('spoken', 'speaking') LIMIT 1"
  )
  const remark = sql<{ 1: number }, [string, string]>(
    ctx.db,
    'SELECT 1 FROM remarks WHERE session_id = ? AND speaker_id = ? AND deleted_at IS NULL LIMIT 1'
  )
  return turn.get(sessionId, personId) !== undefined || remark.get(sessionId, personId) !== undefined
}

/** Appends one event after checking that the reducer accepts it, then rewrites what is derived from the log. */
function record(ctx: CoreContext, sessionId: string, action: SpeakingAction): Recorded {
  const agenda = readAgenda(ctx, sessionId)
  const event = { ...action, id: uuidv7(ctx.now()), at: ctx.now() } as SpeakingEvent
  const known = replayedState(ctx, sessionId, agenda)
  const before = known.state
  const after = apply(before, event, agenda)
  if (isRefusal(after)) throw refusal(after.refused)
  const { id, at, type, ...payload } = event
  // The shape was read in this transaction: the next seq is the one after its newest event.
  const seq = known.shape.lastSeq + 1
  sql<never, [string, number, string, SpeakingActionType, string, number]>(
    ctx.db,
    'INSERT INTO speaking_events (session_id, seq, id, type, payload, at) VALUES (?, ?, ?, ?, ?, ?)'
  ).run(sessionId, seq, id, type, JSON.stringify(payload), at)
  write(ctx, sessionId, after, before)
  const recorded = { state: after, lastAction: type }
  keepAppended(ctx, sessionId, known, recorded, { id, seq })
  return recorded
}

/**
 * `turns` equals the replayed state: turns are upserted (so remarks keep pointing at them) and those an
 * undo took back are deleted. Segments get their first start and last end.
 *
 * Only what differs from what is stored is written: a press changes a turn or two, and a long session has
 * hundreds (rewriting them all made 传递话筒 slower with every turn: 27 ms at 330 turns). After one more
 * action, what is stored is the state `before` it, which `write` left there; otherwise (撤销) the rows are
 * read back.
 */
function write(ctx: CoreContext, sessionId: string, state: SpeakingState, before?: SpeakingState): void {
  const stored = before ? movedTurns(before.turns, state.turns) : storedTurns(ctx, sessionId)
  // Positional parameters: binding twelve named ones from an object took as long as the insert itself.
  const upsert = sql<never, [string, string, string, string | null, number, TurnKind, number, TurnOutcome, number, number | null, number, number]>(
    ctx.db,
    `INSERT INTO turns (id, session_id, person_id, segment_id, round, kind, position, outcome, started_at, ended_at, paused_ms, applause)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, segment_id = excluded.segment_id, round = excluded.round,
       kind = excluded.kind, position = excluded.position, outcome = excluded.outcome, started_at = excluded.started_at,
       ended_at = excluded.ended_at, paused_ms = excluded.paused_ms, applause = excluded.applause`
  )
  const times = sql<never, [TurnOutcome, number, number | null, number, number, string]>(
    ctx.db,
    'UPDATE turns SET outcome = ?, started_at = ?, ended_at = ?, paused_ms = ?, applause = ? WHERE id = ?'
  )
  // Speaking is being there: whoever has spoken and is still 未签到 is checked in as of their turn, so the
  // record never names a speaker who was not present. (An undo does not take the check-in back.)
  const checkInSpeaker = sql<never, [number, string, string]>(
    ctx.db,
    'UPDATE attendance SET checked_in_at = ? WHERE session_id = ? AND person_id = ? AND checked_in_at IS NULL AND absent = 0'
  )
  const turns = state.turns
  for (let position = 0; position < turns.length; position++) {
    const turn = turns[position]!
    // The reducer shares the turns it leaves alone: the same object at the same place is stored as it is.
    if (before?.turns[position] === turn) continue
    const row = stored.get(turn.id)
    stored.delete(turn.id)
    if (row && sameTurn(row, turn, position)) continue
    // A turn that ends (or is paused, applauded) keeps its speaker and place: only its outcome and times are
    // written, so SQLite leaves its indexes and references alone (the upsert rewrites every column).
    const { id, personId, segmentId, round, kind, outcome, startedAt, endedAt, pausedMs, applause } = turn
    if (row && samePlace(row, turn, position)) times.run(outcome, startedAt, endedAt, pausedMs, applause, id)
    else upsert.run(id, sessionId, personId, segmentId, round, kind, position, outcome, startedAt, endedAt, pausedMs, applause)
    if (outcome === 'spoken') checkInSpeaker.run(startedAt, sessionId, personId)
  }
  // What is left of the stored turns, an undo took back.
  const remove = sql<never, [string, string]>(ctx.db, 'DELETE FROM turns WHERE session_id = ? AND id = ?')
  for (const id of stored.keys()) remove.run(sessionId, id)
  writeSegmentTimes(ctx, sessionId, state, before)
}

/**
 * The stored turns (those of `before`) that are not the very same object at the same place in `after`:
 * the only ones `write` has to look at. A press replaces a turn or two and adds one, so this is a few
 * entries, not one per turn of the session (a map of hundreds of turns on every press cost more than the
 * rows it wrote).
 */
function movedTurns(before: Turn[], after: Turn[]): Map<string, StoredTurn> {
  const moved = new Map<string, StoredTurn>()
  for (let position = 0; position < before.length; position++) {
    const turn = before[position]!
    if (after[position] !== turn) moved.set(turn.id, { turn, position })
  }
  return moved
}

/** A turn as stored: its fields and its place in the session's order. */
interface StoredTurn {
  turn: Turn
  position: number
}

function storedTurns(ctx: ReadContext, sessionId: string): Map<string, StoredTurn> {
  const rows = sql<Turn & { position: number }, [string]>(
    ctx.db,
    `SELECT id, person_id AS personId, segment_id AS segmentId, round, kind, outcome, started_at AS startedAt,
            ended_at AS endedAt, paused_ms AS pausedMs, applause, position
     FROM turns WHERE session_id = ?`
  ).all(sessionId)
  return new Map(rows.map(({ position, ...turn }) => [turn.id, { turn, position }]))
}

/** Each segment's first start and last end, as the phases say (only the changed ones after one more action). */
function writeSegmentTimes(ctx: CoreContext, sessionId: string, state: SpeakingState, before?: SpeakingState): void {
  const times = sql<never, [number | null, number | null, string, string]>(
    ctx.db,
    'UPDATE agenda_segments SET actual_start = ?, actual_end = ? WHERE id = ? AND session_id = ?'
  )
  if (!before) {
    sql<never, [string]>(ctx.db, 'UPDATE agenda_segments SET actual_start = NULL, actual_end = NULL WHERE session_id = ?').run(sessionId)
  }
  const earlier = new Map((before?.phases ?? []).map((phase) => [phase.key, phase]))
  for (const phase of state.phases) {
    const was = earlier.get(phase.key)
    earlier.delete(phase.key)
    if (phase.key === 'closing' || (was && was.startedAt === phase.startedAt && was.endedAt === phase.endedAt)) continue
    times.run(phase.startedAt, phase.endedAt, phase.key, sessionId)
  }
  // A phase the state no longer has (an action never removes one; kept for completeness) has no times.
  for (const key of earlier.keys()) if (key !== 'closing') times.run(null, null, key, sessionId)
}

/** A stored turn row has `turn`'s speaker, segment, round and kind, at `position`. */
function samePlace({ turn: row, position: rowPosition }: StoredTurn, turn: Turn, position: number): boolean {
  return rowPosition === position && row.personId === turn.personId && row.segmentId === turn.segmentId && row.round === turn.round && row.kind === turn.kind
}

/** A stored turn row already holds `turn` at `position`: its place, and its outcome and times. */
function sameTurn(stored: StoredTurn, turn: Turn, position: number): boolean {
  const row = stored.turn
  return (
    samePlace(stored, turn, position) &&
    row.outcome === turn.outcome &&
    row.startedAt === turn.startedAt &&
    row.endedAt === turn.endedAt &&
    row.pausedMs === turn.pausedMs &&
    row.applause === turn.applause
  )
}

/**
 * What an action needs to know about the list, read as narrowly as it can be: the list is read on every
 * press, and reading all of it (sixty people, their names and the list's order) was most of a round's time.
 */
function toSpeakingAction(ctx: ReadContext, sessionId: string, action: LiveAction): SpeakingAction {
  switch (action.type) {
    case 'round':
      // A round goes round the table: it starts at a seat.
      if (seatOfPresent(ctx, sessionId, action.startPersonId, 'startPersonId') === null) {
        throw new AppFailure('invalid_input', 'This person has no seat.', [issue('startPersonId', 'not_seated')])
      }
      return { type: 'round', order: fromSeat(seatedPresent(ctx, sessionId), action.startPersonId) }
    case 'raise_hand':
    case 'speak_again':
      seatOfPresent(ctx, sessionId, action.personId, 'personId')
      return action
    case 'phase':
    case 'pass':
    case 'skip':
    case 'defer':
    case 'decline':
      // Who is absent now decides who may be handed the mic; kept in the event (see Handover).
      return { ...action, absent: absentNow(ctx, sessionId) }
    default:
      return action
  }
}

/** The seat of someone on the list who is here (null: no seat); refused when they are not on it, or absent. */
function seatOfPresent(ctx: ReadContext, sessionId: string, personId: string, field: string): number | null {
  const entry = sql<{ seat_number: number | null; absent: number }, [string, string]>(
    ctx.db,
    'SELECT seat_number, absent FROM attendance WHERE session_id = ? AND person_id = ?'
  ).get(sessionId, personId)
  if (!entry) throw new AppFailure('invalid_input', 'This person is not on the list.', [issue(field, 'not_on_list')])
  if (entry.absent === 1) throw new AppFailure('invalid_input', 'This person is absent.', [issue(field, 'absent')])
  return entry.seat_number
}

/** Those seated and not absent, in seat order: who a round goes round (see `roundOrder`). */
function seatedPresent(ctx: ReadContext, sessionId: string): string[] {
  return sql<{ person_id: string }, [string]>(
    ctx.db,
    'SELECT person_id FROM attendance WHERE session_id = ? AND seat_number IS NOT NULL AND absent = 0 ORDER BY seat_number'
  )
    .all(sessionId)
    .map((row) => row.person_id)
}

/** Who is marked absent now, in the list's order (as the console shows them). */
function absentNow(ctx: ReadContext, sessionId: string): string[] {
  const rows = sql<{ person_id: string; seat_number: number | null; name: string }, [string]>(
    ctx.db,
    `SELECT a.person_id, a.seat_number, p.name FROM attendance a JOIN people p ON p.id = a.person_id
     WHERE a.session_id = ? AND a.absent = 1 ORDER BY a.seat_number IS NULL, a.seat_number`
  ).all(sessionId)
  return inListOrder(rows).map((row) => row.person_id)
}

function announce(ctx: ReadContext, sessionId: string): void {
  ctx.emit({ name: 'session:changed', id: sessionId })
  ctx.emit({ name: 'sessions:changed', id: sessionId })
}

const issue = (field: string, code: string) => issueAt([field], code)
const issueAt = (path: (string | number)[], code: string) => ({ path, code, message: code })
const refusal = (reason: string): AppFailure => new AppFailure('conflict', `Refused: ${reason}`, [issue('action', reason)])
