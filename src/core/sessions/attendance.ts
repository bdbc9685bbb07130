import type { AttendanceEntry, AttendanceRole } from '../../shared/domain'
import { compareNames } from '../../shared/people'
import type { ReadContext } from '../context'
import { sql } from '../store/sql'

interface AttendanceRow {
  person_id: string
  name: string
  organisation: string
  village: string
  role: AttendanceRole
  seat_number: number | null
  invited: number
  checked_in_at: number | null
  absent: number
  absent_reason: string
  service_hours: number | null
}

/** Everyone on a session's list: seated people in seat order first, then the others (recorder, guests) by name. */
const SELECT_ENTRIES = `SELECT a.person_id, p.name, p.organisation, p.village, a.role, a.seat_number, a.invited, a.checked_in_at, a.absent, a.absent_reason, a.service_hours
  FROM attendance a JOIN people p ON p.id = a.person_id`

export function readAttendance({ db }: ReadContext, sessionId: string): AttendanceEntry[] {
  const rows = sql<AttendanceRow, [string]>(db, `${SELECT_ENTRIES} WHERE a.session_id = ? ORDER BY a.seat_number IS NULL, a.seat_number`).all(sessionId)
  return inListOrder(rows).map(toEntry)
}

/** One person's entry on a session's list (they are on it: the caller has checked). */
export function readAttendanceEntry({ db }: ReadContext, sessionId: string, personId: string): AttendanceEntry {
  return toEntry(sql<AttendanceRow, [string, string]>(db, `${SELECT_ENTRIES} WHERE a.session_id = ? AND a.person_id = ?`).get(sessionId, personId)!)
}

const toEntry = (row: AttendanceRow): AttendanceEntry => ({
  personId: row.person_id,
  name: row.name,
  organisation: row.organisation,
  village: row.village,
  role: row.role,
  seatNumber: row.seat_number,
  invited: row.invited === 1,
  checkedInAt: row.checked_in_at,
  absent: row.absent === 1,
  absentReason: row.absent_reason,
  serviceHours: row.service_hours
})

/**
 * The list's order, from rows SQLite gave in seat order (`ORDER BY seat_number IS NULL, seat_number`): the
 * seated as they are, then the unseated by name in pinyin order (SQLite sorts by code point).
 */
export function inListOrder<Row extends { seat_number: number | null; name: string }>(rows: Row[]): Row[] {
  const unseated = rows.filter((row) => row.seat_number === null).sort((a, b) => compareNames(a.name, b.name))
  return [...rows.filter((row) => row.seat_number !== null), ...unseated]
}
