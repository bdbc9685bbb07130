import BetterSqlite3, { type Database } from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseOpenError, DatabaseTooNewError, openProblemOf } from '../errors'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations'

export type { Database }

/**
 * Opens (or creates) the database file and brings its schema up to date.
 * A file from a newer app is refused before anything is written to it.
 */
export interface OpenOptions {
  /** Create the folder when it is missing (the default data folder); false for a path the user named. */
  createFolder?: boolean
  /** Runs before the first migration of an existing archive (a backup of it as it was). */
  beforeMigrating?: (db: Database) => void
}

export function openDatabase(file: string, migrations = MIGRATIONS, options: OpenOptions = {}): Database {
  ensureFolder(file, options.createFolder ?? true)
  let db: Database
  try {
    db = new BetterSqlite3(file)
  } catch (error) {
    throw new DatabaseOpenError(openProblemOf(error), file, error)
  }
  try {
    const version = schemaVersion(db)
    if (version > migrations.length) throw new DatabaseTooNewError(version, migrations.length)
    db.pragma('journal_mode = WAL')
    // better-sqlite3 leaves WAL at NORMAL, which can lose the last commits on power loss.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    if (version > 0 && version < migrations.length) options.beforeMigrating?.(db)
    migrate(db, migrations)
    return db
  } catch (error) {
    db.close()
    // What SQLite or the disk said becomes a sentence; anything else (a migration's own bug) stays as it is.
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && !(error instanceof DatabaseTooNewError)) throw new DatabaseOpenError(openProblemOf(error), file, error)
    throw error
  }
}

/**
 * The default data folder is created; a folder someone named that is not there is refused (a USB stick
 * not plugged in must not silently become a new, empty archive).
 */
export function ensureFolder(file: string, create: boolean): void {
  if (!create && !existsSync(dirname(file))) throw new DatabaseOpenError('folder_missing', file)
  try {
    mkdirSync(dirname(file), { recursive: true })
  } catch (error) {
    throw new DatabaseOpenError(openProblemOf(error), file, error)
  }
}

export function schemaVersion(db: Database): number {
  // user_version is always an integer.
  return Number(db.pragma('user_version', { simple: true }))
}

function migrate(db: Database, migrations: typeof MIGRATIONS): void {
  for (let version = schemaVersion(db); version < migrations.length; version++) {
    const entry = migrations[version]!
    const step = typeof entry === 'function' ? { run: entry } : entry
    if (step.foreignKeysOff) db.pragma('foreign_keys = OFF')
    try {
      db.transaction(() => {
        step.run(db)
        if (step.foreignKeysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`Migration ${version + 1} would break foreign keys`)
        }
        db.pragma(`user_version = ${version + 1}`)
      }).immediate()
    } finally {
      if (step.foreignKeysOff) db.pragma('foreign_keys = ON')
    }
  }
}

export { LATEST_SCHEMA_VERSION }
