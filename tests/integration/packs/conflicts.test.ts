import { afterEach, describe, expect, it } from 'vitest'
import { DAY, HOUR, runCleanups, T0, writesNothing } from '../../helpers'
import { historyRows, Laptop, mergedRows, MINUTE } from './pack-rig'

/**
 * A record edited on both laptops: the newer version is kept, the older one goes to the history
 * (merge_history) and the preview shows both; exchanging packs both ways makes both archives agree.
 * A session's check-ins and speaking log are kept whole from the side that saw the latest activity.
 */

afterEach(runCleanups)

const VILLAGE = '温集新村笔记本'
const TOWN = '郑家镇文明实践所'

async function sharedSession() {
  const village = new Laptop(VILLAGE, T0)
  const held = await village.holdSession('温集新村圆桌派', T0 + HOUR, [{ name: '温乐义', village: '温集新村', phone: '13800000001' }, { name: '张秀兰', village: '温集新村' }])
  const town = new Laptop(TOWN, T0 + DAY)
  await town.call('packs:import', { file: (await village.exportPack({ sessionIds: [held.id] })).file })
  return { village, town, held }
}

const personFields = { gender: null, organisation: '', village: '温集新村', categories: [], note: '' }

describe('a record edited on both sides', () => {
  it('keeps the newer version, sets the older aside in the history, and the preview shows which is kept', async () => {
    const { village, town, held } = await sharedSession()
    const wenLeyi = held.people[0]!
    // The village corrects his phone first; the town writes a note on him later: the town's is newer.
    village.clock.now = T0 + 2 * DAY
    await village.call('people:update', { id: wenLeyi, name: '温乐义', ...personFields, phone: '13800000009' })
    town.clock.now = T0 + 2 * DAY + HOUR
    await town.call('people:update', { id: wenLeyi, name: '温乐义', ...personFields, phone: '13800000001', note: '镇里备注：合作社带头人' })
    // The town edits the decision first; the village edits it later: the village's is newer.
    town.clock.now = T0 + 3 * DAY
    await town.call('decisions:update', { id: held.decisionId, text: '合作社试点（镇里改）' })
    village.clock.now = T0 + 3 * DAY + HOUR
    await village.call('decisions:update', { id: held.decisionId, text: '合作社试点（村里改，加上时限）' })

    village.wait(MINUTE)
    const pack = await village.exportPack({ sessionIds: [held.id] })
    const preview = await town.call('packs:preview', { file: pack.file })
    expect(preview.conflicts).toEqual([
      {
        kind: 'people',
        recordId: wenLeyi,
        kept: 'archive',
        pack: { updatedAt: T0 + 2 * DAY, label: '温乐义' },
        archive: { updatedAt: T0 + 2 * DAY + HOUR, label: '温乐义' }
      },
      {
        kind: 'decisions',
        recordId: held.decisionId,
        kept: 'pack',
        pack: { updatedAt: T0 + 3 * DAY + HOUR, label: '合作社试点（村里改，加上时限）' },
        archive: { updatedAt: T0 + 3 * DAY, label: '合作社试点（镇里改）' }
      }
    ])
    expect(preview.counts.people).toEqual({ added: 0, updated: 0, keptHere: 1, unchanged: 1 })
    expect(preview.counts.decisions).toEqual({ added: 0, updated: 1, keptHere: 0, unchanged: 0 })
    expect(preview.sessions).toEqual([expect.objectContaining({ id: held.id, change: 'updated' })])
    expect(historyRows(town.file)).toEqual([])

    town.clock.now = T0 + 4 * DAY
    const imported = await town.call('packs:import', { file: pack.file })
    expect(imported).toMatchObject({ history: 2, conflicts: preview.conflicts })
    expect(await town.call('people:get', { id: wenLeyi })).toMatchObject({ phone: '13800000001', note: '镇里备注：合作社带头人' })
    expect((await town.call('decisions:list', { sessionId: held.id })).map((decision) => decision.text)).toEqual(['合作社试点（村里改，加上时限）'])
    // The older version of each, whole, with the side that was kept and the laptop the pack came from.
    expect(historyRows(town.file)).toEqual([
      {
        table_name: 'people',
        record_id: wenLeyi,
        kept_from: 'archive',
        source_laptop: VILLAGE,
        payload: expect.objectContaining({ id: wenLeyi, phone: '13800000009', note: '', updated_at: T0 + 2 * DAY, labels: [] })
      },
      {
        table_name: 'decisions',
        record_id: held.decisionId,
        kept_from: 'pack',
        source_laptop: VILLAGE,
        payload: expect.objectContaining({ id: held.decisionId, text: '合作社试点（镇里改）', updated_at: T0 + 3 * DAY })
      }
    ])

    // Again: the older versions are in the history already, and nothing else changes.
    await writesNothing(town.file, () => town.core.invoke('packs:import', { file: pack.file }))

    // The town's pack back to the village: both archives now hold the same versions.
    const back = await town.exportPack({ sessionIds: [held.id] })
    const returned = await village.call('packs:import', { file: back.file })
    expect(returned.counts.people).toMatchObject({ updated: 1 })
    expect(mergedRows(village.file)).toEqual(mergedRows(town.file))
    expect(historyRows(village.file).map(({ table_name, kept_from, payload }) => ({ table_name, kept_from, phone: payload.phone }))).toEqual([
      { table_name: 'people', kept_from: 'pack', phone: '13800000009' }
    ])
  })

  it('a tie in time goes to the same version on both laptops, so they agree after exchanging both ways', async () => {
    const { village, town, held } = await sharedSession()
    village.clock.now = T0 + 5 * DAY
    town.clock.now = T0 + 5 * DAY
    await village.call('decisions:update', { id: held.decisionId, text: '甲：村里的写法' })
    await town.call('decisions:update', { id: held.decisionId, text: '乙：镇里的写法' })
    await town.call('packs:import', { file: (await village.exportPack({ sessionIds: [held.id] })).file })
    await village.call('packs:import', { file: (await town.exportPack({ sessionIds: [held.id] })).file })
    const texts = async (laptop: Laptop) => (await laptop.call('decisions:list', { sessionId: held.id })).map((decision) => decision.text)
    expect(await texts(village)).toEqual(await texts(town))
    expect(mergedRows(village.file)).toEqual(mergedRows(town.file))
  })
})

