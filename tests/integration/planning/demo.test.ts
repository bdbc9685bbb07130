import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { SessionDetail } from '../../../src/shared/domain'
import { recordEvents, runCleanups, T0, tempDatabaseFile, testCore, valueOf } from '../../helpers'
import { china, createPeople, createSession, getSession, rowCounts } from './fixtures'

afterEach(runCleanups)

const DEMO_THEME = '加快构建新发展格局，把握未来发展主动权'
const DEMO_VENUE = '郑家镇新时代文明实践所理论宣讲室'

async function demoPresent(core: Core): Promise<boolean> {
  return valueOf(await core.invoke('app:info', {})).demoPresent
}

async function theDemoSession(core: Core): Promise<SessionDetail> {
  const sessions = valueOf(await core.invoke('sessions:list', {}))
  expect(sessions).toHaveLength(1)
  return getSession(core, sessions[0]!.id)
}

async function personNamed(core: Core, name: string) {
  const found = valueOf(await core.invoke('people:list', { includeArchived: true })).filter((person) => person.name === name)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('the 示例场次', () => {
  it('is seeded on the first run with the facts of the article', async () => {
    const core = testCore({ seedDemo: true })

    expect(await demoPresent(core)).toBe(true)
    const demo = await theDemoSession(core)

    expect(demo).toMatchObject({
      isDemo: true,
      status: 'planned',
      themeTitle: DEMO_THEME,
      venue: DEMO_VENUE,
      plannedStart: china('2025-08-21 14:30'),
      hostName: '任肖彤',
      recorderName: '王晓雪'
    })
    expect(demo.plannedStart).toBe(Date.UTC(2025, 7, 21, 6, 30))
    expect(demo.agenda.map((segment) => [segment.kind, segment.lecturerName])).toEqual([
      ['study', '李芳'],
      ['study', '赵海云'],
      ['roundtable', null]
    ])
    const seated = demo.invitees.filter((invitee) => invitee.seatNumber !== null)
    expect(seated.map((invitee) => invitee.seatNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(seated.map((invitee) => invitee.name)).toEqual(expect.arrayContaining(['李芳', '赵海云', '温乐义', '翟自恩']))
    const roleOf = (name: string) => demo.invitees.find((invitee) => invitee.name === name)?.role
    expect([roleOf('任肖彤'), roleOf('李芳'), roleOf('赵海云'), roleOf('温乐义'), roleOf('翟自恩'), roleOf('王晓雪')]).toEqual([
      'host',
      'lecturer',
      'lecturer',
      'participant',
      'participant',
      'recorder'
    ])

    const themes = valueOf(await core.invoke('themes:list', {}))
    expect(themes.map((theme) => [theme.title, theme.isDemo, theme.sessionCount])).toEqual([[DEMO_THEME, true, 1]])
    const people = valueOf(await core.invoke('people:list', {}))
    expect(people.length).toBeGreaterThanOrEqual(9)
    expect(people.every((person) => person.isDemo && !person.hasHistory)).toBe(true)
    expect((await personNamed(core, '温乐义')).village).toBe('温集新村')
  })

  it('is seeded once: reopening the file with seedDemo adds nothing', async () => {
    const databaseFile = tempDatabaseFile()
    const first = testCore({ databaseFile, seedDemo: true })
    const counts = rowCounts(databaseFile)
    first.close()

    const second = testCore({ databaseFile, seedDemo: true })

    expect(rowCounts(databaseFile)).toEqual(counts)
    expect(counts.sessions).toBe(1)
    expect(await demoPresent(second)).toBe(true)
  })

  it('demo:remove takes it away with its people and theme, and says so in app:info', async () => {
    const core = testCore({ seedDemo: true })
    const events = recordEvents(core)

    const kept = { keepsSession: false, keptPeople: [], keepsTheme: false }
    expect(valueOf(await core.invoke('demo:plan', {}))).toEqual(kept)
    expect(valueOf(await core.invoke('demo:remove', {}))).toEqual({ removed: true, kept })

    expect(await demoPresent(core)).toBe(false)
    expect(rowCounts(core.databaseFile)).toEqual({ sessions: 0, agenda_segments: 0, attendance: 0, people: 0, themes: 0 })
    expect(events.map((event) => event.name).sort()).toEqual(['backups:changed', 'people:changed', 'sessions:changed', 'themes:changed']) // a backup first, so the removal can be undone

    events.length = 0
    expect(valueOf(await core.invoke('demo:remove', {}))).toEqual({ removed: false, kept: { keepsSession: false, keptPeople: [], keepsTheme: false } })
    expect(events).toEqual([])
  })

  it('never comes back once removed, even when the file is reopened with seedDemo', async () => {
    const databaseFile = tempDatabaseFile()
    const first = testCore({ databaseFile, seedDemo: true })
    valueOf(await first.invoke('demo:remove', {}))
    first.close()

    const second = testCore({ databaseFile, seedDemo: true })

    expect(await demoPresent(second)).toBe(false)
    expect(rowCounts(databaseFile)).toEqual({ sessions: 0, agenda_segments: 0, attendance: 0, people: 0, themes: 0 })
  })

  it('keeps the 示例场次 once it was used for real (started, or with remarks), with its people and theme', async () => {
    const core = testCore({ seedDemo: true, now: () => T0 })
    const [demo] = valueOf(await core.invoke('sessions:list', {}))
    valueOf(await core.invoke('sessions:start', { id: demo!.id }))
    const plan = valueOf(await core.invoke('demo:plan', {}))
    expect(plan).toMatchObject({ keepsSession: true, keepsTheme: true })
    expect(plan.keptPeople).toHaveLength(9)
    expect(valueOf(await core.invoke('demo:remove', {}))).toEqual({ removed: false, kept: plan })
    expect(valueOf(await core.invoke('sessions:list', {})).map((session) => session.id)).toEqual([demo!.id])
    expect(valueOf(await core.invoke('people:list', {}))).toHaveLength(9)
    expect(await demoPresent(core)).toBe(false) // what stays is the user's record now
  })

  it('keeps the demo people and theme the user has used in an own session, no longer flagged as demo', async () => {
    const core = testCore({ seedDemo: true, now: () => T0 })
    const wen = await personNamed(core, '温乐义')
    const host = await personNamed(core, '任肖彤')
    const theme = valueOf(await core.invoke('themes:list', {}))[0]!
    const [mine] = await createPeople(core, ['我自己的人'])
    const own = await createSession(core, {
      title: '温集新村的圆桌派',
      themeId: theme.id,
      plannedStart: china('2025-09-01 14:30'),
      plannedEnd: china('2025-09-01 16:30'),
      hostId: host.id,
      invitees: [
        { personId: wen.id, seatNumber: 1 },
        { personId: mine!, seatNumber: 2 }
      ]
    })

    // The confirmation says what stays, and so does the answer.
    const kept = { keepsSession: false, keptPeople: ['任肖彤', '温乐义'], keepsTheme: true }
    expect(valueOf(await core.invoke('demo:plan', {}))).toEqual(kept)
    expect(valueOf(await core.invoke('demo:remove', {}))).toEqual({ removed: true, kept })

    expect(await demoPresent(core)).toBe(false)
    expect(valueOf(await core.invoke('sessions:list', {})).map((session) => session.id)).toEqual([own.id])
    const people = valueOf(await core.invoke('people:list', { includeArchived: true }))
    expect(people.map((person) => [person.name, person.isDemo]).sort()).toEqual(
      [
        ['任肖彤', false],
        ['温乐义', false],
        ['我自己的人', false]
      ].sort()
    )
    const themes = valueOf(await core.invoke('themes:list', {}))
    expect(themes.map((t) => [t.id, t.isDemo, t.sessionCount])).toEqual([[theme.id, false, 1]])
    expect(await getSession(core, own.id)).toEqual(own)

    // Un-flagged, they are the user's now: a second removal leaves them alone.
    expect(valueOf(await core.invoke('demo:remove', {}))).toEqual({ removed: false, kept: { keepsSession: false, keptPeople: [], keepsTheme: false } })
    expect(rowCounts(core.databaseFile)).toMatchObject({ people: 3, themes: 1, sessions: 1 })
  })
})

describe('a database created without the demo', () => {
  it('has no demo, and reopening it without seedDemo adds none', async () => {
    const databaseFile = tempDatabaseFile()
    const first = testCore({ databaseFile, seedDemo: false })
    expect(await demoPresent(first)).toBe(false)
    expect(rowCounts(databaseFile)).toEqual({ sessions: 0, agenda_segments: 0, attendance: 0, people: 0, themes: 0 })
    expect(valueOf(await first.invoke('demo:remove', {}))).toEqual({ removed: false, kept: { keepsSession: false, keptPeople: [], keepsTheme: false } })
    first.close()

    const second = testCore({ databaseFile })

    expect(await demoPresent(second)).toBe(false)
    expect(rowCounts(databaseFile).sessions).toBe(0)
  })

  // The demo is for a new user's first run. A file that already holds someone's own sessions and people
  // (created before the demo existed, or by the web bridge or tests with seedDemo false) must not get
  // the 示例场次 mixed into its archive when the app (which always passes seedDemo: true) opens it later.
  it('never gets the demo, even when the app later opens it with seedDemo', async () => {
    const databaseFile = tempDatabaseFile()
    const first = testCore({ databaseFile, seedDemo: false })
    const [mine] = await createPeople(first, ['我自己的人'])
    await createSession(first, { title: '我们自己的圆桌派', plannedStart: T0, plannedEnd: T0 + 60_000, invitees: [{ personId: mine!, seatNumber: 1 }] })
    first.close()

    const app = testCore({ databaseFile, seedDemo: true })

    expect(await demoPresent(app)).toBe(false)
    expect(valueOf(await app.invoke('sessions:list', {})).map((session) => session.title)).toEqual(['我们自己的圆桌派'])
    expect(valueOf(await app.invoke('people:list', {})).map((person) => person.name)).toEqual(['我自己的人'])
  })
})
