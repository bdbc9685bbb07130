import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attendanceGroups, markOf, roundToHalfHour, servedPeople, serviceHours, tallyAttendance, volunteersOf } from '../../../src/shared/attendance'
import { ATTENDANCE_ROLES } from '../../../src/shared/domain'
import { attendanceEntry } from '../../fixtures/attendance-entry'

const MINUTE = 60_000
const START = Date.parse('2025-08-21T14:30:00+08:00')

const entry = attendanceEntry

const anyEntry = fc.record({
  personId: fc.uuid(),
  role: fc.constantFrom(...ATTENDANCE_ROLES),
  invited: fc.boolean(),
  checkedIn: fc.boolean(),
  absent: fc.boolean()
}).map(({ personId, role, invited, checkedIn, absent }) =>
  // A walk-in is checked in when added, and cannot be marked absent (core refuses it).
  entry({ personId, role, invited, checkedInAt: checkedIn || !invited ? START : null, absent: invited && absent })
)

describe('attendance (DESIGN §9)', () => {
  it('marks each person present, absent or 未签到', () => {
    expect(markOf(entry({ checkedInAt: START }))).toBe('present')
    expect(markOf(entry({ checkedInAt: START, absent: true }))).toBe('absent')
    expect(markOf(entry({}))).toBe('unmarked')
  })

  it('the example the issue gives: 12 invited, 2 absent, one walk-in → 11 present', () => {
    const people = [
      ...Array.from({ length: 10 }, (_, i) => entry({ personId: `in${i}`, checkedInAt: START })),
      entry({ personId: 'away1', absent: true, absentReason: '外出务工' }),
      entry({ personId: 'away2', absent: true }),
      entry({ personId: 'walk', invited: false, checkedInAt: START })
    ]
    expect(tallyAttendance(people)).toEqual({ expected: 12, present: 11, absent: 2, unmarked: 0, walkIns: 1 })
  })

  it('property: expected − absent − unmarked + walkIns = present, and the groups hold each person once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyEntry, { selector: (e) => e.personId, maxLength: 40 }), (people) => {
        const tally = tallyAttendance(people)
        expect(tally.expected - tally.absent - tally.unmarked + tally.walkIns).toBe(tally.present)
        const groups = attendanceGroups(people)
        const listed = [...groups.present, ...groups.walkIns, ...groups.absent, ...groups.unmarked].map((e) => e.personId)
        expect(listed.sort()).toEqual(people.map((e) => e.personId).sort())
        expect(groups.present.length + groups.walkIns.length).toBe(tally.present)
        expect([groups.absent.length, groups.unmarked.length, groups.walkIns.length]).toEqual([tally.absent, tally.unmarked, tally.walkIns])
        // Volunteers and the people served are disjoint, and together are everyone present.
        const volunteers = new Set(volunteersOf(people).map((e) => e.personId))
        const served = servedPeople(people).map((e) => e.personId)
        expect(served.some((id) => volunteers.has(id))).toBe(false)
        expect(volunteers.size + served.length).toBe(tally.present)
      })
    )
  })
})

describe('a volunteer’s service hours', () => {
  it('run from their check-in (else the start) to the end, to the nearest half hour', () => {
    const end = START + 85 * MINUTE
    expect(serviceHours(null, START, end)).toBe(1.5) // 85 minutes
    expect(serviceHours(START + 40 * MINUTE, START, end)).toBe(1) // 45 minutes: ¾ hour rounds up to 1
    expect(serviceHours(START + 70 * MINUTE, START, end)).toBe(0.5) // 15 minutes: at least half an hour
    expect(serviceHours(START + 20 * MINUTE, START, end)).toBe(1) // 65 minutes
    expect(serviceHours(START - 20 * MINUTE, START, end)).toBe(2) // checked in 20 minutes early: 105 minutes
  })

  it('count a check-in made the day before from an hour before the start, and never past the end', () => {
    const end = START + 2 * 60 * MINUTE
    expect(serviceHours(START - 24 * 60 * MINUTE, START, end)).toBe(3)
    expect(serviceHours(end + 60 * MINUTE, START, end)).toBe(0.5)
  })

  it('property: always a positive multiple of half an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 * MINUTE }), (ms) => {
        const hours = roundToHalfHour(ms)
        expect(hours).toBeGreaterThanOrEqual(0.5)
        expect(Number.isInteger(hours * 2)).toBe(true)
        expect(Math.abs(hours - ms / (60 * MINUTE))).toBeLessThanOrEqual(Math.max(0.25, 0.5 - ms / (60 * MINUTE)) + 1e-9)
      })
    )
  })
})
