import type { Database } from 'better-sqlite3'
import { apply, isRefusal, replay, type AgendaInfo, type SpeakingActionType, type SpeakingEvent, type SpeakingState } from '../../shared/speaking'
import type { ReadContext } from '../context'
import { sql } from '../store/sql'

/** The state a session's speaking log gives, and the last action in it (what the console says it did). */
export interface Recorded {
  state: SpeakingState
  lastAction: SpeakingActionType | null
}

/**
 * The log's state, replayed once and then only by the events added since.
 *
 * Every press (and every check-in, which answers with the console's view) needs the state of the whole log:
 * replaying hundreds of events each time made 传递话筒 slower as a session went on. So the replayed state is
 * kept per connection, next to what it was replayed from: the log's shape (its event count, its newest
 * event, its undone events) and the agenda. The log itself stays the only truth: when any of that differs in
 * a way other than events appended (an undo, a merged archive pack, an edited agenda), the whole log is
 * replayed again; a restored backup is a new connection and starts afresh.
 */
const kept = new WeakMap<Database, Map<string, Kept>>()

interface Kept extends Recorded {
  /** What the log looked like when the state was made (see `LogShape`), without the appended part. */
  shape: LogShape
  agenda: string
}

/** A log as `speaking_log_shapes` (migration 13, kept by triggers) has it; a log without events has no row. */
export interface LogShape {
  events: number
  /** The newest event's id (a row written in a transaction that was rolled back may come again as another). */
  lastId: string | null
  lastSeq: number
  undone: number
  lastUndoneAt: number
}

const NO_EVENTS: LogShape = { events: 0, lastId: null, lastSeq: 0, undone: 0, lastUndoneAt: 0 }

/** The session's replayed state and the shape of the log it was replayed from (read in this transaction). */
export interface Replayed extends Recorded {
  shape: LogShape
}

/** `agenda`: the session's agenda when the caller has just read it. */
export function replayedState(ctx: ReadContext, sessionId: string, agenda = readAgenda(ctx, sessionId)): Replayed {
  const agendaKey = JSON.stringify(agenda)
  // One row read by its key, not the log counted (it was a tenth of a millisecond a press at 330 events).
  const shape =
    sql<LogShape, [string]>(
      ctx.db,
      `SELECT events, last_id AS lastId, last_seq AS lastSeq, undone, last_undone_at AS lastUndoneAt
       FROM speaking_log_shapes WHERE session_id = ?`
    ).get(sessionId) ?? NO_EVENTS
  let sessions = kept.get(ctx.db)
  if (!sessions) kept.set(ctx.db, (sessions = new Map()))
  const known = sessions.get(sessionId)
  let recorded: Recorded | null = null
  if (known && known.agenda === agendaKey && known.shape.undone === shape.undone && known.shape.lastUndoneAt === shape.lastUndoneAt) {
    if (sameShape(known.shape, shape)) return known
    recorded = appended(ctx, sessionId, known, shape, agenda)
  }
  if (!recorded) {
    const events = readEvents(ctx, sessionId)
    recorded = { state: replay(events, agenda), lastAction: events.at(-1)?.type ?? null }
  }
  sessions.set(sessionId, { ...recorded, shape, agenda: agendaKey })
  return { ...recorded, shape }
}

/**
 * The event `record` has just appended (in the transaction still open): the kept state moves on to `after`
 * without reading the row back and applying it a second time. Only when the kept state is the one the event
 * was applied to; should the transaction roll back, the next read finds a shape other than this one (the
 * event's id is gone) and replays the log.
 */
export function keepAppended(ctx: ReadContext, sessionId: string, before: Recorded, after: Recorded, row: { id: string; seq: number }): void {
  const known = kept.get(ctx.db)?.get(sessionId)
  if (!known || known.state !== before.state) return
  const shape = { ...known.shape, events: known.shape.events + 1, lastId: row.id, lastSeq: Math.max(known.shape.lastSeq, row.seq) }
  kept.get(ctx.db)!.set(sessionId, { ...after, shape, agenda: known.agenda })
}

const sameShape = (a: LogShape, b: LogShape): boolean =>
  a.events === b.events && a.lastId === b.lastId && a.lastSeq === b.lastSeq && a.undone === b.undone && a.lastUndoneAt === b.lastUndoneAt

/** The kept state moved on by the events appended since it was made; null when the log changed otherwise. */
function appended(ctx: ReadContext, sessionId: string, known: Kept, shape: LogShape, agenda: AgendaInfo[]): Recorded | null {
  // The newest event the state was made from must still be there: an event of a transaction that was rolled
  // back is not, even when another has taken its seq since.
  if (known.shape.lastId !== null) {
    const newest = sql<{ id: string }, [string, number]>(ctx.db, 'SELECT id FROM speaking_events WHERE session_id = ? AND seq = ?').get(
      sessionId,
      known.shape.lastSeq
    )
    if (newest?.id !== known.shape.lastId) return null
  }
  const rows = sql<EventRow & { seq: number }, [string, number]>(
    ctx.db,
    'SELECT seq, id, type, payload, at FROM speaking_events WHERE session_id = ? AND seq > ? AND undone_at IS NULL ORDER BY seq'
  ).all(sessionId, known.shape.lastSeq)
  // Only new rows at the end, and all of them: anything else (rows replaced, removed) replays the whole log.
  if (known.shape.events + rows.length !== shape.events) return null
  let { state, lastAction } = known
  for (const event of rows.map(toEvent)) {
    const next = apply(state, event, agenda)
    if (!isRefusal(next)) state = next
    lastAction = event.type
  }
  return { state, lastAction }
}

interface EventRow {
  id: string
  type: SpeakingActionType
  payload: string
  at: number
}

const toEvent = (row: EventRow): SpeakingEvent =>
  ({ ...(JSON.parse(row.payload) as object), type: row.type, id: row.id, at: row.at }) as SpeakingEvent

/** The log, oldest first, without the events taken back (撤销). */
export function readEvents({ db }: ReadContext, sessionId: string): SpeakingEvent[] {
  return sql<EventRow, [string]>(db, 'SELECT id, type, payload, at FROM speaking_events WHERE session_id = ? AND undone_at IS NULL ORDER BY seq')
    .all(sessionId)
    .map(toEvent)
}

export function readAgenda({ db }: ReadContext, sessionId: string): AgendaInfo[] {
  return sql<{ id: string; kind: AgendaInfo['kind']; lecturer_id: string | null }, [string]>(
    db,
    'SELECT id, kind, lecturer_id FROM agenda_segments WHERE session_id = ? ORDER BY position'
  )
    .all(sessionId)
    .map((row) => ({ id: row.id, kind: row.kind, lecturerId: row.lecturer_id }))
}
