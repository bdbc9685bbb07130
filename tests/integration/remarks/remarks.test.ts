import { afterEach, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import type { Remark } from '../../../src/shared/domain'
import { uuidv7 } from '../../../src/core/store/ids'
import { errorOf, insertSession, issuesOf, runCleanups, T0, valueOf, withDatabase, writesNothing } from '../../helpers'
import { act, currentTurn, listRemarks, MINUTE, openTable, SECOND, writeRemark, type Table } from './fixtures'

/**
 * Remarks (发言记录) through core's channels on a real SQLite file: speaking order, tags and stars, the time
 * offset, attaching to the right turn (and never to somebody else's), re-assigning, validation, soft delete
 * and restore, the change events, and refusals that leave the database as it was.
 */

afterEach(runCleanups)

const NOBODY = '01890000-0000-7000-8000-000000000000'

/** 圆桌时间 entered at T0+2min; a round from 温乐义 (seat 1) at T0+3min. Returns 温乐义's turn. */
async function roundFromWen(table: Table): Promise<string> {
  table.clock.now = T0 + 2 * MINUTE
  await act(table, { type: 'phase', segmentId: table.segmentId })
  table.clock.now = T0 + 3 * MINUTE
  return currentTurn(await act(table, { type: 'round', startPersonId: table.people[0]! }))
}

async function pass(table: Table): Promise<string | null> {
  const view = await act(table, { type: 'pass' })
  return view.state.current?.id ?? null
}

describe('remarks:create and remarks:list', () => {
  it('lists remarks in speaking order: by turn, then as written; remarks without a turn last', async () => {
    const table = await openTable()
    const [wen, zhai, zhang] = table.people as [string, string, string]

    table.clock.now = T0 + MINUTE
    const before = await writeRemark(table, zhang, '开场前:今天人来得真齐')
    const turnWen = await roundFromWen(table)
    table.clock.now = T0 + 4 * MINUTE
    const a1 = await writeRemark(table, wen, '光伏板装上了屋顶', { turnId: turnWen })
    table.clock.now = T0 + 5 * MINUTE
    const turnZhai = (await pass(table))!
    table.clock.now = T0 + 6 * MINUTE
    const b1 = await writeRemark(table, zhai, '企业要把握未来发展主动权', { turnId: turnZhai })
    table.clock.now = T0 + 7 * MINUTE
    // The note-taker finishes a note for 温乐义's turn after 翟自恩 has begun
    const a2 = await writeRemark(table, wen, '乡亲们的腰包鼓起来了', { turnId: turnWen })
    table.clock.now = T0 + 8 * MINUTE
    const turnZhang = (await pass(table))!
    table.clock.now = T0 + 9 * MINUTE
    const c1 = await writeRemark(table, zhang, '村里要办夜校', { turnId: turnZhang })
    table.clock.now = T0 + 10 * MINUTE
    const after = await writeRemark(table, wen, '散会后补一句:谢谢大家')

    const listed = await listRemarks(table)
    expect(listed.map((remark) => remark.text)).toEqual([
      '光伏板装上了屋顶',
      '乡亲们的腰包鼓起来了',
      '企业要把握未来发展主动权',
      '村里要办夜校',
      '开场前:今天人来得真齐',
      '散会后补一句:谢谢大家'
    ])
    expect(listed).toEqual([a1, a2, b1, c1, before, after])
    expect(listed.map((remark) => [remark.speakerName, remark.turnId])).toEqual([
      ['温乐义', turnWen],
      ['温乐义', turnWen],
      ['翟自恩', turnZhai],
      ['张秀兰', turnZhang],
      ['张秀兰', null],
      ['温乐义', null]
    ])
    expect(a2).toEqual({
      id: a2.id,
      sessionId: table.sessionId,
      turnId: turnWen,
      speakerId: wen,
      speakerName: '温乐义',
      text: '乡亲们的腰包鼓起来了',
      tags: [],
      starred: false,
      forMinutes: false,
      offsetMs: 7 * MINUTE,
      createdAt: T0 + 7 * MINUTE,
      updatedAt: T0 + 7 * MINUTE,
      deletedAt: null
    })
  })

  it('keeps the text as typed (trimmed), with its tags and star, and changes them on update', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const created = await writeRemark(table, wen, '  第一，要发展产业；\n第二，要留住人才。  ', { tags: ['观点', '金句'], starred: true })
    expect(created).toMatchObject({ text: '第一，要发展产业；\n第二，要留住人才。', starred: true })
    expect([...created.tags].sort()).toEqual(['观点', '金句'].sort())

    table.wait(MINUTE)
    const updated = valueOf(await table.core.invoke('remarks:update', { id: created.id, tags: ['建议'], starred: false }))
    expect(updated).toMatchObject({ text: created.text, tags: ['建议'], starred: false, createdAt: T0, updatedAt: T0 + MINUTE })
    const untagged = valueOf(await table.core.invoke('remarks:update', { id: created.id, tags: [], text: '只留一句' }))
    expect(untagged).toMatchObject({ text: '只留一句', tags: [], starred: false })
    expect(await listRemarks(table)).toEqual([untagged])
    // Only what is given changes
    const starred = valueOf(await table.core.invoke('remarks:update', { id: created.id, starred: true }))
    expect(starred).toMatchObject({ text: '只留一句', tags: [], starred: true, speakerId: wen })
  })

  it('measures offsetMs from the session start, also after the session has ended', async () => {
    const table = await openTable({ start: false })
    const [wen] = table.people as [string]
    const started = T0 + 7 * MINUTE
    table.clock.now = started
    valueOf(await table.core.invoke('sessions:start', { id: table.sessionId }))
    table.clock.now = started + 90 * SECOND
    expect((await writeRemark(table, wen, '第一句')).offsetMs).toBe(90 * SECOND)
    table.clock.now = started + 61 * MINUTE
    valueOf(await table.core.invoke('sessions:end', { id: table.sessionId }))
    table.clock.now = started + 2 * 60 * MINUTE
    const late = await writeRemark(table, wen, '会后补记')
    expect(late).toMatchObject({ offsetMs: 2 * 60 * MINUTE, createdAt: started + 2 * 60 * MINUTE })
    // The offset is when it was written; editing later does not move it
    table.wait(MINUTE)
    expect(valueOf(await table.core.invoke('remarks:update', { id: late.id, text: '会后补记(改)' })).offsetMs).toBe(2 * 60 * MINUTE)
  })

  it("drops a turn that is not this speaker's turn in this session (stored as none)", async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const turnWen = await roundFromWen(table)
    const other = withDatabase(table.file, (db) => {
      const id = insertSession(db, { title: '另一场', plannedStart: T0, plannedEnd: T0 + MINUTE, status: 'live' })
      db.prepare('INSERT INTO attendance (id, session_id, person_id) VALUES (?, ?, ?)').run(uuidv7(), id, wen)
      return id
    })

    const own = await writeRemark(table, wen, '自己的话', { turnId: turnWen })
    const wrongSpeaker = await writeRemark(table, zhai, '被记到温乐义名下的话', { turnId: turnWen })
    const unknown = await writeRemark(table, wen, '未知的发言', { turnId: 'not-a-turn' })
    const otherSession = valueOf(
      await table.core.invoke('remarks:create', { sessionId: other, speakerId: wen, turnId: turnWen, text: '另一场里的话' })
    )
    expect([own.turnId, wrongSpeaker.turnId, unknown.turnId, otherSession.turnId]).toEqual([turnWen, null, null, null])
    const stored = table.reader.prepare('SELECT id, turn_id FROM remarks ORDER BY id').all()
    expect(stored).toEqual(
      [own, wrongSpeaker, unknown, otherSession].map((remark) => ({ id: remark.id, turn_id: remark.turnId })).sort((a, b) => (a.id < b.id ? -1 : 1))
    )
  })

  it('keeps a remark whose turn was taken back by 撤销, without a turn', async () => {
    const table = await openTable()
    const [, zhai] = table.people as [string, string]
    await roundFromWen(table)
    table.wait(MINUTE)
    const turnZhai = (await pass(table))!
    const remark = await writeRemark(table, zhai, '说到一半话筒被收回', { turnId: turnZhai })
    valueOf(await table.core.invoke('live:undo', { sessionId: table.sessionId }))
    expect(await listRemarks(table)).toEqual([{ ...remark, turnId: null }])
  })
})