describe("a session's check-ins and speaking log", () => {
  it('are kept whole from the side where the session saw the latest activity, the other side’s in the history', async () => {
    const village = new Laptop(VILLAGE, T0)
    const planned = await village.call('sessions:create', { title: '计划中的圆桌派', plannedStart: T0 + 2 * DAY, plannedEnd: T0 + 2 * DAY + 2 * HOUR })
    const people = [await village.person({ name: '温乐义', village: '温集新村' }), await village.person({ name: '张秀兰', village: '温集新村' })]
    await village.call('sessions:update', {
      id: planned.id,
      title: planned.title,
      plannedStart: planned.plannedStart,
      plannedEnd: planned.plannedEnd,
      invitees: people.map((personId, index) => ({ personId, role: 'participant' as const, seatNumber: index + 1 }))
    })
    const town = new Laptop(TOWN, T0 + HOUR)
    await town.call('packs:import', { file: (await village.exportPack({ sessionIds: [planned.id] })).file })
    // The town starts the session and checks 温乐义 in; later the village runs it for real with both present.
    town.clock.now = T0 + 2 * DAY
    await town.call('sessions:start', { id: planned.id })
    await town.call('live:checkIn', { sessionId: planned.id, personId: people[0]!, present: true })
    village.clock.now = T0 + 2 * DAY + 10 * MINUTE
    await village.call('sessions:start', { id: planned.id })
    await village.call('live:checkInEveryone', { sessionId: planned.id })

    const preview = await town.call('packs:preview', { file: (await village.exportPack({ sessionIds: [planned.id] })).file })
    expect(preview.conflicts).toContainEqual({
      kind: 'session_parts',
      recordId: planned.id,
      kept: 'pack',
      pack: { updatedAt: T0 + 2 * DAY + 10 * MINUTE, label: '计划中的圆桌派' },
      archive: { updatedAt: T0 + 2 * DAY, label: '计划中的圆桌派' }
    })
    const pack = await village.exportPack({ sessionIds: [planned.id] })
    await town.call('packs:import', { file: pack.file })
    const attendance = (await town.call('sessions:get', { id: planned.id })).attendance
    expect(attendance.map((entry) => entry.checkedInAt)).toEqual([T0 + 2 * DAY + 10 * MINUTE, T0 + 2 * DAY + 10 * MINUTE])
    expect((await town.call('live:get', { sessionId: planned.id })).state).toEqual((await village.call('live:get', { sessionId: planned.id })).state)
    // The town's own check-in of 温乐义 is in the history.
    expect(historyRows(town.file)).toContainEqual(
      expect.objectContaining({ table_name: 'attendance', kept_from: 'pack', payload: expect.objectContaining({ person_id: people[0], checked_in_at: T0 + 2 * DAY }) })
    )
    await writesNothing(town.file, () => town.core.invoke('packs:import', { file: pack.file }))
  })
})
