import { afterEach, describe, expect, it } from 'vitest'
import { FONT_SIZES } from '../../../src/shared/domain'
import { issuesOf, refusedWithoutTrace, runCleanups, testCore, valueOf, withDatabase } from '../../helpers'

afterEach(runCleanups)

/** 字号：标准 / 大 / 特大 — stored like every other setting: one row, its value as JSON, no migration. */
describe('the font size setting', () => {
  it('starts at 标准 (standard)', async () => {
    expect(valueOf(await testCore().invoke('settings:get', {})).fontSize).toBe('standard')
  })

  it.each(FONT_SIZES)('is stored as %s, read back, and kept over a restart', async (fontSize) => {
    const core = testCore()
    const updated = valueOf(await core.invoke('settings:update', { fontSize }))
    expect(updated.fontSize).toBe(fontSize)
    expect(updated.language).toBe('zh-CN')
    const stored = withDatabase(core.databaseFile, (db) => db.prepare(`SELECT value FROM settings WHERE key = 'fontSize'`).get())
    expect(stored).toEqual({ value: JSON.stringify(fontSize) })
    const again = testCore({ databaseFile: core.databaseFile })
    expect(valueOf(await again.invoke('settings:get', {})).fontSize).toBe(fontSize)
  })

  it('changes only itself, and another setting leaves it as it was', async () => {
    const core = testCore()
    await core.invoke('settings:update', { organisationName: '郑家镇', language: 'en' })
    expect(valueOf(await core.invoke('settings:update', { fontSize: 'extraLarge' }))).toMatchObject({
      fontSize: 'extraLarge',
      language: 'en',
      organisationName: '郑家镇'
    })
    expect(valueOf(await core.invoke('settings:update', { defaultVenue: '理论宣讲室' })).fontSize).toBe('extraLarge')
  })

  it.each(['huge', '', 'Large', 2, null])('refuses %j without a trace', async (fontSize) => {
    const core = testCore()
    const error = await refusedWithoutTrace(core, 'settings:update', { fontSize })
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error).map((issue) => issue.path)).toEqual([['fontSize']])
  })
})
