import { afterEach, describe, expect, it } from 'vitest'
import { HOUR, issuesOf, refusedWithoutTrace, runCleanups, T0, writesNothing } from '../../helpers'
import { Laptop } from './pack-rig'

/**
 * A person in both archives under different ids (each laptop typed them in) is offered for linking — same
 * name and place, or same phone — and never merged silently; with a link, the pack's records point at the
 * person here, and the next pack from there is linked the same way without asking.
 */

afterEach(runCleanups)

describe('people in both archives under different ids', () => {
  it('are offered for linking; a link points the pack’s records at the person here, and an unlinked one stays apart', async () => {
    const village = new Laptop('温集新村笔记本', T0)
    const held = await village.holdSession('温集新村圆桌派', T0 + HOUR, [
      { name: '温乐义', village: '温集新村' },
      { name: '翟自恩', organisation: '鲁西化工', phone: '139 0000 0002' },
      { name: '李芳', village: '温集新村' }
    ])
    const [wenLeyiThere, zhaiThere, liFangThere] = held.people as [string, string, string]

    const town = new Laptop('郑家镇文明实践所', T0 + 2 * HOUR)
    const wenLeyiHere = await town.person({ name: '温乐义', village: '温集新村' })
    // The same phone under another name: offered too (the user decides).
    const zhaiHere = await town.person({ name: '翟自强', organisation: '鲁西化工', phone: '13900000002' })
    // A namesake of another village, no phone: another person, not offered.
    await town.person({ name: '李芳', village: '郑家村' })

    const pack = await village.exportPack({ sessionIds: [held.id] })
    const preview = await town.call('packs:preview', { file: pack.file })
    expect(preview.links).toEqual([
      {
        incoming: { id: wenLeyiThere, name: '温乐义', village: '温集新村', organisation: '', phone: null },
        candidates: [{ id: wenLeyiHere, name: '温乐义', village: '温集新村', organisation: '', phone: null, reason: 'name_and_place' }]
      },
      {
        incoming: { id: zhaiThere, name: '翟自恩', village: '', organisation: '鲁西化工', phone: '139 0000 0002' },
        candidates: [{ id: zhaiHere, name: '翟自强', village: '', organisation: '鲁西化工', phone: '13900000002', reason: 'phone' }]
      }
    ])
    // Without a link everyone of the pack would be added.
    expect(preview.counts.people).toEqual({ added: 3, updated: 0, keptHere: 0, unchanged: 0 })

    const imported = await town.call('packs:import', { file: pack.file, links: [{ incomingPersonId: wenLeyiThere, existingPersonId: wenLeyiHere }] })
    expect(imported.linked).toBe(1)
    expect(imported.counts.people).toEqual({ added: 2, updated: 0, keptHere: 0, unchanged: 0 })
    const people = await town.call('people:list', {})
    expect(people.filter((person) => person.name === '温乐义').map((person) => person.id)).toEqual([wenLeyiHere])
    expect(people.map((person) => person.id)).toEqual(expect.arrayContaining([zhaiThere, zhaiHere, liFangThere]))
    expect(people.some((person) => person.id === wenLeyiThere)).toBe(false)

    // Everything 温乐义 did in the session is his here: the list, the speaking log, his remark, the decision he owns.
    const session = await town.call('sessions:get', { id: held.id })
    expect(session.attendance.map((entry) => entry.personId)).toEqual([wenLeyiHere, zhaiThere, liFangThere])
    const live = await town.call('live:get', { sessionId: held.id })
    expect(live.state.turns.map((turn) => turn.personId)).toEqual([wenLeyiHere, zhaiThere, liFangThere])
    const villageState = (await village.call('live:get', { sessionId: held.id })).state
    expect(JSON.stringify(live.state)).toBe(JSON.stringify(villageState).replaceAll(wenLeyiThere, wenLeyiHere))
    expect((await town.call('remarks:list', { sessionId: held.id })).map((remark) => remark.speakerId)).toEqual([wenLeyiHere, zhaiThere, liFangThere])
    expect((await town.call('decisions:list', { sessionId: held.id }))[0]!.ownerId).toBe(wenLeyiHere)
    expect((await town.call('people:get', { id: wenLeyiHere })).hasHistory).toBe(true)

    // The same pack again, with no links given: the link made before applies, and nothing changes.
    const again = await town.call('packs:preview', { file: pack.file })
    expect(again.links).toEqual([])
    expect(again.sessions.map((entry) => entry.change)).toEqual(['unchanged'])
    await writesNothing(town.file, () => town.core.invoke('packs:import', { file: pack.file }))
  })

  it('a link that would put one person twice on a list is refused, and nothing is written', async () => {
    const town = new Laptop('郑家镇文明实践所', T0)
    const townSession = await town.holdSession('镇机关圆桌派', T0 + HOUR, [{ name: '温乐义', village: '温集新村' }])
    const wenLeyiTown = townSession.people[0]!
    // The village takes the town's pack without linking: its own 温乐义 and the town's are two people there.
    const village = new Laptop('温集新村笔记本', T0 + 2 * HOUR)
    const wenLeyiVillage = await village.person({ name: '温乐义', village: '温集新村' })
    await village.call('packs:import', { file: (await town.exportPack({ sessionIds: [townSession.id] })).file })
    const both = await village.holdSession('温集新村圆桌派', T0 + 3 * HOUR, [], [wenLeyiVillage, wenLeyiTown])
    const pack = await village.exportPack({ sessionIds: [both.id] })

    const preview = await town.call('packs:preview', { file: pack.file })
    expect(preview.links.map((offer) => [offer.incoming.id, offer.candidates.map((candidate) => candidate.id)])).toEqual([[wenLeyiVillage, [wenLeyiTown]]])
    const error = await refusedWithoutTrace(town.core, 'packs:import', { file: pack.file, links: [{ incomingPersonId: wenLeyiVillage, existingPersonId: wenLeyiTown }] })
    expect(issuesOf(error)).toEqual([{ path: ['file'], code: 'pack_link_invalid' }])
    // Without the link it merges: two people of that name, as on the village's laptop.
    expect((await town.call('packs:import', { file: pack.file })).counts.attendance.added).toBe(2)
  })
})
