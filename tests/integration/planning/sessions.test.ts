import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { uuidv7 } from '../../../src/core/store/ids'
import type { InputOf } from '../../../src/shared/contract'
import type { SessionDetail } from '../../../src/shared/domain'
import { DAY, errorOf, HOUR, insertSession, issuesOf, recordEvents, refusedWithoutTrace, runCleanups, T0, testCore, valueOf, withDatabase } from '../../helpers'
import { china, createPeople, createSession, createTheme, getSession, rowCounts, setSessionStatus } from './fixtures'

afterEach(runCleanups)

type Plan = InputOf<'sessions:create'>
type Segment = NonNullable<Plan['agenda']>[number]
type InviteeInput = NonNullable<Plan['invitees']>[number]
/** A plan whose lists are always there, so cases can edit them in place. */
type FullPlan = Plan & { agenda: Segment[]; invitees: InviteeInput[] }

interface Cast {
  themeId: string
  host: string
  recorder: string
  liFang: string
  zhaoHaiyun: string
  /** 温乐义, 翟自恩, 张秀兰, 刘建国, 陈静 */
  speakers: [string, string, string, string, string]
}

async function castOf(core: Core): Promise<Cast> {
  const [host, recorder, liFang, zhaoHaiyun, ...speakers] = await createPeople(core, [
    '任肖彤',
    '王晓雪',
    '李芳',
    '赵海云',
    '温乐义',
    '翟自恩',
    '张秀兰',
    '刘建国',
    '陈静'
  ])
  const theme = await createTheme(core, { title: '加快构建新发展格局，把握未来发展主动权', tags: ['乡村振兴'] })
  const [s1, s2, s3, s4, s5] = speakers
  return { themeId: theme.id, host: host!, recorder: recorder!, liFang: liFang!, zhaoHaiyun: zhaoHaiyun!, speakers: [s1!, s2!, s3!, s4!, s5!] }
}

const START = china('2025-08-28 14:30')

/**
 * The article's session: two study segments with lecturers, then roundtable time; eight people at the table,
 * listed out of seat order; the lecturers listed with lesser roles; the recorder not listed at all.
 */
function twoPhasePlan(c: Cast): FullPlan {
  const [wen, zhai, zhang, liu, chen] = c.speakers
  return {
    title: '思想圆桌派 · 新发展格局',
    themeId: c.themeId,
    plannedStart: START,
    plannedEnd: START + 2 * HOUR,
    venue: '郑家镇新时代文明实践所理论宣讲室',
    hostId: c.host,
    recorderId: c.recorder,
    organiserUnit: '郑家镇新时代文明实践所',
    speakerLimitSeconds: 180,
    agenda: [
      { kind: 'study', title: '学习研讨', lecturerId: c.liFang, topic: '学习重要讲话精神', plannedMinutes: 30 },
      { kind: 'study', title: '', lecturerId: c.zhaoHaiyun, topic: '全面推进乡村振兴', plannedMinutes: 30 },
      { kind: 'roundtable', title: '圆桌时间', plannedMinutes: 60 }
    ],
    invitees: [
      { personId: wen, role: 'participant', seatNumber: 4 },
      { personId: c.host, role: 'participant', seatNumber: 1 },
      { personId: c.liFang, role: 'participant', seatNumber: 2 },
      { personId: c.zhaoHaiyun, role: 'guest', seatNumber: 3 },
      { personId: zhai, seatNumber: 5 },
      { personId: zhang, role: 'participant', seatNumber: 6 },
      { personId: liu, role: 'participant', seatNumber: 7 },
      { personId: chen, role: 'participant', seatNumber: 8 }
    ]
  }
}

