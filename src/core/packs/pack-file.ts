import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { PackRefusal } from '../../shared/contract/packs'
import { AppFailure, DatabaseTooNewError } from '../errors'
import { LATEST_SCHEMA_VERSION, openDatabase, type Database } from '../store/database'
import { PACK_TABLES, type PackTable } from './tables'

/**
 * The file format of an 归档包: a zip of
 * - `archive.sqlite`: a database with the app's own schema (made by the app's migrations) holding the records;
 * - `manifest.json`: what made it (the laptop, the schema version, when), how many rows each table holds,
 *   and the SHA-256 of each part, so a pack damaged on its way (a USB stick pulled out) is refused whole.
 */

export const PACK_FORMAT = 'roundtable-pack'
export const PACK_FORMAT_VERSION = 1
export const MANIFEST_NAME = 'manifest.json'
export const DATABASE_PART = 'archive.sqlite'

const manifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  sourceLaptop: z.string().trim().min(1).max(100),
  schemaVersion: z.number().int().min(1),
  createdAt: z.number().int(),
  counts: z.record(z.string(), z.number().int().min(0)),
  parts: z.record(z.string(), z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) }))
})
export type PackManifest = z.infer<typeof manifestSchema>

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** The pack's bytes: the manifest (with the checksum of each part) and the database, zipped. */
export function zipPack(manifest: Omit<PackManifest, 'format' | 'formatVersion' | 'parts'>, database: Uint8Array): Uint8Array {
  const full: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    ...manifest,
    parts: { [DATABASE_PART]: { sha256: sha256(database), bytes: database.length } }
  }
  return zipSync({ [MANIFEST_NAME]: strToU8(JSON.stringify(full, null, 2)), [DATABASE_PART]: database }, { level: 6 })
}

/** Rows per table, as a manifest counts them. */
export function countRows(db: Database): Record<PackTable, number> {
  return Object.fromEntries(PACK_TABLES.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n])) as Record<
    PackTable,
    number
  >
}

/** A pack checked and opened: its database (a temporary copy, migrated to this app's schema), read-only in spirit. */
export interface OpenedPack {
  manifest: PackManifest
  db: Database
  /** It came from an older app and was migrated in the temporary copy. */
  migrated: boolean
  close(): void
}

/**
 * Reads a pack and checks it all before anything is merged: a zip, a manifest of ours, a schema this app
 * knows, every checksum right, a sound database that holds what the manifest says. Anything else is refused
 * with the reason; the pack file itself is only read.
 */
export function openPack(file: string, databaseFile: string): OpenedPack {
  const entries = unzipPack(readPackFile(file))
  const manifest = readManifest(entries)
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw refused('pack_too_new', `The pack was made by a newer app (schema ${manifest.schemaVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}).`)
  }
  const database = checkedDatabase(entries, manifest)
  const folder = packWorkFolder(databaseFile)
  const remove = (): void => rmSync(folder, { recursive: true, force: true })
  let db: Database | undefined
  try {
    const copy = join(folder, DATABASE_PART)
    writeFileSync(copy, database)
    db = openCopy(copy)
    checkDatabase(db, manifest)
    const opened = db
    return {
      manifest,
      db: opened,
      migrated: manifest.schemaVersion < LATEST_SCHEMA_VERSION,
      close() {
        if (opened.open) opened.close()
        remove()
      }
    }
  } catch (error) {
    if (db?.open) db.close()
    remove()
    throw error
  }
}

const WORK_PREFIX = '.pack-work-'

/**
 * A fresh folder for a pack's temporary database, beside the archive (on the disk the archive is on, never
 * in a shared temp folder). Pack work never awaits, so one left by an earlier run was cut off by a crash or
 * a power cut: it is removed first.
 */
