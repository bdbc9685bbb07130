import { afterEach, describe, expect, it } from 'vitest'
import { uuidv7 } from '../../../src/core/store/ids'
import type { Theme } from '../../../src/shared/domain'
import { errorOf, HOUR, insertSession, recordEvents, refusedWithoutTrace, runCleanups, T0, testCore, valueOf, withDatabase } from '../../helpers'
import { createTheme, expectInvalid, type CreateCase, type InvalidCase } from './fixtures'

afterEach(runCleanups)

describe('themes:create', () => {
  const CASES: CreateCase<'themes:create', Theme>[] = [
    {
      name: 'only a title: the rest is empty',
      input: { title: '加快构建新发展格局' },
      expected: { title: '加快构建新发展格局', description: '', materials: '', references: [], tags: [], sessionCount: 0, isDemo: false }
    },
    {
      name: 'texts are trimmed',
      input: { title: '  加快构建新发展格局 ', description: ' 座谈交流 ', materials: '\n第一阶段:学习\n', references: [' 《人民日报》 '], tags: [' 乡村振兴 '] },
      expected: { title: '加快构建新发展格局', description: '座谈交流', materials: '第一阶段:学习', references: ['《人民日报》'], tags: ['乡村振兴'] }
    },
    {
      name: 'tags are de-duplicated (after trimming) and sorted',
      input: { title: '主题', tags: ['新发展格局', '乡村振兴', ' 新发展格局', '乡村振兴 ', '共同富裕'] },
      expected: { tags: ['乡村振兴', '共同富裕', '新发展格局'] } // code-point order: 乡 U+4E61 < 共 U+5171 < 新 U+65B0
    },
    {
      name: 'references keep the order they were given in, repeats included',
      input: { title: '主题', references: ['《乙》第二篇', '《甲》第一篇', '《丙》第三篇', '《甲》第一篇'] },
      expected: { references: ['《乙》第二篇', '《甲》第一篇', '《丙》第三篇', '《甲》第一篇'] }
    }
  ]

  it.each(CASES)('$name', async ({ input, expected }) => {
    const core = testCore({ now: () => T0 })
    const events = recordEvents(core)

    const created = await createTheme(core, input)

    expect(created).toMatchObject({ ...expected, createdAt: T0, updatedAt: T0 })
    expect(valueOf(await core.invoke('themes:get', { id: created.id }))).toEqual(created)
    expect(events).toEqual([{ name: 'themes:changed', id: created.id }])
  })

  const INVALID: InvalidCase[] = [
    { name: 'no title', input: {}, issue: { path: ['title'], code: 'required' } },
    { name: 'a blank title', input: { title: '  ' }, issue: { path: ['title'], code: 'required' } },
    { name: 'a title of 101 characters', input: { title: '题'.repeat(101) }, issue: { path: ['title'], code: 'too_big', params: { max: 100 } } },
    { name: 'an empty tag', input: { title: '主题', tags: ['乡村振兴', ' '] }, issue: { path: ['tags', 1], code: 'required' } },
    { name: 'a tag of 21 characters', input: { title: '主题', tags: ['标'.repeat(21)] }, issue: { path: ['tags', 0], code: 'too_big', params: { max: 20 } } },
    {
      name: '31 tags',
      input: { title: '主题', tags: Array.from({ length: 31 }, (_, i) => `标签${i}`) },
      issue: { path: ['tags'], code: 'too_big', params: { max: 30 } }
    },
    { name: 'an empty reference', input: { title: '主题', references: [''] }, issue: { path: ['references', 0], code: 'required' } },
    {
      name: 'a reference of 201 characters',
      input: { title: '主题', references: ['文'.repeat(201)] },
      issue: { path: ['references', 0], code: 'too_big', params: { max: 200 } }
    },
    {
      name: '51 references',
      input: { title: '主题', references: Array.from({ length: 51 }, (_, i) => `文献${i}`) },
      issue: { path: ['references'], code: 'too_big', params: { max: 50 } }
    },
    {
      name: 'materials of 20001 characters',
      input: { title: '主题', materials: '学'.repeat(20_001) },
      issue: { path: ['materials'], code: 'too_big', params: { max: 20_000 } }
    }
  ]

  it.each(INVALID)('refuses $name, and writes nothing', async (invalid) => {
    const core = testCore()
    await createTheme(core, { title: '已有的主题', tags: ['已有'] })
    await expectInvalid(core, 'themes:create', invalid)
  })
})

