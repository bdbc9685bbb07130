import { copyFileSync, existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import type { RemarkDraft } from '../../../src/shared/domain'
import { errorOf, HOUR, insertSession, issuesOf, runCleanups, T0, tempDir, testCore, valueOf, withDatabase, writesNothing } from '../../helpers'
import { act, currentTurn, listRemarks, MINUTE, openTable, SECOND, writeRemark, type Table } from './fixtures'

/**
 * The note-taker's box (remark_drafts): kept as typed, replaced by each save, removed when empty, tied to the
 * speaker it was started for, cleared when it becomes a remark — and still there after a power cut.
 */

afterEach(runCleanups)

const NOBODY = '01890000-0000-7000-8000-000000000000'

type DraftInput = InputOf<'drafts:save'>

async function saveDraft(table: Table, draft: Omit<DraftInput, 'sessionId'>, sessionId = table.sessionId): Promise<RemarkDraft | null> {
  return valueOf(await table.core.invoke('drafts:save', { sessionId, ...draft }))
}

async function getDraft(table: Table, sessionId = table.sessionId): Promise<RemarkDraft | null> {
  return valueOf(await table.core.invoke('drafts:get', { sessionId }))
}

const draftRows = (table: Table): unknown[] => table.reader.prepare('SELECT * FROM remark_drafts ORDER BY session_id').all()

/** 圆桌时间 and a round from 温乐义 at T0+2min; returns 温乐义's turn. */
async function roundFromWen(table: Table): Promise<string> {
  table.clock.now = T0 + 2 * MINUTE
  await act(table, { type: 'phase', segmentId: table.segmentId })
  return currentTurn(await act(table, { type: 'round', startPersonId: table.people[0]! }))
}

describe('drafts:save and drafts:get', () => {
  it('round-trips a draft exactly as typed, and has none before the first save', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const turnWen = await roundFromWen(table)
    expect(await getDraft(table)).toBeNull()

    table.clock.now = T0 + 3 * MINUTE
    const typed = '  光伏板装上了屋顶，\n乡亲们的'
    const saved = await saveDraft(table, { speakerId: wen, turnId: turnWen, text: typed, tags: ['观点', '金句'], starred: true, forMinutes: true })
    const expected: RemarkDraft = {
      sessionId: table.sessionId,
      speakerId: wen,
      turnId: turnWen,
      text: typed,
      tags: ['观点', '金句'],
      starred: true,
      forMinutes: true,
      updatedAt: T0 + 3 * MINUTE
    }
    expect(saved).toEqual(expected)
    expect(await getDraft(table)).toEqual(expected)
    expect(draftRows(table)).toHaveLength(1)
  })

  it('replaces the draft on each save (one per session)', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    await saveDraft(table, { speakerId: wen, text: '光伏', tags: ['观点'], starred: true })
    table.wait(SECOND)
    await saveDraft(table, { speakerId: wen, text: '光伏板装上了', tags: ['观点'], starred: true })
    table.wait(SECOND)
    const last = await saveDraft(table, { speakerId: zhai, turnId: null, text: '企业要把握', tags: [], starred: false })
    expect(last).toEqual({
      sessionId: table.sessionId,
      speakerId: zhai,
      turnId: null,
      text: '企业要把握',
      tags: [],
      starred: false,
      forMinutes: false,
      updatedAt: T0 + 2 * SECOND
    })
    expect(await getDraft(table)).toEqual(last)
    expect(draftRows(table)).toHaveLength(1)
  })

  it('removes the draft when the box is empty (no text, no tags, no star, not 入纪要), and keeps one with only tags or a mark', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    for (const empty of ['', '   ', '\n\t ']) {
      await saveDraft(table, { speakerId: wen, text: '光伏' })
      expect(await getDraft(table)).not.toBeNull()
      expect(await saveDraft(table, { speakerId: wen, text: empty, tags: [], starred: false, forMinutes: false })).toBeNull()
      expect(await getDraft(table)).toBeNull()
      expect(draftRows(table)).toEqual([])
    }
    // Nothing to remove: still fine
    expect(await saveDraft(table, { speakerId: null, text: '' })).toBeNull()

    expect(await saveDraft(table, { speakerId: wen, text: '', tags: ['建议'] })).toMatchObject({ text: '', tags: ['建议'], starred: false })
    expect(await getDraft(table)).toMatchObject({ tags: ['建议'] })
    expect(await saveDraft(table, { speakerId: null, text: ' ', starred: true })).toMatchObject({ text: ' ', tags: [], starred: true, speakerId: null })
    expect(await getDraft(table)).toMatchObject({ starred: true })
    // Marked 入纪要 with nothing typed yet: kept for its speaker, as the box keeps it (remark-box.ts).
    expect(await saveDraft(table, { speakerId: wen, text: '', forMinutes: true })).toMatchObject({ text: '', starred: false, forMinutes: true, speakerId: wen })
    expect(await getDraft(table)).toMatchObject({ forMinutes: true, speakerId: wen })
  })

  it('keeps the speaker it was started for when the microphone passes, and the remark goes to them', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const turnWen = await roundFromWen(table)
    table.clock.now = T0 + 3 * MINUTE
    await saveDraft(table, { speakerId: wen, turnId: turnWen, text: '乡村振兴要靠' })

    table.clock.now = T0 + 4 * MINUTE
    const view = await act(table, { type: 'pass' })
    expect(view.state.current?.personId).toBe(zhai)
    expect(await getDraft(table)).toMatchObject({ speakerId: wen, turnId: turnWen, text: '乡村振兴要靠' })

    // Still typing after the pass
    table.clock.now = T0 + 4 * MINUTE + 5 * SECOND
    await saveDraft(table, { speakerId: wen, turnId: turnWen, text: '乡村振兴要靠产业' })
    const draft = (await getDraft(table))!
    expect(draft).toMatchObject({ speakerId: wen, turnId: turnWen, updatedAt: T0 + 4 * MINUTE + 5 * SECOND })

    table.clock.now = T0 + 4 * MINUTE + 9 * SECOND
    const remark = valueOf(
      await table.core.invoke('remarks:create', {
        sessionId: draft.sessionId,
        speakerId: draft.speakerId!,
        turnId: draft.turnId,
        text: draft.text,
        tags: draft.tags,
        starred: draft.starred,
        forMinutes: draft.forMinutes
      })
    )
    expect(remark).toMatchObject({ speakerId: wen, speakerName: '温乐义', turnId: turnWen, text: '乡村振兴要靠产业' })
    expect(await getDraft(table)).toBeNull()
  })

  it("clears the session's draft when a remark is created, not another session's, and not on a refused create", async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const other = withDatabase(table.file, (db) => insertSession(db, { title: '另一场', plannedStart: T0, plannedEnd: T0 + MINUTE, status: 'live' }))
    await saveDraft(table, { speakerId: wen, text: '这一场的草稿' })
    const otherDraft = await saveDraft(table, { speakerId: zhai, text: '另一场的草稿' }, other)

    // Refused: the draft stays, so nothing typed is lost
    const refused = await table.core.invoke('remarks:create', { sessionId: table.sessionId, speakerId: NOBODY, text: '这一场的草稿' })
    expect(errorOf(refused).code).toBe('invalid_input')
    expect(await getDraft(table)).toMatchObject({ text: '这一场的草稿' })

    // Created (even for another speaker than the draft's): the box is empty again
    await writeRemark(table, zhai, '别的发言')
    expect(await getDraft(table)).toBeNull()
    expect(await getDraft(table, other)).toEqual(otherDraft)
    expect(draftRows(table)).toHaveLength(1)
  })

  it('is written on an ended session too, and refused on a planned one, for an unknown speaker or session, and when too long', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const planned = withDatabase(table.file, (db) => insertSession(db, { title: '下周一场', plannedStart: T0, plannedEnd: T0 + MINUTE }))
    await saveDraft(table, { speakerId: wen, text: '已有的草稿' })
    table.events.length = 0

    const refusals: [unknown, string, { path: (string | number)[]; code: string }[] | null][] = [
      [{ sessionId: planned, speakerId: wen, text: '草稿' }, 'conflict', [{ path: ['sessionId'], code: 'session_planned' }]],
      [{ sessionId: table.sessionId, speakerId: NOBODY, text: '草稿' }, 'invalid_input', [{ path: ['speakerId'], code: 'person_not_found' }]],
      [{ sessionId: NOBODY, speakerId: wen, text: '草稿' }, 'not_found', null],
      [{ sessionId: table.sessionId, speakerId: wen, text: '话'.repeat(10_001) }, 'invalid_input', null],
      [{ sessionId: table.sessionId, text: '草稿' }, 'invalid_input', null],
      [{ sessionId: table.sessionId, speakerId: wen, text: '草稿', forMinutes: 'yes' }, 'invalid_input', null]
    ]
    await writesNothing(table.file, async () => {
      for (const [input, code, issues] of refusals) {
        const result = await table.core.invoke('drafts:save', input)
        expect(errorOf(result).code, JSON.stringify(input).slice(0, 80)).toBe(code)
        if (issues) expect(issuesOf(result)).toEqual(issues)
      }
    })
    expect(table.events).toEqual([])
    expect(await getDraft(table)).toMatchObject({ text: '已有的草稿' })

    valueOf(await table.core.invoke('sessions:end', { id: table.sessionId }))
    expect(await saveDraft(table, { speakerId: wen, text: '会后整理' })).toMatchObject({ text: '会后整理' })
  })
})

