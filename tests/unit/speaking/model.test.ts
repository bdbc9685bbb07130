import fc from 'fast-check'
import assert from 'node:assert/strict'
import { describe, expect, it } from 'vitest'
import {
  apply,
  initialState,
  isRefusal,
  replay,
  roundOrder,
  speakingMs,
  type AgendaInfo,
  type QueueEntry,
  type RefusalReason,
  type SeatedPerson,
  type SpeakingAction,
  type SpeakingEvent,
  type SpeakingState,
  type Turn
} from '../../../src/shared/speaking'

/**
 * Model-based test of the speaking-order reducer: random command sequences (every action type, plus undo)
 * on a small agenda (study, study, roundtable) with 3–9 people and a clock that only moves forward (gaps of
 * 0 ms included). Each step is checked against a small model of the rules, and the invariants below are
 * checked after every step. Restarts here go through the rows core would store, kept in memory (see
 * `EventRows`); restarts through a real SQLite file are tests/integration/live/model-sqlite.test.ts's.
 */

const AGENDA: AgendaInfo[] = [
  { id: 'study-1', kind: 'study', lecturerId: 'L1' },
  { id: 'study-2', kind: 'study', lecturerId: 'L2' },
  { id: 'table', kind: 'roundtable', lecturerId: null }
]
const LECTURERS = ['L1', 'L2']
const T0 = Date.UTC(2025, 7, 21, 6, 0)
const HOUR = 3_600_000

type Simple = 'free' | 'pass' | 'skip' | 'defer' | 'decline' | 'applause' | 'pause' | 'resume' | 'end'

type Command =
  | { kind: 'phase'; segment: number | null }
  | { kind: 'bad_phase' }
  /** A round as core builds it: the seated, present people clockwise from `start`. */
  | { kind: 'round'; start: number }
  /** Any order at all (possibly empty or with duplicates), to reach the reducer's own refusals. */
  | { kind: 'raw_round'; order: number[] }
  | { kind: 'simple'; type: Simple }
  | { kind: 'person'; type: 'raise_hand' | 'speak_again'; who: number }
  | { kind: 'undo' }
  /** Quit and start again: the events are read back from the rows core stores them as, and replayed. */
  | { kind: 'restart' }

/** `steer`: if the command would be refused, do something that moves the session on instead (see `productive`). */
type Step = { command: Command; gap: number; steer: boolean }

interface Scenario {
  seating: SeatedPerson[]
  steps: Step[]
}

const gapArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 2_000 }), weight: 3 },
  { arbitrary: fc.integer({ min: 2_000, max: 10 * 60_000 }), weight: 2 }
)

/** Three steps in four are steered; the rest keep their command, refused or not. */
const steerArb = fc.constantFrom(true, true, true, false)

const simple = (type: Simple, weight: number) => ({ arbitrary: fc.constant<Command>({ kind: 'simple', type }), weight })

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.constantFrom<Command>({ kind: 'phase', segment: 0 }, { kind: 'phase', segment: 1 }, { kind: 'phase', segment: null }), weight: 3 },
  { arbitrary: fc.constant<Command>({ kind: 'phase', segment: 2 }), weight: 4 },
  { arbitrary: fc.constant<Command>({ kind: 'bad_phase' }), weight: 1 },
  { arbitrary: fc.nat({ max: 10 }).map((start): Command => ({ kind: 'round', start })), weight: 6 },
  { arbitrary: fc.array(fc.nat({ max: 10 }), { maxLength: 4 }).map((order): Command => ({ kind: 'raw_round', order })), weight: 1 },
  simple('pass', 12),
  simple('defer', 6),
  simple('skip', 3),
  simple('decline', 3),
  simple('free', 2),
  simple('applause', 2),
  simple('pause', 3),
  simple('resume', 3),
  simple('end', 1),
  {
    arbitrary: fc
      .record({ type: fc.constantFrom('raise_hand' as const, 'speak_again' as const), who: fc.nat({ max: 10 }) })
      .map((p): Command => ({ kind: 'person', ...p })),
    weight: 4
  },
  { arbitrary: fc.constant<Command>({ kind: 'undo' }), weight: 5 },
  { arbitrary: fc.constant<Command>({ kind: 'restart' }), weight: 3 }
)

