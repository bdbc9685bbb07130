import type { z } from 'zod'
import type { settingsPatchSchema } from '../../shared/contract'
import type { Settings } from '../../shared/domain'
import type { CoreContext } from '../context'

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh-CN',
  organisationName: '',
  defaultVenue: ''
}

/** Settings are one row per key holding JSON, so later issues add keys without a migration. */
export function getSettings({ db }: CoreContext): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]))
  const settings = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(settings) as (keyof Settings)[]) {
    if (key in stored) Object.assign(settings, { [key]: stored[key] })
  }
  return settings
}

export function updateSettings(ctx: CoreContext, patch: z.output<typeof settingsPatchSchema>): Settings {
  const upsert = ctx.db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
  )
  ctx.db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value), ctx.now())
    }
  })()
  ctx.emit({ name: 'settings:changed' })
  return getSettings(ctx)
}
