import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/core/store/database'
import { uuidv7 } from '../../../src/core/store/ids'
import type { InputOf } from '../../../src/shared/contract'
import type { Person } from '../../../src/shared/domain'
import { DAY, errorOf, HOUR, insertPerson, insertSession, issuesOf, recordEvents, refusedWithoutTrace, runCleanups, T0, testCore, valueOf, withDatabase } from '../../helpers'
import { createPeople, createPerson, createSession, expectInvalid, getPerson, getSession, rowCounts, setSessionStatus, type CreateCase, type InvalidCase } from './fixtures'

afterEach(runCleanups)

describe('people:create', () => {
  const CASES: CreateCase<'people:create', Person>[] = [
    {
      name: 'only a name: every other field takes its default',
      input: { name: '温乐义' },
      expected: { name: '温乐义', gender: null, organisation: '', village: '', categories: [], phone: null, note: '', archivedAt: null }
    },
    {
      name: 'every text field is trimmed (ASCII and full-width spaces)',
      input: {
        name: '  翟自恩\u3000',
        gender: 'male',
        organisation: ' 郑家镇辖区企业 ',
        village: '\t温集新村 ',
        phone: ' 138 0000 0000 ',
        note: '  企业党员  '
      },
      expected: { name: '翟自恩', gender: 'male', organisation: '郑家镇辖区企业', village: '温集新村', phone: '138 0000 0000', note: '企业党员' }
    },
    {
      name: 'categories are trimmed, de-duplicated and sorted by pinyin',
      input: { name: '李芳', categories: ['志愿者', ' 党员', '党员 ', '群众', '干部'] },
      expected: { categories: ['党员', '干部', '群众', '志愿者'] }
    },
    { name: 'an empty phone is stored as no phone', input: { name: '张秀兰', phone: '' }, expected: { phone: null } },
    { name: 'a null phone is no phone', input: { name: '张秀兰', phone: null }, expected: { phone: null } },
    { name: 'a phone with area code in brackets', input: { name: '刘建国', phone: '(0635) 8123456' }, expected: { phone: '(0635) 8123456' } },
    { name: 'a phone with a leading + and dashes', input: { name: '陈静', phone: '+86-138-0000-0000' }, expected: { phone: '+86-138-0000-0000' } }
  ]

  it.each(CASES)('$name', async ({ input, expected }) => {
    const core = testCore({ now: () => T0 })
    const events = recordEvents(core)

    const created = await createPerson(core, input)

    expect(created).toMatchObject({ ...expected, hasHistory: false, isDemo: false, createdAt: T0, updatedAt: T0 })
    expect(await getPerson(core, created.id)).toEqual(created)
    expect(events).toEqual([{ name: 'people:changed', id: created.id }])
  })

  it('stores an empty phone as SQL NULL, not as an empty string', async () => {
    const core = testCore()
    const { id } = await createPerson(core, { name: '张秀兰', phone: '' })
    const row = withDatabase(core.databaseFile, (db) => db.prepare('SELECT phone FROM people WHERE id = ?').get(id)) as { phone: unknown }
    expect(row.phone).toBeNull()
  })

  // An optional field holding only spaces means "no phone", as with every other trimmed text field.
  it('treats a phone of only spaces as no phone (like an empty one)', async () => {
    const core = testCore()
    const result = await core.invoke('people:create', { name: '张秀兰', phone: '   ' })
    expect(valueOf(result).phone).toBeNull()
  })

  const INVALID: InvalidCase[] = [
    { name: 'name missing', input: {}, issue: { path: ['name'], code: 'required' } },
    { name: 'name empty', input: { name: '' }, issue: { path: ['name'], code: 'required' } },
    { name: 'name only spaces', input: { name: '   ' }, issue: { path: ['name'], code: 'required' } },
    { name: 'name of 51 characters', input: { name: '郑'.repeat(51) }, issue: { path: ['name'], code: 'too_big', params: { max: 50 } } },
    { name: "phone 'abc'", input: { name: '温乐义', phone: 'abc' }, issue: { path: ['phone'], code: 'invalid_format' } },
    { name: 'phone with letters after digits', input: { name: '温乐义', phone: '138abc' }, issue: { path: ['phone'], code: 'invalid_format' } },
    { name: 'phone of 31 digits', input: { name: '温乐义', phone: '1'.repeat(31) }, issue: { path: ['phone'], code: 'too_big', params: { max: 30 } } },
    { name: 'gender in Chinese', input: { name: '温乐义', gender: '男' }, issue: { path: ['gender'], code: 'invalid_value' } },
    { name: 'an empty category', input: { name: '温乐义', categories: ['党员', ' '] }, issue: { path: ['categories', 1], code: 'required' } },
    {
      name: 'a category of 21 characters',
      input: { name: '温乐义', categories: ['党'.repeat(21)] },
      issue: { path: ['categories', 0], code: 'too_big', params: { max: 20 } }
    },
    { name: 'an unknown field', input: { name: '温乐义', age: 40 }, issue: { path: [], code: 'unrecognized_keys' } }
  ]

  it.each(INVALID)('refuses $name, and writes nothing', async (invalid) => {
    const core = testCore()
    await createPerson(core, { name: '已有的人' })
    await expectInvalid(core, 'people:create', invalid)
  })
})