describe('re-assigning a remark (remarks:update speakerId)', () => {
  it("moves it to the new speaker's turn started before it was written, or to none", async () => {
    const table = await openTable({ names: ['温乐义', '翟自恩', '张秀兰', '王明'] })
    const [wen, zhai, zhang, wang] = table.people as [string, string, string, string]
    const turnWen = await roundFromWen(table) // T0+3min
    table.clock.now = T0 + 4 * MINUTE
    const turnZhai = (await pass(table))!
    table.clock.now = T0 + 5 * MINUTE
    const mistaken = await writeRemark(table, wen, '这句其实是翟自恩说的', { turnId: turnWen })
    table.clock.now = T0 + 6 * MINUTE
    const turnZhang = (await pass(table))!
    table.clock.now = T0 + 7 * MINUTE
    const turnWang = (await pass(table))!
    table.clock.now = T0 + 8 * MINUTE
    expect(await pass(table)).toBeNull() // the round is over
    table.clock.now = T0 + 10 * MINUTE
    const turnZhaiAgain = currentTurn(await act(table, { type: 'raise_hand', personId: zhai }))
    table.clock.now = T0 + 11 * MINUTE
    const late = await writeRemark(table, wen, '翟自恩第二次发言时说的')
    expect(new Set([turnWen, turnZhai, turnZhang, turnWang, turnZhaiAgain]).size).toBe(5)

    const reassign = async (remark: Remark, speakerId: string): Promise<Remark> =>
      valueOf(await table.core.invoke('remarks:update', { id: remark.id, speakerId }))

    expect(await reassign(mistaken, zhai)).toMatchObject({ speakerId: zhai, speakerName: '翟自恩', turnId: turnZhai })
    // 张秀兰's only turn began after the remark was written
    expect(await reassign(mistaken, zhang)).toMatchObject({ speakerId: zhang, speakerName: '张秀兰', turnId: null })
    expect(await reassign(mistaken, wen)).toMatchObject({ speakerId: wen, turnId: turnWen })
    // The latest of 翟自恩's turns that began before
    expect(await reassign(late, zhai)).toMatchObject({ speakerId: zhai, turnId: turnZhaiAgain })
    expect(await reassign(late, zhang)).toMatchObject({ speakerId: zhang, turnId: turnZhang })
    expect(await reassign(late, wang)).toMatchObject({ speakerId: wang, turnId: turnWang })

    // Someone from the directory who is not on this session's list cannot have said it (DESIGN §9)
    const outsider = valueOf(await table.core.invoke('people:create', { name: '刘建国' })).id
    expect(errorOf(await table.core.invoke('remarks:update', { id: late.id, speakerId: outsider })).issues?.[0]).toMatchObject({ path: ['speakerId'], code: 'not_on_list' })

    // Re-assigning to the same speaker keeps the turn it has
    const kept = await writeRemark(table, zhai, '记在翟自恩名下', { turnId: turnZhaiAgain })
    expect(await reassign(kept, zhai)).toMatchObject({ speakerId: zhai, turnId: turnZhaiAgain })

    const stored = table.reader.prepare('SELECT speaker_id, turn_id FROM remarks WHERE id = ?').get(mistaken.id)
    expect(stored).toEqual({ speaker_id: wen, turn_id: turnWen })
  })
})

