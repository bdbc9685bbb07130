import { readFileSync } from 'node:fs'
import { unzipSync, strFromU8 } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { DAY, recordEvents, runCleanups, T0, tempDir, writesNothing } from '../../helpers'
import { Laptop, mergedRows, MINUTE } from './pack-rig'
import { LATEST_SCHEMA_VERSION } from '../../../src/core/store/migrations'

/**
 * 归档包 between two real archives (two cores on two SQLite files): a village laptop and the town office
 * exchange packs both ways and both end with the union; importing a pack again changes nothing; "since the
 * last pack" takes only what changed since the last pack to that folder.
 */

afterEach(runCleanups)

const VILLAGE = '温集新村笔记本'
const TOWN = '郑家镇文明实践所'

async function twoLaptops() {
  const village = new Laptop(VILLAGE, T0)
  const town = new Laptop(TOWN, T0 + 3 * DAY)
  const held = await village.holdSession('温集新村圆桌派', T0 + HOUR_MS, [{ name: '温乐义', village: '温集新村' }, { name: '张秀兰', village: '温集新村' }, { name: '翟自恩', organisation: '鲁西化工' }])
  const own = await town.holdSession('镇机关圆桌派', T0 + 3 * DAY + HOUR_MS, [{ name: '任肖彤', organisation: '郑家镇党委' }, { name: '王晓雪', organisation: '郑家镇党委' }])
  return { village, town, held, own }
}
const HOUR_MS = 60 * MINUTE

