import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sessionPlanSchema } from '../../../src/shared/contract'
import { ATTENDANCE_ROLES, SEGMENT_KINDS, type AttendanceRole, type SegmentKind, type SessionDetail, type Settings } from '../../../src/shared/domain'
import {
  agendaMinutes,
  emptyPlan,
  missingWhen,
  move,
  planFromSession,
  sessionMinutes,
  swapSeats,
  toSessionPlan,
  withRolesApplied,
  type AgendaItem,
  type InviteeItem,
  type PlanForm
} from '../../../src/renderer/src/features/sessions/plan-form'



// ---------------------------------------------------------------------------------------------------------
// Fixtures

/** China time (UTC+8) as UTC ms. */
const china = (date: string, time: string): number => Date.parse(`${date}T${time}:00+08:00`)

const SETTINGS: Settings = {
  language: 'zh-CN',
  fontSize: 'standard',
  organisationName: '郑家镇新时代文明实践所',
  defaultVenue: '郑家镇新时代文明实践所理论宣讲室',
  categories: ['党员'],
  remarkTags: ['观点']
}

function form(patch: Partial<PlanForm> = {}): PlanForm {
  return {
    title: '思想圆桌派',
    themeId: null,
    date: '2025-08-21',
    startTime: '14:30',
    endTime: '16:30',
    venue: '',
    hostId: null,
    recorderId: null,
    organiserUnit: '',
    speakerLimitMinutes: 3,
    agenda: [],
    invitees: [],
    seatLayout: 'round',
    ...patch
  }
}

const segment = (kind: SegmentKind, patch: Partial<AgendaItem> = {}): AgendaItem => ({
  key: `k-${kind}`,
  kind,
  title: '',
  lecturerId: null,
  topic: '',
  plannedMinutes: 30,
  ...patch
})

const invitee = (personId: string, role: AttendanceRole = 'participant', seated = true): InviteeItem => ({ personId, role, seated })

const ID = {
  host: '01900000-0000-7000-8000-000000000001',
  recorder: '01900000-0000-7000-8000-000000000002',
  liFang: '01900000-0000-7000-8000-000000000003',
  zhao: '01900000-0000-7000-8000-000000000004',
  wen: '01900000-0000-7000-8000-000000000005',
  zhai: '01900000-0000-7000-8000-000000000006',
  theme: '01900000-0000-7000-8000-0000000000aa'
}

// ---------------------------------------------------------------------------------------------------------