/** The rows of one session in the tables a plan writes. */
function sessionRowCounts(file: string, id: string): { agenda: number; attendance: number } {
  return withDatabase(file, (db) => ({
    agenda: (db.prepare('SELECT count(*) AS n FROM agenda_segments WHERE session_id = ?').get(id) as { n: number }).n,
    attendance: (db.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').get(id) as { n: number }).n
  }))
}

const seating = (session: SessionDetail): [string, string, number | null][] =>
  session.invitees.map((invitee) => [invitee.name, invitee.role, invitee.seatNumber])

describe('sessions:create and sessions:get', () => {
  it('stores a two-phase session with eight seats, adding host, recorder and lecturers with their roles', async () => {
    const core = testCore({ now: () => T0 })
    const cast = await castOf(core)

    const created = await createSession(core, twoPhasePlan(cast))

    expect(created).toMatchObject({
      title: '思想圆桌派 · 新发展格局',
      themeId: cast.themeId,
      themeTitle: '加快构建新发展格局，把握未来发展主动权',
      plannedStart: START,
      plannedEnd: START + 2 * HOUR,
      venue: '郑家镇新时代文明实践所理论宣讲室',
      status: 'planned',
      hostId: cast.host,
      hostName: '任肖彤',
      recorderId: cast.recorder,
      recorderName: '王晓雪',
      organiserUnit: '郑家镇新时代文明实践所',
      speakerLimitSeconds: 180,
      summary: '',
      isDemo: false,
      createdAt: T0,
      updatedAt: T0
    })
    expect(created.agenda.map(({ position, kind, title, lecturerId, lecturerName, topic, plannedMinutes }) => ({
      position,
      kind,
      title,
      lecturerId,
      lecturerName,
      topic,
      plannedMinutes
    }))).toEqual([
      { position: 0, kind: 'study', title: '学习研讨', lecturerId: cast.liFang, lecturerName: '李芳', topic: '学习重要讲话精神', plannedMinutes: 30 },
      { position: 1, kind: 'study', title: '', lecturerId: cast.zhaoHaiyun, lecturerName: '赵海云', topic: '全面推进乡村振兴', plannedMinutes: 30 },
      { position: 2, kind: 'roundtable', title: '圆桌时间', lecturerId: null, lecturerName: null, topic: '', plannedMinutes: 60 }
    ])
    // In seat order, then the unseated recorder (added because she was not listed).
    expect(seating(created)).toEqual([
      ['任肖彤', 'host', 1],
      ['李芳', 'lecturer', 2],
      ['赵海云', 'lecturer', 3],
      ['温乐义', 'participant', 4],
      ['翟自恩', 'participant', 5],
      ['张秀兰', 'participant', 6],
      ['刘建国', 'participant', 7],
      ['陈静', 'participant', 8],
      ['王晓雪', 'recorder', null]
    ])
    expect(await getSession(core, created.id)).toEqual(created)
    expect(sessionRowCounts(core.databaseFile, created.id)).toEqual({ agenda: 3, attendance: 9 })
  })

  interface RoleCase {
    name: string
    /** Builds the plan from the first five people: p0 … p4. */
    plan: (p: string[]) => Partial<FullPlan>
    /** [person index, role, seat] for everyone on the list, in the order sessions:get returns them. */
    expected: [number, string, number | null][]
  }

  const NAMES = ['王晓雪', '任肖彤', '李芳', '温乐义', '翟自恩']

  const ROLE_CASES: RoleCase[] = [
    {
      name: 'a host not on the list is added, unseated',
      plan: (p) => ({ hostId: p[0]!, invitees: [{ personId: p[1]!, seatNumber: 1 }] }),
      expected: [
        [1, 'participant', 1],
        [0, 'host', null]
      ]
    },
    {
      name: 'a seated participant who hosts becomes host and keeps the seat',
      plan: (p) => ({ hostId: p[0]!, invitees: [{ personId: p[0]!, role: 'participant', seatNumber: 2 }] }),
      expected: [[0, 'host', 2]]
    },
    {
      name: 'a guest who lectures becomes lecturer',
      plan: (p) => ({
        agenda: [{ kind: 'study', lecturerId: p[0]!, plannedMinutes: 30 }],
        invitees: [{ personId: p[0]!, role: 'guest', seatNumber: 1 }]
      }),
      expected: [[0, 'lecturer', 1]]
    },
    {
      name: 'a lecturer who also records is recorder (recorder outranks lecturer)',
      plan: (p) => ({ recorderId: p[0]!, agenda: [{ kind: 'study', lecturerId: p[0]!, plannedMinutes: 30 }] }),
      expected: [[0, 'recorder', null]]
    },
    {
      name: 'host, recorder and lecturer at once is host (host outranks all)',
      plan: (p) => ({ hostId: p[0]!, recorderId: p[0]!, agenda: [{ kind: 'study', lecturerId: p[0]!, plannedMinutes: 30 }] }),
      expected: [[0, 'host', null]]
    },
    {
      name: 'a guest with no other part stays a guest',
      plan: (p) => ({ invitees: [{ personId: p[0]!, role: 'guest', seatNumber: null }] }),
      expected: [[0, 'guest', null]]
    },
    {
      name: 'one lecturer of two study segments is listed once',
      plan: (p) => ({
        agenda: [
          { kind: 'study', lecturerId: p[0]!, plannedMinutes: 30 },
          { kind: 'study', lecturerId: p[0]!, plannedMinutes: 30 }
        ]
      }),
      expected: [[0, 'lecturer', null]]
    },
    {
      name: 'the unseated are listed by name after the seated',
      plan: (p) => ({
        hostId: p[2]!,
        recorderId: p[1]!,
        invitees: [
          { personId: p[3]!, seatNumber: 2 },
          { personId: p[4]!, seatNumber: 1 },
          { personId: p[0]!, role: 'guest' }
        ]
      }),
      // The unseated by name in pinyin, as every list sorts names: 李 (lǐ) < 任 (rèn) < 王 (wáng).
      expected: [
        [4, 'participant', 1],
        [3, 'participant', 2],
        [2, 'host', null],
        [1, 'recorder', null],
        [0, 'guest', null]
      ]
    }
  ]

  it.each(ROLE_CASES)('$name', async ({ plan, expected }) => {
    const core = testCore()
    const people = await createPeople(core, NAMES)
    const created = await createSession(core, { title: '圆桌派', plannedStart: START, plannedEnd: START + HOUR, ...plan(people) })
    expect(created.invitees.map((i) => [people.indexOf(i.personId), i.role, i.seatNumber])).toEqual(expected)
  })

  it('answers not_found for a session that does not exist', async () => {
    const core = testCore()
    expect(errorOf(await core.invoke('sessions:get', { id: uuidv7() })).code).toBe('not_found')
  })
})

describe.each(['sessions:create', 'sessions:update'] as const)('%s refuses a broken plan and writes nothing', (channel) => {
  interface InvalidCase {
    name: string
    /** Breaks one thing in a valid two-phase plan. */
    breakIt: (plan: FullPlan, cast: Cast) => void
    issues: { path: (string | number)[]; code: string; params?: Record<string, number> }[]
  }

  const CASES: InvalidCase[] = [
    { name: 'end before start', breakIt: (p) => void (p.plannedEnd = p.plannedStart - 60_000), issues: [{ path: ['plannedEnd'], code: 'end_before_start' }] },
    { name: 'end equal to start', breakIt: (p) => void (p.plannedEnd = p.plannedStart), issues: [{ path: ['plannedEnd'], code: 'end_before_start' }] },
    {
      name: 'a study segment without a lecturer',
      breakIt: (p) => void (p.agenda[1]!.lecturerId = null),
      issues: [{ path: ['agenda', 1, 'lecturerId'], code: 'lecturer_required' }]
    },
    {
      name: 'a study segment with the lecturer left out',
      breakIt: (p) => void delete p.agenda[0]!.lecturerId,
      issues: [{ path: ['agenda', 0, 'lecturerId'], code: 'lecturer_required' }]
    },
    {
      name: 'the same person twice',
      breakIt: (p) => void (p.invitees[3]!.personId = p.invitees[0]!.personId),
      issues: [{ path: ['invitees', 3, 'personId'], code: 'duplicate_person' }]
    },
    {
      name: 'the same seat twice',
      breakIt: (p) => void (p.invitees[2]!.seatNumber = p.invitees[0]!.seatNumber),
      issues: [{ path: ['invitees', 2, 'seatNumber'], code: 'duplicate_seat' }]
    },
    { name: 'an unknown host', breakIt: (p) => void (p.hostId = uuidv7()), issues: [{ path: ['hostId'], code: 'person_not_found' }] },
    { name: 'an unknown recorder', breakIt: (p) => void (p.recorderId = uuidv7()), issues: [{ path: ['recorderId'], code: 'person_not_found' }] },
    {
      name: 'an unknown lecturer',
      breakIt: (p) => void (p.agenda[1]!.lecturerId = uuidv7()),
      issues: [{ path: ['agenda', 1, 'lecturerId'], code: 'person_not_found' }]
    },
    {
      name: 'an unknown invitee',
      breakIt: (p) => void (p.invitees[6]!.personId = uuidv7()),
      issues: [{ path: ['invitees', 6, 'personId'], code: 'person_not_found' }]
    },
    { name: 'an unknown theme', breakIt: (p) => void (p.themeId = uuidv7()), issues: [{ path: ['themeId'], code: 'theme_not_found' }] },
    {
      name: 'several unknown references at once, each at its field',
      breakIt: (p) => {
        const ghost = uuidv7()
        p.hostId = ghost
        p.invitees[1]!.personId = ghost
        p.agenda[0]!.lecturerId = uuidv7()
        p.themeId = uuidv7()
      },
      issues: [
        { path: ['hostId'], code: 'person_not_found' },
        { path: ['agenda', 0, 'lecturerId'], code: 'person_not_found' },
        { path: ['invitees', 1, 'personId'], code: 'person_not_found' },
        { path: ['themeId'], code: 'theme_not_found' }
      ]
    },
    { name: 'a blank title', breakIt: (p) => void (p.title = '   '), issues: [{ path: ['title'], code: 'required' }] },
    { name: 'a title of 101 characters', breakIt: (p) => void (p.title = '圆'.repeat(101)), issues: [{ path: ['title'], code: 'too_big', params: { max: 100 } }] },
    { name: 'a venue of 201 characters', breakIt: (p) => void (p.venue = '室'.repeat(201)), issues: [{ path: ['venue'], code: 'too_big', params: { max: 200 } }] },
    {
      name: 'an organiser unit of 101 characters',
      breakIt: (p) => void (p.organiserUnit = '所'.repeat(101)),
      issues: [{ path: ['organiserUnit'], code: 'too_big', params: { max: 100 } }]
    },
    {
      name: 'a segment title of 101 characters',
      breakIt: (p) => void (p.agenda[2]!.title = '圆'.repeat(101)),
      issues: [{ path: ['agenda', 2, 'title'], code: 'too_big', params: { max: 100 } }]
    },
    {
      name: 'a topic of 201 characters',
      breakIt: (p) => void (p.agenda[0]!.topic = '学'.repeat(201)),
      issues: [{ path: ['agenda', 0, 'topic'], code: 'too_big', params: { max: 200 } }]
    },
    {
      name: 'a speaker limit of 29 seconds',
      breakIt: (p) => void (p.speakerLimitSeconds = 29),
      issues: [{ path: ['speakerLimitSeconds'], code: 'too_small', params: { min: 30 } }]
    },
    {
      name: 'a speaker limit of 0 seconds',
      breakIt: (p) => void (p.speakerLimitSeconds = 0),
      issues: [{ path: ['speakerLimitSeconds'], code: 'too_small', params: { min: 30 } }]
    },
    {
      name: 'a speaker limit of 3601 seconds',
      breakIt: (p) => void (p.speakerLimitSeconds = 3601),
      issues: [{ path: ['speakerLimitSeconds'], code: 'too_big', params: { max: 3600 } }]
    },
    {
      name: 'a speaker limit that is not whole seconds',
      breakIt: (p) => void (p.speakerLimitSeconds = 90.5),
      issues: [{ path: ['speakerLimitSeconds'], code: 'invalid_type' }]
    },
    {
      name: 'a segment of 601 minutes',
      breakIt: (p) => void (p.agenda[2]!.plannedMinutes = 601),
      issues: [{ path: ['agenda', 2, 'plannedMinutes'], code: 'too_big', params: { max: 600 } }]
    },
    {
      name: 'a segment kind that does not exist',
      breakIt: (p) => void (p.agenda[2]!.kind = 'lunch' as Segment['kind']),
      issues: [{ path: ['agenda', 2, 'kind'], code: 'invalid_value' }]
    },
    {
      name: 'seat 0',
      breakIt: (p) => void (p.invitees[0]!.seatNumber = 0),
      issues: [{ path: ['invitees', 0, 'seatNumber'], code: 'too_small', params: { min: 1 } }]
    },
    {
      name: 'seat 201',
      breakIt: (p) => void (p.invitees[0]!.seatNumber = 201),
      issues: [{ path: ['invitees', 0, 'seatNumber'], code: 'too_big', params: { max: 200 } }]
    },
    {
      name: 'a role that does not exist',
      breakIt: (p) => void (p.invitees[0]!.role = 'chair' as InviteeInput['role']),
      issues: [{ path: ['invitees', 0, 'role'], code: 'invalid_value' }]
    },
    {
      name: '31 agenda segments',
      breakIt: (p) => void (p.agenda = Array.from({ length: 31 }, () => ({ kind: 'other' as const, plannedMinutes: 5 }))),
      issues: [{ path: ['agenda'], code: 'too_big', params: { max: 30 } }]
    }
  ]

  it.each(CASES)('$name', async ({ breakIt, issues }) => {
    const core = testCore()
    const cast = await castOf(core)
    const existing = await createSession(core, twoPhasePlan(cast))
    const plan = twoPhasePlan(cast)
    breakIt(plan, cast)
    const input = channel === 'sessions:create' ? plan : { id: existing.id, ...plan }
    const countsBefore = rowCounts(core.databaseFile)

    const error = await refusedWithoutTrace(core, channel, input)

    expect(error.code).toBe('invalid_input')
    expect(error.issues).toEqual(issues.map((issue) => expect.objectContaining(issue)))
    expect(rowCounts(core.databaseFile)).toEqual(countsBefore)
    expect(await getSession(core, existing.id)).toEqual(existing)
  })
})

describe('sessions:update', () => {
  it('replaces the whole plan: fields, agenda and attendance', async () => {
    let clock = T0
    const core = testCore({ now: () => clock })
    const cast = await castOf(core)
    const [wen, zhai, zhang] = cast.speakers
    const original = await createSession(core, twoPhasePlan(cast))
    const neighbour = await createSession(core, { ...twoPhasePlan(cast), title: '另一场' })
    const neighbourBefore = await getSession(core, neighbour.id)
    clock = T0 + HOUR
    const events = recordEvents(core)

    const updated = valueOf(
      await core.invoke('sessions:update', {
        id: original.id,
        title: '圆桌时间(改期)',
        themeId: null,
        plannedStart: START + DAY,
        plannedEnd: START + DAY + 90 * 60_000,
        venue: '温集新村党群服务中心',
        hostId: wen,
        recorderId: null,
        organiserUnit: '',
        speakerLimitSeconds: null,
        agenda: [{ kind: 'roundtable', title: '圆桌时间', plannedMinutes: 90 }],
        invitees: [
          { personId: zhang, seatNumber: 1 },
          { personId: zhai, seatNumber: 2 }
        ]
      })
    )

    expect(updated).toMatchObject({
      id: original.id,
      title: '圆桌时间(改期)',
      themeId: null,
      themeTitle: null,
      plannedStart: START + DAY,
      plannedEnd: START + DAY + 90 * 60_000,
      venue: '温集新村党群服务中心',
      hostId: wen,
      hostName: '温乐义',
      recorderId: null,
      recorderName: null,
      organiserUnit: '',
      speakerLimitSeconds: null,
      status: 'planned',
      createdAt: T0,
      updatedAt: T0 + HOUR
    })
    expect(updated.agenda.map(({ position, kind, plannedMinutes, lecturerId }) => ({ position, kind, plannedMinutes, lecturerId }))).toEqual([
      { position: 0, kind: 'roundtable', plannedMinutes: 90, lecturerId: null }
    ])
    expect(seating(updated)).toEqual([
      ['张秀兰', 'participant', 1],
      ['翟自恩', 'participant', 2],
      ['温乐义', 'host', null]
    ])
    expect(await getSession(core, original.id)).toEqual(updated)
    expect(sessionRowCounts(core.databaseFile, original.id)).toEqual({ agenda: 1, attendance: 3 })
    expect(await getSession(core, neighbour.id)).toEqual(neighbourBefore)
    expect(events).toEqual([
      { name: 'sessions:changed', id: original.id },
      { name: 'session:changed', id: original.id }
    ])
  })

  it('answers not_found for a session that does not exist', async () => {
    const core = testCore()
    const cast = await castOf(core)
    const error = errorOf(await core.invoke('sessions:update', { id: uuidv7(), ...twoPhasePlan(cast) }))
    expect(error.code).toBe('not_found')
    expect(rowCounts(core.databaseFile).sessions).toBe(0)
  })
})

describe('only a planned session can be changed', () => {
  const CASES = (['live', 'ended', 'cancelled'] as const).flatMap((status) =>
    (['sessions:update', 'sessions:cancel'] as const).map((channel) => ({ status, channel }))
  )

  it.each(CASES)('$channel of a $status session is a conflict and changes nothing', async ({ status, channel }) => {
    const core = testCore()
    const cast = await castOf(core)
    const session = await createSession(core, twoPhasePlan(cast))
    if (status === 'cancelled') valueOf(await core.invoke('sessions:cancel', { id: session.id }))
    else setSessionStatus(core.databaseFile, session.id, status)
    const input = channel === 'sessions:update' ? { id: session.id, ...twoPhasePlan(cast), title: '改了' } : { id: session.id }
    const error = await refusedWithoutTrace(core, channel, input)
    expect(error.code).toBe('conflict')
    expect(error.issues).toEqual([expect.objectContaining({ path: ['id'], code: `session_${status}` })])
  })
})

describe('sessions:cancel', () => {
  it('keeps the session as cancelled, and its theme no longer counts it', async () => {
    let clock = T0
    const core = testCore({ now: () => clock })
    const cast = await castOf(core)
    const kept = await createSession(core, twoPhasePlan(cast))
    const cancelled = await createSession(core, { ...twoPhasePlan(cast), title: '要取消的' })
    const sessionCount = async (): Promise<number | undefined> =>
      valueOf(await core.invoke('themes:list', {})).find((theme) => theme.id === cast.themeId)?.sessionCount
    expect(await sessionCount()).toBe(2)
    clock = T0 + HOUR
    const events = recordEvents(core)

    const result = valueOf(await core.invoke('sessions:cancel', { id: cancelled.id }))

    expect(result).toEqual({ ...cancelled, status: 'cancelled', updatedAt: T0 + HOUR })
    expect(await getSession(core, cancelled.id)).toEqual(result)
    expect(sessionRowCounts(core.databaseFile, cancelled.id)).toEqual({ agenda: 3, attendance: 9 })
    expect(await sessionCount()).toBe(1)
    expect(valueOf(await core.invoke('themes:get', { id: cast.themeId })).sessionCount).toBe(1)
    expect((await getSession(core, kept.id)).status).toBe('planned')
    expect(valueOf(await core.invoke('sessions:list', {})).map((s) => [s.title, s.status])).toContainEqual(['要取消的', 'cancelled'])
    expect(events).toEqual([
      { name: 'sessions:changed', id: cancelled.id },
      { name: 'session:changed', id: cancelled.id }
    ])
  })

  it('answers not_found for a session that does not exist', async () => {
    const core = testCore()
    expect(errorOf(await core.invoke('sessions:cancel', { id: uuidv7() })).code).toBe('not_found')
  })
})

describe('sessions:duplicate', () => {
  interface WhenCase {
    name: string
    source: string
    /** The clock when the user duplicates. */
    now: number
    expectedStart: string
  }

  const WHEN_CASES: WhenCase[] = [
    { name: 'mid-morning in China', source: '2025-08-21 14:30', now: china('2025-09-01 10:00'), expectedStart: '2025-09-08 14:30' },
    {
      name: 'late evening UTC, already the next day in China',
      source: '2025-08-21 14:30',
      now: Date.UTC(2025, 8, 1, 17, 30), // 2025-09-02 01:30 in China
      expectedStart: '2025-09-09 14:30'
    },
    {
      name: 'the last millisecond of a China day',
      source: '2025-08-21 14:30',
      now: Date.UTC(2025, 8, 1, 15, 59, 59, 999), // 2025-09-01 23:59:59.999 in China
      expectedStart: '2025-09-08 14:30'
    },
    {
      name: 'China midnight exactly',
      source: '2025-08-21 14:30',
      now: Date.UTC(2025, 8, 1, 16, 0), // 2025-09-02 00:00 in China
      expectedStart: '2025-09-09 14:30'
    },
    {
      name: 'a source early in the China morning (the previous day in UTC)',
      source: '2025-08-21 07:00', // 2025-08-20 23:00 UTC
      now: china('2025-09-01 12:00'),
      expectedStart: '2025-09-08 07:00'
    },
    { name: 'a source late in the China evening', source: '2025-08-21 23:30', now: china('2025-09-01 12:00'), expectedStart: '2025-09-08 23:30' },
    { name: 'a source still in the future', source: '2025-12-01 09:00', now: china('2025-09-01 12:00'), expectedStart: '2025-09-08 09:00' },
    { name: 'across a month and year end', source: '2025-08-21 14:30', now: china('2025-12-28 09:00'), expectedStart: '2026-01-04 14:30' }
  ]

  it.each(WHEN_CASES)('$name: same time of day, 7 days after today in China', async ({ source, now, expectedStart }) => {
    const core = testCore({ now: () => now })
    const cast = await castOf(core)
    const original = await createSession(core, { ...twoPhasePlan(cast), plannedStart: china(source), plannedEnd: china(source) + 2 * HOUR })

    const copy = valueOf(await core.invoke('sessions:duplicate', { id: original.id }))

    expect(copy.plannedStart).toBe(china(expectedStart))
    expect(copy.plannedEnd).toBe(china(expectedStart) + 2 * HOUR)
  })

  it('copies theme, agenda, invitees, seats and roles into a new planned session, leaving the source alone', async () => {
    const now = china('2025-09-01 10:00')
    const core = testCore({ now: () => now })
    const cast = await castOf(core)
    const original = await createSession(core, twoPhasePlan(cast))
    // A template may come from a session that already took place.
    setSessionStatus(core.databaseFile, original.id, 'ended')
    const source = await getSession(core, original.id)
    const events = recordEvents(core)

    const copy = valueOf(await core.invoke('sessions:duplicate', { id: original.id }))

    expect(copy.id).not.toBe(original.id)
    expect(copy).toMatchObject({
      title: source.title,
      themeId: source.themeId,
      venue: source.venue,
      hostId: source.hostId,
      recorderId: source.recorderId,
      organiserUnit: source.organiserUnit,
      speakerLimitSeconds: source.speakerLimitSeconds,
      status: 'planned',
      isDemo: false,
      plannedStart: china('2025-09-08 14:30'),
      plannedEnd: china('2025-09-08 16:30'),
      createdAt: now
    })
    const agendaOf = (s: SessionDetail) => s.agenda.map(({ id: _id, ...segment }) => segment)
    expect(agendaOf(copy)).toEqual(agendaOf(source))
    expect(copy.agenda.map((segment) => segment.id)).not.toContain(source.agenda[0]?.id)
    expect(copy.invitees).toEqual(source.invitees)
    expect(await getSession(core, original.id)).toEqual(source)
    expect(valueOf(await core.invoke('themes:get', { id: cast.themeId })).sessionCount).toBe(2)
    expect(events).toEqual([
      { name: 'sessions:changed', id: copy.id },
      { name: 'session:changed', id: copy.id }
    ])
  })

  it('drops archived people: from the list, as recorder and as lecturer; the others keep their seats', async () => {
    const core = testCore({ now: () => china('2025-09-01 10:00') })
    const cast = await castOf(core)
    const [wen, zhai] = cast.speakers
    const original = await createSession(core, twoPhasePlan(cast))
    for (const id of [wen, cast.recorder, cast.zhaoHaiyun]) valueOf(await core.invoke('people:archive', { id, archived: true }))

    const copy = valueOf(await core.invoke('sessions:duplicate', { id: original.id }))

    expect(copy.recorderId).toBeNull()
    expect(copy.hostId).toBe(cast.host)
    expect(copy.agenda.map((segment) => segment.lecturerId)).toEqual([cast.liFang, null, null])
    expect(copy.invitees.map((invitee) => invitee.personId)).not.toContain(wen)
    expect(seating(copy)).toEqual([
      ['任肖彤', 'host', 1],
      ['李芳', 'lecturer', 2],
      ['翟自恩', 'participant', 5],
      ['张秀兰', 'participant', 6],
      ['刘建国', 'participant', 7],
      ['陈静', 'participant', 8]
    ])
    expect(copy.invitees.find((invitee) => invitee.personId === zhai)?.seatNumber).toBe(5)
    // The source still has everyone.
    expect((await getSession(core, original.id)).invitees).toHaveLength(9)
  })

  it('answers not_found for a session that does not exist', async () => {
    const core = testCore()
    expect(errorOf(await core.invoke('sessions:duplicate', { id: uuidv7() })).code).toBe('not_found')
    expect(rowCounts(core.databaseFile).sessions).toBe(0)
  })
})

describe('sessions:list', () => {
  // The clock stands at T0 (2025-08-21 14:00 China time).
  const FIXTURES = {
    lastWeek: { title: '上周的圆桌派', plannedStart: T0 - 7 * DAY, plannedEnd: T0 - 7 * DAY + 2 * HOUR, venue: '郑家村村委会' },
    yesterday: { title: '昨天的圆桌派', plannedStart: T0 - DAY, plannedEnd: T0 - DAY + 2 * HOUR, venue: '理论宣讲室' },
    endsNow: { title: '刚刚结束', plannedStart: T0 - 2 * HOUR, plannedEnd: T0, venue: '' },
    running: { title: '正在进行', plannedStart: T0 - HOUR, plannedEnd: T0 + HOUR, venue: '理论宣讲室' },
    tomorrow: { title: '100%到场的圆桌派', plannedStart: T0 + DAY, plannedEnd: T0 + DAY + 2 * HOUR, venue: '温集新村' },
    nextWeek: { title: '1000人大会 a_b', plannedStart: T0 + 7 * DAY, plannedEnd: T0 + 7 * DAY + HOUR, venue: '温集新村' },
    justAfter: { title: 'axb 座谈', plannedStart: T0 + 7 * DAY + HOUR, plannedEnd: T0 + 7 * DAY + 2 * HOUR, venue: '' }
  }
  type Name = keyof typeof FIXTURES

  interface ListCase {
    name: string
    input: InputOf<'sessions:list'>
    expected: Name[]
  }

  const CASES: ListCase[] = [
    { name: 'all, latest first', input: {}, expected: ['justAfter', 'nextWeek', 'tomorrow', 'running', 'endsNow', 'yesterday', 'lastWeek'] },
    {
      name: 'upcoming: not over yet (running and ending right now included), soonest first',
      input: { when: 'upcoming' },
      expected: ['endsNow', 'running', 'tomorrow', 'nextWeek', 'justAfter']
    },
    { name: 'past: over, latest first', input: { when: 'past' }, expected: ['yesterday', 'lastWeek'] },
    { name: 'from–to: planned start in [from, to), soonest first', input: { from: T0 - HOUR, to: T0 + DAY }, expected: ['running'] },
    { name: 'from only', input: { from: T0 + DAY }, expected: ['tomorrow', 'nextWeek', 'justAfter'] },
    { name: 'to only (exclusive)', input: { to: T0 - DAY }, expected: ['lastWeek'] },
    { name: 'a query matching a venue', input: { query: '宣讲室' }, expected: ['running', 'yesterday'] },
    { name: 'a query is trimmed', input: { query: '  宣讲室 ' }, expected: ['running', 'yesterday'] },
    { name: 'a query matching a theme title', input: { query: '乡村振兴' }, expected: ['tomorrow', 'yesterday'] },
    { name: 'a query matching a title', input: { query: '圆桌派' }, expected: ['tomorrow', 'yesterday', 'lastWeek'] },
    { name: '% in a query is a literal percent sign', input: { query: '100%' }, expected: ['tomorrow'] },
    { name: '_ in a query is a literal underscore', input: { query: 'a_b' }, expected: ['nextWeek'] },
    { name: 'a query matching nothing', input: { query: '不存在的' }, expected: [] },
    { name: 'query and when together', input: { query: '温集', when: 'upcoming' }, expected: ['tomorrow', 'nextWeek'] },
    { name: 'query and range together', input: { query: '理论', from: T0 - 2 * DAY, to: T0 }, expected: ['yesterday', 'running'] }
  ]

  it.each(CASES)('$name', async ({ input, expected }) => {
    const core = testCore({ now: () => T0 })
    const themeId = (await createTheme(core, { title: '全面推进乡村振兴' })).id
    const ids = withDatabase(core.databaseFile, (db) => {
      const out = new Map<string, Name>()
      for (const [name, fixture] of Object.entries(FIXTURES) as [Name, (typeof FIXTURES)[Name]][]) {
        const withTheme = name === 'tomorrow' || name === 'yesterday'
        out.set(insertSession(db, { ...fixture, themeId: withTheme ? themeId : null }), name)
      }
      return out
    })

    const listed = valueOf(await core.invoke('sessions:list', input))

    expect(listed.map((summary) => ids.get(summary.id))).toEqual(expected)
  })

  it('lists ended and cancelled sessions under 往期 whatever their planned time, and a live one under upcoming', async () => {
    const core = testCore({ now: () => T0 })
    const ids = withDatabase(core.databaseFile, (db) => ({
      endedEarly: insertSession(db, { title: '提前开完', plannedStart: T0 + DAY, plannedEnd: T0 + DAY + HOUR, status: 'ended' }),
      cancelled: insertSession(db, { title: '取消了', plannedStart: T0 + 2 * DAY, plannedEnd: T0 + 2 * DAY + HOUR, status: 'cancelled' }),
      overrunning: insertSession(db, { title: '还在开', plannedStart: T0 - 3 * HOUR, plannedEnd: T0 - HOUR, status: 'live' })
    }))
    const titles = async (when: 'upcoming' | 'past') => valueOf(await core.invoke('sessions:list', { when })).map((s) => s.id)
    expect(await titles('upcoming')).toEqual([ids.overrunning])
    expect(await titles('past')).toEqual([ids.cancelled, ids.endedEarly])
  })

  it('returns summaries with the theme title', async () => {
    const core = testCore({ now: () => T0 })
    const theme = await createTheme(core, { title: '全面推进乡村振兴' })
    const id = withDatabase(core.databaseFile, (db) =>
      insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR, venue: '理论宣讲室', themeId: theme.id, status: 'ended' })
    )
    expect(valueOf(await core.invoke('sessions:list', {}))).toEqual([
      { id, title: '圆桌派', themeId: theme.id, themeTitle: '全面推进乡村振兴', plannedStart: T0, plannedEnd: T0 + HOUR, venue: '理论宣讲室', status: 'ended' }
    ])
  })
})

