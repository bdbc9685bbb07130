import { afterEach, describe, expect, it } from 'vitest'
import { runCleanups, T0, valueOf } from '../../helpers'
import { act, currentTurn, listRemarks, MINUTE, openTable, writeRemark, type Table } from './fixtures'

/**
 * 入纪要 (DESIGN §6, §8): a remark the note-taker marked as one of the speaker's main points. Through core's
 * channels on a real SQLite file: created, changed and kept in the draft like the star, and carried into the
 * minutes model, which the 会议纪要 is drawn from.
 */

afterEach(runCleanups)

const forMinutesColumn = (table: Table, id: string): unknown =>
  table.reader.prepare('SELECT for_minutes FROM remarks WHERE id = ?').get(id)

describe('remarks:create and remarks:update', () => {
  it('stores 入纪要 as given (unmarked unless said), and changes only it on update', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const marked = await writeRemark(table, wen, '发展特色种植合作社', { tags: ['建议'], starred: true, forMinutes: true })
    const plain = await writeRemark(table, zhai, '我同意')
    expect([marked.forMinutes, plain.forMinutes]).toEqual([true, false])
    expect([forMinutesColumn(table, marked.id), forMinutesColumn(table, plain.id)]).toEqual([{ for_minutes: 1 }, { for_minutes: 0 }])

    table.wait(MINUTE)
    const unmarked = valueOf(await table.core.invoke('remarks:update', { id: marked.id, forMinutes: false }))
    expect(unmarked).toEqual({ ...marked, forMinutes: false, updatedAt: T0 + MINUTE })
    const remarked = valueOf(await table.core.invoke('remarks:update', { id: plain.id, forMinutes: true }))
    expect(remarked).toEqual({ ...plain, forMinutes: true, updatedAt: T0 + MINUTE })
    // Another change leaves the mark as it is.
    const edited = valueOf(await table.core.invoke('remarks:update', { id: plain.id, text: '我同意，也愿意出力', starred: true, tags: ['承诺'] }))
    expect(edited).toMatchObject({ forMinutes: true, starred: true, tags: ['承诺'] })
    expect((await listRemarks(table)).map((remark) => [remark.text, remark.forMinutes])).toEqual([
      ['发展特色种植合作社', false],
      ['我同意，也愿意出力', true]
    ])
    expect(table.events.filter((event) => event.name === 'remarks:changed')).toHaveLength(5)
  })

  it('keeps the mark through delete and restore', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const remark = await writeRemark(table, wen, '光伏项目明年再扩大', { forMinutes: true })
    valueOf(await table.core.invoke('remarks:delete', { id: remark.id }))
    expect(valueOf(await table.core.invoke('remarks:restore', { id: remark.id })).forMinutes).toBe(true)
  })
})

describe('the draft', () => {
  it('keeps 入纪要 as the box had it, and the remark saved from it is marked', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const save = (forMinutes: boolean) =>
      table.core.invoke('drafts:save', { sessionId: table.sessionId, speakerId: wen, text: '要把学习成果', tags: [], starred: false, forMinutes })
    expect(valueOf(await save(true))).toMatchObject({ text: '要把学习成果', forMinutes: true })
    expect(table.reader.prepare('SELECT for_minutes FROM remark_drafts').get()).toEqual({ for_minutes: 1 })
    expect(valueOf(await save(false))).toMatchObject({ forMinutes: false })
    const draft = valueOf(await save(true))!
    expect(valueOf(await table.core.invoke('drafts:get', { sessionId: table.sessionId }))).toEqual(draft)

    const { sessionId, speakerId, turnId, tags, starred, forMinutes } = draft
    const remark = valueOf(await table.core.invoke('remarks:create', { sessionId, speakerId: speakerId!, turnId, text: '要把学习成果转化为发展实效', tags, starred, forMinutes }))
    expect(remark.forMinutes).toBe(true)
    expect(valueOf(await table.core.invoke('drafts:get', { sessionId }))).toBeNull()
  })
})

describe('the minutes model', () => {
  it('carries each remark’s mark into 交流发言, marked or not, for the speaker it belongs to', async () => {
    const table = await openTable()
    const [wen, zhai, zhang] = table.people as [string, string, string]
    table.clock.now = T0 + 2 * MINUTE
    await act(table, { type: 'phase', segmentId: table.segmentId })
    const turnWen = currentTurn(await act(table, { type: 'round', startPersonId: wen }))
    table.clock.now = T0 + 3 * MINUTE
    await writeRemark(table, wen, '让乡亲们的腰包鼓起来', { turnId: turnWen, forMinutes: true })
    await writeRemark(table, wen, '大家说得都对', { turnId: turnWen })
    table.clock.now = T0 + 4 * MINUTE
    const turnZhai = currentTurn(await act(table, { type: 'pass' }))
    table.clock.now = T0 + 5 * MINUTE
    const zhaiRemark = await writeRemark(table, zhai, '企业先提供二十个岗位', { turnId: turnZhai, starred: true })
    // A note with no turn joins the speaker's entry, or comes last, with its mark.
    await writeRemark(table, zhang, '会后补记：夜校每周一次', { forMinutes: true })
    // Marked on review, after it was written.
    valueOf(await table.core.invoke('remarks:update', { id: zhaiRemark.id, forMinutes: true }))
    table.clock.now = T0 + 6 * MINUTE
    valueOf(await table.core.invoke('sessions:end', { id: table.sessionId }))

    const minutes = valueOf(await table.core.invoke('minutes:get', { sessionId: table.sessionId }))
    expect(minutes.speakers.map((speaker) => [speaker.name, speaker.remarks])).toEqual([
      [
        '温乐义',
        [
          { text: '让乡亲们的腰包鼓起来', tags: [], starred: false, forMinutes: true },
          { text: '大家说得都对', tags: [], starred: false, forMinutes: false }
        ]
      ],
      ['翟自恩', [{ text: '企业先提供二十个岗位', tags: [], starred: true, forMinutes: true }]],
      ['张秀兰', [{ text: '会后补记：夜校每周一次', tags: [], starred: false, forMinutes: true }]]
    ])
  })
})