describe('emptyPlan', () => {
  it.each([
    { name: 'afternoon in China', now: china('2025-08-21', '15:00'), date: '2025-08-28' },
    { name: 'late evening UTC, already tomorrow in China', now: Date.UTC(2025, 7, 21, 17, 0), date: '2025-08-29' },
    { name: 'just before midnight in China', now: china('2025-12-31', '23:59'), date: '2026-01-07' }
  ])('dates the session a week from today in China time ($name)', ({ now, date }) => {
    expect(emptyPlan(SETTINGS, now).date).toBe(date)
  })

  it('starts from the settings, at 14:30–16:30, with a study segment then roundtable time', () => {
    const plan = emptyPlan(SETTINGS, china('2025-08-21', '09:00'))

    expect(plan).toMatchObject({
      title: '',
      themeId: null,
      startTime: '14:30',
      endTime: '16:30',
      venue: SETTINGS.defaultVenue,
      organiserUnit: SETTINGS.organisationName,
      hostId: null,
      recorderId: null,
      speakerLimitMinutes: 3,
      invitees: []
    })
    expect(plan.agenda.map(({ kind, lecturerId, plannedMinutes }) => [kind, lecturerId, plannedMinutes])).toEqual([
      ['study', null, 30],
      ['roundtable', null, 60]
    ])
    const keys = [...plan.agenda, ...emptyPlan(SETTINGS, 0).agenda].map((item) => item.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(sessionMinutes(plan)).toBe(120)
    expect(agendaMinutes(plan)).toBe(90)
  })
})

describe('planFromSession', () => {
  const detail: SessionDetail = {
    id: '01900000-0000-7000-8000-0000000000ff',
    title: '示例场次',
    themeId: ID.theme,
    themeTitle: '新发展格局',
    // 07:00 on 21 August in China is still 20 August in UTC.
    plannedStart: Date.UTC(2025, 7, 20, 23, 0),
    plannedEnd: Date.UTC(2025, 7, 21, 1, 15),
    venue: '理论宣讲室',
    status: 'planned',
    hostId: ID.host,
    hostName: '任肖彤',
    recorderId: ID.recorder,
    recorderName: '王晓雪',
    organiserUnit: '文明实践所',
    speakerLimitSeconds: 90,
    seatLayout: 'u',
    summary: '',
    isDemo: false,
    sourceLaptop: null,
    startedAt: null,
    endedAt: null,
    attendance: [],
    agenda: [
      { id: 'a1', position: 0, kind: 'study', title: '学习', lecturerId: ID.liFang, lecturerName: '李芳', topic: '讲话精神', plannedMinutes: 30 },
      { id: 'a2', position: 1, kind: 'roundtable', title: '圆桌时间', lecturerId: null, lecturerName: null, topic: '', plannedMinutes: 75 }
    ],
    invitees: [
      { personId: ID.host, name: '任肖彤', organisation: '', village: '', role: 'host', seatNumber: 1 },
      { personId: ID.liFang, name: '李芳', organisation: '', village: '', role: 'lecturer', seatNumber: 2 },
      { personId: ID.wen, name: '温乐义', organisation: '', village: '温集新村', role: 'participant', seatNumber: 3 },
      { personId: ID.recorder, name: '王晓雪', organisation: '', village: '', role: 'recorder', seatNumber: null }
    ],
    createdAt: 0,
    updatedAt: 0
  }

  it('turns a stored session into the form, with date and times in China time', () => {
    const plan = planFromSession(detail)

    expect(plan).toMatchObject({
      title: '示例场次',
      themeId: ID.theme,
      date: '2025-08-21',
      startTime: '07:00',
      endTime: '09:15',
      venue: '理论宣讲室',
      hostId: ID.host,
      recorderId: ID.recorder,
      organiserUnit: '文明实践所',
      speakerLimitMinutes: 1.5,
      seatLayout: 'u'
    })
    expect(plan.agenda.map(({ key: _key, ...item }) => item)).toEqual([
      { kind: 'study', title: '学习', lecturerId: ID.liFang, topic: '讲话精神', plannedMinutes: 30 },
      { kind: 'roundtable', title: '圆桌时间', lecturerId: null, topic: '', plannedMinutes: 75 }
    ])
    expect(plan.invitees).toEqual([
      invitee(ID.host, 'host'),
      invitee(ID.liFang, 'lecturer'),
      invitee(ID.wen, 'participant'),
      invitee(ID.recorder, 'recorder', false)
    ])
  })

  it('a session without a speaker limit has none in the form', () => {
    expect(planFromSession({ ...detail, speakerLimitSeconds: null }).speakerLimitMinutes).toBeNull()
  })

  it('round-trips: saving the unchanged form sends back the same plan, and the contract accepts it', () => {
    const plan = toSessionPlan(planFromSession(detail))

    expect(plan).toEqual({
      title: detail.title,
      themeId: detail.themeId,
      plannedStart: detail.plannedStart,
      plannedEnd: detail.plannedEnd,
      venue: detail.venue,
      hostId: detail.hostId,
      recorderId: detail.recorderId,
      organiserUnit: detail.organiserUnit,
      speakerLimitSeconds: detail.speakerLimitSeconds,
      agenda: detail.agenda.map(({ kind, title, lecturerId, topic, plannedMinutes }) => ({ kind, title, lecturerId, topic, plannedMinutes })),
      invitees: detail.invitees.map(({ personId, role, seatNumber }) => ({ personId, role, seatNumber })),
      seatLayout: detail.seatLayout
    })
    expect(sessionPlanSchema.safeParse(plan).success).toBe(true)
  })
})

describe('toSessionPlan', () => {
  it('turns China date and times into UTC instants', () => {
    const plan = toSessionPlan(form({ date: '2025-08-21', startTime: '07:00', endTime: '23:59' }))
    expect(plan.plannedStart).toBe(Date.UTC(2025, 7, 20, 23, 0))
    expect(plan.plannedEnd).toBe(Date.UTC(2025, 7, 21, 15, 59))
  })

  it.each([
    { minutes: 3, seconds: 180 },
    { minutes: 1.5, seconds: 90 },
    { minutes: 0.75, seconds: 45 },
    { minutes: 60, seconds: 3600 },
    { minutes: null, seconds: null },
    { minutes: 0, seconds: null }
  ])('a speaker limit of $minutes minutes is sent as $seconds seconds', ({ minutes, seconds }) => {
    expect(toSessionPlan(form({ speakerLimitMinutes: minutes })).speakerLimitSeconds).toBe(seconds)
  })

  it('keeps lecturer and topic for study segments only', () => {
    const plan = toSessionPlan(
      form({
        agenda: [
          segment('study', { title: '学习', lecturerId: ID.liFang, topic: '讲话精神' }),
          segment('roundtable', { title: '圆桌时间', lecturerId: ID.zhao, topic: '遗留的主题' }),
          segment('other', { title: '总结', lecturerId: ID.zhao, topic: '遗留的主题', plannedMinutes: 10 })
        ]
      })
    )
    expect(plan.agenda).toEqual([
      { kind: 'study', title: '学习', lecturerId: ID.liFang, topic: '讲话精神', plannedMinutes: 30 },
      { kind: 'roundtable', title: '圆桌时间', lecturerId: null, topic: '', plannedMinutes: 30 },
      { kind: 'other', title: '总结', lecturerId: null, topic: '', plannedMinutes: 10 }
    ])
  })

  it('numbers the seated 1, 2, 3 … in list order and leaves the others unseated', () => {
    const plan = toSessionPlan(
      form({
        invitees: [
          invitee(ID.wen),
          invitee(ID.recorder, 'recorder', false),
          invitee(ID.host, 'host'),
          invitee(ID.zhai, 'guest', false),
          invitee(ID.liFang, 'lecturer')
        ]
      })
    )
    expect(plan.invitees).toEqual([
      { personId: ID.wen, role: 'participant', seatNumber: 1 },
      { personId: ID.recorder, role: 'recorder', seatNumber: null },
      { personId: ID.host, role: 'host', seatNumber: 2 },
      { personId: ID.zhai, role: 'guest', seatNumber: null },
      { personId: ID.liFang, role: 'lecturer', seatNumber: 3 }
    ])
  })

  it('property: the seated get exactly the seats 1..k in list order, the others none', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (seatedFlags) => {
        const invitees = seatedFlags.map((seated, index) => invitee(`p${index}`, 'participant', seated))
        const seats = toSessionPlan(form({ invitees })).invitees?.map((item) => item.seatNumber) ?? []

        const k = seatedFlags.filter(Boolean).length
        expect(seats.filter((seat) => seat !== null)).toEqual(Array.from({ length: k }, (_, i) => i + 1))
        expect(seats.map((seat) => seat !== null)).toEqual(seatedFlags)
      })
    )
  })
})