export function packWorkFolder(databaseFile: string): string {
  const parent = dirname(databaseFile)
  for (const name of readdirSync(parent)) if (name.startsWith(WORK_PREFIX)) rmSync(join(parent, name), { recursive: true, force: true })
  return mkdtempSync(join(parent, WORK_PREFIX))
}

export function refused(code: PackRefusal, message: string): AppFailure {
  return new AppFailure('invalid_input', message, [{ path: ['file'], code, message }])
}

function readPackFile(file: string): Uint8Array {
  try {
    return readFileSync(file)
  } catch (error) {
    throw refused('pack_unreadable', `The pack could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown'}).`)
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

function unzipPack(bytes: Uint8Array): Record<string, Uint8Array> {
  if (!ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) throw refused('pack_not_a_pack', 'This file is not an archive pack (not a zip file).')
  try {
    return unzipSync(bytes)
  } catch (error) {
    // A copy cut short, or bytes changed on the way: the zip's own structure no longer holds.
    throw refused('pack_damaged', `The pack is incomplete or damaged (${error instanceof Error ? error.message : String(error)}).`)
  }
}

function readManifest(entries: Record<string, Uint8Array>): PackManifest {
  const bytes = entries[MANIFEST_NAME]
  if (!bytes) throw refused('pack_not_a_pack', 'This zip file is not an archive pack (it has no manifest).')
  let json: unknown
  try {
    json = JSON.parse(strFromU8(bytes))
  } catch {
    throw refused('pack_damaged', 'The manifest of the pack cannot be read.')
  }
  if ((json as { format?: unknown } | null)?.format !== PACK_FORMAT) throw refused('pack_not_a_pack', 'This zip file is not an archive pack of this app.')
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) throw refused('pack_damaged', 'The manifest of the pack is not complete.')
  return parsed.data
}

/** Every part the manifest lists is there with its checksum; the database is one of them. */
function checkedDatabase(entries: Record<string, Uint8Array>, manifest: PackManifest): Uint8Array {
  for (const [name, expected] of Object.entries(manifest.parts)) {
    const part = entries[name]
    if (!part) throw refused('pack_damaged', `The pack lacks its part ${name}.`)
    if (part.length !== expected.bytes || sha256(part) !== expected.sha256) throw refused('pack_checksum', `The checksum of ${name} is wrong: the pack was changed or damaged.`)
  }
  const database = manifest.parts[DATABASE_PART] ? entries[DATABASE_PART] : undefined
  if (!database) throw refused('pack_damaged', 'The pack holds no database.')
  // The version in the SQLite header (user_version, offset 60) must be the one the manifest states.
  const header = Buffer.from(database.buffer, database.byteOffset, database.byteLength)
  if (database.length < 100 || header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') throw refused('pack_damaged', 'The database of the pack is not a database.')
  if (header.readInt32BE(60) !== manifest.schemaVersion) throw refused('pack_damaged', 'The database of the pack is not at the schema version its manifest states.')
  return database
}

/** Opens the temporary copy; an older one is migrated there (never the pack file). */
function openCopy(copy: string): Database {
  try {
    return openDatabase(copy, undefined, { createFolder: false })
  } catch (error) {
    if (error instanceof DatabaseTooNewError) throw refused('pack_too_new', error.message)
    throw refused('pack_damaged', `The database of the pack cannot be opened (${error instanceof Error ? error.message : String(error)}).`)
  }
}

function checkDatabase(db: Database, manifest: PackManifest): void {
  const check = String(db.pragma('quick_check', { simple: true }))
  if (check !== 'ok') throw refused('pack_damaged', `The database of the pack fails its check (${check}).`)
  if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw refused('pack_damaged', 'The records of the pack do not fit together.')
  const counts = countRows(db)
  for (const table of PACK_TABLES) {
    if (counts[table] !== (manifest.counts[table] ?? 0)) throw refused('pack_damaged', `The pack holds ${counts[table]} rows of ${table}, its manifest says ${manifest.counts[table] ?? 0}.`)
  }
}
