import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppFailure } from '../errors'

/**
 * Writes a file so that whoever opens `path` sees either the old file or the whole new one, never half:
 * the bytes go to a temporary file beside it, are flushed to disk, and then take its place by rename.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const fd = openSync(temporary, 'wx')
    try {
      writeSync(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, path)
  } catch (error) {
    removeQuietly(temporary)
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown'
    throw new AppFailure('io', `Could not write ${path} (${reason}); any file already there is unchanged.`, [
      { path: ['fileName'], code: reason === 'EACCES' || reason === 'EPERM' || reason === 'EROFS' ? 'not_writable' : 'write_failed', message: reason }
    ])
  }
}

/** Cleaning up after a failed write must not hide why it failed. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // The folder itself is the problem (not writable, not a folder): there is nothing to remove.
  }
}
