import { afterEach, describe, expect, it } from 'vitest'
import { SEAT_LAYOUTS } from '../../../src/shared/domain'
import { errorOf, issuesOf, runCleanups, testCore, valueOf } from '../../helpers'
import { china, createPeople, createSession, getSession } from './fixtures'

afterEach(runCleanups)

const START = china('2025-08-28 14:30')

async function plan(core: ReturnType<typeof testCore>) {
  const people = await createPeople(core, ['任肖彤', '温乐义', '翟自恩', '张秀兰'])
  return {
    title: '思想圆桌派',
    plannedStart: START,
    plannedEnd: START + 2 * 3_600_000,
    invitees: people.map((personId, index) => ({ personId, seatNumber: index + 1 }))
  }
}

describe('座位布局 (seat layout) of a session', () => {
  it('is a round table unless the plan says otherwise', async () => {
    const core = testCore()
    const session = await createSession(core, await plan(core))
    expect(session.seatLayout).toBe('round')
  })

  it.each(SEAT_LAYOUTS)('%s is kept by create, update and duplicate', async (seatLayout) => {
    const core = testCore({ now: () => china('2025-08-20 10:00') })
    const base = await plan(core)
    const created = await createSession(core, { ...base, seatLayout })
    expect(created.seatLayout).toBe(seatLayout)
    expect((await getSession(core, created.id)).seatLayout).toBe(seatLayout)

    const other = SEAT_LAYOUTS.find((layout) => layout !== seatLayout)!
    const updated = valueOf(await core.invoke('sessions:update', { id: created.id, ...base, seatLayout: other }))
    expect(updated.seatLayout).toBe(other)
    // The seats are the same people in the same order whatever the shape.
    expect(updated.invitees.map((invitee) => invitee.seatNumber)).toEqual(created.invitees.map((invitee) => invitee.seatNumber))

    const copy = valueOf(await core.invoke('sessions:duplicate', { id: created.id }))
    expect(copy.seatLayout).toBe(other)
  })

  it('refuses a layout it does not know, at the field', async () => {
    const core = testCore()
    const base = await plan(core)
    const error = errorOf(await core.invoke('sessions:create', { ...base, seatLayout: 'oval' as never }))
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error).map((issue) => issue.path.join('.'))).toContain('seatLayout')
  })
})
