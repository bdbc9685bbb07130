import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src/core/core'
import { LATEST_SCHEMA_VERSION } from '../../../src/core/store/database'
import { uuidv7 } from '../../../src/core/store/ids'
import { CHANNELS, type Channel, type InputOf } from '../../../src/shared/contract'
import { LIMITS } from '../../../src/shared/limits'
import type { FieldIssue } from '../../../src/shared/result'
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../src/shared/domain'
import {
  APP_VERSION,
  DAY,
  errorOf,
  HOUR,
  insertPerson,
  insertSession,
  insertTheme,
  refusedWithoutTrace,
  runCleanups,
  T0,
  tempDatabaseFile,
  testCore,
  valueOf,
  withDatabase
} from '../../helpers'

afterEach(runCleanups)

/**
 * A valid input for the channels this file knows well. Channels added later are still covered by the
 * generic tests below (wrong types, unknown keys), which iterate over CHANNELS.
 */
const VALID_INPUT: { [C in Channel]?: InputOf<C> } = {
  'app:info': {},
  'settings:get': {},
  'settings:update': { language: 'en' },
  'people:list': { includeArchived: true, limit: 10 },
  'people:get': { id: uuidv7() },
  'themes:list': {},
  'themes:get': { id: uuidv7() },
  'sessions:list': { when: 'upcoming' },
  'sessions:get': { id: uuidv7() },
  'search:query': { text: '圆桌' }
}

interface InvalidCase {
  name: string
  input: unknown
  /** What the first issue must look like. */
  issue: Partial<FieldIssue>
}

const BAD_IDS: InvalidCase[] = [
  { name: 'id missing', input: {}, issue: { path: ['id'], code: 'required' } },
  { name: 'id is a number', input: { id: 42 }, issue: { path: ['id'], code: 'invalid_type', params: { expected: 'string' } } },
  { name: 'id is null', input: { id: null }, issue: { path: ['id'], code: 'invalid_type' } },
  { name: 'id is not a UUID', input: { id: 'abc' }, issue: { path: ['id'], code: 'invalid_format' } },
  { name: 'id is an empty string', input: { id: '' }, issue: { path: ['id'], code: 'invalid_format' } },
  { name: 'id in upper case', input: { id: uuidv7().toUpperCase() }, issue: { path: ['id'], code: 'invalid_format' } },
  { name: 'id with a trailing newline', input: { id: `${uuidv7()}\n` }, issue: { path: ['id'], code: 'invalid_format' } },
  { name: 'id with SQL after it', input: { id: `${uuidv7()}' OR '1'='1` }, issue: { path: ['id'], code: 'invalid_format' } }
]

/** Per channel, inputs that must be refused, and the first issue each must report. */
const INVALID_CASES: { [C in Channel]?: InvalidCase[] } = {
  'settings:update': [
    { name: 'language not offered', input: { language: 'fr' }, issue: { path: ['language'], code: 'invalid_value' } },
    { name: 'language is a number', input: { language: 1 }, issue: { path: ['language'], code: 'invalid_value' } },
    {
      name: 'organisationName is a number',
      input: { organisationName: 123 },
      issue: { path: ['organisationName'], code: 'invalid_type', params: { expected: 'string' } }
    },
    { name: 'organisationName is null', input: { organisationName: null }, issue: { path: ['organisationName'], code: 'invalid_type' } },
    {
      name: 'organisationName of 101 characters',
      input: { organisationName: '郑'.repeat(101) },
      issue: { path: ['organisationName'], code: 'too_big', params: { max: 100 } }
    },
    {
      name: 'defaultVenue one character too long',
      input: { defaultVenue: 'a'.repeat(LIMITS.mediumText + 1) },
      issue: { path: ['defaultVenue'], code: 'too_big', params: { max: LIMITS.mediumText } }
    },
    {
      name: 'a valid field next to an oversized one',
      input: { language: 'en', organisationName: 'x'.repeat(101) },
      issue: { path: ['organisationName'], code: 'too_big', params: { max: 100 } }
    }
  ],
  'people:list': [
    {
      name: 'includeArchived is a string',
      input: { includeArchived: 'yes' },
      issue: { path: ['includeArchived'], code: 'invalid_type', params: { expected: 'boolean' } }
    },
    { name: 'limit 0', input: { limit: 0 }, issue: { path: ['limit'], code: 'too_small', params: { min: 1 } } },
    {
      name: 'limit over a page',
      input: { limit: LIMITS.listPage + 1 },
      issue: { path: ['limit'], code: 'too_big', params: { max: LIMITS.listPage } }
    },
    { name: 'limit not an integer', input: { limit: 1.5 }, issue: { path: ['limit'], code: 'invalid_type' } },
    { name: 'limit is a string', input: { limit: '10' }, issue: { path: ['limit'], code: 'invalid_type' } }
  ],
  'people:get': BAD_IDS,
  'themes:get': BAD_IDS,
  'sessions:get': BAD_IDS,
  'sessions:list': [
    { name: 'when not offered', input: { when: 'soon' }, issue: { path: ['when'], code: 'invalid_value' } },
    { name: 'when is a number', input: { when: 1 }, issue: { path: ['when'], code: 'invalid_value' } }
  ],
  'search:query': [
    { name: 'text missing', input: {}, issue: { path: ['text'], code: 'required' } },
    { name: 'text empty', input: { text: '' }, issue: { path: ['text'], code: 'required' } },
    { name: 'text only spaces', input: { text: '  \t ' }, issue: { path: ['text'], code: 'required' } },
    { name: 'text of 101 characters', input: { text: '圆'.repeat(101) }, issue: { path: ['text'], code: 'too_big', params: { max: 100 } } },
    { name: 'text is a number', input: { text: 5 }, issue: { path: ['text'], code: 'invalid_type', params: { expected: 'string' } } }
  ]
}

