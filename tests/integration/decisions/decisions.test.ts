import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { uuidv7 } from '../../../src/core/store/ids'
import type { InputOf } from '../../../src/shared/contract'
import type { Decision, Person, SessionDetail, SessionStatus } from '../../../src/shared/domain'
import { DAY, errorOf, HOUR, issuesOf, recordEvents, refusedWithoutTrace, runCleanups, T0, testCore, valueOf, withDatabase } from '../../helpers'

/**
 * 议定事项 (decisions / follow-ups) and the host's 总结, through core's channels on a real SQLite file:
 * round trips, refusals that leave the file and the listeners untouched, the list's filters and order,
 * the doneAt rules, the history a decision gives its owner, and a summary that survives a restart.
 */

afterEach(runCleanups)

const MINUTE = 60 * 1000
const NOBODY = uuidv7(T0 - 400 * DAY)

interface Rig {
  core: Core & { databaseFile: string }
  clock: { now: number }
}

function openRig(databaseFile?: string): Rig {
  const clock = { now: T0 }
  const core = testCore({ now: () => clock.now, ...(databaseFile ? { databaseFile } : {}) })
  return { core, clock }
}

async function createPerson(core: Core, name: string): Promise<Person> {
  return valueOf(await core.invoke('people:create', { name }))
}

/** A session brought to `status` through the channels (planned → live → ended, or planned → cancelled). */
async function sessionIn(core: Core, status: SessionStatus, title: string, plannedStart = T0): Promise<string> {
  const { id } = valueOf(await core.invoke('sessions:create', { title, plannedStart, plannedEnd: plannedStart + 2 * HOUR }))
  if (status === 'live' || status === 'ended') valueOf(await core.invoke('sessions:start', { id }))
  if (status === 'ended') valueOf(await core.invoke('sessions:end', { id }))
  if (status === 'cancelled') valueOf(await core.invoke('sessions:cancel', { id }))
  return id
}

type CreateInput = InputOf<'decisions:create'>

async function createDecision(core: Core, input: CreateInput): Promise<Decision> {
  return valueOf(await core.invoke('decisions:create', input))
}

async function updateDecision(core: Core, input: InputOf<'decisions:update'>): Promise<Decision> {
  return valueOf(await core.invoke('decisions:update', input))
}

async function listDecisions(core: Core, filter: InputOf<'decisions:list'> = {}): Promise<Decision[]> {
  return valueOf(await core.invoke('decisions:list', filter))
}

async function getSession(core: Core, id: string): Promise<SessionDetail> {
  return valueOf(await core.invoke('sessions:get', { id }))
}

interface DecisionRow {
  id: string
  session_id: string
  text: string
  owner_id: string | null
  owner_name: string
  due_date: string | null
  status: string
  done_at: number | null
  created_at: number
  updated_at: number
}

function decisionRow(file: string, id: string): DecisionRow | undefined {
  return withDatabase(file, (db) => db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined)
}

