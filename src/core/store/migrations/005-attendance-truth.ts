import type { Database } from 'better-sqlite3'

/**
 * One truth for attendance (DESIGN §9):
 * - `service_hours`: a volunteer's hours as corrected by the organiser before export (null: computed from
 *   their own time, see serviceHours in src/shared/attendance.ts);
 * - sessions held before this version counted everyone not marked absent as present, and nobody had to
 *   check in: they are checked in as of the session's start, so their records say what they said before;
 * - a walk-in is on the list because they came, so none is absent.
 */
export function attendanceTruth(db: Database): void {
  db.exec(`
    ALTER TABLE attendance ADD COLUMN service_hours REAL CHECK (service_hours IS NULL OR (service_hours >= 0 AND service_hours <= 24));

    UPDATE attendance SET absent = 0, absent_reason = '' WHERE invited = 0 AND absent = 1;

    UPDATE attendance
    SET checked_in_at = (SELECT coalesce(s.started_at, s.planned_start) FROM sessions s WHERE s.id = attendance.session_id)
    WHERE checked_in_at IS NULL AND absent = 0
      AND session_id IN (SELECT id FROM sessions WHERE status IN ('live', 'ended'));
  `)
}