describe('missingWhen', () => {
  it.each([
    { name: 'all set', patch: {}, missing: {} },
    { name: 'no date', patch: { date: '' }, missing: { date: 'required' } },
    { name: 'a date without leading zeros', patch: { date: '2025-8-1' }, missing: { date: 'required' } },
    { name: 'no start time', patch: { startTime: '' }, missing: { startTime: 'required' } },
    { name: 'a start time without leading zero', patch: { startTime: '9:00' }, missing: { startTime: 'required' } },
    { name: 'no end time', patch: { endTime: '' }, missing: { endTime: 'required' } },
    { name: 'nothing set', patch: { date: '', startTime: '', endTime: '' }, missing: { date: 'required', startTime: 'required', endTime: 'required' } }
  ])('$name', ({ patch, missing }) => {
    expect(missingWhen(form(patch))).toEqual(missing)
  })
})

describe('sessionMinutes and agendaMinutes', () => {
  it.each([
    { name: 'two hours', patch: { startTime: '14:30', endTime: '16:30' }, minutes: 120 },
    { name: 'a whole day but a minute', patch: { startTime: '00:00', endTime: '23:59' }, minutes: 1439 },
    { name: 'equal times', patch: { startTime: '14:30', endTime: '14:30' }, minutes: 0 },
    { name: 'end before start', patch: { startTime: '16:30', endTime: '14:30' }, minutes: 0 },
    { name: 'no date', patch: { date: '' }, minutes: 0 },
    { name: 'no end time', patch: { endTime: '' }, minutes: 0 }
  ])('sessionMinutes: $name → $minutes', ({ patch, minutes }) => {
    expect(sessionMinutes(form(patch))).toBe(minutes)
  })

  it.each([
    { name: 'no segments', minutes: [], total: 0 },
    { name: 'study and roundtable', minutes: [30, 30, 60], total: 120 },
    { name: 'a segment being typed (NaN) counts as 0', minutes: [30, Number.NaN, 15], total: 45 }
  ])('agendaMinutes: $name → $total', ({ minutes, total }) => {
    expect(agendaMinutes(form({ agenda: minutes.map((plannedMinutes) => segment('other', { plannedMinutes })) }))).toBe(total)
  })
})