/** Calls a channel with bad input and checks it was refused as invalid_input without a trace. */
async function expectRefused(channel: string, input: unknown): Promise<FieldIssue[]> {
  const core = testCore()
  const settingsBefore = valueOf(await core.invoke('settings:get', {}))

  const error = await refusedWithoutTrace(core, channel, input)
  expect(error.code).toBe('invalid_input')
  expect(error.message).toEqual(expect.any(String))
  expect(error.issues?.length).toBeGreaterThan(0)
  for (const issue of error.issues ?? []) {
    expect(Object.keys(issue).sort()).toEqual(issue.params ? ['code', 'message', 'params', 'path'] : ['code', 'message', 'path'])
    expect(issue.path).toEqual(expect.any(Array))
  }
  expect(valueOf(await core.invoke('settings:get', {}))).toEqual(settingsBefore)
  return error.issues ?? []
}

describe.each(CHANNELS)('%s', (channel) => {
  it.each([
    ['a number', 42],
    ['a string', 'settings'],
    ['an array', []],
    ['an array holding an object', [{}]],
    ['a boolean', true]
  ])('refuses %s instead of an object', async (_what, input) => {
    const [issue] = await expectRefused(channel, input)
    expect(issue).toMatchObject({ path: [], code: 'invalid_type', params: { expected: 'object' } })
  })

  it('refuses an unknown key', async () => {
    const issues = await expectRefused(channel, { ...VALID_INPUT[channel], sneaky: 1 })
    expect(issues).toContainEqual(expect.objectContaining({ path: [], code: 'unrecognized_keys', params: { keys: 'sneaky' } }))
  })

  it('refuses a "__proto__" key as unknown', async () => {
    // JSON.parse makes "__proto__" an own key, as it arrives over HTTP; the spread keeps it one.
    const input: unknown = { ...VALID_INPUT[channel], ...(JSON.parse('{"__proto__": {"language": "en"}}') as object) }
    const issues = await expectRefused(channel, input)
    expect(issues).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', params: { keys: '__proto__' } }))
  })

  const valid = VALID_INPUT[channel]
  if (valid !== undefined) {
    it('with a valid input plus an unknown key, the unknown key is the only issue', async () => {
      const issues = await expectRefused(channel, { ...valid, sneaky: 1 })
      expect(issues).toEqual([expect.objectContaining({ path: [], code: 'unrecognized_keys', params: { keys: 'sneaky' } })])
    })

    it('accepts a valid input', async () => {
      const result = await testCore().invoke(channel, valid)
      // Lookups by a random id are well-formed but name nothing.
      if (/^(people|themes|sessions):get$/.test(channel)) expect(errorOf(result).code).toBe('not_found')
      else expect(result).toMatchObject({ ok: true })
    })
  }

  const cases = INVALID_CASES[channel] ?? []
  if (cases.length > 0) {
    it.each(cases)('refuses: $name', async ({ input, issue }) => {
      const issues = await expectRefused(channel, input)
      expect(issues[0]).toMatchObject(issue)
    })
  }
})