describe('people:update', () => {
  it('replaces every field, trims, replaces the categories and keeps createdAt', async () => {
    let clock = T0
    const core = testCore({ now: () => clock })
    const original = await createPerson(core, {
      name: '温乐义',
      gender: 'male',
      village: '温集新村',
      categories: ['党员', '青年'],
      phone: '13800000000',
      note: '老党员'
    })
    clock = T0 + HOUR
    const events = recordEvents(core)

    const updated = valueOf(
      await core.invoke('people:update', {
        id: original.id,
        name: ' 温乐义 ',
        gender: null,
        organisation: ' 温集新村党支部 ',
        village: '温集新村',
        categories: [' 干部', '党员', '干部'],
        phone: '',
        note: ''
      })
    )

    expect(updated).toEqual({
      ...original,
      gender: null,
      organisation: '温集新村党支部',
      categories: ['党员', '干部'],
      phone: null,
      note: '',
      updatedAt: T0 + HOUR
    })
    expect(await getPerson(core, original.id)).toEqual(updated)
    expect(events).toEqual([{ name: 'people:changed', id: original.id }])
  })

  it('omitted optional fields fall back to their defaults (the form always sends the whole person)', async () => {
    const core = testCore()
    const original = await createPerson(core, { name: '温乐义', village: '温集新村', categories: ['党员'], phone: '13800000000' })
    const updated = valueOf(await core.invoke('people:update', { id: original.id, name: '温乐义' }))
    expect(updated).toMatchObject({ village: '', categories: [], phone: null })
  })

  it('refuses an invalid update and leaves the person as they were', async () => {
    const core = testCore()
    const original = await createPerson(core, { name: '温乐义', phone: '13800000000' })
    const error = await refusedWithoutTrace(core, 'people:update', { id: original.id, name: '  ', phone: 'abc' })
    expect(issuesOf(error)).toEqual([
      { path: ['name'], code: 'required' },
      { path: ['phone'], code: 'invalid_format' }
    ])
  })

  it('answers not_found for an id that does not exist', async () => {
    const core = testCore()
    const error = errorOf(await core.invoke('people:update', { id: uuidv7(), name: '温乐义' }))
    expect(error.code).toBe('not_found')
    expect(rowCounts(core.databaseFile).people).toBe(0)
  })
})

describe('people:archive and people:list', () => {
  it('archives and un-archives; the list hides archived people unless asked', async () => {
    let clock = T0
    const core = testCore({ now: () => clock })
    const [, zhao] = await createPeople(core, ['温乐义', '赵海云', '李芳'])
    const names = async (input: InputOf<'people:list'>): Promise<string[]> =>
      valueOf(await core.invoke('people:list', input)).map((person) => person.name)

    clock = T0 + DAY
    const events = recordEvents(core)
    const archived = valueOf(await core.invoke('people:archive', { id: zhao!, archived: true }))

    expect(archived).toMatchObject({ id: zhao, archivedAt: T0 + DAY, updatedAt: T0 + DAY })
    expect(events).toEqual([{ name: 'people:changed', id: zhao }])
    // Sorted by pinyin: li, wen, zhao.
    expect(await names({})).toEqual(['李芳', '温乐义'])
    expect(await names({ includeArchived: false })).toEqual(['李芳', '温乐义'])
    expect(await names({ includeArchived: true })).toEqual(['李芳', '温乐义', '赵海云'])
    expect((await getPerson(core, zhao!)).archivedAt).toBe(T0 + DAY)

    clock = T0 + 2 * DAY
    const restored = valueOf(await core.invoke('people:archive', { id: zhao!, archived: false }))

    expect(restored).toMatchObject({ archivedAt: null, updatedAt: T0 + 2 * DAY })
    expect(await names({})).toEqual(['李芳', '温乐义', '赵海云'])
  })

  it('people:list takes the first `limit` people in pinyin order', async () => {
    const core = testCore()
    await createPeople(core, ['赵海云', '陈静', '李芳', '温乐义'])
    const listed = valueOf(await core.invoke('people:list', { limit: 2 }))
    expect(listed.map((person) => person.name)).toEqual(['陈静', '李芳'])
  })

  it('answers not_found when archiving someone who does not exist', async () => {
    const core = testCore()
    expect(errorOf(await core.invoke('people:archive', { id: uuidv7(), archived: true })).code).toBe('not_found')
  })
})