describe('decisions:create', () => {
  it('records a decision for a live session with an owner from outside the directory, and lists it back', async () => {
    const { core, clock } = openRig()
    const sessionId = await sessionIn(core, 'live', '乡村振兴圆桌会', T0)
    const events = recordEvents(core)
    clock.now = T0 + 90 * MINUTE

    const created = await createDecision(core, {
      sessionId,
      text: '  修缮温集新村文化广场的路灯  ',
      ownerId: null,
      ownerName: ' 温集新村村委会 ',
      dueDate: '2025-09-15'
    })

    const expected: Decision = {
      id: created.id,
      sessionId,
      sessionTitle: '乡村振兴圆桌会',
      sessionStart: T0,
      text: '修缮温集新村文化广场的路灯',
      ownerId: null,
      ownerName: '温集新村村委会',
      dueDate: '2025-09-15',
      status: 'open',
      doneAt: null,
      createdAt: T0 + 90 * MINUTE,
      updatedAt: T0 + 90 * MINUTE
    }
    expect(created).toEqual(expected)
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await listDecisions(core)).toEqual([expected])
    expect(await listDecisions(core, { sessionId })).toEqual([expected])
    expect(events).toEqual([{ name: 'decisions:changed', id: sessionId }])
    expect(decisionRow(core.databaseFile, created.id)).toEqual({
      id: created.id,
      session_id: sessionId,
      text: '修缮温集新村文化广场的路灯',
      owner_id: null,
      owner_name: '温集新村村委会',
      due_date: '2025-09-15',
      status: 'open',
      done_at: null,
      created_at: T0 + 90 * MINUTE,
      updated_at: T0 + 90 * MINUTE
    })
  })

  it('takes the defaults: no owner, no name, no due date', async () => {
    const { core } = openRig()
    const sessionId = await sessionIn(core, 'live', '圆桌会')
    const created = await createDecision(core, { sessionId, text: '下次请镇农技站来讲课' })
    expect(created).toMatchObject({ ownerId: null, ownerName: '', dueDate: null, status: 'open', doneAt: null })
  })

  it('is allowed for an ended session too', async () => {
    const { core } = openRig()
    const sessionId = await sessionIn(core, 'ended', '八月圆桌会')
    const events = recordEvents(core)
    const created = await createDecision(core, { sessionId, text: '整理会议纪要并张贴', ownerId: null, ownerName: '王晓雪', dueDate: null })
    expect(created).toMatchObject({ sessionId, status: 'open', ownerName: '王晓雪' })
    expect(await listDecisions(core, { sessionId })).toEqual([created])
    expect(events).toEqual([{ name: 'decisions:changed', id: sessionId }])
  })

  it("an owner from the directory: the typed name is not kept, the person's name is returned and follows a rename", async () => {
    const { core, clock } = openRig()
    const wen = await createPerson(core, '温乐义')
    const sessionId = await sessionIn(core, 'live', '圆桌会')

    const created = await createDecision(core, { sessionId, text: '联系光伏企业上门勘察', ownerId: wen.id, ownerName: '老温', dueDate: '2025-09-01' })

    expect(created).toMatchObject({ ownerId: wen.id, ownerName: '温乐义' })
    expect(decisionRow(core.databaseFile, created.id)).toMatchObject({ owner_id: wen.id, owner_name: '' })

    clock.now += HOUR
    valueOf(await core.invoke('people:update', { id: wen.id, name: '温乐义（村书记）' }))
    const [listed] = await listDecisions(core)
    expect(listed).toMatchObject({ id: created.id, ownerId: wen.id, ownerName: '温乐义（村书记）' })
  })

  it.each(['planned', 'cancelled'] as const)('is refused for a %s session (conflict at sessionId), writing nothing', async (status) => {
    const { core } = openRig()
    const sessionId = await sessionIn(core, status, '未开场的圆桌会')

    const error = await refusedWithoutTrace(core, 'decisions:create', { sessionId, text: '修路', ownerId: null, ownerName: '', dueDate: null })

    expect(error.code).toBe('conflict')
    expect(issuesOf(error)).toEqual([{ path: ['sessionId'], code: `session_${status}` }])
    expect(await listDecisions(core)).toEqual([])
  })

  it('is refused for a session that does not exist (not_found), writing nothing', async () => {
    const { core } = openRig()
    await sessionIn(core, 'live', '圆桌会')
    expect((await refusedWithoutTrace(core, 'decisions:create', { sessionId: NOBODY, text: '修路' })).code).toBe('not_found')
  })

  it('is refused for an owner who is not in the directory (person_not_found at ownerId), writing nothing', async () => {
    const { core } = openRig()
    const sessionId = await sessionIn(core, 'live', '圆桌会')
    const error = await refusedWithoutTrace(core, 'decisions:create', { sessionId, text: '修路', ownerId: NOBODY, ownerName: '某人', dueDate: null })
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error)).toEqual([{ path: ['ownerId'], code: 'person_not_found' }])
  })

  it.each(['2025-02-30', '2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-8-1', '20250801', '2025-09-01T00:00'])(
    'refuses the due date %s (invalid_input at dueDate), writing nothing',
    async (dueDate) => {
      const { core } = openRig()
      const sessionId = await sessionIn(core, 'live', '圆桌会')
      const error = await refusedWithoutTrace(core, 'decisions:create', { sessionId, text: '修路', ownerId: null, ownerName: '', dueDate })
      expect(error.code).toBe('invalid_input')
      expect(issuesOf(error).map((issue) => issue.path)).toEqual([['dueDate']])
    }
  )

  it('accepts 29 February in a leap year', async () => {
    const { core } = openRig()
    const sessionId = await sessionIn(core, 'live', '圆桌会')
    expect(await createDecision(core, { sessionId, text: '年度回访', dueDate: '2028-02-29' })).toMatchObject({ dueDate: '2028-02-29' })
  })

  it.each([
    { name: 'empty text', input: { text: '' }, path: ['text'], code: 'required' },
    { name: 'text of only spaces', input: { text: ' \u3000 ' }, path: ['text'], code: 'required' },
    { name: 'an unknown field', input: { text: '修路', status: 'done' }, path: [], code: 'unrecognized_keys' },
    { name: 'an owner id that is not an id', input: { text: '修路', ownerId: 'wen' }, path: ['ownerId'], code: 'invalid_format' }
  ])('refuses $name (invalid_input), writing nothing', async ({ input, path, code }) => {
    const { core } = openRig()
    const sessionId = await sessionIn(core, 'live', '圆桌会')
    const error = await refusedWithoutTrace(core, 'decisions:create', { sessionId, ...input })
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error)).toEqual([{ path, code }])
  })
})