describe('withRolesApplied', () => {
  interface RolesCase {
    name: string
    form: Partial<PlanForm>
    invitees: InviteeItem[]
  }

  const study = (lecturerId: string | null): AgendaItem => segment('study', { lecturerId })

  const CASES: RolesCase[] = [
    { name: 'nothing to apply', form: { invitees: [invitee(ID.wen)] }, invitees: [invitee(ID.wen)] },
    {
      name: 'adds host (seated), recorder (unseated) and lecturers (seated) who are not listed',
      form: { hostId: ID.host, recorderId: ID.recorder, agenda: [study(ID.liFang), study(ID.zhao)], invitees: [invitee(ID.wen)] },
      invitees: [invitee(ID.wen), invitee(ID.host, 'host'), invitee(ID.recorder, 'recorder', false), invitee(ID.liFang, 'lecturer'), invitee(ID.zhao, 'lecturer')]
    },
    {
      name: 'upgrades listed people to their role and keeps their place and seat',
      form: { hostId: ID.host, recorderId: ID.recorder, agenda: [study(ID.liFang)], invitees: [invitee(ID.liFang, 'guest'), invitee(ID.recorder, 'participant', true), invitee(ID.host, 'participant', false)] },
      invitees: [invitee(ID.liFang, 'lecturer'), invitee(ID.recorder, 'recorder', true), invitee(ID.host, 'host', false)]
    },
    {
      name: 'the strongest role wins: host over recorder over lecturer',
      form: { hostId: ID.host, recorderId: ID.host, agenda: [study(ID.host)], invitees: [] },
      invitees: [invitee(ID.host, 'host')]
    },
    {
      name: 'a recorder who also lectures stays recorder',
      form: { recorderId: ID.liFang, agenda: [study(ID.liFang)], invitees: [] },
      invitees: [invitee(ID.liFang, 'recorder', false)]
    },
    {
      name: 'the former host goes back to participant, seat kept, when another person hosts',
      form: { hostId: ID.zhai, invitees: [invitee(ID.host, 'host'), invitee(ID.wen)] },
      invitees: [invitee(ID.host, 'participant'), invitee(ID.wen), invitee(ID.zhai, 'host')]
    },
    {
      name: 'the former recorder goes back to participant when there is none',
      form: { recorderId: null, invitees: [invitee(ID.recorder, 'recorder', false)] },
      invitees: [invitee(ID.recorder, 'participant', false)]
    },
    {
      name: 'a lecturer whose study segment became roundtable time goes back to participant',
      form: { agenda: [segment('roundtable', { lecturerId: ID.liFang })], invitees: [invitee(ID.liFang, 'lecturer')] },
      invitees: [invitee(ID.liFang, 'participant')]
    },
    {
      name: 'a lecturer replaced by another goes back to participant',
      form: { agenda: [study(ID.zhao)], invitees: [invitee(ID.liFang, 'lecturer')] },
      invitees: [invitee(ID.liFang, 'participant'), invitee(ID.zhao, 'lecturer')]
    },
    {
      name: 'a study segment without a lecturer adds no one',
      form: { agenda: [study(null)], invitees: [invitee(ID.wen)] },
      invitees: [invitee(ID.wen)]
    },
    {
      name: 'guests stay guests',
      form: { invitees: [invitee(ID.zhai, 'guest', false)] },
      invitees: [invitee(ID.zhai, 'guest', false)]
    }
  ]

  it.each(CASES)('$name', ({ form: patch, invitees }) => {
    const input = form(patch)
    const snapshot = structuredClone(input)

    const applied = withRolesApplied(input)

    expect(applied.invitees).toEqual(invitees)
    expect({ ...applied, invitees: snapshot.invitees }).toEqual(snapshot)
    expect(input).toEqual(snapshot) // the form it was given is left as it was
  })

  // A small pool of people, so that host, recorder, lecturers and invitees often coincide.
  const POOL = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5']
  const personOrNull = fc.option(fc.constantFrom(...POOL), { nil: null })
  const arbitraryForm = fc
    .record({
      hostId: personOrNull,
      recorderId: personOrNull,
      agenda: fc.array(fc.record({ kind: fc.constantFrom(...SEGMENT_KINDS), lecturerId: personOrNull }), { maxLength: 4 }),
      invitees: fc.uniqueArray(
        fc.record({ personId: fc.constantFrom(...POOL), role: fc.constantFrom(...ATTENDANCE_ROLES), seated: fc.boolean() }),
        { selector: (item) => item.personId, maxLength: POOL.length }
      )
    })
    .map(({ hostId, recorderId, agenda, invitees }) =>
      form({ hostId, recorderId, agenda: agenda.map(({ kind, lecturerId }) => segment(kind, { lecturerId })), invitees })
    )

  it('property: applying twice is the same as applying once', () => {
    fc.assert(
      fc.property(arbitraryForm, (input) => {
        const once = withRolesApplied(input)
        expect(withRolesApplied(once)).toEqual(once)
      })
    )
  })

  it('property: afterwards, exactly the people who hold a role carry it, and nobody is listed twice', () => {
    fc.assert(
      fc.property(arbitraryForm, (input) => {
        const { invitees } = withRolesApplied(input)
        const lecturers = new Set(input.agenda.filter((item) => item.kind === 'study').map((item) => item.lecturerId))
        const roleOf = (personId: string | null) => invitees.find((item) => item.personId === personId)?.role

        expect(new Set(invitees.map((item) => item.personId)).size).toBe(invitees.length)
        for (const item of invitees) {
          if (item.role === 'host') expect(item.personId).toBe(input.hostId)
          if (item.role === 'recorder') expect(item.personId).toBe(input.recorderId)
          if (item.role === 'lecturer') expect(lecturers.has(item.personId)).toBe(true)
        }
        if (input.hostId) expect(roleOf(input.hostId)).toBe('host')
        if (input.recorderId) expect(['host', 'recorder']).toContain(roleOf(input.recorderId))
        for (const lecturer of lecturers) if (lecturer) expect(['host', 'recorder', 'lecturer']).toContain(roleOf(lecturer))
        // The people already listed keep their place and their seat.
        expect(invitees.slice(0, input.invitees.length).map(({ personId, seated }) => [personId, seated])).toEqual(
          input.invitees.map(({ personId, seated }) => [personId, seated])
        )
      })
    )
  })
})

