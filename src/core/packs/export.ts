import { readFileSync, rmSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { ParsedInputOf } from '../../shared/contract'
import { PACK_EXTENSION, type PackExportResult, type PackRecordKind } from '../../shared/contract/packs'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'
import { writeFileAtomic } from '../files/atomic'
import { readSetting, writeSetting } from '../settings/settings'
import { LATEST_SCHEMA_VERSION, openDatabase, type Database } from '../store/database'
import { sql, type ReadDb } from '../store/sql'
import { countRows, DATABASE_PART, packWorkFolder, zipPack } from './pack-file'
import { columnsOf, insertRow, PACK_TABLES, quoted, RECORD_KINDS, type PackTable } from './tables'

const LAPTOP_NAME_KEY = 'packs.laptopName'

/** This laptop's name in the packs it writes: the one given (remembered), else the one remembered, else the host name. */
export function laptopName(ctx: ReadContext, given?: string): string {
  return given?.trim() || readSetting<string>(ctx, LAPTOP_NAME_KEY) || hostname() || 'roundtable'
}

/**
 * 导出归档包: copies the chosen sessions with everything recorded in them, and the people and themes they
 * name, into a new database made by the app's own migrations; zips it with its manifest; writes it whole to
 * `destination`; and remembers when, for "everything since the last pack" to the same folder.
 */
export async function exportPack(ctx: ReadContext, input: ParsedInputOf<'packs:export'>): Promise<PackExportResult> {
  const destination = withExtension(resolve(input.destination))
  const folderKey = dirname(destination)
  const sourceLaptop = laptopName(ctx, input.laptopName)
  const startedAt = ctx.now()
  const since = input.sinceLast ? lastExport(ctx.db, folderKey) : null
  const sessionIds = input.sinceLast ? sessionsChangedSince(ctx.db, since) : unique(input.sessionIds ?? [])
  checkSessionsExist(ctx.db, sessionIds)

  const work = packWorkFolder(ctx.databaseFile)
  try {
    const file = join(work, DATABASE_PART)
    const pack = openDatabase(file, undefined, { createFolder: false })
    let counts: Record<PackTable, number>
    try {
      copyRecords(ctx.db, pack, sessionIds, input.sinceLast ? (since ?? -1) : undefined)
      counts = countRows(pack)
      // One self-contained file: no -wal beside it in the zip.
      pack.pragma('journal_mode = DELETE')
    } finally {
      pack.close()
    }
    const bytes = zipPack({ sourceLaptop, schemaVersion: LATEST_SCHEMA_VERSION, createdAt: startedAt, counts }, readFileSync(file))
    writeFileAtomic(destination, bytes)
    ctx.write((tx) => {
      sql<never, [string, number]>(
        tx.db,
        'INSERT INTO pack_exports (destination, exported_at) VALUES (?, ?) ON CONFLICT (destination) DO UPDATE SET exported_at = excluded.exported_at'
      ).run(folderKey, startedAt)
      if (input.laptopName?.trim()) writeSetting(tx, LAPTOP_NAME_KEY, input.laptopName.trim())
    })
    return { file: destination, sourceLaptop, since, counts: recordCounts(counts) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const unique = (ids: string[]): string[] => [...new Set(ids)]

/** A pack is always named as one, so it is never written over a file of another kind. */
const withExtension = (path: string): string => (path.toLowerCase().endsWith(PACK_EXTENSION) ? path : `${path}${PACK_EXTENSION}`)

function lastExport(db: ReadDb, folder: string): number | null {
  return sql<{ exported_at: number }, [string]>(db, 'SELECT exported_at FROM pack_exports WHERE destination = ?').get(folder)?.exported_at ?? null
}

/** Sessions with anything recorded since `since` (all of them when null); the 示例场次 never travels this way. */
function sessionsChangedSince(db: ReadDb, since: number | null): string[] {
  return sql<{ id: string }, { since: number }>(
    db,
    `SELECT s.id FROM sessions s WHERE s.is_demo = 0 AND (
       s.updated_at > @since
       OR EXISTS (SELECT 1 FROM remarks r WHERE r.session_id = s.id AND r.updated_at > @since)
       OR EXISTS (SELECT 1 FROM decisions d WHERE d.session_id = s.id AND d.updated_at > @since)
       OR EXISTS (SELECT 1 FROM speaking_events e WHERE e.session_id = s.id AND max(e.at, coalesce(e.undone_at, 0)) > @since)
       OR EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id AND a.checked_in_at > @since)
       OR EXISTS (SELECT 1 FROM session_photos p WHERE p.session_id = s.id AND p.created_at > @since))
     ORDER BY s.planned_start`
  )
    .all({ since: since ?? -1 })
    .map((row) => row.id)
}

function checkSessionsExist(db: ReadDb, ids: string[]): void {
  const known = new Set(sql<{ id: string }, [string]>(db, 'SELECT id FROM sessions WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)).map((row) => row.id))
  const missing = ids.findIndex((id) => !known.has(id))
  if (missing >= 0) throw new AppFailure('not_found', `Session ${ids[missing]} does not exist.`, [{ path: ['sessionIds', missing], code: 'session_not_found', message: ids[missing]! }])
}

/**
 * Which rows of each table go into the pack: the sessions and all that hangs on them, everyone and every
 * theme they name, and (for "since the last pack") people and themes edited since, demo ones left out.
 */
function selections(sessions: string, since: number | undefined): Record<PackTable, { where: string; params: unknown[] }> {
  const inSessions = { where: 'session_id IN (SELECT value FROM json_each(?))', params: [sessions] }
  const people = `id IN (
      SELECT host_id FROM sessions WHERE id IN (SELECT value FROM json_each(@s)) UNION
      SELECT recorder_id FROM sessions WHERE id IN (SELECT value FROM json_each(@s)) UNION
      SELECT lecturer_id FROM agenda_segments WHERE session_id IN (SELECT value FROM json_each(@s)) UNION
      SELECT person_id FROM attendance WHERE session_id IN (SELECT value FROM json_each(@s)) UNION
      SELECT person_id FROM turns WHERE session_id IN (SELECT value FROM json_each(@s)) UNION
      SELECT speaker_id FROM remarks WHERE session_id IN (SELECT value FROM json_each(@s)) UNION
      SELECT owner_id FROM decisions WHERE session_id IN (SELECT value FROM json_each(@s)))`
  const themes = 'id IN (SELECT theme_id FROM sessions WHERE id IN (SELECT value FROM json_each(@s)))'
  const edited = since === undefined ? '' : ' OR (is_demo = 0 AND updated_at > @since)'
  const named = { s: sessions, since: since ?? -1 }
  return {
    people: { where: `${people}${edited}`, params: [named] },
    person_categories: { where: `person_id IN (SELECT id FROM people WHERE ${people}${edited})`, params: [named] },
    themes: { where: `${themes}${edited}`, params: [named] },
    theme_tags: { where: `theme_id IN (SELECT id FROM themes WHERE ${themes}${edited})`, params: [named] },
    sessions: { where: 'id IN (SELECT value FROM json_each(?))', params: [sessions] },
    agenda_segments: inSessions,
    attendance: inSessions,
    speaking_events: inSessions,
    turns: inSessions,
    session_photos: inSessions,
    remarks: inSessions,
    remark_tags: { where: 'remark_id IN (SELECT id FROM remarks WHERE session_id IN (SELECT value FROM json_each(?)))', params: [sessions] },
    decisions: inSessions
  }
}

/** Reads from the archive and writes the pack in one go (no await between: one consistent state). */
function copyRecords(archive: ReadDb, pack: Database, sessionIds: string[], since: number | undefined): void {
  const chosen = selections(JSON.stringify(sessionIds), since)
  pack.transaction(() => {
    for (const table of PACK_TABLES) {
      const columns = columnsOf(archive, table)
      const { where, params } = chosen[table]
      const rows = archive.prepare(`SELECT ${quoted(columns)} FROM "${table}" WHERE ${where}`).all(...params) as Record<string, unknown>[]
      for (const row of rows) insertRow(pack, table, row)
    }
  })()
}

/** Row counts by kind of record (labels are part of their records). */
export function recordCounts(counts: Record<PackTable, number>): Record<PackRecordKind, number> {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, counts[kind]])) as Record<PackRecordKind, number>
}