describe('exchanging packs', () => {
  it('writes a zip of a manifest (laptop, schema, counts, checksums) and an archive database', async () => {
    const { village, held } = await twoLaptops()
    const exported = await village.exportPack({ sessionIds: [held.id] })
    expect(exported).toMatchObject({ sourceLaptop: VILLAGE, since: null })
    expect(exported.counts).toEqual({
      people: 3,
      themes: 1,
      sessions: 1,
      agenda_segments: 1,
      attendance: 3,
      speaking_events: 6,
      turns: 3,
      remarks: 3,
      decisions: 1,
      session_photos: 1
    })
    const entries = unzipSync(readFileSync(exported.file))
    expect(Object.keys(entries).sort()).toEqual(['archive.sqlite', 'manifest.json'])
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>
    expect(manifest).toMatchObject({ format: 'roundtable-pack', sourceLaptop: VILLAGE, schemaVersion: LATEST_SCHEMA_VERSION, createdAt: village.clock.now })
    expect(manifest.parts).toEqual({ 'archive.sqlite': { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: entries['archive.sqlite']!.length } })
    expect(Buffer.from(entries['archive.sqlite']!).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
  })

  it('both ways: after each merge both archives hold the union, and each session says where it was recorded', async () => {
    const { village, town, held, own } = await twoLaptops()
    const villageBefore = mergedRows(village.file)

    // The village's pack to the town office: everything in it is new there.
    const toTown = await village.exportPack({ sessionIds: [held.id] })
    const preview = await town.call('packs:preview', { file: toTown.file })
    expect(preview).toMatchObject({ sourceLaptop: VILLAGE, schemaVersion: LATEST_SCHEMA_VERSION, migrated: false, conflicts: [], links: [] })
    expect(preview.sessions).toEqual([{ id: held.id, title: '温集新村圆桌派', plannedStart: T0 + HOUR_MS, change: 'new' }])
    expect(preview.counts.remarks).toEqual({ added: 3, updated: 0, keptHere: 0, unchanged: 0 })
    const events = recordEvents(town.core)
    const imported = await town.call('packs:import', { file: toTown.file })
    expect(imported).toMatchObject({ sourceLaptop: VILLAGE, history: 0, linked: 0, counts: preview.counts, conflicts: [] })
    expect(events.map((event) => event.name)).toEqual(expect.arrayContaining(['people:changed', 'themes:changed', 'sessions:changed', 'decisions:changed']))

    // The town holds its own session and the village's, row for row.
    const townRows = mergedRows(town.file)
    for (const [table, rows] of Object.entries(villageBefore)) expect(townRows[table], table).toEqual(expect.arrayContaining(rows))
    expect((await town.call('sessions:get', { id: held.id })).sourceLaptop).toBe(VILLAGE)
    expect((await town.call('sessions:get', { id: own.id })).sourceLaptop).toBeNull()
    // What the town reads of the session is what the village recorded: the minutes, the speaking log.
    expect(await town.call('minutes:get', { sessionId: held.id })).toEqual(await village.call('minutes:get', { sessionId: held.id }))
    expect((await town.call('live:get', { sessionId: held.id })).state).toEqual((await village.call('live:get', { sessionId: held.id })).state)

    // Everything the town holds goes back: both archives are now the same union.
    const toVillage = await town.exportPack({ sinceLast: true })
    expect(toVillage.counts.sessions).toBe(2)
    const back = await village.call('packs:import', { file: toVillage.file })
    expect(back.counts.sessions).toEqual({ added: 1, updated: 0, keptHere: 0, unchanged: 1 })
    expect(mergedRows(village.file)).toEqual(mergedRows(town.file))
    // Provenance stays with the laptop that recorded the session.
    expect((await village.call('sessions:get', { id: held.id })).sourceLaptop).toBeNull()
    expect((await village.call('sessions:get', { id: own.id })).sourceLaptop).toBe(TOWN)
    expect((await village.call('sessions:list', { when: 'all' })).map((session) => session.id).sort()).toEqual([held.id, own.id].sort())
    // Search finds what came in a pack (the FTS index follows the merged remarks).
    const hits = await village.call('search:query', { text: '镇机关圆桌派' })
    expect(hits.some((hit) => hit.kind === 'remark' && hit.sessionId === own.id)).toBe(true)
  })

  it('importing the same pack twice: the second time nothing changes, and the preview says so', async () => {
    const { village, town, held } = await twoLaptops()
    const pack = await village.exportPack({ sessionIds: [held.id] })
    await town.call('packs:import', { file: pack.file })
    const again = await town.call('packs:preview', { file: pack.file })
    expect(again.sessions.map((session) => session.change)).toEqual(['unchanged'])
    expect(again.conflicts).toEqual([])
    for (const [kind, counts] of Object.entries(again.counts)) expect(counts, kind).toMatchObject({ added: 0, updated: 0, keptHere: 0 })
    const events = recordEvents(town.core)
    const second = await writesNothing(town.file, () => town.core.invoke('packs:import', { file: pack.file }))
    expect(second).toMatchObject({ ok: true, value: { history: 0 } })
    expect(events).toEqual([])
    // A pack of the village's own records changes nothing in the village either.
    await writesNothing(village.file, () => village.core.invoke('packs:import', { file: pack.file }))
  })

  it('since the last pack to the same folder: only the sessions with anything recorded since, and never the demo', async () => {
    const village = new Laptop(VILLAGE, T0, { seedDemo: true })
    expect((await village.call('sessions:list', { when: 'all' })).map((session) => session.title)).toEqual([expect.stringContaining('示例场次')])
    const first = await village.holdSession('第一场', T0, [{ name: '温乐义', village: '温集新村' }])
    const stick = tempDir('roundtable-usb-')
    const firstPackAt = village.clock.now
    const everything = await village.exportPack({ sinceLast: true }, stick)
    expect(everything).toMatchObject({ since: null, counts: { sessions: 1, people: 1 } })

    village.wait(DAY)
    const secondPackAt = village.clock.now
    const nothingNew = await village.exportPack({ sinceLast: true }, stick)
    expect(nothingNew).toMatchObject({ since: firstPackAt, counts: { sessions: 0, people: 0, remarks: 0 } })

    village.wait(DAY)
    const second = await village.holdSession('第二场', village.clock.now, [{ name: '张秀兰', village: '温集新村' }])
    village.wait(DAY)
    // A remark added to the first session afterwards brings it along too.
    await village.call('remarks:create', { sessionId: first.id, speakerId: first.people[0]!, text: '补记：会后补充的发言' })
    const since = await village.exportPack({ sinceLast: true }, stick)
    expect(since.since).toBe(secondPackAt)
    const town = new Laptop(TOWN, village.clock.now)
    const preview = await town.call('packs:preview', { file: since.file })
    expect(preview.sessions.map((session) => session.title).sort()).toEqual(['第一场', '第二场'].sort())
    expect(since.counts.remarks).toBe(3)
    // Another folder has had no pack yet: everything goes there.
    const elsewhere = await village.exportPack({ sinceLast: true })
    expect(elsewhere).toMatchObject({ since: null, counts: { sessions: 2 } })
    expect(second.id).not.toBe(first.id)
  })
})