describe('move', () => {
  it.each([
    { name: 'up one', from: 2, to: 1, expected: ['a', 'c', 'b', 'd'] },
    { name: 'down one', from: 0, to: 1, expected: ['b', 'a', 'c', 'd'] },
    { name: 'first to last', from: 0, to: 3, expected: ['b', 'c', 'd', 'a'] },
    { name: 'last to first', from: 3, to: 0, expected: ['d', 'a', 'b', 'c'] },
    { name: 'above the top: unchanged', from: 0, to: -1, expected: ['a', 'b', 'c', 'd'] },
    { name: 'below the bottom: unchanged', from: 3, to: 4, expected: ['a', 'b', 'c', 'd'] },
    { name: 'onto itself: unchanged', from: 1, to: 1, expected: ['a', 'b', 'c', 'd'] }
  ])('$name', ({ from, to, expected }) => {
    const list = ['a', 'b', 'c', 'd']
    expect(move(list, from, to)).toEqual(expected)
    expect(list).toEqual(['a', 'b', 'c', 'd'])
  })

  const listAndMove = fc
    .uniqueArray(fc.integer(), { minLength: 1, maxLength: 30 })
    .chain((list) => fc.tuple(fc.constant(list), fc.nat({ max: list.length - 1 }), fc.integer({ min: -2, max: list.length + 1 })))

  it('property: a move is a permutation that puts the item at its new index and keeps the others in order', () => {
    fc.assert(
      fc.property(listAndMove, ([list, from, to]) => {
        const moved = move(list, from, to)

        expect([...moved].sort((a, b) => a - b)).toEqual([...list].sort((a, b) => a - b))
        if (to < 0 || to >= list.length) {
          expect(moved).toEqual(list)
          return
        }
        expect(moved[to]).toBe(list[from])
        expect(moved.filter((_, index) => index !== to)).toEqual(list.filter((_, index) => index !== from))
      })
    )
  })
})