describe('validation and refusals', () => {
  it('refuses bad input, unknown people and sessions that are not live or ended, and writes nothing', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const planned = withDatabase(table.file, (db) => insertSession(db, { title: '下周一场', plannedStart: T0, plannedEnd: T0 + MINUTE }))
    const cancelled = withDatabase(table.file, (db) =>
      insertSession(db, { title: '取消的一场', plannedStart: T0, plannedEnd: T0 + MINUTE, status: 'cancelled' })
    )
    const existing = await writeRemark(table, wen, '已有的一句', { tags: ['观点'] })
    table.events.length = 0
    const base: InputOf<'remarks:create'> = { sessionId: table.sessionId, speakerId: wen, turnId: null, text: '一句话' }

    const refusals: [string, unknown, string, { path: (string | number)[]; code: string }[] | null][] = [
      ['remarks:create', { ...base, text: '' }, 'invalid_input', null],
      ['remarks:create', { ...base, text: '  \n ' }, 'invalid_input', null],
      ['remarks:create', { ...base, text: '话'.repeat(10_001) }, 'invalid_input', null],
      ['remarks:create', { ...base, tags: ['标'.repeat(21)] }, 'invalid_input', null],
      ['remarks:create', { ...base, tags: [''] }, 'invalid_input', null],
      ['remarks:create', { ...base, tags: Array.from({ length: 31 }, (_, i) => `标签${i}`) }, 'invalid_input', null],
      ['remarks:create', { ...base, speakerId: NOBODY }, 'invalid_input', [{ path: ['speakerId'], code: 'person_not_found' }]],
      ['remarks:create', { ...base, sessionId: planned }, 'conflict', [{ path: ['sessionId'], code: 'session_planned' }]],
      ['remarks:create', { ...base, sessionId: cancelled }, 'conflict', [{ path: ['sessionId'], code: 'session_cancelled' }]],
      ['remarks:create', { ...base, sessionId: NOBODY }, 'not_found', null],
      ['remarks:create', { ...base, extra: 1 }, 'invalid_input', null],
      ['remarks:create', { ...base, forMinutes: 'yes' }, 'invalid_input', null],
      ['remarks:update', { id: existing.id, forMinutes: 1 }, 'invalid_input', null],
      ['remarks:update', { id: existing.id, text: '' }, 'invalid_input', null],
      ['remarks:update', { id: existing.id, text: '话'.repeat(10_001) }, 'invalid_input', null],
      ['remarks:update', { id: existing.id, speakerId: NOBODY, text: '改了' }, 'invalid_input', [{ path: ['speakerId'], code: 'person_not_found' }]],
      ['remarks:update', { id: NOBODY, text: '改了' }, 'not_found', null],
      ['remarks:delete', { id: NOBODY }, 'not_found', null],
      ['remarks:restore', { id: NOBODY }, 'not_found', null]
    ]
    await writesNothing(table.file, async () => {
      for (const [channel, input, code, issues] of refusals) {
        const result = await table.core.invoke(channel, input)
        expect(errorOf(result).code, `${channel} ${JSON.stringify(input).slice(0, 80)}`).toBe(code)
        if (issues) expect(issuesOf(result)).toEqual(issues)
      }
    })
    expect(table.events).toEqual([])
    expect(await listRemarks(table)).toEqual([existing])
    expect(await listRemarks(table, planned)).toEqual([])

    // The limits themselves are allowed
    const longest = await writeRemark(table, wen, '话'.repeat(10_000), { tags: ['标'.repeat(20)] })
    expect(longest).toMatchObject({ text: '话'.repeat(10_000), tags: ['标'.repeat(20)] })
  })

  it('refuses to change remarks of a session that is no longer live or ended', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const remark = await writeRemark(table, wen, '一句话')
    withDatabase(table.file, (db) => db.prepare("UPDATE sessions SET status = 'cancelled' WHERE id = ?").run(table.sessionId))
    table.events.length = 0
    await writesNothing(table.file, async () => {
      for (const [channel, input] of [
        ['remarks:update', { id: remark.id, text: '改了' }],
        ['remarks:update', { id: remark.id, speakerId: zhai }],
        ['remarks:update', { id: remark.id, forMinutes: true }],
        ['remarks:delete', { id: remark.id }],
        ['remarks:restore', { id: remark.id }]
      ] as const) {
        const result = await table.core.invoke(channel, input)
        expect(errorOf(result).code).toBe('conflict')
        expect(issuesOf(result)).toEqual([{ path: ['sessionId'], code: 'session_cancelled' }])
      }
    })
    expect(table.events).toEqual([])
  })
})