describe('decisions:update', () => {
  async function rigWithDecision(): Promise<Rig & { sessionId: string; decision: Decision; wen: Person; zhai: Person }> {
    const rig = openRig()
    const wen = await createPerson(rig.core, '温乐义')
    const zhai = await createPerson(rig.core, '翟自恩')
    const sessionId = await sessionIn(rig.core, 'ended', '乡村振兴圆桌会')
    const decision = await createDecision(rig.core, {
      sessionId,
      text: '修缮路灯',
      ownerId: null,
      ownerName: '温集新村村委会',
      dueDate: '2025-09-15'
    })
    return { ...rig, sessionId, decision, wen, zhai }
  }

  it('edits text and due date long after the session, keeping the rest; the list and the file agree', async () => {
    const { core, clock, sessionId, decision } = await rigWithDecision()
    const events = recordEvents(core)
    clock.now = T0 + 30 * DAY

    const updated = await updateDecision(core, { id: decision.id, text: ' 修缮文化广场的全部路灯 ', dueDate: '2025-10-01' })

    const expected: Decision = { ...decision, text: '修缮文化广场的全部路灯', dueDate: '2025-10-01', updatedAt: T0 + 30 * DAY }
    expect(updated).toEqual(expected)
    expect(await listDecisions(core)).toEqual([expected])
    expect(events).toEqual([{ name: 'decisions:changed', id: sessionId }])
    expect(decisionRow(core.databaseFile, decision.id)).toMatchObject({
      text: '修缮文化广场的全部路灯',
      due_date: '2025-10-01',
      owner_name: '温集新村村委会',
      created_at: decision.createdAt,
      updated_at: T0 + 30 * DAY
    })
  })

  it('clears the due date with null', async () => {
    const { core, decision } = await rigWithDecision()
    expect(await updateDecision(core, { id: decision.id, dueDate: null })).toMatchObject({ dueDate: null, text: '修缮路灯' })
  })

  it('moves the owner between a typed name and the directory', async () => {
    const { core, decision, wen, zhai } = await rigWithDecision()

    // Typed name → a person: the typed name is dropped, the person's name shown.
    const toWen = await updateDecision(core, { id: decision.id, ownerId: wen.id })
    expect(toWen).toMatchObject({ ownerId: wen.id, ownerName: '温乐义' })
    expect(decisionRow(core.databaseFile, decision.id)).toMatchObject({ owner_id: wen.id, owner_name: '' })

    // A person plus a typed name: the person wins, the name is not stored.
    const toZhai = await updateDecision(core, { id: decision.id, ownerId: zhai.id, ownerName: '老翟' })
    expect(toZhai).toMatchObject({ ownerId: zhai.id, ownerName: '翟自恩' })
    expect(decisionRow(core.databaseFile, decision.id)).toMatchObject({ owner_id: zhai.id, owner_name: '' })

    // A person → someone outside the directory.
    const toOutside = await updateDecision(core, { id: decision.id, ownerId: null, ownerName: '镇农技站' })
    expect(toOutside).toMatchObject({ ownerId: null, ownerName: '镇农技站' })
    expect(decisionRow(core.databaseFile, decision.id)).toMatchObject({ owner_id: null, owner_name: '镇农技站' })

    // Renaming the outside owner alone.
    expect(await updateDecision(core, { id: decision.id, ownerName: '镇农业技术推广站' })).toMatchObject({
      ownerId: null,
      ownerName: '镇农业技术推广站'
    })

    // Back to a person, then no owner at all.
    await updateDecision(core, { id: decision.id, ownerId: wen.id })
    expect(await updateDecision(core, { id: decision.id, ownerId: null })).toMatchObject({ ownerId: null, ownerName: '' })
    expect(decisionRow(core.databaseFile, decision.id)).toMatchObject({ owner_id: null, owner_name: '' })
  })

  it('doneAt: set when marked done, kept when marked done again or edited, cleared when opened again', async () => {
    const { core, clock, decision } = await rigWithDecision()
    expect(decision.doneAt).toBeNull()

    clock.now = T0 + 2 * DAY
    const done = await updateDecision(core, { id: decision.id, status: 'done' })
    expect(done).toMatchObject({ status: 'done', doneAt: T0 + 2 * DAY, updatedAt: T0 + 2 * DAY })

    clock.now = T0 + 3 * DAY
    const doneAgain = await updateDecision(core, { id: decision.id, status: 'done' })
    expect(doneAgain).toMatchObject({ status: 'done', doneAt: T0 + 2 * DAY })

    clock.now = T0 + 4 * DAY
    const edited = await updateDecision(core, { id: decision.id, text: '修缮路灯（已验收）' })
    expect(edited).toMatchObject({ status: 'done', doneAt: T0 + 2 * DAY, text: '修缮路灯（已验收）' })
    expect(decisionRow(core.databaseFile, decision.id)).toMatchObject({ status: 'done', done_at: T0 + 2 * DAY })

    clock.now = T0 + 5 * DAY
    const reopened = await updateDecision(core, { id: decision.id, status: 'open' })
    expect(reopened).toMatchObject({ status: 'open', doneAt: null, updatedAt: T0 + 5 * DAY })
    expect(decisionRow(core.databaseFile, decision.id)).toMatchObject({ status: 'open', done_at: null })

    clock.now = T0 + 6 * DAY
    const reopenedAgain = await updateDecision(core, { id: decision.id, status: 'open' })
    expect(reopenedAgain).toMatchObject({ status: 'open', doneAt: null })

    clock.now = T0 + 7 * DAY
    const doneLater = await updateDecision(core, { id: decision.id, status: 'done' })
    expect(doneLater).toMatchObject({ status: 'done', doneAt: T0 + 7 * DAY })
    expect(await listDecisions(core, { status: 'done' })).toEqual([doneLater])
  })

  it('is refused for a decision that does not exist (not_found), writing nothing', async () => {
    const { core } = await rigWithDecision()
    expect((await refusedWithoutTrace(core, 'decisions:update', { id: NOBODY, status: 'done' })).code).toBe('not_found')
  })

  it('is refused for an owner who is not in the directory (person_not_found at ownerId), writing nothing', async () => {
    const { core, decision } = await rigWithDecision()
    const error = await refusedWithoutTrace(core, 'decisions:update', { id: decision.id, ownerId: NOBODY, text: '换个人做', status: 'done' })
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error)).toEqual([{ path: ['ownerId'], code: 'person_not_found' }])
    expect(await listDecisions(core)).toEqual([decision])
  })

  it.each([
    { name: 'an impossible due date', patch: { dueDate: '2025-02-30' }, path: ['dueDate'] },
    { name: 'empty text', patch: { text: '  ' }, path: ['text'] },
    { name: 'an unknown status', patch: { status: 'closed' }, path: ['status'] },
    { name: 'an unknown field', patch: { sessionId: NOBODY }, path: [] }
  ])('refuses $name (invalid_input), writing nothing', async ({ patch, path }) => {
    const { core, decision } = await rigWithDecision()
    const error = await refusedWithoutTrace(core, 'decisions:update', { id: decision.id, ...patch })
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error).map((issue) => issue.path)).toEqual([path])
  })
})

