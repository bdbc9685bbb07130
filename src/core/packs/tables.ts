import type { Database, Statement } from 'better-sqlite3'
import type { PackRecordKind } from '../../shared/contract/packs'

/**
 * What a pack carries, table by table, and how each is merged. Rows are plain objects keyed by column, read
 * with the columns this archive's schema has (a pack is migrated to the same schema before it is read).
 */

export type Row = Record<string, unknown>

/** Records with their own `updated_at`: the newer version wins, record by record. */
export interface VersionedTable {
  table: 'people' | 'themes' | 'sessions' | 'remarks' | 'decisions'
  /** A set of labels that belongs to the record (categories, tags) and travels with it. */
  labels?: { table: 'person_categories' | 'theme_tags' | 'remark_tags'; parent: string; column: string }
  /** What a person reads to know the record in a preview. */
  label: (row: Row) => string
}

export const VERSIONED: readonly VersionedTable[] = [
  { table: 'people', labels: { table: 'person_categories', parent: 'person_id', column: 'category' }, label: (row) => String(row.name) },
  { table: 'themes', labels: { table: 'theme_tags', parent: 'theme_id', column: 'tag' }, label: (row) => String(row.title) },
  { table: 'sessions', label: (row) => String(row.title) },
  { table: 'remarks', labels: { table: 'remark_tags', parent: 'remark_id', column: 'tag' }, label: (row) => String(row.text) },
  { table: 'decisions', label: (row) => String(row.text) }
]

/**
 * A session's check-ins, agenda, speaking log (with the turns materialised from it) and photos. They have no
 * time of their own and only make sense together (the turns replay the log; the log names the seats), so
 * they are kept whole from one side: never a mix of two laptops' logs. In insertion order (foreign keys).
 */
export const SESSION_PARTS = ['agenda_segments', 'attendance', 'speaking_events', 'turns', 'session_photos'] as const
export type SessionPart = (typeof SESSION_PARTS)[number]

/** Every table a pack holds, in an order that inserts referenced rows first. */
export const PACK_TABLES = [
  'people',
  'person_categories',
  'themes',
  'theme_tags',
  'sessions',
  ...SESSION_PARTS,
  'remarks',
  'remark_tags',
  'decisions'
] as const
export type PackTable = (typeof PACK_TABLES)[number]

export const RECORD_KINDS: readonly PackRecordKind[] = ['people', 'themes', 'sessions', ...SESSION_PARTS, 'remarks', 'decisions']

/** Columns (other than in `speaking_events.payload`) that name a person: where a link points the pack's records. */
export const PERSON_COLUMNS: Partial<Record<PackTable, readonly string[]>> = {
  sessions: ['host_id', 'recorder_id'],
  agenda_segments: ['lecturer_id'],
  attendance: ['person_id'],
  turns: ['person_id'],
  remarks: ['speaker_id'],
  decisions: ['owner_id']
}

/** Provenance, not content: never compared, never overwritten once set. */
export const PROVENANCE = 'source_laptop'

const columnsCache = new WeakMap<Database, Map<string, string[]>>()

/** The columns of `table` in this database, in order. */
export function columnsOf(db: Database, table: PackTable): string[] {
  let cache = columnsCache.get(db)
  if (!cache) columnsCache.set(db, (cache = new Map()))
  let columns = cache.get(table)
  if (!columns) cache.set(table, (columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((column) => column.name)))
  return columns
}

const statementsCache = new WeakMap<Database, Map<string, Statement>>()

/** Statements built from table and column names, compiled once per connection (a pack may hold thousands of rows). */
export function prepared(db: Database, text: string): Statement {
  let cache = statementsCache.get(db)
  if (!cache) statementsCache.set(db, (cache = new Map()))
  let statement = cache.get(text)
  if (!statement) cache.set(text, (statement = db.prepare(text)))
  return statement
}

export const quoted = (columns: readonly string[]): string => columns.map((column) => `"${column}"`).join(', ')

/** Inserts one row with the given columns (the row's keys). */
export function insertRow(db: Database, table: PackTable | 'merge_history', row: Row): void {
  const columns = Object.keys(row)
  prepared(db, `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(bindable(row))
}

/** Sets every column but `id` (and provenance) of the row with that id. */
export function updateRow(db: Database, table: PackTable, row: Row): void {
  const columns = Object.keys(row).filter((column) => column !== 'id' && column !== PROVENANCE)
  prepared(db, `UPDATE "${table}" SET ${columns.map((column) => `"${column}" = @${column}`).join(', ')} WHERE id = @id`).run(
    bindable(Object.fromEntries(['id', ...columns].map((column) => [column, row[column]])))
  )
}

/** better-sqlite3 binds named parameters without the sigil, and takes Buffers for BLOBs. */
function bindable(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value]))
}

/** A row as JSON-safe values (BLOBs as base64): what is compared, and what the history keeps. */
export function plain(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value]))
}