describe('archive versus delete', () => {
  type Place = 'host' | 'recorder' | 'lecturer' | 'seated invitee'

  const PLACES: Place[] = ['host', 'recorder', 'lecturer', 'seated invitee']

  it.each(PLACES)('a person who is only the %s of a planned session can be deleted, and leaves the plan', async (place) => {
    const core = testCore({ now: () => T0 })
    const [target, host, recorder, lecturer, a, b] = await createPeople(core, ['被删的人', '任肖彤', '王晓雪', '李芳', '温乐义', '翟自恩'])
    const plan: InputOf<'sessions:create'> = {
      title: '圆桌派',
      plannedStart: T0 + DAY,
      plannedEnd: T0 + DAY + 2 * HOUR,
      hostId: place === 'host' ? target! : host!,
      recorderId: place === 'recorder' ? target! : recorder!,
      agenda: [
        { kind: 'study', lecturerId: place === 'lecturer' ? target! : lecturer!, plannedMinutes: 30 },
        { kind: 'roundtable', plannedMinutes: 60 }
      ],
      invitees: [
        { personId: a!, seatNumber: 1 },
        ...(place === 'seated invitee' ? [{ personId: target!, seatNumber: 2 }] : []),
        { personId: b!, seatNumber: 3 }
      ]
    }
    const session = await createSession(core, plan)
    expect(session.invitees.map((invitee) => invitee.personId)).toContain(target)
    expect((await getPerson(core, target!)).hasHistory).toBe(false)
    const events = recordEvents(core)

    expect(valueOf(await core.invoke('people:delete', { id: target! }))).toEqual({ id: target })

    expect(errorOf(await core.invoke('people:get', { id: target! })).code).toBe('not_found')
    const after = await getSession(core, session.id)
    expect(after.invitees.map((invitee) => invitee.personId)).not.toContain(target)
    expect(after.hostId).toBe(place === 'host' ? null : host)
    expect(after.hostName).toBe(place === 'host' ? null : '任肖彤')
    expect(after.recorderId).toBe(place === 'recorder' ? null : recorder)
    expect(after.agenda[0]?.lecturerId).toBe(place === 'lecturer' ? null : lecturer)
    // The others keep their seats.
    expect(after.invitees.filter((invitee) => invitee.seatNumber !== null).map((i) => [i.personId, i.seatNumber])).toEqual([
      [a, 1],
      [b, 3]
    ])
    expect(events).toEqual([{ name: 'people:changed', id: target }])
  })

  it('a person invited only to a cancelled session can be deleted', async () => {
    const core = testCore()
    const [target] = await createPeople(core, ['温乐义'])
    const session = await createSession(core, {
      title: '圆桌派',
      plannedStart: T0,
      plannedEnd: T0 + HOUR,
      invitees: [{ personId: target!, seatNumber: 1 }]
    })
    valueOf(await core.invoke('sessions:cancel', { id: session.id }))

    expect(valueOf(await core.invoke('people:delete', { id: target! }))).toEqual({ id: target })
    expect((await getSession(core, session.id)).invitees).toEqual([])
  })

  it.each(['live', 'ended'] as const)('a person who attended a %s session cannot be deleted, and nothing changes', async (status) => {
    const core = testCore()
    const [target, other] = await createPeople(core, ['温乐义', '翟自恩'])
    const session = await createSession(core, {
      title: '圆桌派',
      plannedStart: T0,
      plannedEnd: T0 + HOUR,
      invitees: [
        { personId: target!, seatNumber: 1 },
        { personId: other!, seatNumber: 2 }
      ]
    })
    setSessionStatus(core.databaseFile, session.id, status)
    expect((await getPerson(core, target!)).hasHistory).toBe(true)
    const error = await refusedWithoutTrace(core, 'people:delete', { id: target! })
    expect(error.code).toBe('conflict')
    expect(error.issues).toEqual([expect.objectContaining({ path: ['id'], code: 'has_history' })])
    // Archiving is the way out, and it keeps the history.
    expect(valueOf(await core.invoke('people:archive', { id: target!, archived: true })).archivedAt).not.toBeNull()
    expect((await getSession(core, session.id)).invitees.map((invitee) => invitee.personId)).toContain(target)
  })

  it('answers not_found when deleting someone who does not exist', async () => {
    const core = testCore()
    expect(errorOf(await core.invoke('people:delete', { id: uuidv7() })).code).toBe('not_found')
  })
})