/** 3–9 people with distinct seat numbers (gaps allowed), now and then an unseated or an absent one. */
const seatingArb: fc.Arbitrary<SeatedPerson[]> = fc.integer({ min: 3, max: 9 }).chain((n) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: n, maxLength: n }),
      fc.array(fc.constantFrom('seated', 'seated', 'seated', 'seated', 'seated', 'seated', 'absent', 'unseated'), { minLength: n, maxLength: n })
    )
    .map(([seats, flags]) =>
      seats.map((seat, i) => ({
        personId: `P${i + 1}`,
        seatNumber: flags[i] === 'unseated' ? null : seat,
        absent: flags[i] === 'absent'
      }))
    )
)

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seating: seatingArb,
  steps: fc.array(fc.record({ command: commandArb, gap: gapArb, steer: steerArb }), { minLength: 1, maxLength: 60, size: 'max' })
})

/** A deliberately round-heavy mix: straight into 圆桌时间, then mostly passing, deferring and raised hands. */
const roundHeavyArb: fc.Arbitrary<Scenario> = fc.record({
  seating: seatingArb,
  steps: fc
    .array(
      fc.record({
        command: fc.oneof(
          { arbitrary: fc.nat({ max: 10 }).map((start): Command => ({ kind: 'round', start })), weight: 2 },
          simple('pass', 10),
          simple('defer', 8),
          simple('skip', 2),
          simple('decline', 2),
          simple('free', 1),
          simple('pause', 1),
          simple('resume', 1),
          {
            arbitrary: fc
              .record({ type: fc.constantFrom('raise_hand' as const, 'speak_again' as const), who: fc.nat({ max: 10 }) })
              .map((p): Command => ({ kind: 'person', ...p })),
            weight: 2
          },
          { arbitrary: fc.constant<Command>({ kind: 'undo' }), weight: 3 },
          { arbitrary: fc.constant<Command>({ kind: 'restart' }), weight: 2 }
        ),
        gap: gapArb,
        steer: steerArb
      }),
      { minLength: 1, maxLength: 60, size: 'max' }
    )
    .map((steps): Step[] => [{ command: { kind: 'phase', segment: 2 }, gap: 0, steer: false }, ...steps])
})

// ---------------------------------------------------------------------------------------------------------
// The model. Checks run thousands of times per sequence, so they use node:assert (fast) rather than expect.

/** What the rules say about refusing `action` in `state`, independently of how the reducer is written. */
function expectedRefusal(state: SpeakingState, action: SpeakingAction): RefusalReason | null {
  if (state.ended) return 'session_ended'
  const segment = AGENDA.find((candidate) => candidate.id === state.phase)
  // The model's own statement of the rule: only the round's own people keep it open.
  const roundInProgress = state.mode === 'round' && (state.current?.kind === 'round' || state.queue.some((entry) => entry.kind === 'round'))
  switch (action.type) {
    case 'phase':
      return action.segmentId === null || AGENDA.some((s) => s.id === action.segmentId) ? null : 'unknown_segment'
    case 'round':
      if (state.phase === null) return 'not_in_a_phase'
      if (segment?.kind !== 'roundtable') return 'not_roundtable'
      if (action.order.length === 0) return 'empty_round'
      if (new Set(action.order).size !== action.order.length) return 'duplicate_in_round'
      return roundInProgress ? 'round_in_progress' : null
    case 'free':
      if (state.phase === null) return 'not_in_a_phase'
      if (segment?.kind !== 'roundtable') return 'not_roundtable'
      return roundInProgress ? 'round_in_progress' : null
    case 'pass':
    case 'skip':
    case 'defer':
    case 'decline':
    case 'applause':
      return state.current ? null : 'nobody_speaking'
    case 'pause':
      return !state.current ? 'nobody_speaking' : state.pausedAt !== null ? 'already_paused' : null
    case 'resume':
      return !state.current ? 'nobody_speaking' : state.pausedAt === null ? 'not_paused' : null
    case 'raise_hand':
    case 'speak_again':
      return state.phase === null ? 'not_in_a_phase' : null
    case 'end':
      return null
  }
}

