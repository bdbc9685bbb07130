import type { Database } from 'better-sqlite3'

/**
 * A volunteer's service hours as corrected by the organiser before export (null: computed from their
 * own time, see serviceHours in src/shared/attendance.ts).
 */
export function serviceHours(db: Database): void {
  db.exec(`ALTER TABLE attendance ADD COLUMN service_hours REAL CHECK (service_hours IS NULL OR (service_hours >= 0 AND service_hours <= 24));`)
}