describe('themes:update', () => {
  it('replaces every field and the tags, keeps createdAt, and moves the theme to the top of the list', async () => {
    let clock = T0
    const core = testCore({ now: () => clock })
    const first = await createTheme(core, { title: '新发展格局', description: '旧', references: ['《甲》'], tags: ['甲', '乙'] })
    clock = T0 + HOUR
    const second = await createTheme(core, { title: '乡村振兴' })
    expect(valueOf(await core.invoke('themes:list', {})).map((theme) => theme.id)).toEqual([second.id, first.id])
    clock = T0 + 2 * HOUR
    const events = recordEvents(core)

    const updated = valueOf(
      await core.invoke('themes:update', {
        id: first.id,
        title: ' 加快构建新发展格局 ',
        description: '新',
        materials: '材料',
        references: ['《丙》', '《甲》'],
        tags: ['丙', '乙', '丙']
      })
    )

    expect(updated).toEqual({
      ...first,
      title: '加快构建新发展格局',
      description: '新',
      materials: '材料',
      references: ['《丙》', '《甲》'],
      tags: ['丙', '乙'],
      updatedAt: T0 + 2 * HOUR
    })
    expect(valueOf(await core.invoke('themes:get', { id: first.id }))).toEqual(updated)
    expect(valueOf(await core.invoke('themes:list', {})).map((theme) => theme.id)).toEqual([first.id, second.id])
    const tagRows = withDatabase(core.databaseFile, (db) => db.prepare('SELECT tag FROM theme_tags WHERE theme_id = ? ORDER BY tag').all(first.id))
    expect(tagRows).toEqual([{ tag: '丙' }, { tag: '乙' }])
    expect(events).toEqual([{ name: 'themes:changed', id: first.id }])
  })

  it('answers not_found for a theme that does not exist, and creates nothing', async () => {
    const core = testCore()
    expect((await refusedWithoutTrace(core, 'themes:update', { id: uuidv7(), title: '主题' })).code).toBe('not_found')
  })
})

describe('themes:delete', () => {
  it('deletes a theme no session uses, with its tags', async () => {
    const core = testCore()
    const theme = await createTheme(core, { title: '没人用的主题', tags: ['甲', '乙'] })
    const other = await createTheme(core, { title: '另一个主题', tags: ['甲'] })
    const events = recordEvents(core)

    expect(valueOf(await core.invoke('themes:delete', { id: theme.id }))).toEqual({ id: theme.id })

    expect(errorOf(await core.invoke('themes:get', { id: theme.id })).code).toBe('not_found')
    expect(valueOf(await core.invoke('themes:list', {})).map((t) => t.id)).toEqual([other.id])
    const tags = withDatabase(core.databaseFile, (db) => db.prepare('SELECT theme_id, tag FROM theme_tags').all())
    expect(tags).toEqual([{ theme_id: other.id, tag: '甲' }])
    expect(events).toEqual([{ name: 'themes:changed', id: theme.id }])
  })

  it.each(['planned', 'live', 'ended', 'cancelled'] as const)(
    'refuses to delete a theme a %s session uses (conflict, theme_in_use) and changes nothing',
    async (status) => {
      const core = testCore()
      const theme = await createTheme(core, { title: '用过的主题', tags: ['甲'] })
      withDatabase(core.databaseFile, (db) => insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR, themeId: theme.id, status }))
      const error = await refusedWithoutTrace(core, 'themes:delete', { id: theme.id })
      expect(error.code).toBe('conflict')
      expect(error.issues).toEqual([expect.objectContaining({ path: ['id'], code: 'theme_in_use' })])
    }
  )

  it('answers not_found for a theme that does not exist', async () => {
    const core = testCore()
    expect(errorOf(await core.invoke('themes:delete', { id: uuidv7() })).code).toBe('not_found')
  })
})

describe('sessionCount', () => {
  it('counts planned, live and ended sessions of the theme, not cancelled ones nor other themes', async () => {
    const core = testCore()
    const theme = await createTheme(core, { title: '新发展格局' })
    const other = await createTheme(core, { title: '乡村振兴' })
    withDatabase(core.databaseFile, (db) => {
      const session = (status: 'planned' | 'live' | 'ended' | 'cancelled', themeId: string | null) =>
        insertSession(db, { title: `${status}`, plannedStart: T0, plannedEnd: T0 + HOUR, themeId, status })
      session('planned', theme.id)
      session('live', theme.id)
      session('ended', theme.id)
      session('cancelled', theme.id)
      session('cancelled', theme.id)
      session('planned', other.id)
      session('planned', null)
    })

    const counts = Object.fromEntries(valueOf(await core.invoke('themes:list', {})).map((t) => [t.title, t.sessionCount]))
    expect(counts).toEqual({ 新发展格局: 3, 乡村振兴: 1 })
    expect(valueOf(await core.invoke('themes:get', { id: theme.id })).sessionCount).toBe(3)
  })

  it('follows sessions created and cancelled through core', async () => {
    const core = testCore()
    const theme = await createTheme(core, { title: '新发展格局' })
    const count = async (): Promise<number> => valueOf(await core.invoke('themes:get', { id: theme.id })).sessionCount
    const plan = { title: '圆桌派', themeId: theme.id, plannedStart: T0, plannedEnd: T0 + HOUR }

    const first = valueOf(await core.invoke('sessions:create', plan))
    valueOf(await core.invoke('sessions:create', plan))
    expect(await count()).toBe(2)

    valueOf(await core.invoke('sessions:cancel', { id: first.id }))
    expect(await count()).toBe(1)

    valueOf(await core.invoke('sessions:duplicate', { id: first.id }))
    expect(await count()).toBe(2)
  })
})