describe('text and dates a person could not have meant (no 500s, nothing written)', () => {
  it.each([
    ['a NUL in a name', 'people:create', { name: '温\u0000乐义' }, 'name'],
    ['a line break in a name', 'people:create', { name: '温乐义\n' + '温集' }, 'name'],
    ['an escape character in a venue', 'settings:update', { defaultVenue: '理论\u001b宣讲室' }, 'defaultVenue'],
    ['a NUL in a note', 'people:create', { name: '温乐义', note: '党员\u0000' }, 'note']
  ])('refuses %s with control_characters', async (_, channel, input, field) => {
    const error = await refusedWithoutTrace(testCore(), channel, input)
    expect(error.code).toBe('invalid_input')
    expect(error.issues).toContainEqual(expect.objectContaining({ path: [field], code: 'control_characters' }))
  })

  it('keeps line breaks and tabs where text runs over several lines', async () => {
    const core = testCore()
    const person = valueOf(await core.invoke('people:create', { name: '温乐义', note: '第一行\n第二行\t备注' }))
    expect(person.note).toBe('第一行\n第二行\t备注')
  })

  it.each([
    ['the year 1900', Date.UTC(1900, 0, 1, 6)],
    ['the year 2200', Date.UTC(2200, 0, 1, 6)],
    ['past what Date can hold', 8.64e15 + 1]
  ])('refuses a session dated %s with date_out_of_range', async (_, plannedStart) => {
    const core = testCore()
    const error = errorOf(await core.invoke('sessions:create', { title: '圆桌派', plannedStart, plannedEnd: plannedStart + 3_600_000 }))
    expect(error.issues).toContainEqual(expect.objectContaining({ path: ['plannedStart'], code: 'date_out_of_range' }))
    expect(valueOf(await core.invoke('sessions:list', {}))).toEqual([])
  })
})

