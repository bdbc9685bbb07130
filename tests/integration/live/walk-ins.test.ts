import { afterEach, describe, expect, it } from 'vitest'
import { tallyAttendance } from '../../../src/shared/attendance'
import { errorOf, runCleanups, valueOf } from '../../helpers'
import { LiveRig } from './rig'

afterEach(runCleanups)

const seats = (names: string[]) => names.map((name, i) => ({ name, seatNumber: i + 1 }))

describe('several walk-ins chosen together from the directory (live:addWalkIns)', () => {
  it('seats them all at the next free seats, in the order chosen, checked in, as 列席; one change event', async () => {
    const rig = await LiveRig.open({ participants: [{ name: '温乐义', seatNumber: 1 }, { name: '翟自恩', seatNumber: 3 }], walkIns: ['高明', '孙丽', '周强'], start: false })
    const view = valueOf(await rig.core.invoke('live:addWalkIns', { sessionId: rig.sessionId, personIds: rig.walkIns }))
    const added = rig.walkIns.map((id) => view.attendance.find((entry) => entry.personId === id))
    expect(added.map((entry) => [entry?.name, entry?.seatNumber, entry?.invited, entry?.checkedInAt !== null, entry?.role])).toEqual([
      ['高明', 2, false, true, 'participant'],
      ['孙丽', 4, false, true, 'participant'],
      ['周强', 5, false, true, 'participant']
    ])
    expect(tallyAttendance(view.attendance)).toMatchObject({ present: 3, walkIns: 3 })
    expect(rig.changes.filter((event) => event.name === 'session:changed')).toHaveLength(1)

    // What was committed to the file, as a restart reads it.
    rig.restart()
    const again = await rig.view()
    expect(again.attendance.filter((entry) => !entry.invited).map((entry) => entry.name)).toEqual(['高明', '孙丽', '周强'])
  })

  it('adds nobody when one of them cannot be added (already on the list): the whole choice is refused, the rows unchanged', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义']), walkIns: ['高明', '孙丽'] })
    const before = rig.snapshot()
    const refused = errorOf(await rig.core.invoke('live:addWalkIns', { sessionId: rig.sessionId, personIds: [rig.walkIns[0]!, rig.participants[0]!, rig.walkIns[1]!] }))
    expect(refused.code).toBe('invalid_input')
    expect(refused.issues?.[0]).toMatchObject({ path: ['personIds', 1], code: 'duplicate_person' })
    expect(rig.snapshot()).toEqual(before)
  })

  it('refuses an archived person, an empty or repeated choice, and an ended session', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义']), walkIns: ['高明', '孙丽'] })
    valueOf(await rig.core.invoke('people:archive', { id: rig.walkIns[1]!, archived: true }))
    const archived = errorOf(await rig.core.invoke('live:addWalkIns', { sessionId: rig.sessionId, personIds: rig.walkIns }))
    expect(archived.issues?.[0]).toMatchObject({ path: ['personIds', 1], code: 'person_archived' })
    expect(errorOf(await rig.core.invoke('live:addWalkIns', { sessionId: rig.sessionId, personIds: [] })).code).toBe('invalid_input')
    expect(errorOf(await rig.core.invoke('live:addWalkIns', { sessionId: rig.sessionId, personIds: [rig.walkIns[0]!, rig.walkIns[0]!] })).code).toBe('invalid_input')
    valueOf(await rig.end())
    expect(errorOf(await rig.core.invoke('live:addWalkIns', { sessionId: rig.sessionId, personIds: [rig.walkIns[0]!] })).code).toBe('conflict')
  })
})
