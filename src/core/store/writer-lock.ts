import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { DatabaseOpenError } from '../errors'

/**
 * One writer process per archive: a lock file beside the database holding the owner's process id. It
 * survives a crash harmlessly: a lock whose process is gone is taken over. The same process may open the
 * file again (a restart of core, the tests).
 */
export function takeWriterLock(databaseFile: string): () => void {
  const lockFile = `${databaseFile}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => release(lockFile)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new DatabaseOpenError('read_only', databaseFile, error)
      const owner = Number.parseInt(readQuietly(lockFile), 10)
      if (owner === process.pid) return () => undefined
      if (Number.isInteger(owner) && alive(owner)) throw new DatabaseOpenError('in_use', databaseFile)
      rmSync(lockFile, { force: true }) // left by a process that has gone: take it over
    }
  }
  throw new DatabaseOpenError('in_use', databaseFile)
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

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

function release(lockFile: string): void {
  if (Number.parseInt(readQuietly(lockFile), 10) === process.pid) rmSync(lockFile, { force: true })
}
