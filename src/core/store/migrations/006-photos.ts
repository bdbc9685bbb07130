import type { Database } from 'better-sqlite3'

/**
 * 活动照片: photos of a session, kept inside the archive (a BLOB each, so every backup and restore carries
 * them with no extra code). Core stores only JPEG or PNG of at most 1920 px a side (the page resizes them
 * first); `in_volunteer_record` marks the 2–4 chosen for the 志愿服务活动记录.
 */
export function photos(db: Database): void {
  db.exec(`
    CREATE TABLE session_photos (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      caption TEXT NOT NULL DEFAULT '',
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
      width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1920),
      height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 1920),
      bytes BLOB NOT NULL,
      in_volunteer_record INTEGER NOT NULL DEFAULT 0 CHECK (in_volunteer_record IN (0, 1)),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX session_photos_by_session ON session_photos (session_id, position);
  `)
}