describe('decisions:delete', () => {
  it('deletes one decision and leaves the others; a second delete is not_found and writes nothing', async () => {
    const { core } = openRig()
    const sessionId = await sessionIn(core, 'live', '圆桌会')
    const keep = await createDecision(core, { sessionId, text: '修路' })
    const gone = await createDecision(core, { sessionId, text: '装路灯' })
    const events = recordEvents(core)

    expect(valueOf(await core.invoke('decisions:delete', { id: gone.id }))).toEqual({ id: gone.id })

    expect(events).toEqual([{ name: 'decisions:changed', id: sessionId }])
    expect(await listDecisions(core)).toEqual([keep])
    expect(decisionRow(core.databaseFile, gone.id)).toBeUndefined()

    expect((await refusedWithoutTrace(core, 'decisions:delete', { id: gone.id })).code).toBe('not_found')
  })
})

describe('decisions:list', () => {
  /**
   * Two sessions: 八月 (older, ended) and 九月 (newer, live; created first, so creation order cannot stand in
   * for session order). Decisions are created in an order unlike the expected one.
   */
  async function twoSessions(): Promise<{
    core: Core & { databaseFile: string }
    wen: Person
    zhai: Person
    august: string
    september: string
    d: Record<'a1' | 'a2' | 'a3' | 'a4' | 's1' | 's2' | 's3' | 's4', Decision>
  }> {
    const { core, clock } = openRig()
    const wen = await createPerson(core, '温乐义')
    const zhai = await createPerson(core, '翟自恩')
    const september = await sessionIn(core, 'live', '九月圆桌会', T0 + 7 * DAY)
    const august = await sessionIn(core, 'ended', '八月圆桌会', T0)

    const make = async (sessionId: string, text: string, dueDate: string | null, ownerId: string | null, done = false): Promise<Decision> => {
      clock.now += MINUTE
      const created = await createDecision(core, { sessionId, text, ownerId, ownerName: ownerId ? '' : '村委会', dueDate })
      return done ? updateDecision(core, { id: created.id, status: 'done' }) : created
    }
    const s3 = await make(september, '九月·已办·无期限', null, null, true)
    const a3 = await make(august, '八月·未办·无期限', null, zhai.id)
    const a1 = await make(august, '八月·未办·9月10日', '2025-09-10', wen.id)
    const s2 = await make(september, '九月·未办·无期限', null, wen.id)
    const a4 = await make(august, '八月·已办·8月25日', '2025-08-25', wen.id, true)
    const s1 = await make(september, '九月·未办·9月10日', '2025-09-10', null)
    const s4 = await make(september, '九月·已办·9月30日', '2025-09-30', zhai.id, true)
    const a2 = await make(august, '八月·未办·9月1日', '2025-09-01', zhai.id)
    return { core, wen, zhai, august, september, d: { a1, a2, a3, a4, s1, s2, s3, s4 } }
  }

  const texts = (list: Decision[]): string[] => list.map((decision) => decision.text)

  it('orders open before done, then by due date with undated last, then newer sessions first', async () => {
    const { core, d } = await twoSessions()
    const list = await listDecisions(core)
    expect(texts(list)).toEqual([
      '八月·未办·9月1日',
      '九月·未办·9月10日',
      '八月·未办·9月10日',
      '九月·未办·无期限',
      '八月·未办·无期限',
      '八月·已办·8月25日',
      '九月·已办·9月30日',
      '九月·已办·无期限'
    ])
    expect(list).toEqual([d.a2, d.s1, d.a1, d.s2, d.a3, d.a4, d.s4, d.s3])
  })

  it('carries the session title and planned start on each decision', async () => {
    const { core, august, september } = await twoSessions()
    for (const decision of await listDecisions(core)) {
      if (decision.sessionId === august) expect(decision).toMatchObject({ sessionTitle: '八月圆桌会', sessionStart: T0 })
      else expect(decision).toMatchObject({ sessionId: september, sessionTitle: '九月圆桌会', sessionStart: T0 + 7 * DAY })
    }
  })

  it('filters by status', async () => {
    const { core, d } = await twoSessions()
    expect(await listDecisions(core, { status: 'open' })).toEqual([d.a2, d.s1, d.a1, d.s2, d.a3])
    expect(await listDecisions(core, { status: 'done' })).toEqual([d.a4, d.s4, d.s3])
  })

  it('filters by owner from the directory (typed names are nobody in particular)', async () => {
    const { core, wen, zhai, d } = await twoSessions()
    expect(await listDecisions(core, { ownerId: wen.id })).toEqual([d.a1, d.s2, d.a4])
    expect(await listDecisions(core, { ownerId: zhai.id })).toEqual([d.a2, d.a3, d.s4])
    expect(await listDecisions(core, { ownerId: NOBODY })).toEqual([])
  })

  it('filters by due date, inclusive, leaving undated ones out', async () => {
    const { core, d } = await twoSessions()
    expect(await listDecisions(core, { dueBy: '2025-09-10' })).toEqual([d.a2, d.s1, d.a1, d.a4])
    expect(await listDecisions(core, { dueBy: '2025-09-09' })).toEqual([d.a2, d.a4])
    expect(await listDecisions(core, { dueBy: '2025-09-01' })).toEqual([d.a2, d.a4])
    expect(await listDecisions(core, { dueBy: '2025-08-31' })).toEqual([d.a4])
    expect(await listDecisions(core, { dueBy: '2025-08-24' })).toEqual([])
    expect(await listDecisions(core, { dueBy: '2030-12-31' })).toEqual([d.a2, d.s1, d.a1, d.a4, d.s4])
  })

  it('filters by session, and combines filters', async () => {
    const { core, wen, august, september, d } = await twoSessions()
    expect(await listDecisions(core, { sessionId: august })).toEqual([d.a2, d.a1, d.a3, d.a4])
    expect(await listDecisions(core, { sessionId: september })).toEqual([d.s1, d.s2, d.s4, d.s3])
    expect(await listDecisions(core, { sessionId: NOBODY })).toEqual([])
    expect(await listDecisions(core, { sessionId: september, status: 'open' })).toEqual([d.s1, d.s2])
    expect(await listDecisions(core, { status: 'open', ownerId: wen.id })).toEqual([d.a1, d.s2])
    expect(await listDecisions(core, { status: 'open', dueBy: '2025-09-10', sessionId: august })).toEqual([d.a2, d.a1])
    expect(await listDecisions(core, { status: 'done', ownerId: wen.id, dueBy: '2025-08-25', sessionId: august })).toEqual([d.a4])
  })

  it.each([
    { name: 'an impossible dueBy', filter: { dueBy: '2025-02-30' }, path: ['dueBy'] },
    { name: 'a dueBy that is not a date', filter: { dueBy: 'next week' }, path: ['dueBy'] },
    { name: 'an unknown status', filter: { status: 'closed' }, path: ['status'] },
    { name: 'an owner id that is not an id', filter: { ownerId: '温乐义' }, path: ['ownerId'] }
  ])('refuses $name (invalid_input)', async ({ filter, path }) => {
    const { core } = openRig()
    const result = await core.invoke('decisions:list', filter)
    expect(errorOf(result).code).toBe('invalid_input')
    expect(issuesOf(result).map((issue) => issue.path)).toEqual([path])
  })
})

