import BetterSqlite3 from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs'
import { DatabaseOpenError, openProblemOf } from '../errors'

/**
 * One writer process per archive, and a record of whether the last one closed it cleanly.
 *
 * The lock is a small SQLite file beside the database (`<db>.lock`) held in SQLite's EXCLUSIVE locking mode:
 * the operating system owns the lock, so it goes away with the process however it ends (a crash, a power
 * cut), and no process id can be mistaken for ours after a reboot. A second process is refused with the
 * in-use sentence. Inside the lock file a flag says the archive is open; a clean close clears it, so
 * finding it set means the last run ended without closing (see core: a quick_check follows).
 *
 * The same process may take the lock again while it holds it (a restart of core, the tests): it is counted.
 */
export interface WriterLock {
  release: () => void
  /** The previous holder never closed the archive (a crash, a kill, a power cut). */
  previousRunUnclean: boolean
}

const held = new Map<string, { db: BetterSqlite3.Database; holders: number }>()

export function takeWriterLock(databaseFile: string): WriterLock {
  const lockFile = `${databaseFile}.lock`
  const mine = held.get(lockFile)
  if (mine) {
    mine.holders++
    return { release: () => release(lockFile), previousRunUnclean: false }
  }
  clearOldStyleLock(lockFile, databaseFile)
  let db: BetterSqlite3.Database | null = null
  try {
    db = new BetterSqlite3(lockFile, { timeout: 0 })
    db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('journal_mode = DELETE')
    // The first write takes the exclusive lock, and EXCLUSIVE mode keeps it until the connection closes.
    const previousRunUnclean = db
      .transaction(() => {
        db!.exec('CREATE TABLE IF NOT EXISTS archive_open (id INTEGER PRIMARY KEY CHECK (id = 1), open INTEGER NOT NULL, pid INTEGER NOT NULL)')
        const row = db!.prepare('SELECT open FROM archive_open').get() as { open: number } | undefined
        db!.prepare('INSERT OR REPLACE INTO archive_open (id, open, pid) VALUES (1, 1, ?)').run(process.pid)
        return row?.open === 1
      })
      .exclusive()
    held.set(lockFile, { db, holders: 1 })
    return { release: () => release(lockFile), previousRunUnclean }
  } catch (error) {
    db?.close()
    throw new DatabaseOpenError(openProblemOf(error), databaseFile, error)
  }
}

function release(lockFile: string): void {
  const mine = held.get(lockFile)
  if (!mine || --mine.holders > 0) return
  held.delete(lockFile)
  try {
    mine.db.prepare('UPDATE archive_open SET open = 0').run()
  } finally {
    mine.db.close()
  }
}

/**
 * Versions before this one wrote the owner's process id as text. Such a file is removed when its process
 * is gone (after an upgrade, always); a living one still holds the archive.
 */
function clearOldStyleLock(lockFile: string, databaseFile: string): void {
  if (!existsSync(lockFile)) return
  const head = readHead(lockFile)
  if (head.length === 0 || head.startsWith('SQLite format 3')) return
  const owner = /^\d+$/.test(head.trim()) ? Number.parseInt(head, 10) : null
  if (owner !== null && owner !== process.pid && alive(owner)) throw new DatabaseOpenError('in_use', databaseFile)
  rmSync(lockFile, { force: true })
}

function readHead(file: string): string {
  try {
    const fd = openSync(file, 'r')
    try {
      const buffer = Buffer.alloc(16)
      return buffer.subarray(0, readSync(fd, buffer, 0, 16, 0)).toString('latin1')
    } finally {
      closeSync(fd)
    }
  } catch {
    return ''
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else; ESRCH: there is no such process.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