/** `actual` has every field of `fields`, deep-equal. */
function match(actual: object | null | undefined, fields: Record<string, unknown>, what: string): void {
  assert.ok(actual, `${what}: missing`)
  for (const [key, value] of Object.entries(fields)) assert.deepStrictEqual((actual as Record<string, unknown>)[key], value, `${what}: ${key}`)
}

/** Checks the effect of one accepted action on who speaks and who waits. */
function checkTransition(before: SpeakingState, event: SpeakingEvent, after: SpeakingState): void {
  const at = event.at
  const what = `after ${event.type}`
  const endedTurn = (): Turn | undefined => after.turns.find((turn) => turn.id === before.current?.id)
  const expectEnded = (outcome: Turn['outcome']): void => {
    if (!before.current) return
    // A pause still running when the turn ends counts up to its end.
    const pausedMs = before.current.pausedMs + (before.pausedAt === null ? 0 : at - before.pausedAt)
    match(endedTurn(), { outcome, endedAt: at, pausedMs }, `${what}: the ended turn`)
  }
  /** Who gets the microphone when the current turn ends and `queue` is waiting. */
  const expectNext = (queue: QueueEntry[]): void => {
    const [first, ...rest] = queue
    assert.deepStrictEqual(after.queue, rest, `${what}: queue`)
    if (!first) return assert.equal(after.current, null, `${what}: nobody speaks`)
    match(after.current, { personId: first.personId, kind: first.kind, outcome: 'speaking', startedAt: at, endedAt: null, pausedMs: 0 }, `${what}: next`)
    assert.equal(after.current!.id, first.turnId ?? event.id, `${what}: the next turn's id`)
  }
  const sameExcept = (fields: Partial<SpeakingState>): void => assert.deepStrictEqual(after, { ...before, ...fields }, what)

  switch (event.type) {
    case 'pass':
    case 'skip':
    case 'decline':
      expectEnded(({ pass: 'spoken', skip: 'skipped', decline: 'declined' } as const)[event.type])
      expectNext(before.queue)
      break
    case 'defer': {
      const current = before.current!
      if (current.kind === 'round') {
        if (before.queue.length > 0) expectEnded('deferred')
        expectNext([...before.queue, { personId: current.personId, kind: 'round', turnId: current.id }])
      } else {
        expectEnded('skipped')
        expectNext(before.queue)
      }
      break
    }
    case 'raise_hand':
    case 'speak_again': {
      const entry: QueueEntry = { personId: event.personId, kind: event.type === 'raise_hand' ? 'raised_hand' : 'again' }
      if (before.current) {
        const hands = before.queue.filter((waiting, index) => waiting.kind === 'raised_hand' && before.queue.slice(0, index).every((w) => w.kind === 'raised_hand')).length
        sameExcept({
          queue: event.type === 'raise_hand' ? [...before.queue.slice(0, hands), entry, ...before.queue.slice(hands)] : [...before.queue, entry]
        })
      } else {
        const turn: Turn = {
          id: event.id,
          personId: event.personId,
          segmentId: before.phase === 'closing' ? null : before.phase,
          round: 0,
          kind: entry.kind,
          outcome: 'speaking',
          startedAt: at,
          endedAt: null,
          pausedMs: 0,
          applause: 0
        }
        sameExcept({ current: turn, turns: [...before.turns, turn] })
      }
      break
    }
    case 'applause': {
      const current = { ...before.current!, applause: before.current!.applause + 1 }
      sameExcept({ current, turns: before.turns.map((turn) => (turn.id === current.id ? current : turn)) })
      break
    }
    case 'pause':
      sameExcept({ pausedAt: at })
      break
    case 'resume': {
      const current = { ...before.current!, pausedMs: before.current!.pausedMs + at - before.pausedAt! }
      sameExcept({ pausedAt: null, current, turns: before.turns.map((turn) => (turn.id === current.id ? current : turn)) })
      break
    }
    case 'phase': {
      expectEnded('spoken')
      const key = event.segmentId ?? 'closing'
      assert.equal(after.phase, key, what)
      assert.deepStrictEqual(after.queue, [], `${what}: the queue is forgotten`)
      const lecturer = AGENDA.find((segment) => segment.id === event.segmentId)?.lecturerId
      if (lecturer) {
        assert.equal(after.mode, 'study', what)
        match(after.current, { id: event.id, personId: lecturer, kind: 'study', segmentId: key, startedAt: at, round: 0 }, `${what}: lecturer`)
      } else {
        assert.equal(after.mode, 'idle', what)
        assert.equal(after.current, null, what)
      }
      break
    }
    case 'round':
      expectEnded('spoken')
      match(after, { mode: 'round', round: before.round + 1, phase: before.phase }, what)
      match(after.current, { id: event.id, personId: event.order[0], kind: 'round', round: before.round + 1, startedAt: at }, `${what}: first`)
      assert.deepStrictEqual(after.queue, event.order.slice(1).map((personId) => ({ personId, kind: 'round' })), `${what}: queue`)
      break
    case 'free':
      expectEnded('spoken')
      match(after, { mode: 'free', current: null, queue: [], round: before.round, phase: before.phase }, what)
      break
    case 'end':
      expectEnded('spoken')
      match(after, { ended: true, current: null, queue: [], mode: 'idle', pausedAt: null }, what)
      assert.ok(after.phases.every((phase) => phase.endedAt !== null), `${what}: every phase ended`)
      break
  }
  // Nothing but the turn that ended and the turn that began changes.
  const touched = new Set([before.current?.id, after.current?.id])
  const untouched = (state: SpeakingState) => state.turns.filter((turn) => !touched.has(turn.id))
  assert.deepStrictEqual(untouched(after), untouched(before), `${what}: other turns`)
}