describe('change events', () => {
  it('create, update, cancel and duplicate each announce sessions:changed and session:changed with the id', async () => {
    const core = testCore({ now: () => T0 })
    const cast = await castOf(core)
    const events = recordEvents(core)
    const announced = (id: string) => [
      { name: 'sessions:changed', id },
      { name: 'session:changed', id }
    ]

    const created = await createSession(core, twoPhasePlan(cast))
    expect(events.splice(0)).toEqual(announced(created.id))

    valueOf(await core.invoke('sessions:update', { id: created.id, ...twoPhasePlan(cast), title: '改名' }))
    expect(events.splice(0)).toEqual(announced(created.id))

    const copy = valueOf(await core.invoke('sessions:duplicate', { id: created.id }))
    expect(events.splice(0)).toEqual(announced(copy.id))

    valueOf(await core.invoke('sessions:cancel', { id: created.id }))
    expect(events.splice(0)).toEqual(announced(created.id))

    // Reading announces nothing.
    await core.invoke('sessions:get', { id: created.id })
    await core.invoke('sessions:list', {})
    expect(events).toEqual([])
  })

  it('refused calls announce nothing', async () => {
    const core = testCore()
    const cast = await castOf(core)
    const session = await createSession(core, twoPhasePlan(cast))
    valueOf(await core.invoke('sessions:cancel', { id: session.id }))
    const events = recordEvents(core)

    const refused = [
      await core.invoke('sessions:create', { ...twoPhasePlan(cast), plannedEnd: START }),
      await core.invoke('sessions:create', { ...twoPhasePlan(cast), hostId: uuidv7() }),
      await core.invoke('sessions:update', { id: session.id, ...twoPhasePlan(cast) }),
      await core.invoke('sessions:cancel', { id: session.id }),
      await core.invoke('sessions:duplicate', { id: uuidv7() })
    ]

    expect(refused.map((result) => result.ok)).toEqual([false, false, false, false, false])
    expect(issuesOf(refused[1]!)).toEqual([{ path: ['hostId'], code: 'person_not_found' }])
    expect(events).toEqual([])
  })
})
