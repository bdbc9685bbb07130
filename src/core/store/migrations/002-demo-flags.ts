import type { Database } from 'better-sqlite3'

/** Marks the people and theme of the 示例场次, so removing the demo removes exactly them. */
export function demoFlags(db: Database): void {
  db.exec(`
    ALTER TABLE people ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));
    ALTER TABLE themes ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));
  `)
}