/** The invariants that hold after every step. */
function checkInvariants(state: SpeakingState, events: SpeakingEvent[], now: number): void {
  // At most one current speaker: the current turn is the only one speaking, and the last one begun.
  const speaking = state.turns.filter((turn) => turn.outcome === 'speaking')
  if (state.current) {
    assert.deepStrictEqual(speaking, [state.current], 'the current turn is the only one speaking')
    assert.deepStrictEqual(state.turns.at(-1), state.current, 'the current turn is the last one begun')
  } else {
    assert.deepStrictEqual(speaking, [], 'nobody speaks')
    assert.deepStrictEqual(state.queue, [], 'nobody waits while nobody holds the microphone')
    assert.equal(state.pausedAt, null, 'no pause without a speaker')
  }
  assert.equal(new Set(state.turns.map((turn) => turn.id)).size, state.turns.length, 'turn ids are unique')
  const eventIds = new Set(events.map((event) => event.id))

  // No negative durations, now or at any later time.
  let previousStart = -Infinity
  for (const turn of state.turns) {
    const what = `turn ${turn.id}`
    assert.ok(eventIds.has(turn.id), `${what}: its id is an event's`)
    assert.ok(turn.startedAt >= previousStart, `${what}: turns are in the order they began`)
    previousStart = turn.startedAt
    assert.ok(turn.startedAt <= now, `${what}: started in the past`)
    assert.ok(turn.pausedMs >= 0 && turn.applause >= 0, `${what}: counts are not negative`)
    assert.equal(turn.endedAt === null, turn.outcome === 'speaking', `${what}: only the speaking turn is open`)
    if (turn.endedAt !== null) {
      assert.ok(turn.endedAt >= turn.startedAt && turn.endedAt <= now, `${what}: ended after it started`)
      assert.ok(turn.pausedMs <= turn.endedAt - turn.startedAt, `${what}: paused no longer than it lasted`)
    } else {
      assert.ok(turn.pausedMs <= (state.pausedAt ?? now) - turn.startedAt, `${what}: paused no longer than it lasted`)
    }
    let previous = 0
    for (const later of [now, now + 1, now + HOUR]) {
      const ms = speakingMs(turn, state.pausedAt, later)
      assert.ok(ms >= previous, `${what}: speakingMs is never negative and never runs backwards`)
      assert.ok(ms <= (turn.endedAt ?? later) - turn.startedAt, `${what}: speakingMs is at most the time it lasted`)
      previous = ms
    }
    assert.equal(turn.round > 0, turn.kind === 'round', `${what}: round turns, and only they, have a round number`)
    if (turn.kind === 'study') assert.equal(AGENDA.find((segment) => segment.id === turn.segmentId)?.lecturerId, turn.personId, `${what}: lecturer`)
  }
  if (state.pausedAt !== null) assert.ok(state.pausedAt >= state.current!.startedAt && state.pausedAt <= now, 'paused during the turn')

  // Within a completed round, everyone of that round's order has exactly one round turn, none left deferred.
  const rounds = events.filter((event): event is SpeakingEvent & { type: 'round' } => event.type === 'round')
  assert.equal(state.round, rounds.length, 'the round number counts the rounds')
  if (state.mode === 'round') {
    const order = [...rounds.at(-1)!.order].sort()
    const roundTurns = state.turns.filter((turn) => turn.kind === 'round' && turn.round === state.round)
    if (!state.current && state.queue.length === 0) {
      assert.deepStrictEqual(roundTurns.map((turn) => turn.personId).sort(), order, 'a completed round has one turn per person')
      for (const turn of roundTurns) assert.ok(['spoken', 'skipped', 'declined'].includes(turn.outcome), 'nobody is left deferred')
    } else {
      // Meanwhile: nobody has two round turns, and everyone of the order has begun or still waits.
      const waiting = state.queue.filter((entry) => entry.kind === 'round' && !entry.turnId).map((entry) => entry.personId)
      assert.deepStrictEqual([...roundTurns.map((turn) => turn.personId), ...waiting].sort(), order, 'a round in progress')
    }
  }
  // Deferred turns in the queue point at their own turn, left deferred.
  for (const entry of state.queue) {
    if (entry.turnId === undefined) continue
    match(state.turns.find((turn) => turn.id === entry.turnId), { personId: entry.personId, outcome: 'deferred', kind: 'round' }, 'a deferral waiting')
  }

  // Modes and phases.
  const segment = AGENDA.find((candidate) => candidate.id === state.phase)
  if (state.mode === 'study') assert.equal(segment?.kind, 'study', 'study mode in a study segment')
  if (state.mode === 'round' || state.mode === 'free') assert.equal(segment?.kind, 'roundtable', 'rounds in 圆桌时间')
  assert.equal(new Set(state.phases.map((phase) => phase.key)).size, state.phases.length, 'each phase once')
  const open = state.phases.filter((phase) => phase.endedAt === null).map((phase) => phase.key)
  assert.deepStrictEqual(open, state.ended || state.phase === null ? [] : [state.phase], 'only the phase in progress is open')
  for (const phase of state.phases) if (phase.endedAt !== null) assert.ok(phase.endedAt >= phase.startedAt, 'phases end after they start')
  if (state.ended) match(state, { current: null, queue: [], mode: 'idle', pausedAt: null }, 'ended')
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

interface RunStats {
  steps: number
  accepted: number
  refused: number
  undone: number
  completedRounds: number
  deferralsReturned: number
  restarts: number
}

const newStats = (): RunStats => ({ steps: 0, accepted: 0, refused: 0, undone: 0, completedRounds: 0, deferralsReturned: 0, restarts: 0 })

function toAction(command: Exclude<Command, { kind: 'undo' } | { kind: 'restart' }>, seating: SeatedPerson[]): SpeakingAction {
  const person = personOf(seating)
  switch (command.kind) {
    case 'phase':
      return { type: 'phase', segmentId: command.segment === null ? null : AGENDA[command.segment]!.id }
    case 'bad_phase':
      return { type: 'phase', segmentId: 'no-such-segment' }
    case 'round':
      return { type: 'round', order: roundOrder(seating, person(command.start)) }
    case 'raw_round':
      return { type: 'round', order: command.order.map(person) }
    case 'simple':
      return { type: command.type }
    case 'person':
      return { type: command.type, personId: person(command.who) }
  }
}

const personOf =
  (seating: SeatedPerson[]) =>
  (index: number): string => {
    const everyone = [...seating.map((person) => person.personId), ...LECTURERS]
    return everyone[index % everyone.length]!
  }

/**
 * Steering: a command that would be refused is, when the step says so, replaced by one that moves the
 * session on (into a phase, a new round, a raised hand, passing the mic), so sequences get somewhere.
 */
function productive(state: SpeakingState, seating: SeatedPerson[], index: number): SpeakingAction {
  const person = personOf(seating)
  if (state.phase === null) return { type: 'phase', segmentId: AGENDA[index % AGENDA.length]!.id }
  if (state.current) return { type: 'pass' }
  const order = roundOrder(seating, person(index))
  if (state.phase === 'table' && order.length > 0 && state.mode !== 'free') return { type: 'round', order }
  return { type: 'raise_hand', personId: person(index) }
}

const indexOf = (command: Command): number =>
  command.kind === 'round' ? command.start : command.kind === 'person' ? command.who : command.kind === 'phase' ? (command.segment ?? 0) : 0

/** A `speaking_events` row, with its columns' names and types. */
interface EventRow {
  seq: number
  id: string
  type: SpeakingEvent['type']
  payload: string
  at: number
  undone_at: number | null
}

/**
 * The events as core keeps them in `speaking_events` (src/core/live/live.ts: `record`, `undo`, `readEvents`),
 * in memory: an accepted action appends a row (type, the rest as a JSON payload, time, next seq); an undo
 * marks the last live row undone and keeps it. A restart turns the rows into text and back, as a file
 * would hold them, and reads the live rows in seq order. (The SQLite file itself, closed and opened
 * again, is tests/integration/live/model-sqlite.test.ts's.)
 */
class EventRows {
  private rows: EventRow[] = []

  append({ id, at, type, ...payload }: SpeakingEvent): void {
    this.rows.push({ seq: this.rows.length + 1, id, type, payload: JSON.stringify(payload), at, undone_at: null })
  }

  undo(now: number): void {
    const last = this.rows.findLast((row) => row.undone_at === null)
    assert.ok(last, 'an undo has a live row to mark')
    last.undone_at = now
  }

  restart(): SpeakingEvent[] {
    this.rows = JSON.parse(JSON.stringify(this.rows)) as EventRow[]
    // Read newest first, so that only the order by seq puts them in order.
    return this.rows
      .toReversed()
      .filter((row) => row.undone_at === null)
      .toSorted((a, b) => a.seq - b.seq)
      .map((row) => ({ ...(JSON.parse(row.payload) as object), type: row.type, id: row.id, at: row.at }) as SpeakingEvent)
  }
}

/** Runs one scenario step by step against the reducer, checking everything. */
function runScenario({ seating, steps }: Scenario, stats: RunStats): void {
  const rows = new EventRows()
  let now = T0
  let n = 0
  let state = deepFreeze(initialState)
  /** Accepted events, each with the state before it (what undo must give back). */
  const log: { event: SpeakingEvent; before: SpeakingState }[] = []
  for (const { command, gap, steer } of steps) {
    now += gap
    stats.steps++
    if (command.kind === 'restart') {
      const reloaded = rows.restart()
      assert.deepStrictEqual(reloaded, log.map((entry) => entry.event), 'the events read back are the events written, less those undone')
      assert.deepStrictEqual(replay(reloaded, AGENDA), state, 'after a restart the state is rebuilt exactly from the stored rows')
      stats.restarts++
    } else if (command.kind === 'undo') {
      const last = log.pop()
      if (last) {
        rows.undo(now)
        const undone = replay(
          log.map((entry) => entry.event),
          AGENDA
        )
        assert.deepStrictEqual(undone, last.before, 'undo restores the state before the undone action')
        state = deepFreeze(undone)
        stats.undone++
      }
    } else {
      let action = toAction(command, seating)
      if (steer && !state.ended && expectedRefusal(state, action) !== null) action = productive(state, seating, indexOf(command))
      const event: SpeakingEvent = { ...action, id: `e${++n}`, at: now }
      const next = apply(state, event, AGENDA) // state is frozen: apply may not change it
      const refusal = expectedRefusal(state, action)
      if (isRefusal(next)) {
        assert.equal(next.refused, refusal, `${action.type} refused`)
        stats.refused++
      } else {
        assert.equal(refusal, null, `${action.type} accepted`)
        checkTransition(state, event, next)
        const wasRoundDone = state.mode === 'round' && !state.current && state.queue.length === 0
        if (next.current && state.queue[0]?.turnId === next.current.id) stats.deferralsReturned++
        log.push({ event, before: state })
        rows.append(event)
        state = deepFreeze(next)
        stats.accepted++
        if (!wasRoundDone && state.mode === 'round' && !state.current && state.queue.length === 0) stats.completedRounds++
      }
    }
    const events = log.map((entry) => entry.event)
    checkInvariants(state, events, now)
    assert.deepStrictEqual(replay(events, AGENDA), state, 'replay equals the state built step by step')
  }
}

describe('the speaking reducer against a model', () => {
  it('any sequence of actions, undos and restarts keeps every invariant (700 sequences)', () => {
    const stats = newStats()
    let runs = 0
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        runs++
        runScenario(scenario, stats)
      }),
      { numRuns: 700 }
    )
    expect(runs).toBeGreaterThanOrEqual(700)
    // The generator reaches the interesting places, not only refusals.
    expect(stats.accepted).toBeGreaterThan(stats.steps / 3)
    expect(stats.completedRounds).toBeGreaterThan(50)
    expect(stats.deferralsReturned).toBeGreaterThan(50)
    expect(stats.undone).toBeGreaterThan(500)
    expect(stats.restarts).toBeGreaterThan(500)
  })

  it('round-heavy sequences: deferrals, raised hands and undos inside rounds keep every invariant (300 sequences)', () => {
    const stats = newStats()
    let runs = 0
    fc.assert(
      fc.property(roundHeavyArb, (scenario) => {
        runs++
        runScenario(scenario, stats)
      }),
      { numRuns: 300 }
    )
    expect(runs).toBeGreaterThanOrEqual(300)
    expect(stats.completedRounds).toBeGreaterThan(150)
    expect(stats.deferralsReturned).toBeGreaterThan(300)
  })

  it('the model itself catches a reducer that breaks a rule (raised hand queued at the end)', () => {
    const state = apply(initialState, { type: 'phase', segmentId: 'table', id: 'a', at: T0 }, AGENDA) as SpeakingState
    const speaking = apply(state, { type: 'round', order: ['P1', 'P2'], id: 'b', at: T0 }, AGENDA) as SpeakingState
    const hand: SpeakingEvent = { type: 'raise_hand', personId: 'P3', id: 'c', at: T0 }
    const wrong: SpeakingState = { ...speaking, queue: [...speaking.queue, { personId: 'P3', kind: 'raised_hand' }] }
    expect(() => checkTransition(speaking, hand, wrong)).toThrow()
    expect(() => checkTransition(speaking, hand, apply(speaking, hand, AGENDA) as SpeakingState)).not.toThrow()
  })
})
