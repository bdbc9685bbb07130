import type { z } from 'zod'
import type { settingsPatchSchema } from '../../shared/contract'
import { DEFAULT_CATEGORIES, DEFAULT_REMARK_TAGS, type Settings } from '../../shared/domain'
import type { CoreContext, ReadContext } from '../context'
import { sql } from '../store/sql'

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh-CN',
  fontSize: 'standard',
  organisationName: '',
  defaultVenue: '',
  categories: DEFAULT_CATEGORIES,
  remarkTags: DEFAULT_REMARK_TAGS
}

/** Settings are one row per key holding JSON, so later issues add keys without a migration. */
export function getSettings({ db }: ReadContext): Settings {
  const rows = sql<{ key: string; value: string }>(db, 'SELECT key, value FROM settings').all()
  const stored = new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]))
  const settings = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(settings) as (keyof Settings)[]) {
    if (stored.has(key)) Object.assign(settings, { [key]: stored.get(key) })
  }
  return settings
}

export function updateSettings(ctx: CoreContext, patch: z.output<typeof settingsPatchSchema>): Settings {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) writeSetting(ctx, key, value)
  }
  ctx.emit({ name: 'settings:changed' })
  return getSettings(ctx)
}

/** Also for the app's own notes that are not Settings (e.g. the folder of the last export). */
export function writeSetting(ctx: CoreContext, key: string, value: unknown): void {
  sql<never, [string, string, number]>(
    ctx.db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
  ).run(key, JSON.stringify(value), ctx.now())
}

export function readSetting<T>({ db }: ReadContext, key: string): T | undefined {
  const row = sql<{ value: string }, [string]>(db, 'SELECT value FROM settings WHERE key = ?').get(key)
  return row ? (JSON.parse(row.value) as T) : undefined
}