describe('soft delete and restore', () => {
  it('a deleted remark is read-only until it is restored, and the refusal changes nothing', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const remark = await writeRemark(table, wen, '删掉的话')
    valueOf(await table.core.invoke('remarks:delete', { id: remark.id }))
    await writesNothing(table.file, async () => {
      for (const patch of [{ text: '改了' }, { speakerId: zhai }, { tags: ['建议'] }, { starred: true }, { forMinutes: true }]) {
        expect(errorOf(await table.core.invoke('remarks:update', { id: remark.id, ...patch })).issues?.[0]).toMatchObject({ code: 'remark_deleted' })
      }
    })
    valueOf(await table.core.invoke('remarks:restore', { id: remark.id }))
    expect(valueOf(await table.core.invoke('remarks:update', { id: remark.id, text: '改了' })).text).toBe('改了')
  })

  it('sets a remark aside and brings it back unchanged, on a live and on an ended session', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const turnWen = await roundFromWen(table)
    table.clock.now = T0 + 4 * MINUTE
    const first = await writeRemark(table, wen, '第一句', { turnId: turnWen, tags: ['观点'], starred: true })
    table.clock.now = T0 + 5 * MINUTE
    const second = await writeRemark(table, zhai, '第二句')

    table.clock.now = T0 + 6 * MINUTE
    const deleted = valueOf(await table.core.invoke('remarks:delete', { id: first.id }))
    expect(deleted).toEqual({ ...first, deletedAt: T0 + 6 * MINUTE, updatedAt: T0 + 6 * MINUTE })
    expect(await listRemarks(table)).toEqual([second])
    expect(table.reader.prepare('SELECT count(*) AS n FROM remarks').get()).toEqual({ n: 2 })

    table.clock.now = T0 + 7 * MINUTE
    const restored = valueOf(await table.core.invoke('remarks:restore', { id: first.id }))
    expect(restored).toEqual({ ...first, updatedAt: T0 + 7 * MINUTE })
    expect(await listRemarks(table)).toEqual([restored, second])

    // After the session has ended (review): still possible
    valueOf(await table.core.invoke('sessions:end', { id: table.sessionId }))
    table.clock.now = T0 + 8 * MINUTE
    expect(valueOf(await table.core.invoke('remarks:delete', { id: second.id })).deletedAt).toBe(T0 + 8 * MINUTE)
    expect(await listRemarks(table)).toEqual([restored])
    expect(valueOf(await table.core.invoke('remarks:restore', { id: second.id })).deletedAt).toBeNull()
    expect((await listRemarks(table)).map((remark) => remark.id)).toEqual([first.id, second.id])
  })
})

describe('change events', () => {
  it("announces 'remarks:changed' with the session id after each write, and nothing for reads", async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    table.events.length = 0
    const changed = { name: 'remarks:changed', id: table.sessionId }
    // A remark for someone 未签到 checks them in (speaking is being there): the session changes too.
    const checkedIn = { name: 'session:changed', id: table.sessionId }

    const remark = await writeRemark(table, wen, '一句话')
    expect(table.events).toEqual([checkedIn, changed])
    valueOf(await table.core.invoke('remarks:update', { id: remark.id, text: '改过的话' }))
    valueOf(await table.core.invoke('remarks:update', { id: remark.id, speakerId: zhai }))
    valueOf(await table.core.invoke('remarks:delete', { id: remark.id }))
    valueOf(await table.core.invoke('remarks:restore', { id: remark.id }))
    expect(table.events).toEqual([checkedIn, changed, changed, checkedIn, changed, changed, changed])

    table.events.length = 0
    await listRemarks(table)
    valueOf(await table.core.invoke('search:query', { text: '改过' }))
    valueOf(await table.core.invoke('drafts:get', { sessionId: table.sessionId }))
    expect(table.events).toEqual([])
  })
})
