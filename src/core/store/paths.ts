import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'Roundtable'
export const DATABASE_FILE_NAME = 'roundtable.sqlite'

/** The same folder Electron calls appData, so the web bridge and the desktop app find one database (one at a time: see writer-lock.ts). */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
}

export const defaultDatabaseFile = (): string => join(appDataDir(), APP_DIR_NAME, DATABASE_FILE_NAME)