describe('hasHistory', () => {
  interface HistoryCase {
    name: string
    /** Puts the person somewhere with SQL; `person` and `other` exist already. */
    setup: (db: Database, person: string, other: string) => void
    hasHistory: boolean
  }

  const session = (db: Database, status: 'planned' | 'live' | 'ended' | 'cancelled', extra: { hostId?: string; recorderId?: string } = {}) =>
    insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR, status, ...extra })
  const attend = (db: Database, sessionId: string, personId: string): void =>
    void db.prepare('INSERT INTO attendance (id, session_id, person_id, role) VALUES (?, ?, ?, ?)').run(uuidv7(), sessionId, personId, 'participant')

  const CASES: HistoryCase[] = [
    { name: 'nothing at all', setup: () => {}, hasHistory: false },
    { name: 'invited to a planned session', setup: (db, p) => attend(db, session(db, 'planned'), p), hasHistory: false },
    { name: 'invited to a cancelled session', setup: (db, p) => attend(db, session(db, 'cancelled'), p), hasHistory: false },
    { name: 'host of a planned session', setup: (db, p) => void session(db, 'planned', { hostId: p }), hasHistory: false },
    { name: 'on the list of a live session', setup: (db, p) => attend(db, session(db, 'live'), p), hasHistory: true },
    { name: 'on the list of an ended session', setup: (db, p) => attend(db, session(db, 'ended'), p), hasHistory: true },
    { name: 'host of a live session', setup: (db, p) => void session(db, 'live', { hostId: p }), hasHistory: true },
    { name: 'recorder of an ended session', setup: (db, p) => void session(db, 'ended', { recorderId: p }), hasHistory: true },
    {
      name: 'lecturer of a live session',
      setup: (db, p) =>
        void db
          .prepare('INSERT INTO agenda_segments (id, session_id, position, kind, lecturer_id) VALUES (?, ?, 0, ?, ?)')
          .run(uuidv7(), session(db, 'live'), 'study', p),
      hasHistory: true
    },
    {
      name: 'lecturer of a planned session',
      setup: (db, p) =>
        void db
          .prepare('INSERT INTO agenda_segments (id, session_id, position, kind, lecturer_id) VALUES (?, ?, 0, ?, ?)')
          .run(uuidv7(), session(db, 'planned'), 'study', p),
      hasHistory: false
    },
    {
      name: 'spoke a turn',
      setup: (db, p) =>
        void db
          .prepare('INSERT INTO turns (id, session_id, person_id, position, outcome, started_at) VALUES (?, ?, ?, 0, ?, ?)')
          .run(uuidv7(), session(db, 'planned'), p, 'spoken', T0),
      hasHistory: true
    },
    {
      name: 'has a remark',
      setup: (db, p) =>
        void db
          .prepare('INSERT INTO remarks (id, session_id, speaker_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(uuidv7(), session(db, 'planned'), p, '我来说两句', T0, T0),
      hasHistory: true
    },
    {
      name: 'owns a decision',
      setup: (db, p) =>
        void db
          .prepare('INSERT INTO decisions (id, session_id, text, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(uuidv7(), session(db, 'planned'), '修路', p, T0, T0),
      hasHistory: true
    },
    {
      name: 'someone else attended a live session (not this person)',
      setup: (db, _p, other) => attend(db, session(db, 'live'), other),
      hasHistory: false
    }
  ]

  it.each(CASES)('$name → hasHistory $hasHistory, and delete is allowed exactly when it is false', async ({ setup, hasHistory }) => {
    const core = testCore()
    const [person] = withDatabase(core.databaseFile, (db) => {
      const ids = [insertPerson(db, { name: '温乐义' }), insertPerson(db, { name: '翟自恩' })] as const
      setup(db, ids[0], ids[1])
      return ids
    })

    expect((await getPerson(core, person)).hasHistory).toBe(hasHistory)
    const listed = valueOf(await core.invoke('people:list', {})).find((p) => p.id === person)
    expect(listed?.hasHistory).toBe(hasHistory)

    const deleted = await core.invoke('people:delete', { id: person })
    if (hasHistory) expect(errorOf(deleted).issues?.map((issue) => issue.code)).toEqual(['has_history'])
    else expect(valueOf(deleted)).toEqual({ id: person })
  })
})
