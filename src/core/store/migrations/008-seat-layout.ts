import type { Database } from 'better-sqlite3'

/**
 * 座位布局: the shape of the room a session's seats are drawn in — 圆桌 (round), 长桌 (a long table: two
 * long sides and the ends), U形 or 课桌式 (rows facing the front). Seat numbers keep meaning the speaking
 * order in every shape; sessions planned before this are round tables, as they were drawn.
 */
export function seatLayout(db: Database): void {
  db.exec(`
    ALTER TABLE sessions ADD COLUMN seat_layout TEXT NOT NULL DEFAULT 'round' CHECK (seat_layout IN ('round', 'long', 'u', 'rows'));
  `)
}
