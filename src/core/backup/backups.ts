import BetterSqlite3, { type Database } from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { BackupInfo, BackupReason } from '../../shared/domain'
import { AppFailure } from '../errors'
import { backupsToKeep } from './rotation'
import { chinaIsoDate } from '../../shared/china-time'
import { DATABASE_FILE_NAME } from '../store/paths'

/**
 * Backups of the archive: verified copies in a `backups/` folder beside the database file, named by when
 * and why they were taken (`backup-20250821T063000123Z-session-end.sqlite`), rotated so the folder stays
 * small. A copy is kept only after `PRAGMA quick_check` says it is sound.
 *
 * Each archive has a folder of its own: the app's own file (roundtable.sqlite) uses `backups/` itself, and any
 * other archive beside it (`--db=东山村.sqlite`, e.g. several villages on one USB stick) a folder named after its
 * file inside it (`backups/东山村.sqlite/`). Shared, one archive's rotation deleted the other's copies, its daily
 * backup was skipped when the other had one that day, and recovery could put the other archive's copy in its place.
 */
export function backupFolder(databaseFile: string): string {
  const shared = join(dirname(databaseFile), 'backups')
  const name = basename(databaseFile)
  return name === DATABASE_FILE_NAME ? shared : join(shared, name)
}

const NAME = /^backup-(\d{8}T\d{9}Z)-([a-z-]+?)(?:-(\d+))?\.sqlite$/

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:.]/g, '')
const parseStamp = (text: string): number =>
  Date.parse(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}.${text.slice(15, 18)}Z`)

/** Copies the open database with SQLite's online backup, checks the copy, keeps it, and rotates the folder. */
export async function makeBackup(db: Database, databaseFile: string, reason: BackupReason, now: number): Promise<BackupInfo> {
  const folder = backupFolder(databaseFile)
  mkdirSync(folder, { recursive: true })
  const name = freeName(folder, `backup-${stamp(now)}-${reason}`)
  const partial = join(folder, `.${name}.partial`)
  inProgress.add(partial)
  try {
    await db.backup(partial)
    const sessions = verify(partial)
    flush(partial)
    renameSync(partial, join(folder, name))
    // Not before a restore: rotating then could remove the very backup about to be restored.
    if (reason !== 'before-restore') rotate(folder, now)
    return { name, takenAt: now, reason, bytes: statSync(join(folder, name)).size, sessions }
  } catch (error) {
    rmSync(partial, { force: true })
    rmSync(`${partial}-journal`, { force: true })
    if (error instanceof AppFailure) throw error
    throw new AppFailure('io', `The backup could not be written (${(error as NodeJS.ErrnoException).code ?? 'unknown'}).`, [
      { path: ['backup'], code: 'backup_failed', message: String(error) }
    ])
  } finally {
    inProgress.delete(partial)
  }
}

/** Every backup in the folder, newest first, with what it holds. */
export function listBackups(databaseFile: string): BackupInfo[] {
  const folder = backupFolder(databaseFile)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .flatMap((name) => {
      const match = NAME.exec(name)
      if (!match) return []
      const file = join(folder, name)
      let sessions: number | null = null
      try {
        sessions = countSessions(file)
      } catch {
        // An unreadable copy is still listed (it may be someone's only copy), with no count.
      }
      return [{ name, takenAt: parseStamp(match[1]!), reason: match[2] as BackupReason, bytes: statSync(file).size, sessions }]
    })
    .sort((a, b) => b.takenAt - a.takenAt)
}

/** Whether a backup was taken on this China day already. */
export function backedUpToday(databaseFile: string, now: number): boolean {
  const folder = backupFolder(databaseFile)
  if (!existsSync(folder)) return false
  return readdirSync(folder).some((name) => {
    const match = NAME.exec(name)
    return match !== null && chinaIsoDate(parseStamp(match[1]!)) === chinaIsoDate(now)
  })
}

/** The path of a backup by its name; only names this module gave, inside the backups folder. */
export function backupPath(databaseFile: string, name: string): string {
  if (!NAME.test(name) || basename(name) !== name) throw new AppFailure('invalid_input', 'No such backup.', [{ path: ['name'], code: 'backup_not_found', message: name }])
  const file = join(backupFolder(databaseFile), name)
  if (!existsSync(file)) throw new AppFailure('not_found', 'No such backup.', [{ path: ['name'], code: 'backup_not_found', message: name }])
  return file
}

/** Two backups in the same millisecond for the same reason must not overwrite each other. */
function freeName(folder: string, base: string): string {
  let name = `${base}.sqlite`
  for (let n = 2; existsSync(join(folder, name)); n++) name = `${base}-${n}.sqlite`
  return name
}

/**
 * Makes a copy a single self-contained file (a rollback journal, not WAL, so reading it later leaves no
 * -wal/-shm beside it) and checks it; the number of sessions it holds, or a refusal.
 */
function verify(file: string): number {
  const copy = new BetterSqlite3(file, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
    const check = copy.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new AppFailure('io', `The backup copy failed its check (${String(check)}).`, [{ path: ['backup'], code: 'backup_failed', message: String(check) }])
    return sessionsIn(copy)
  } finally {
    copy.close()
  }
}

function countSessions(file: string): number {
  const copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return sessionsIn(copy)
  } finally {
    copy.close()
  }
}

const sessionsIn = (db: Database): number => (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n

function flush(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Copies being written by this process: the only writer of the archive (see store/writer-lock.ts). */
const inProgress = new Set<string>()

function rotate(folder: string, now: number): void {
  // A copy left half-written by a process that was killed or lost power is only taking up space.
  for (const name of readdirSync(folder)) {
    const partial = /^(\.backup-.+\.partial)(?:-journal)?$/.exec(name)
    if (partial && !inProgress.has(join(folder, partial[1]!))) rmSync(join(folder, name), { force: true })
  }
  const backups = readdirSync(folder).flatMap((name) => {
    const match = NAME.exec(name)
    return match ? [{ name, takenAt: parseStamp(match[1]!) }] : []
  })
  const keep = backupsToKeep(backups, now)
  for (const backup of backups) if (!keep.has(backup)) rmSync(join(folder, backup.name), { force: true })
}

/**
 * Before migrating, a copy of the file as it was (synchronous: the database opens before anything else
 * runs). VACUUM INTO writes a consistent copy from the open connection, WAL included.
 */
export function backupBeforeMigration(db: Database, databaseFile: string, now: number): string {
  const folder = backupFolder(databaseFile)
  mkdirSync(folder, { recursive: true })
  const name = freeName(folder, `backup-${stamp(now)}-before-upgrade`)
  db.prepare('VACUUM INTO ?').run(join(folder, name))
  verify(join(folder, name))
  return name
}

/** Sets the current file aside (never deleted) and puts a backup in its place; the caller has closed it. */
export function putBackupInPlace(databaseFile: string, backupFile: string, now: number): string {
  const aside = join(backupFolder(databaseFile), `set-aside-${stamp(now)}-${basename(databaseFile)}`)
  renameSync(databaseFile, aside)
  for (const suffix of ['-wal', '-shm']) if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, aside + suffix)
  copyFileSync(backupFile, databaseFile)
  flush(databaseFile)
  return aside
}
