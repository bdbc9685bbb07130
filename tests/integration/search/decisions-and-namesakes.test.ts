import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { InputOf } from '../../../src/shared/contract'
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../../../src/shared/domain'
import { DAY, HOUR, runCleanups, T0, testCore, valueOf } from '../../helpers'

/**
 * 搜索 over 议定事项 (by their text, at any length, and by their owner, from the directory or typed) and the
 * names in the results: two different people of one name among them carry their place (DESIGN §9).
 * Everything goes through core's channels on a real SQLite file.
 */

afterEach(runCleanups)

const mark = (text: string): string => `${HIGHLIGHT_START}${text}${HIGHLIGHT_END}`

/** A core whose clock moves a second on every reading, so what is written later is newer. */
function openCore(): Core {
  let now = T0
  return testCore({ now: () => (now += 1000) })
}

async function person(core: Core, name: string, village = '', organisation = ''): Promise<string> {
  return valueOf(await core.invoke('people:create', { name, village, organisation })).id
}

/** A session that has run (decisions and remarks are written once it is live), with these people seated. */
async function heldSession(core: Core, title: string, people: string[], plannedStart = T0): Promise<string> {
  const { id } = valueOf(
    await core.invoke('sessions:create', {
      title,
      plannedStart,
      plannedEnd: plannedStart + 2 * HOUR,
      invitees: people.map((personId, i) => ({ personId, role: 'participant' as const, seatNumber: i + 1 }))
    })
  )
  valueOf(await core.invoke('sessions:start', { id }))
  return id
}

async function decide(core: Core, input: InputOf<'decisions:create'>): Promise<string> {
  return valueOf(await core.invoke('decisions:create', input)).id
}

async function search(core: Core, query: InputOf<'search:query'>): Promise<SearchHit[]> {
  return valueOf(await core.invoke('search:query', query))
}

const decisionHits = async (core: Core, query: InputOf<'search:query'>): Promise<SearchHit[]> =>
  (await search(core, query)).filter((hit) => hit.kind === 'decision')

