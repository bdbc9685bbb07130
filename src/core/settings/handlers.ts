import type { appContract } from '../../shared/contract/app'
import type { HandlersFor } from '../handler-kinds'
import { demoPresent } from '../demo/demo'
import { schemaVersion } from '../store/database'
import { getSettings, updateSettings } from './settings'

export const appHandlers = {
  'app:info': (ctx) => ({
    version: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    databaseFile: ctx.databaseFile,
    demoPresent: demoPresent(ctx),
    health: { ...ctx.health }
  }),
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': (ctx, patch) => updateSettings(ctx, patch)
} satisfies HandlersFor<typeof appContract>
