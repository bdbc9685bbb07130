import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { runCleanups, valueOf } from '../../helpers'
import { Town, type HeldSession } from './town'

afterEach(runCleanups)

/**
 * For any archive, the statistics' per-person figures add up to the period's totals, and those totals are
 * what each session's own record says (minutes:get, remarks:list): the page and the documents never disagree.
 */

const PEOPLE = 6
const VILLAGES = ['温集新村', '郑家村', '后楼村']
const MARKS = ['present', 'absent', 'unmarked', 'walkIn', 'none'] as const

const personIndex = fc.integer({ min: 0, max: PEOPLE - 1 })
const sessionPlan = fc.record({
  status: fc.constantFrom('ended', 'ended', 'ended', 'live', 'cancelled'),
  minutes: fc.integer({ min: 30, max: 240 }),
  host: fc.option(personIndex, { nil: null }),
  recorder: fc.option(personIndex, { nil: null }),
  lecturer: fc.option(personIndex, { nil: null }),
  marks: fc.array(fc.constantFrom(...MARKS), { minLength: PEOPLE, maxLength: PEOPLE }),
  speakers: fc.array(personIndex, { maxLength: 6 }),
  remarks: fc.array(personIndex, { maxLength: 5 }),
  corrected: fc.array(fc.tuple(personIndex, fc.integer({ min: 1, max: 16 })), { maxLength: 2 })
})
const archive = fc.record({
  villages: fc.array(fc.constantFrom(...VILLAGES), { minLength: PEOPLE, maxLength: PEOPLE }),
  days: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { minLength: 1, maxLength: 3 }),
  sessions: fc.array(sessionPlan, { minLength: 3, maxLength: 3 })
})

const dayOf2026 = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10)
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

type Archive = typeof archive extends fc.Arbitrary<infer T> ? T : never

async function build(town: Town, generated: Archive): Promise<{ people: string[]; sessions: { id: string; status: string }[] }> {
  const people: string[] = []
  for (const [i, village] of generated.villages.entries()) people.push(await town.person(`村民${i}`, village))
  const sessions: { id: string; status: string }[] = []
  for (const [i, day] of generated.days.entries()) {
    const plan = generated.sessions[i]!
    const who = (index: number | null) => (index === null ? null : people[index]!)
    const roles = new Set([plan.host, plan.recorder, plan.lecturer].filter((index) => index !== null))
    const marked = (mark: (typeof MARKS)[number]) => people.filter((_, index) => plan.marks[index] === mark && (mark !== 'walkIn' || !roles.has(index)))
    // Host, recorder and lecturer are on the list whatever their mark; a volunteer marked 'none' or 'walkIn' is checked in.
    const absent = marked('absent')
    const unmarked = people.filter((_, index) => plan.marks[index] === 'unmarked')
    const onList = (index: number) => roles.has(index) || plan.marks[index] !== 'none'
    const speaking = (index: number) => onList(index) && plan.marks[index] !== 'absent'
    const volunteerHours = plan.corrected.filter(([index]) => roles.has(index) && plan.marks[index] !== 'absent' && plan.marks[index] !== 'unmarked')
    const session: HeldSession = {
      day: dayOf2026(day),
      minutes: plan.minutes,
      hostId: who(plan.host),
      recorderId: who(plan.recorder),
      lecturerId: who(plan.lecturer),
      invited: [...marked('present'), ...absent, ...unmarked],
      present: marked('present'),
      absent,
      walkIns: marked('walkIn'),
      speakers: plan.speakers.filter(speaking).map((index) => people[index]!),
      remarks: plan.remarks.filter(speaking).map((index) => people[index]!),
      serviceHours: Object.fromEntries(volunteerHours.map(([index, halfHours]) => [people[index]!, halfHours / 2])),
      status: plan.status
    }
    sessions.push({ id: await town.session(session), status: plan.status })
  }
  return { people, sessions }
}

describe('statistics:get adds up, for any archive', () => {
  it('per-person counts sum to the totals, and the totals are the sessions’ own records', async () => {
    await fc.assert(
      fc.asyncProperty(archive, async (generated) => {
        await runCleanups()
        const town = new Town()
        const { sessions } = await build(town, generated)
        const stats = await town.statistics({ from: '2026-01-01', to: '2026-12-31' })
        const held = sessions.filter((session) => session.status === 'ended')
        const minutes = await Promise.all(held.map(async ({ id }) => valueOf(await town.core.invoke('minutes:get', { sessionId: id }))))
        const remarks = await Promise.all(held.map(async ({ id }) => valueOf(await town.core.invoke('remarks:list', { sessionId: id }))))
        const { people, villages } = stats.participation

        expect(stats.sessions.held).toBe(held.length)
        expect(sum(stats.sessions.perMonth.map((month) => month.held + month.live + month.cancelled + month.planned))).toBe(sessions.length)
        // 实到, 应到, 缺席 and 列席 of every held session, person by person.
        expect(sum(people.map((person) => person.present))).toBe(sum(minutes.map((m) => m.attendance.present)))
        expect(stats.participation.present).toBe(sum(minutes.map((m) => m.attendance.present)))
        expect(sum(people.map((person) => person.invited))).toBe(sum(minutes.map((m) => m.attendance.expected)))
        expect(sum(people.map((person) => person.absent))).toBe(sum(minutes.map((m) => m.attendance.absent)))
        expect(sum(people.map((person) => person.walkIns))).toBe(sum(minutes.map((m) => m.attendance.walkIns)))
        // Spoken turns: by person, by village, and as each 会议纪要 counts them.
        const turns = sum(minutes.map((m) => m.statistics.turns))
        expect(sum(people.map((person) => person.turnsSpoken))).toBe(turns)
        expect(sum(villages.map((village) => village.turns))).toBe(turns)
        expect(stats.participation.turnsSpoken).toBe(turns)
        if (turns > 0) expect(sum(villages.map((village) => village.share))).toBeCloseTo(1, 9)
        expect(sum(people.map((person) => person.remarks))).toBe(sum(remarks.map((list) => list.length)))
        // Volunteer hours, person by person, as each 志愿服务活动记录 states them.
        const recorded = new Map<string, { sessions: number; hours: number }>()
        for (const volunteer of minutes.flatMap((m) => m.volunteers)) {
          const entry = recorded.get(volunteer.personId) ?? { sessions: 0, hours: 0 }
          recorded.set(volunteer.personId, { sessions: entry.sessions + 1, hours: entry.hours + volunteer.hours })
        }
        expect(new Map(stats.volunteers.map((v) => [v.personId, { sessions: v.sessions, hours: v.hours }]))).toEqual(recorded)
        // A village chosen as the filter has exactly the turns it has in the whole.
        for (const village of villages) {
          const filtered = await town.statistics({ from: '2026-01-01', to: '2026-12-31', villages: [village.village] })
          expect(filtered.participation.turnsSpoken).toBe(village.turns)
          expect(filtered.participation.uniquePeople).toBe(village.people)
        }
      }),
      { numRuns: 20 }
    )
  }, 60_000)
})
