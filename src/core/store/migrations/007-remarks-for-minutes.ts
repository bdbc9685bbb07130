import type { Database } from 'better-sqlite3'

/**
 * 入纪要: the note-taker marks the remarks that carry a speaker's main points, and the 会议纪要 takes those
 * (DESIGN §6; a session with none marked puts all of them in). The draft keeps the mark like the star, so
 * a restart brings it back. Older remarks are unmarked, which keeps their minutes as they were.
 */
export function remarksForMinutes(db: Database): void {
  db.exec(`
    ALTER TABLE remarks ADD COLUMN for_minutes INTEGER NOT NULL DEFAULT 0 CHECK (for_minutes IN (0, 1));
    ALTER TABLE remark_drafts ADD COLUMN for_minutes INTEGER NOT NULL DEFAULT 0 CHECK (for_minutes IN (0, 1));
  `)
}