describe('议定事项 in 搜索', () => {
  it('finds decisions by their text, with 1–2 characters as with 3+, and marks the match', async () => {
    const core = openCore()
    const wen = await person(core, '温乐义', '温集新村')
    const sessionId = await heldSession(core, '思想圆桌派', [wen])
    const lamps = await decide(core, { sessionId, text: '修好村口的路灯，月底前全部亮起来', ownerId: wen, dueDate: '2025-09-01' })
    const road = await decide(core, { sessionId, text: '硬化通往光伏电站的道路' })

    for (const query of ['路', '路灯', '村口的路灯']) {
      const hits = await decisionHits(core, { text: query })
      expect(hits.map((hit) => hit.id), query).toEqual(query === '路' ? [lamps, road] : [lamps])
      expect(hits[0]!.snippet).toContain(mark(query))
    }
    expect(await decisionHits(core, { text: '光伏电站' })).toMatchObject([{ id: road, title: '', sessionId }])
    // The hit names the owner, carries the due date (midnight, China time) and the session to open.
    expect(await decisionHits(core, { text: '路灯' })).toEqual([
      {
        kind: 'decision',
        id: lamps,
        title: '温乐义',
        snippet: `修好村口的${mark('路灯')}，月底前全部亮起来`,
        sessionId,
        at: Date.UTC(2025, 7, 31, 16)
      }
    ])
    expect(await decisionHits(core, { text: '自来水' })).toEqual([])
  })

  it('takes %, _ and \\ in a query literally', async () => {
    const core = openCore()
    const sessionId = await heldSession(core, '思想圆桌派', [])
    const full = await decide(core, { sessionId, text: '路灯亮灯率达到100%' })
    await decide(core, { sessionId, text: '路灯亮灯率达到1000盏' })
    const underscore = await decide(core, { sessionId, text: '文件名写作a_b' })
    expect((await decisionHits(core, { text: '0%' })).map((hit) => hit.id)).toEqual([full])
    expect((await decisionHits(core, { text: '_' })).map((hit) => hit.id)).toEqual([underscore])
    expect(await decisionHits(core, { text: '\\' })).toEqual([])
  })

  it('finds decisions by their owner: from the directory, or typed for someone outside it', async () => {
    const core = openCore()
    const wen = await person(core, '温乐义', '温集新村')
    const sessionId = await heldSession(core, '思想圆桌派', [wen])
    const owned = await decide(core, { sessionId, text: '修好村口的路灯', ownerId: wen })
    const typed = await decide(core, { sessionId, text: '联系供电所', ownerName: '赵电工' })

    expect(await decisionHits(core, { text: '温乐义' })).toMatchObject([{ id: owned, title: '温乐义', snippet: '修好村口的路灯' }])
    expect(await decisionHits(core, { text: '乐义' })).toMatchObject([{ id: owned }])
    expect(await decisionHits(core, { text: '赵电工' })).toMatchObject([{ id: typed, title: '赵电工' }])
    // The directory's name is the owner's name: renaming the person finds the decision by the new name.
    valueOf(await core.invoke('people:update', { id: wen, name: '温乐仁', village: '温集新村' }))
    expect(await decisionHits(core, { text: '温乐仁' })).toMatchObject([{ id: owned, title: '温乐仁' }])
    expect(await decisionHits(core, { text: '温乐义' })).toEqual([])
  })

  it('comes after remarks and sessions, newest session first, within the dates of the session it was agreed in', async () => {
    const core = openCore()
    const wen = await person(core, '温乐义')
    const older = await heldSession(core, '七月场次', [wen], T0 - 30 * DAY)
    const newer = await heldSession(core, '八月场次', [wen], T0)
    const july = await decide(core, { sessionId: older, text: '路灯的事先摸底' })
    const august = await decide(core, { sessionId: newer, text: '路灯月底前修好' })
    valueOf(await core.invoke('remarks:create', { sessionId: newer, speakerId: wen, turnId: null, text: '村口路灯坏了好久' }))

    const hits = await search(core, { text: '路灯' })
    expect(hits.map((hit) => hit.kind)).toEqual(['remark', 'decision', 'decision'])
    expect(hits.filter((hit) => hit.kind === 'decision').map((hit) => hit.id)).toEqual([august, july])
    expect((await decisionHits(core, { text: '路灯', from: T0 - DAY })).map((hit) => hit.id)).toEqual([august])
    expect((await decisionHits(core, { text: '路灯', to: T0 - DAY })).map((hit) => hit.id)).toEqual([july])
    // A speaker or tag filter asks for remarks only.
    expect(await decisionHits(core, { text: '路灯', personId: wen })).toEqual([])
    expect(await decisionHits(core, { text: '路灯', tag: '建议' })).toEqual([])
  })
})

describe('namesakes in 搜索', () => {
  it('gives two different people of one name their place wherever they appear, and a lone name stays bare', async () => {
    const core = openCore()
    const liWenji = await person(core, '李芳', '温集新村', '村委会')
    const liZheng = await person(core, '李芳', '', '郑家镇人民政府')
    const wen = await person(core, '温乐义', '温集新村')
    const sessionId = await heldSession(core, '思想圆桌派', [liWenji, liZheng, wen])
    valueOf(await core.invoke('remarks:create', { sessionId, speakerId: liWenji, turnId: null, text: '光伏板装上了屋顶' }))
    valueOf(await core.invoke('remarks:create', { sessionId, speakerId: wen, turnId: null, text: '光伏收益要公开' }))
    await decide(core, { sessionId, text: '光伏收益每季度公示', ownerId: liZheng })
    await decide(core, { sessionId, text: '光伏板每月清洗', ownerName: '李芳' })

    const titles = (hits: SearchHit[]) => hits.map((hit) => [hit.kind, hit.title])
    // A remark by one 李芳 and a decision owned by the other: each with their place (村, else 单位). The
    // typed owner 李芳 is nobody in the directory and has no place to show.
    expect(titles(await search(core, { text: '光伏' }))).toEqual([
      ['remark', '温乐义'],
      ['remark', '李芳（温集新村）'],
      ['decision', '李芳（郑家镇人民政府）'],
      ['decision', '李芳']
    ])
    // People hits too.
    expect(titles(await search(core, { text: '李芳' })).filter(([kind]) => kind === 'person').sort()).toEqual([
      ['person', '李芳（温集新村）'],
      ['person', '李芳（郑家镇人民政府）']
    ])
    // Only one 李芳 among the results: her name alone.
    expect(titles(await search(core, { text: '屋顶' }))).toEqual([['remark', '李芳']])
    expect(titles(await search(core, { text: '光伏', personId: liWenji }))).toEqual([['remark', '李芳']])
  })
})
