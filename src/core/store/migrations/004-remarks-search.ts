import type { Database } from 'better-sqlite3'

/**
 * Remarks for the note-taker: soft delete (so 撤销 can bring one back), drafts that survive power loss,
 * and full-text search. FTS5 `trigram` finds any 3+ character substring of Chinese text (no word
 * segmentation needed); shorter queries use LIKE. External-content tables, kept right by triggers.
 */
export function remarksAndSearch(db: Database): void {
  db.exec(`
    ALTER TABLE remarks ADD COLUMN deleted_at INTEGER;
    -- Newest-first search walks this index; with the filtered columns and the text in it, rows that do not
    -- match are skipped without reading the table.
    CREATE INDEX remarks_by_time ON remarks (created_at, deleted_at, speaker_id, text);

    CREATE TABLE remark_drafts (
      session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
      speaker_id TEXT REFERENCES people (id) ON DELETE SET NULL,
      turn_id    TEXT,
      text       TEXT NOT NULL DEFAULT '',
      tags       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
      starred    INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE VIRTUAL TABLE remarks_fts USING fts5(text, content='remarks', content_rowid='rowid', tokenize='trigram');
    INSERT INTO remarks_fts (rowid, text) SELECT rowid, text FROM remarks WHERE deleted_at IS NULL;
    CREATE TRIGGER remarks_fts_insert AFTER INSERT ON remarks WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO remarks_fts (rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER remarks_fts_delete AFTER DELETE ON remarks WHEN old.deleted_at IS NULL BEGIN
      INSERT INTO remarks_fts (remarks_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;
    CREATE TRIGGER remarks_fts_update AFTER UPDATE OF text, deleted_at ON remarks BEGIN
      INSERT INTO remarks_fts (remarks_fts, rowid, text) SELECT 'delete', old.rowid, old.text WHERE old.deleted_at IS NULL;
      INSERT INTO remarks_fts (rowid, text) SELECT new.rowid, new.text WHERE new.deleted_at IS NULL;
    END;

    CREATE VIRTUAL TABLE themes_fts USING fts5(title, description, materials, content='themes', content_rowid='rowid', tokenize='trigram');
    INSERT INTO themes_fts (rowid, title, description, materials) SELECT rowid, title, description, materials FROM themes;
    CREATE TRIGGER themes_fts_insert AFTER INSERT ON themes BEGIN
      INSERT INTO themes_fts (rowid, title, description, materials) VALUES (new.rowid, new.title, new.description, new.materials);
    END;
    CREATE TRIGGER themes_fts_delete AFTER DELETE ON themes BEGIN
      INSERT INTO themes_fts (themes_fts, rowid, title, description, materials) VALUES ('delete', old.rowid, old.title, old.description, old.materials);
    END;
    CREATE TRIGGER themes_fts_update AFTER UPDATE OF title, description, materials ON themes BEGIN
      INSERT INTO themes_fts (themes_fts, rowid, title, description, materials) VALUES ('delete', old.rowid, old.title, old.description, old.materials);
      INSERT INTO themes_fts (rowid, title, description, materials) VALUES (new.rowid, new.title, new.description, new.materials);
    END;
  `)
}