describe('a draft survives the process being killed', () => {
  it('is restored from the database file and its WAL, copied while the core is still open', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const turnWen = await roundFromWen(table)
    table.clock.now = T0 + 3 * MINUTE
    const remark = await writeRemark(table, zhai, '开场的一句', { tags: ['观点'] })
    // Typed second by second, as the console saves it
    for (const [i, text] of ['乡', '乡村振', '乡村振兴要靠产业'].entries()) {
      table.clock.now = T0 + 4 * MINUTE + i * SECOND
      await saveDraft(table, { speakerId: wen, turnId: turnWen, text, tags: ['建议'], starred: true })
    }
    const lastSaved = (await getDraft(table))!

    // The power cut: what is on disk right now, the open core never closed or checkpointed
    expect(existsSync(`${table.file}-wal`)).toBe(true)
    const survivor = join(tempDir('roundtable-killed-'), basename(table.file))
    copyFileSync(table.file, survivor)
    copyFileSync(`${table.file}-wal`, `${survivor}-wal`)

    const relaunched = testCore({ databaseFile: survivor, now: () => T0 + HOUR })
    expect(valueOf(await relaunched.invoke('drafts:get', { sessionId: table.sessionId }))).toEqual({
      sessionId: table.sessionId,
      speakerId: wen,
      turnId: turnWen,
      text: '乡村振兴要靠产业',
      tags: ['建议'],
      starred: true,
      forMinutes: false,
      updatedAt: T0 + 4 * MINUTE + 2 * SECOND
    })
    expect(lastSaved.text).toBe('乡村振兴要靠产业')
    expect(valueOf(await relaunched.invoke('remarks:list', { sessionId: table.sessionId }))).toEqual([remark])
    expect(await listRemarks(table)).toEqual([remark])
  })

  it('runs the database with WAL and synchronous=FULL, so a commit is on disk when the call returns', async () => {
    const table = await openTable()
    const FULL = 2
    withDatabase(table.file, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('synchronous', { simple: true })).toBe(FULL)
    })
    // The journal mode is a property of the file: a plain connection (not ours) sees it too
    expect(table.reader.pragma('journal_mode', { simple: true })).toBe('wal')
  })
})