describe('swapSeats', () => {
  const table = [invitee('a'), invitee('rec', 'recorder', false), invitee('b'), invitee('c'), invitee('guest', 'guest', false), invitee('d')]
  const ids = (items: InviteeItem[]) => items.map((item) => item.personId)

  it.each([
    { name: 'seats 1 and 2 (skipping the unseated between them)', from: 0, to: 1, expected: ['b', 'rec', 'a', 'c', 'guest', 'd'] },
    { name: 'seats 1 and 4', from: 0, to: 3, expected: ['d', 'rec', 'b', 'c', 'guest', 'a'] },
    { name: 'a seat with itself', from: 2, to: 2, expected: ['a', 'rec', 'b', 'c', 'guest', 'd'] },
    { name: 'a seat that does not exist: unchanged', from: 0, to: 4, expected: ['a', 'rec', 'b', 'c', 'guest', 'd'] },
    { name: 'a negative seat: unchanged', from: -1, to: 0, expected: ['a', 'rec', 'b', 'c', 'guest', 'd'] }
  ])('$name', ({ from, to, expected }) => {
    expect(ids(swapSeats(table, from, to))).toEqual(expected)
    expect(ids(table)).toEqual(['a', 'rec', 'b', 'c', 'guest', 'd'])
  })

  const inviteesAndSwap = fc
    .uniqueArray(fc.record({ personId: fc.string({ minLength: 1, maxLength: 4 }), role: fc.constantFrom(...ATTENDANCE_ROLES), seated: fc.boolean() }), {
      selector: (item) => item.personId,
      maxLength: 20
    })
    .chain((items) => {
      const seated = items.filter((item) => item.seated).length
      return fc.tuple(fc.constant(items), fc.integer({ min: -1, max: seated }), fc.integer({ min: -1, max: seated }))
    })

  it('property: a swap keeps the same people and leaves every seated/unseated place as it was', () => {
    fc.assert(
      fc.property(inviteesAndSwap, ([items, from, to]) => {
        const swapped = swapSeats(items, from, to)
        const seatedCount = items.filter((item) => item.seated).length

        expect(swapped.map((item) => item.seated)).toEqual(items.map((item) => item.seated))
        expect(ids(swapped).sort()).toEqual(ids(items).sort())
        expect(items.filter((item) => !item.seated)).toEqual(swapped.filter((item) => !item.seated))
        const seatedBefore = ids(items.filter((item) => item.seated))
        const seatedAfter = ids(swapped.filter((item) => item.seated))
        if (from >= 0 && from < seatedCount && to >= 0 && to < seatedCount) {
          expect(seatedAfter[from]).toBe(seatedBefore[to])
          expect(seatedAfter[to]).toBe(seatedBefore[from])
        } else {
          expect(swapped).toBe(items)
        }
      })
    )
  })
})