describe('channels', () => {
  it.each(['nope:nothing', '', 'settings:GET', 'settings', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'an unknown channel %j is answered with unknown_channel',
    async (name) => {
      expect((await refusedWithoutTrace(testCore(), name, {})).code).toBe('unknown_channel')
    }
  )

  it('treats a missing input as an empty object', async () => {
    const core = testCore()
    expect(valueOf(await core.invoke('settings:get', undefined))).toEqual(valueOf(await core.invoke('settings:get', {})))
    expect(valueOf(await core.invoke('themes:list', null))).toEqual([])
  })
})

describe('lookups by id', () => {
  it.each(['people:get', 'themes:get', 'sessions:get'] as const)('%s answers not_found for a well-formed id that does not exist', async (channel) => {
    const core = testCore()
    const id = uuidv7()
    const error = errorOf(await core.invoke(channel, { id }))
    expect(error.code).toBe('not_found')
    expect(error.message).toContain(id)
  })

  it.each(['people:get', 'themes:get', 'sessions:get'] as const)('%s still finds a version-4 UUID (imported archives)', async (channel) => {
    const file = tempDatabaseFile()
    const v4 = '3b241101-e2bb-4255-8caf-4136c566a962'
    withDatabase(file, (db) => {
      db.prepare(`INSERT INTO people (id, name, created_at, updated_at) VALUES (?, '温乐义', ?, ?)`).run(v4, T0, T0)
      db.prepare(`INSERT INTO themes (id, title, created_at, updated_at) VALUES (?, '乡村振兴', ?, ?)`).run(v4, T0, T0)
      db.prepare(
        `INSERT INTO sessions (id, title, planned_start, planned_end, created_at, updated_at) VALUES (?, '圆桌派', ?, ?, ?, ?)`
      ).run(v4, T0, T0 + HOUR, T0, T0)
    })
    expect(valueOf(await testCore({ databaseFile: file }).invoke(channel, { id: v4 })).id).toBe(v4)
  })
})

describe('settings', () => {
  it('start with Chinese and empty organisation and venue', async () => {
    expect(valueOf(await testCore().invoke('settings:get', {}))).toMatchObject({ language: 'zh-CN', organisationName: '', defaultVenue: '' })
  })

  it('update trims, returns the whole settings, and settings:get reads it back', async () => {
    const core = testCore()
    const defaults = valueOf(await core.invoke('settings:get', {}))
    const updated = valueOf(
      await core.invoke('settings:update', { organisationName: '  郑家镇新时代文明实践所 ', defaultVenue: '\t理论宣讲室\n' })
    )
    expect(updated).toEqual({ ...defaults, organisationName: '郑家镇新时代文明实践所', defaultVenue: '理论宣讲室' })
    expect(valueOf(await core.invoke('settings:get', {}))).toEqual(updated)
  })

  it('update changes only the fields it names', async () => {
    const core = testCore()
    await core.invoke('settings:update', { organisationName: '郑家镇', defaultVenue: '理论宣讲室' })
    expect(valueOf(await core.invoke('settings:update', { language: 'en' }))).toMatchObject({
      language: 'en',
      organisationName: '郑家镇',
      defaultVenue: '理论宣讲室'
    })
  })

  it('accepts exactly the maximum length once trimmed', async () => {
    const core = testCore()
    const name = '郑'.repeat(100)
    expect(valueOf(await core.invoke('settings:update', { organisationName: `  ${name}  ` })).organisationName).toBe(name)
  })

  it('emits settings:changed once, after the change is committed', async () => {
    const core = testCore()
    const seen: unknown[] = []
    core.subscribe((event) => {
      // Inside the listener the change must already be visible, also to another connection.
      const stored = withDatabase(core.databaseFile, (db) => db.prepare(`SELECT value FROM settings WHERE key = 'language'`).get())
      seen.push({ event, stored })
    })
    await core.invoke('settings:update', { language: 'en' })
    expect(seen).toEqual([{ event: { name: 'settings:changed' }, stored: { value: '"en"' } }])
  })

  it('an unsubscribed listener hears nothing more, and a failing listener does not fail the call', async () => {
    const core = testCore()
    const events: unknown[] = []
    const unsubscribe = core.subscribe((event) => events.push(event))
    core.subscribe(() => {
      throw new Error('listener broke')
    })
    expect((await core.invoke('settings:update', { language: 'en' })).ok).toBe(true)
    unsubscribe()
    expect((await core.invoke('settings:update', { language: 'zh-CN' })).ok).toBe(true)
    expect(events).toEqual([{ name: 'settings:changed' }])
  })

  it('persist after the core is closed and opened again on the same file', async () => {
    const file = tempDatabaseFile()
    const first: Core = createCore({ databaseFile: file, appVersion: APP_VERSION })
    const saved = valueOf(await first.invoke('settings:update', { language: 'en', organisationName: '郑家镇', defaultVenue: '文明实践所' }))
    first.close()

    const second = testCore({ databaseFile: file })
    expect(valueOf(await second.invoke('settings:get', {}))).toEqual(saved)
    expect(saved).toMatchObject({ language: 'en', organisationName: '郑家镇', defaultVenue: '文明实践所' })
  })

  it('close can be called twice', () => {
    const core = createCore({ databaseFile: tempDatabaseFile(), appVersion: APP_VERSION })
    core.close()
    expect(() => core.close()).not.toThrow()
  })
})

describe('app:info', () => {
  it('reports the app version, the schema version and the database file', async () => {
    const file = tempDatabaseFile()
    expect(valueOf(await testCore({ databaseFile: file }).invoke('app:info', {}))).toMatchObject({
      version: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      databaseFile: file
    })
  })
})

describe('people', () => {
  it('people:list returns people with their categories, sorted by name in pinyin order, without the archived', async () => {
    const file = tempDatabaseFile()
    const ids = withDatabase(file, (db) => ({
      zhang: insertPerson(db, { name: '张三', village: '温集新村' }),
      wen: insertPerson(db, {
        name: '温乐义',
        gender: 'male',
        organisation: '郑家镇',
        village: '温集新村',
        categories: ['群众', '党员'],
        phone: '13800000000',
        note: '老党员'
      }),
      an: insertPerson(db, { name: '安娜', gender: 'female' }),
      archived: insertPerson(db, { name: '白雪', archivedAt: T0 + DAY })
    }))
    const core = testCore({ databaseFile: file })

    const people = valueOf(await core.invoke('people:list', {}))
    expect(people.map((p) => p.name)).toEqual(['安娜', '温乐义', '张三'])
    expect(people[1]).toMatchObject({
      id: ids.wen,
      name: '温乐义',
      gender: 'male',
      organisation: '郑家镇',
      village: '温集新村',
      categories: ['党员', '群众'],
      phone: '13800000000',
      note: '老党员',
      archivedAt: null,
      createdAt: T0,
      updatedAt: T0
    })
    expect(people[0]).toMatchObject({ id: ids.an, categories: [], phone: null, gender: 'female' })

    const all = valueOf(await core.invoke('people:list', { includeArchived: true }))
    expect(all.map((p) => p.name)).toEqual(['安娜', '白雪', '温乐义', '张三'])
    expect(all[1]).toMatchObject({ id: ids.archived, archivedAt: T0 + DAY })
    expect(valueOf(await core.invoke('people:list', { includeArchived: false })).map((p) => p.id)).toEqual([ids.an, ids.wen, ids.zhang])
  })

  it('people:list with a limit returns the first people in name order', async () => {
    const file = tempDatabaseFile()
    withDatabase(file, (db) => {
      for (const name of ['张三', '王五', '温乐义', '安娜']) insertPerson(db, { name })
    })
    const core = testCore({ databaseFile: file })
    expect(valueOf(await core.invoke('people:list', {})).map((p) => p.name)).toEqual(['安娜', '王五', '温乐义', '张三'])
    expect(valueOf(await core.invoke('people:list', { limit: 2 })).map((p) => p.name)).toEqual(['安娜', '王五'])
  })

  it('people:list with a limit counts only the people it may show', async () => {
    const file = tempDatabaseFile()
    withDatabase(file, (db) => {
      insertPerson(db, { name: '白雪', archivedAt: T0 })
      insertPerson(db, { name: '李芳' })
    })
    expect(valueOf(await testCore({ databaseFile: file }).invoke('people:list', { limit: 1 })).map((p) => p.name)).toEqual(['李芳'])
  })

  it('people:get returns one person, archived or not', async () => {
    const file = tempDatabaseFile()
    const id = withDatabase(file, (db) => insertPerson(db, { name: '白雪', categories: ['志愿者'], archivedAt: T0 }))
    expect(valueOf(await testCore({ databaseFile: file }).invoke('people:get', { id }))).toMatchObject({
      id,
      name: '白雪',
      categories: ['志愿者'],
      archivedAt: T0
    })
  })
})

describe('themes', () => {
  it('themes:list and themes:get return tags, references and the number of sessions using the theme', async () => {
    const file = tempDatabaseFile()
    const ids = withDatabase(file, (db) => {
      const used = insertTheme(db, {
        title: '加快构建新发展格局',
        description: '把握未来发展主动权',
        materials: '学习讲话精神',
        references: ['《人民日报》2025-08-01'],
        tags: ['新发展格局', '乡村振兴'],
        at: T0 + 2
      })
      const unused = insertTheme(db, { title: '文明实践', at: T0 + 1 })
      insertSession(db, { title: '第一场', themeId: used, plannedStart: T0, plannedEnd: T0 + HOUR })
      insertSession(db, { title: '取消的场次', themeId: used, plannedStart: T0 + DAY, plannedEnd: T0 + DAY + HOUR, status: 'cancelled' })
      return { used, unused }
    })
    const core = testCore({ databaseFile: file })

    const themes = valueOf(await core.invoke('themes:list', {}))
    expect(themes.map((t) => t.id)).toEqual([ids.used, ids.unused]) // most recently updated first
    const expected = {
      id: ids.used,
      title: '加快构建新发展格局',
      description: '把握未来发展主动权',
      materials: '学习讲话精神',
      references: ['《人民日报》2025-08-01'],
      tags: ['乡村振兴', '新发展格局'].sort(),
      sessionCount: 1,
      createdAt: T0 + 2,
      updatedAt: T0 + 2
    }
    expect(themes[0]).toMatchObject(expected)
    expect(themes[1]).toMatchObject({ id: ids.unused, tags: [], references: [], sessionCount: 0 })
    expect(valueOf(await core.invoke('themes:get', { id: ids.used }))).toEqual(themes[0])
  })
})

describe('sessions', () => {
  const NOW = T0 + 10 * DAY

  function seedSessions(): { file: string; ids: Record<string, string> } {
    const file = tempDatabaseFile()
    const ids = withDatabase(file, (db) => {
      const themeId = insertTheme(db, { title: '乡村振兴' })
      const hostId = insertPerson(db, { name: '李芳' })
      return {
        themeId,
        hostId,
        longAgo: insertSession(db, { title: '第一场', plannedStart: NOW - 5 * DAY, plannedEnd: NOW - 5 * DAY + HOUR, status: 'ended' }),
        justOver: insertSession(db, { title: '第二场', themeId, plannedStart: NOW - 2 * HOUR, plannedEnd: NOW - 1, status: 'ended' }),
        running: insertSession(db, { title: '正在进行', plannedStart: NOW - HOUR, plannedEnd: NOW + HOUR, status: 'live' }),
        endsNow: insertSession(db, { title: '此刻结束', plannedStart: NOW - HOUR / 2, plannedEnd: NOW }),
        nextWeek: insertSession(db, {
          title: '第三场',
          themeId,
          plannedStart: NOW + 7 * DAY,
          plannedEnd: NOW + 7 * DAY + 2 * HOUR,
          venue: '理论宣讲室',
          hostId,
          organiserUnit: '郑家镇',
          speakerLimitSeconds: 180,
          isDemo: true
        }),
        tomorrow: insertSession(db, { title: '明天', plannedStart: NOW + DAY, plannedEnd: NOW + DAY + HOUR })
      }
    })
    return { file, ids }
  }

  it('sessions:list splits upcoming and past by planned end relative to now', async () => {
    const { file, ids } = seedSessions()
    const core = testCore({ databaseFile: file, now: () => NOW })

    const upcoming = valueOf(await core.invoke('sessions:list', { when: 'upcoming' }))
    expect(upcoming.map((s) => s.id)).toEqual([ids.running, ids.endsNow, ids.tomorrow, ids.nextWeek]) // soonest first

    const past = valueOf(await core.invoke('sessions:list', { when: 'past' }))
    expect(past.map((s) => s.id)).toEqual([ids.justOver, ids.longAgo]) // latest first
    expect(past[0]).toEqual({
      id: ids.justOver,
      title: '第二场',
      themeId: ids.themeId,
      themeTitle: '乡村振兴',
      plannedStart: NOW - 2 * HOUR,
      plannedEnd: NOW - 1,
      venue: '',
      status: 'ended'
    })

    const all = valueOf(await core.invoke('sessions:list', { when: 'all' }))
    expect(all.map((s) => s.id)).toEqual([ids.nextWeek, ids.tomorrow, ids.endsNow, ids.running, ids.justOver, ids.longAgo])
    expect(valueOf(await core.invoke('sessions:list', {}))).toEqual(all)
  })

  it('sessions:list follows the clock it is given', async () => {
    const { file, ids } = seedSessions()
    let now = NOW
    const core = testCore({ databaseFile: file, now: () => now })
    expect(valueOf(await core.invoke('sessions:list', { when: 'past' }))).toHaveLength(2)
    now = NOW + 30 * DAY
    // Planned sessions whose time has passed move to 往期; one still live stays where it can be run.
    expect(valueOf(await core.invoke('sessions:list', { when: 'upcoming' })).map((s) => s.id)).toEqual([ids.running])
    expect(valueOf(await core.invoke('sessions:list', { when: 'past' }))[0]!.id).toBe(ids.nextWeek)
  })

  it('sessions:get returns the whole session', async () => {
    const { file, ids } = seedSessions()
    expect(valueOf(await testCore({ databaseFile: file, now: () => NOW }).invoke('sessions:get', { id: ids.nextWeek! }))).toMatchObject({
      id: ids.nextWeek,
      title: '第三场',
      themeId: ids.themeId,
      themeTitle: '乡村振兴',
      plannedStart: NOW + 7 * DAY,
      plannedEnd: NOW + 7 * DAY + 2 * HOUR,
      venue: '理论宣讲室',
      status: 'planned',
      hostId: ids.hostId,
      recorderId: null,
      organiserUnit: '郑家镇',
      speakerLimitSeconds: 180,
      summary: '',
      isDemo: true,
      createdAt: T0,
      updatedAt: T0
    })
  })
})

describe('search:query', () => {
  function seedSearch(): { file: string; ids: Record<string, string> } {
    const file = tempDatabaseFile()
    const ids = withDatabase(file, (db) => {
      const themeId = insertTheme(db, { title: '加快构建新发展格局', description: '把握未来发展主动权', at: T0 })
      return {
        themeId,
        session: insertSession(db, {
          title: '一场别开生面的思想圆桌派',
          themeId,
          venue: '郑家镇新时代文明实践所理论宣讲室',
          plannedStart: T0 + DAY,
          plannedEnd: T0 + DAY + HOUR
        }),
        percent: insertSession(db, { title: '参与率100%的圆桌', plannedStart: T0 + 2 * DAY, plannedEnd: T0 + 2 * DAY + HOUR }),
        underscore: insertSession(db, { title: 'a_b 场次', plannedStart: T0 + 3 * DAY, plannedEnd: T0 + 3 * DAY + HOUR }),
        plain: insertSession(db, { title: 'axb 场次', plannedStart: T0 + 4 * DAY, plannedEnd: T0 + 4 * DAY + HOUR }),
        person: insertPerson(db, { name: '赵海云', organisation: '理论宣讲志愿者', village: '温集新村' })
      }
    })
    return { file, ids }
  }

  it('finds a session by a 2-character Chinese substring of its title', async () => {
    const { file, ids } = seedSearch()
    const hits = valueOf(await testCore({ databaseFile: file }).invoke('search:query', { text: '生面' }))
    expect(hits).toEqual([
      expect.objectContaining({ kind: 'session', id: ids.session, title: '一场别开生面的思想圆桌派', sessionId: ids.session, at: T0 + DAY })
    ])
    expect(hits[0]!.snippet).toContain('郑家镇新时代文明实践所理论宣讲室')
  })

  it('finds sessions by venue, themes by description, and people by village', async () => {
    const { file, ids } = seedSearch()
    const core = testCore({ databaseFile: file })
    expect(valueOf(await core.invoke('search:query', { text: '宣讲' })).map((h) => [h.kind, h.id])).toEqual([
      ['session', ids.session],
      ['person', ids.person]
    ])
    // Snippets mark what matched.
    expect(valueOf(await core.invoke('search:query', { text: '主动权' }))).toEqual([
      { kind: 'theme', id: ids.themeId, title: '加快构建新发展格局', snippet: `把握未来发展${HIGHLIGHT_START}主动权${HIGHLIGHT_END}` }
    ])
    expect(valueOf(await core.invoke('search:query', { text: '集新' }))).toEqual([
      { kind: 'person', id: ids.person, title: '赵海云', snippet: `理论宣讲志愿者 温${HIGHLIGHT_START}集新${HIGHLIGHT_END}村` }
    ])
  })

  it('trims the query', async () => {
    const { file, ids } = seedSearch()
    expect(valueOf(await testCore({ databaseFile: file }).invoke('search:query', { text: '  生面 ' })).map((h) => h.id)).toEqual([ids.session])
  })

  it('treats % and _ literally', async () => {
    const { file, ids } = seedSearch()
    const core = testCore({ databaseFile: file })
    expect(valueOf(await core.invoke('search:query', { text: '%' })).map((h) => h.id)).toEqual([ids.percent])
    expect(valueOf(await core.invoke('search:query', { text: '100%的' })).map((h) => h.id)).toEqual([ids.percent])
    expect(valueOf(await core.invoke('search:query', { text: '_' })).map((h) => h.id)).toEqual([ids.underscore])
    expect(valueOf(await core.invoke('search:query', { text: 'a_b' })).map((h) => h.id)).toEqual([ids.underscore])
    expect(valueOf(await core.invoke('search:query', { text: '\\' }))).toEqual([])
  })

  it('finds nothing when nothing matches', async () => {
    const { file } = seedSearch()
    expect(valueOf(await testCore({ databaseFile: file }).invoke('search:query', { text: '不存在的词' }))).toEqual([])
  })
})

describe('a core that cannot open its database', () => {
  it('throws from createCore rather than answering calls', () => {
    const file = tempDatabaseFile()
    withDatabase(file, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`))
    expect(() => createCore({ databaseFile: file, appVersion: APP_VERSION })).toThrow(/schema version/)
  })
})
