import type { Database } from 'better-sqlite3'

/**
 * 归档包 (archive packs carried from village laptops to the town office):
 * - `sessions.source_laptop`: the laptop a session was recorded on, set when it arrives in a pack (null: here);
 * - `merge_history`: the version of a record a merge did not keep (the older one), so nothing is lost;
 * - `person_links`: a person of another laptop the user linked to someone in this archive, so the next pack
 *   from there maps them again without asking;
 * - `pack_exports`: when the last pack went to a folder, for 导出 "everything since the last pack".
 */
export function archivePacks(db: Database): void {
  db.exec(`
    ALTER TABLE sessions ADD COLUMN source_laptop TEXT CHECK (source_laptop IS NULL OR length(source_laptop) > 0);

    CREATE TABLE merge_history (
      id            TEXT PRIMARY KEY,
      table_name    TEXT NOT NULL,
      record_id     TEXT NOT NULL,
      kept_from     TEXT NOT NULL CHECK (kept_from IN ('pack', 'archive')),
      source_laptop TEXT NOT NULL DEFAULT '',
      payload       TEXT NOT NULL CHECK (json_valid(payload)),
      replaced_at   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX merge_history_by_record ON merge_history (table_name, record_id);

    CREATE TABLE person_links (
      incoming_id   TEXT PRIMARY KEY,
      person_id     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      source_laptop TEXT NOT NULL DEFAULT '',
      linked_at     INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX person_links_by_person ON person_links (person_id);

    CREATE TABLE pack_exports (
      destination TEXT PRIMARY KEY,
      exported_at INTEGER NOT NULL
    ) STRICT;
  `)
}
