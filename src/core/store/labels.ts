import { sql, type WriteDb } from './sql'

/**
 * Replaces the labels of one record in a two-column label table (a person's categories, a theme's or a
 * remark's tags).
 * Repeats are dropped by the table's primary key.
 */
export function replaceLabels(
  db: WriteDb,
  table: 'person_categories' | 'theme_tags' | 'remark_tags',
  owner: 'person_id' | 'theme_id' | 'remark_id',
  id: string,
  labels: string[]
): void {
  const column = table === 'person_categories' ? 'category' : 'tag'
  // Table and column names come from the fixed choices in the signature: a few texts, each compiled once.
  sql<never, [string]>(db, `DELETE FROM ${table} WHERE ${owner} = ?`).run(id)
  const insert = sql<never, [string, string]>(db, `INSERT OR IGNORE INTO ${table} (${owner}, ${column}) VALUES (?, ?)`)
  for (const label of labels) insert.run(id, label)
}
