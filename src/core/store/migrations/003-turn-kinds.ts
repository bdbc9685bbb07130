import type { Database } from 'better-sqlite3'

/**
 * Turns outside a round (a lecturer's study turn, a raised hand, 再次发言, free discussion) get round 0
 * and a kind. SQLite cannot change a CHECK in place, so the table is rebuilt (SQLite's 12-step procedure;
 * this migration runs with foreign keys off, see migrations/index.ts).
 */
export function turnKinds(db: Database): void {
  db.exec(`
    CREATE TABLE turns_new (
      id         TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      person_id  TEXT NOT NULL REFERENCES people (id),
      segment_id TEXT REFERENCES agenda_segments (id) ON DELETE SET NULL,
      round      INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0),
      kind       TEXT NOT NULL DEFAULT 'round' CHECK (kind IN ('study', 'round', 'raised_hand', 'again')),
      position   INTEGER NOT NULL CHECK (position >= 0),
      outcome    TEXT NOT NULL CHECK (outcome IN ('speaking', 'spoken', 'skipped', 'deferred', 'declined')),
      started_at INTEGER NOT NULL,
      ended_at   INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
      paused_ms  INTEGER NOT NULL DEFAULT 0 CHECK (paused_ms >= 0),
      applause   INTEGER NOT NULL DEFAULT 0 CHECK (applause >= 0)
    ) STRICT;
    INSERT INTO turns_new (id, session_id, person_id, segment_id, round, kind, position, outcome, started_at, ended_at, paused_ms, applause)
      SELECT id, session_id, person_id, segment_id, round, 'round', position, outcome, coalesce(started_at, 0), ended_at, paused_ms, applause
      FROM turns;
    DROP TABLE turns;
    ALTER TABLE turns_new RENAME TO turns;
    CREATE INDEX turns_by_session ON turns (session_id, position);
    CREATE INDEX turns_by_person ON turns (person_id);
  `)
}
