import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AppFolder } from '../../shared/domain'
import { backupFolder } from '../backup/backups'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'

/** The app's own places on disk, as 设置 → 关于 shows them. */
export function appFolders(databaseFile: string): Record<AppFolder, string> {
  return { data: dirname(databaseFile), database: databaseFile, backups: backupFolder(databaseFile) }
}

/**
 * 设置 → 关于 → 打开: one of the app's own folders in the system's file manager (the database file shown
 * selected in its folder). The page names which, never a path. Only the desktop app can; the web bridge
 * answers with a sentence saying so.
 */
export async function openAppFolder(ctx: ReadContext, { folder }: { folder: AppFolder }): Promise<{ path: string }> {
  const openPath = ctx.platform.openPath
  if (!openPath) {
    throw new AppFailure('unavailable', 'Only the desktop app can open a folder.', [
      { path: ['folder'], code: 'open_folder_desktop_only', message: 'Only the desktop app can open a folder.' }
    ])
  }
  const path = appFolders(ctx.databaseFile)[folder]
  // No backup yet on a new archive: the folder is made, so it opens (empty) instead of failing.
  if (folder === 'backups') mkdirSync(path, { recursive: true })
  try {
    await openPath(path, folder === 'database' ? 'reveal' : 'open')
  } catch (error) {
    throw new AppFailure('io', `The folder could not be opened: ${String(error)}`, [{ path: ['folder'], code: 'open_folder_failed', params: { path }, message: path }])
  }
  return { path }
}
