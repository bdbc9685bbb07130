import type { appContract } from '../../shared/contract/app'
import type { HandlersFor } from '../handler-kinds'
import { runsItsOwnTransactions } from '../handler-kinds'
import { demoPresent } from '../demo/demo'
import { schemaVersion } from '../store/database'
import { getFirstRun, updateFirstRun } from './first-run'
import { appFolders, openAppFolder } from './folders'
import { getSettings, updateSettings } from './settings'

export const appHandlers = {
  'app:info': (ctx) => {
    const folders = appFolders(ctx.databaseFile)
    return {
      version: ctx.appVersion,
      schemaVersion: schemaVersion(ctx.db),
      databaseFile: ctx.databaseFile,
      dataFolder: folders.data,
      backupsFolder: folders.backups,
      demoPresent: demoPresent(ctx),
      health: { ...ctx.health }
    }
  },
  'app:openFolder': runsItsOwnTransactions(openAppFolder),
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': (ctx, patch) => updateSettings(ctx, patch),
  'firstRun:get': (ctx) => getFirstRun(ctx),
  'firstRun:update': (ctx, patch) => updateFirstRun(ctx, patch)
} satisfies HandlersFor<typeof appContract>