describe('a decision gives its owner a history', () => {
  it('people:list shows hasHistory and people:delete is refused (has_history) until the decision is gone', async () => {
    const { core } = openRig()
    const wen = await createPerson(core, '温乐义')
    const zhai = await createPerson(core, '翟自恩')
    const sessionId = await sessionIn(core, 'live', '圆桌会')
    const hasHistory = async (): Promise<Record<string, boolean>> =>
      Object.fromEntries(valueOf(await core.invoke('people:list', {})).map((person) => [person.name, person.hasHistory]))

    expect(await hasHistory()).toEqual({ 温乐义: false, 翟自恩: false })

    // Only an owner from the directory counts; a typed name that happens to match is nobody.
    const decision = await createDecision(core, { sessionId, text: '联系光伏企业', ownerId: wen.id })
    await createDecision(core, { sessionId, text: '通知乡亲们', ownerId: null, ownerName: '翟自恩' })
    expect(await hasHistory()).toEqual({ 温乐义: true, 翟自恩: false })
    expect(valueOf(await core.invoke('people:get', { id: wen.id })).hasHistory).toBe(true)

    const error = await refusedWithoutTrace(core, 'people:delete', { id: wen.id })
    expect(error.code).toBe('conflict')
    expect(issuesOf(error)).toEqual([{ path: ['id'], code: 'has_history' }])

    // Marked done, it is still history.
    await updateDecision(core, { id: decision.id, status: 'done' })
    expect(await hasHistory()).toEqual({ 温乐义: true, 翟自恩: false })

    // Handed to someone else, the history moves with it.
    await updateDecision(core, { id: decision.id, ownerId: zhai.id })
    expect(await hasHistory()).toEqual({ 温乐义: false, 翟自恩: true })
    valueOf(await core.invoke('decisions:delete', { id: decision.id }))
    expect(await hasHistory()).toEqual({ 温乐义: false, 翟自恩: false })

    expect(valueOf(await core.invoke('people:delete', { id: wen.id }))).toEqual({ id: wen.id })
    expect(valueOf(await core.invoke('people:delete', { id: zhai.id }))).toEqual({ id: zhai.id })
  })
})

