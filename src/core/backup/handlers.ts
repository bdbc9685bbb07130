import type { backupsContract } from '../../shared/contract/backups'
import { runsItsOwnTransactions, type HandlersFor } from '../handler-kinds'
import { copyFileSync } from 'node:fs'
import type { BackupInfo } from '../../shared/domain'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'
import { backupPath, listBackups, makeBackup } from './backups'
import type { OutputOf, ParsedInputOf } from '../../shared/contract'

/** 备份 now; with `chooseFile`, the same verified copy is also saved where the user picks (desktop only). */
export async function createBackup(ctx: ReadContext, input: ParsedInputOf<'backups:create'>): Promise<OutputOf<'backups:create'>> {
  if (input.chooseFile && !ctx.platform.chooseSavePath) throw new AppFailure('unavailable', 'Choosing a file needs the desktop app.')
  const backup = await makeBackup(ctx.db, ctx.databaseFile, 'manual', ctx.now())
  ctx.emit({ name: 'backups:changed' })
  if (!input.chooseFile) return { backup, savedTo: null }
  const target = await ctx.platform.chooseSavePath!(backup.name.replace(/^backup-/, '圆桌派备份-'), null)
  if (!target) return { backup, savedTo: null }
  try {
    copyFileSync(backupPath(ctx.databaseFile, backup.name), target)
  } catch (error) {
    throw new AppFailure('io', `The backup could not be saved there (${(error as NodeJS.ErrnoException).code ?? 'unknown'}).`, [
      { path: ['fileName'], code: 'write_failed', message: String(error) }
    ])
  }
  return { backup, savedTo: target }
}

export const backupsList = (ctx: ReadContext): BackupInfo[] => listBackups(ctx.databaseFile)

/**
 * 恢复: core has already made a backup of the archive as it is (see core.ts); the current file is set
 * aside, the chosen backup takes its place, and the archive reopens on it (migrated if it is older).
 */
export function restoreBackup(ctx: ReadContext, input: ParsedInputOf<'backups:restore'>): OutputOf<'backups:restore'> {
  const file = backupPath(ctx.databaseFile, input.name)
  const restored = listBackups(ctx.databaseFile).find((backup) => backup.name === input.name)!
  const setAside = ctx.replaceDatabase(file)
  ctx.emit({ name: 'archive:restored' })
  ctx.emit({ name: 'backups:changed' })
  return { restored, setAside }
}

export const backupsHandlers = {
  'backups:list': (ctx) => backupsList(ctx),
  'backups:create': runsItsOwnTransactions(createBackup),
  // Outside a transaction: it closes and reopens the database.
  'backups:restore': runsItsOwnTransactions(async (ctx, input) => restoreBackup(ctx, input))
} satisfies HandlersFor<typeof backupsContract>
