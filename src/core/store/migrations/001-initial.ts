import type { Database } from 'better-sqlite3'

/** The whole domain of DESIGN.md §4. Times are integer ms UTC; ids are UUIDv7 text. */
export function initialSchema(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL CHECK (json_valid(value)),
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE people (
      id           TEXT PRIMARY KEY,
      name         TEXT NOT NULL CHECK (length(name) > 0),
      gender       TEXT CHECK (gender IN ('male', 'female')),
      organisation TEXT NOT NULL DEFAULT '',
      village      TEXT NOT NULL DEFAULT '',
      phone        TEXT,
      note         TEXT NOT NULL DEFAULT '',
      archived_at  INTEGER,
      created_at   INTEGER NOT NULL,
      updated_at   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX people_by_name ON people (name);
    CREATE INDEX people_by_organisation ON people (organisation, village);

    CREATE TABLE person_categories (
      person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      category  TEXT NOT NULL,
      PRIMARY KEY (person_id, category)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_categories_by_category ON person_categories (category);

    CREATE TABLE themes (
      id          TEXT PRIMARY KEY,
      title       TEXT NOT NULL CHECK (length(title) > 0),
      description TEXT NOT NULL DEFAULT '',
      materials   TEXT NOT NULL DEFAULT '',
      refs        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refs)),
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE theme_tags (
      theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
      tag      TEXT NOT NULL,
      PRIMARY KEY (theme_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX theme_tags_by_tag ON theme_tags (tag);

    CREATE TABLE sessions (
      id                    TEXT PRIMARY KEY,
      theme_id              TEXT REFERENCES themes (id) ON DELETE SET NULL,
      title                 TEXT NOT NULL CHECK (length(title) > 0),
      planned_start         INTEGER NOT NULL,
      planned_end           INTEGER NOT NULL CHECK (planned_end > planned_start),
      venue                 TEXT NOT NULL DEFAULT '',
      host_id               TEXT REFERENCES people (id),
      recorder_id           TEXT REFERENCES people (id),
      organiser_unit        TEXT NOT NULL DEFAULT '',
      status                TEXT NOT NULL DEFAULT 'planned'
                              CHECK (status IN ('planned', 'live', 'ended', 'cancelled')),
      speaker_limit_seconds INTEGER CHECK (speaker_limit_seconds > 0),
      started_at            INTEGER,
      ended_at              INTEGER,
      summary               TEXT NOT NULL DEFAULT '',
      is_demo               INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      created_at            INTEGER NOT NULL,
      updated_at            INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_start ON sessions (planned_start);
    CREATE INDEX sessions_by_status ON sessions (status, planned_start);
    CREATE INDEX sessions_by_theme ON sessions (theme_id);

    CREATE TABLE agenda_segments (
      id              TEXT PRIMARY KEY,
      session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      position        INTEGER NOT NULL CHECK (position >= 0),
      kind            TEXT NOT NULL CHECK (kind IN ('study', 'roundtable', 'other')),
      title           TEXT NOT NULL DEFAULT '',
      lecturer_id     TEXT REFERENCES people (id),
      topic           TEXT NOT NULL DEFAULT '',
      planned_minutes INTEGER CHECK (planned_minutes >= 0),
      actual_start    INTEGER,
      actual_end      INTEGER,
      UNIQUE (session_id, position)
    ) STRICT;
    CREATE INDEX agenda_by_lecturer ON agenda_segments (lecturer_id);

    CREATE TABLE attendance (
      id             TEXT PRIMARY KEY,
      session_id     TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      person_id      TEXT NOT NULL REFERENCES people (id),
      role           TEXT NOT NULL DEFAULT 'participant'
                       CHECK (role IN ('host', 'recorder', 'lecturer', 'participant', 'guest')),
      seat_number    INTEGER CHECK (seat_number > 0),
      invited        INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1)),
      checked_in_at  INTEGER,
      absent         INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
      absent_reason  TEXT NOT NULL DEFAULT '',
      UNIQUE (session_id, person_id),
      UNIQUE (session_id, seat_number)
    ) STRICT;
    CREATE INDEX attendance_by_person ON attendance (person_id);

    -- The source of truth for who spoke when: append-only, replayed by the reducer in src/shared.
    CREATE TABLE speaking_events (
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      seq        INTEGER NOT NULL CHECK (seq > 0),
      id         TEXT NOT NULL UNIQUE,
      type       TEXT NOT NULL,
      payload    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
      at         INTEGER NOT NULL,
      undone_at  INTEGER,
      PRIMARY KEY (session_id, seq)
    ) STRICT;

    -- Materialised from speaking_events in the same transaction, for queries and statistics.
    CREATE TABLE turns (
      id         TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      person_id  TEXT NOT NULL REFERENCES people (id),
      segment_id TEXT REFERENCES agenda_segments (id) ON DELETE SET NULL,
      round      INTEGER NOT NULL DEFAULT 1 CHECK (round > 0),
      position   INTEGER NOT NULL CHECK (position >= 0),
      outcome    TEXT NOT NULL CHECK (outcome IN ('speaking', 'spoken', 'skipped', 'deferred', 'declined')),
      started_at INTEGER,
      ended_at   INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
      paused_ms  INTEGER NOT NULL DEFAULT 0 CHECK (paused_ms >= 0),
      applause   INTEGER NOT NULL DEFAULT 0 CHECK (applause >= 0)
    ) STRICT;
    CREATE INDEX turns_by_session ON turns (session_id, position);
    CREATE INDEX turns_by_person ON turns (person_id);

    CREATE TABLE remarks (
      id         TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      turn_id    TEXT REFERENCES turns (id) ON DELETE SET NULL,
      speaker_id TEXT NOT NULL REFERENCES people (id),
      text       TEXT NOT NULL,
      starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
      offset_ms  INTEGER CHECK (offset_ms >= 0),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX remarks_by_session ON remarks (session_id, created_at);
    CREATE INDEX remarks_by_speaker ON remarks (speaker_id);
    CREATE INDEX remarks_by_turn ON remarks (turn_id);

    CREATE TABLE remark_tags (
      remark_id TEXT NOT NULL REFERENCES remarks (id) ON DELETE CASCADE,
      tag       TEXT NOT NULL,
      PRIMARY KEY (remark_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX remark_tags_by_tag ON remark_tags (tag);

    CREATE TABLE decisions (
      id         TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      text       TEXT NOT NULL CHECK (length(text) > 0),
      owner_id   TEXT REFERENCES people (id),
      owner_name TEXT NOT NULL DEFAULT '',
      due_date   TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
      done_at    INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX decisions_by_session ON decisions (session_id);
    CREATE INDEX decisions_open ON decisions (status, due_date);
  `)
}
