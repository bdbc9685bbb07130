import { z } from 'zod'
import type { BackupInfo } from '../domain'
import { channel, none, required } from './schema'

/** The backups of the archive (备份与恢复). */
export const backupsContract = {
  /** 备份: the backups in the folder beside the database, newest first. */
  'backups:list': channel(none).returns<BackupInfo[]>(),
  /** 备份 now, to the backups folder; with `chooseFile`, also to a file the user picks (a USB stick). */
  'backups:create': channel(z.strictObject({ chooseFile: z.boolean().default(false) })).returns<{ backup: BackupInfo; savedTo: string | null }>(),
  /** 恢复: the current file is set aside (never deleted), the backup takes its place, and the archive reopens. */
  'backups:restore': channel(z.strictObject({ name: required(200) })).returns<{ restored: BackupInfo; setAside: string }>()
} as const