describe('sessions:setSummary', () => {
  it('sets the summary of a live session, then rewrites it after the session ended', async () => {
    const { core, clock } = openRig()
    const id = await sessionIn(core, 'live', '乡村振兴圆桌会')
    const events = recordEvents(core)
    clock.now = T0 + 100 * MINUTE

    const live = valueOf(await core.invoke('sessions:setSummary', { id, summary: '  本次圆桌会围绕光伏进村展开讨论。\n  ' }))
    expect(live).toMatchObject({ id, status: 'live', summary: '本次圆桌会围绕光伏进村展开讨论。', updatedAt: T0 + 100 * MINUTE })
    expect(await getSession(core, id)).toEqual(live)
    expect(events).toContainEqual({ name: 'session:changed', id })
    expect(events.every((event) => event.id === id)).toBe(true)

    valueOf(await core.invoke('sessions:end', { id }))
    events.length = 0
    clock.now = T0 + 3 * DAY
    const ended = valueOf(await core.invoke('sessions:setSummary', { id, summary: '议定三件事，由村委会跟进。' }))
    expect(ended).toMatchObject({ status: 'ended', summary: '议定三件事，由村委会跟进。', updatedAt: T0 + 3 * DAY })
    expect(events).toContainEqual({ name: 'session:changed', id })

    // An empty summary clears it.
    expect(valueOf(await core.invoke('sessions:setSummary', { id, summary: '   ' })).summary).toBe('')
  })

  it.each(['planned', 'cancelled'] as const)('is refused for a %s session (conflict at id), writing nothing', async (status) => {
    const { core } = openRig()
    const id = await sessionIn(core, status, '圆桌会')
    const error = await refusedWithoutTrace(core, 'sessions:setSummary', { id, summary: '总结' })
    expect(error.code).toBe('conflict')
    expect(issuesOf(error)).toEqual([{ path: ['id'], code: `session_${status}` }])
    expect((await getSession(core, id)).summary).toBe('')
  })

  it('is refused for a session that does not exist (not_found), writing nothing', async () => {
    const { core } = openRig()
    await sessionIn(core, 'live', '圆桌会')
    expect((await refusedWithoutTrace(core, 'sessions:setSummary', { id: NOBODY, summary: '总结' })).code).toBe('not_found')
  })

  it('keeps the summary and the decisions after the app is closed and opened again on the same file', async () => {
    const first = openRig()
    const wen = await createPerson(first.core, '温乐义')
    const id = await sessionIn(first.core, 'live', '乡村振兴圆桌会')
    const summary = '一、光伏进村；\n二、文化广场路灯；\n三、下次请农技站讲课。'
    valueOf(await first.core.invoke('sessions:setSummary', { id, summary }))
    first.clock.now = T0 + HOUR
    const open = await createDecision(first.core, { sessionId: id, text: '联系光伏企业', ownerId: wen.id, dueDate: '2025-09-01' })
    const done = await updateDecision(first.core, {
      id: (await createDecision(first.core, { sessionId: id, text: '修路灯', ownerName: '村委会' })).id,
      status: 'done'
    })
    valueOf(await first.core.invoke('sessions:end', { id }))
    const before = await getSession(first.core, id)
    first.core.close()

    const second = openRig(first.core.databaseFile)
    const after = await getSession(second.core, id)
    expect(after.summary).toBe(summary)
    expect(after).toEqual(before)
    expect(await listDecisions(second.core)).toEqual([open, done])
    expect(done.doneAt).toBe(T0 + HOUR)
  })
})
