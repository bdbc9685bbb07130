import BetterSqlite3 from 'better-sqlite3'
import type { BackupInfo } from '../../shared/domain'
import { backupPath, listBackups, putBackupInPlace } from './backups'

/**
 * When the archive itself cannot be opened (damaged, not a database), the desktop app offers the newest
 * backup that still passes quick_check. Nothing here opens the damaged file: it is only moved aside.
 */
export function newestGoodBackup(databaseFile: string): BackupInfo | null {
  return listBackups(databaseFile).find((backup) => passesQuickCheck(backupPath(databaseFile, backup.name))) ?? null
}

/** Puts a backup in place of the file; the file is set aside in the backups folder, never changed or deleted. */
export function recoverFromBackup(databaseFile: string, name: string, now: number): { setAside: string } {
  return { setAside: putBackupInPlace(databaseFile, backupPath(databaseFile, name), now) }
}

function passesQuickCheck(file: string): boolean {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok'
    } finally {
      db.close()
    }
  } catch {
    return false
  }
}
