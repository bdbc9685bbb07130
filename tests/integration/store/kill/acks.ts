import type { Database } from 'better-sqlite3'

/**
 * What the kill-test driver acknowledges (one JSON line on stdout per operation, written only after core
 * answered ok), each with a key that can be looked up in the database afterwards. The driver never takes
 * anything back (no undo, no delete, no reopening), so every acknowledged fact stays true for good.
 */
export type Ack =
  | { k: 'person'; id: string }
  | { k: 'plan'; session: string }
  | { k: 'start'; session: string }
  /** A speaking action: the `seq`-th row of the session's log, of this type (the driver never undoes). */
  | { k: 'act'; session: string; seq: number; type: string }
  /** 结束场次: the session is ended, and its log's `seq`-th row is the `end` event. */
  | { k: 'end'; session: string; seq: number }
  | { k: 'checkIn'; session: string; person: string }
  | { k: 'absent'; session: string; person: string; reason: string }
  /** 全部出席: nobody is left 未签到 (but the absent). */
  | { k: 'everyone'; session: string }
  | { k: 'walkIn'; session: string; person: string }
  | { k: 'remark'; session: string; text: string }
  | { k: 'decision'; session: string; text: string }
  /** A decision marked done. */
  | { k: 'done'; text: string }

export type AckKind = Ack['k']

export function isAck(value: unknown): value is Ack {
  return typeof value === 'object' && value !== null && typeof (value as { k?: unknown }).k === 'string'
}

/** The acknowledged operations the database does not show (empty: nothing acknowledged was lost). */
export function lostAcknowledgements(db: Database, acks: readonly Ack[]): Ack[] {
  if (acks.length === 0) return []
  const rows = <T>(sql: string): T[] => db.prepare(sql).all() as T[]
  const people = new Set(rows<{ id: string }>('SELECT id FROM people').map((row) => row.id))
  const sessions = new Map(
    rows<{ id: string; status: string; started_at: number | null }>('SELECT id, status, started_at FROM sessions').map((row) => [row.id, row])
  )
  const events = new Map(
    rows<{ session_id: string; seq: number; type: string }>('SELECT session_id, seq, type FROM speaking_events').map((row) => [
      `${row.session_id}/${row.seq}`,
      row.type
    ])
  )
  const attendance = new Map(
    rows<{ session_id: string; person_id: string; invited: number; checked_in_at: number | null; absent: number; absent_reason: string }>(
      'SELECT session_id, person_id, invited, checked_in_at, absent, absent_reason FROM attendance'
    ).map((row) => [`${row.session_id}/${row.person_id}`, row])
  )
  const unchecked = new Set(
    rows<{ session_id: string }>('SELECT DISTINCT session_id FROM attendance WHERE checked_in_at IS NULL AND absent = 0').map((row) => row.session_id)
  )
  const remarks = new Set(
    rows<{ session_id: string; text: string }>('SELECT session_id, text FROM remarks WHERE deleted_at IS NULL').map((row) => `${row.session_id}/${row.text}`)
  )
  const decisions = new Map(
    rows<{ session_id: string; text: string; status: string }>('SELECT session_id, text, status FROM decisions').map((row) => [row.text, row])
  )

  const present = (ack: Ack): boolean => {
    switch (ack.k) {
      case 'person':
        return people.has(ack.id)
      case 'plan':
        return sessions.has(ack.session)
      case 'start': {
        const session = sessions.get(ack.session)
        return session !== undefined && session.started_at !== null && (session.status === 'live' || session.status === 'ended')
      }
      case 'act':
        return events.get(`${ack.session}/${ack.seq}`) === ack.type
      case 'end':
        return sessions.get(ack.session)?.status === 'ended' && events.get(`${ack.session}/${ack.seq}`) === 'end'
      case 'checkIn': {
        const entry = attendance.get(`${ack.session}/${ack.person}`)
        return entry !== undefined && entry.checked_in_at !== null && entry.absent === 0
      }
      case 'absent': {
        const entry = attendance.get(`${ack.session}/${ack.person}`)
        return entry !== undefined && entry.absent === 1 && entry.absent_reason === ack.reason
      }
      case 'everyone':
        return sessions.has(ack.session) && !unchecked.has(ack.session)
      case 'walkIn':
        return attendance.get(`${ack.session}/${ack.person}`)?.invited === 0
      case 'remark':
        return remarks.has(`${ack.session}/${ack.text}`)
      case 'decision':
        return decisions.get(ack.text)?.session_id === ack.session
      case 'done':
        return decisions.get(ack.text)?.status === 'done'
    }
  }
  return acks.filter((ack) => !present(ack))
}
