import BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupFolder } from '../../../src/core/backup/backups'
import { LATEST_SCHEMA_VERSION, openDatabase, type Database } from '../../../src/core/store/database'
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract'
import { DEFAULT_REMARK_TAGS, HIGHLIGHT_END, HIGHLIGHT_START, type AttendanceEntry, type SearchHit } from '../../../src/shared/domain'
import { onCleanup, runCleanups, tempDir, testCore, valueOf } from '../../helpers'
import { recountedShapes, storedShapes } from './speaking-log-recount'

/**
 * Real archives of every schema version (tests/fixtures/archives, see its README), each copied and opened
 * the way the app opens an archive (createCore → openDatabase, which backs up and migrates), must come out
 * as a fresh install's schema with all their data. The committed files are never touched.
 */

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'archives')
const VERSIONS = Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1)
const fixtureOf = (version: number): string => join(FIXTURES, `v${version}.sqlite`)

// The story every fixture holds (scripts/make-archive-fixtures.mjs); times are China time (+08:00).
const cst = (iso: string): number => Date.parse(`${iso}:00+08:00`)
const MINUTE = 60_000
const START = cst('2025-08-21T14:30')
const STARTED = cst('2025-08-21T14:32')
const ENDED = cst('2025-08-21T16:20')
const ENDED_TITLE = '思想圆桌派 · 新发展格局'
const PLANNED_TITLE = '思想圆桌派 · 乡村人才振兴'
const CANCELLED_TITLE = '防汛安全专题座谈'
const DEMO_TITLE = '示例场次 · 思想圆桌派'
/** When the test's core thinks it is: after everything in the fixtures. */
const NOW = cst('2026-01-05T10:00')

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

/** The 100-byte SQLite header, read without SQLite (so nothing can write to the committed file). */
function header(file: string): { userVersion: number; wal: boolean } {
  const bytes = readFileSync(file).subarray(0, 100)
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
  // Offsets 18/19: file format versions, 2 for WAL; offset 60: user_version, big-endian.
  return { userVersion: bytes.readInt32BE(60), wal: bytes[18] === 2 || bytes[19] === 2 }
}

const normalise = (sql: string | null): string | null => (sql === null ? null : sql.replace(/\s+/g, ' ').trim())

/** Tables, indexes (with SQLite's own for UNIQUE and PRIMARY KEY), triggers and views, as SQLite stores them. */
function schemaOf(db: Database): { type: string; name: string; tbl_name: string; sql: string | null }[] {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE type IN ('table', 'index', 'trigger', 'view') AND name NOT LIKE 'sqlite_stat%' ORDER BY type, name`
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[]
  return rows.map((row) => ({ ...row, sql: normalise(row.sql) }))
}

/** Every ordinary table with its columns (FTS tables are checked against their content instead). */
function tablesOf(db: Database): Map<string, string[]> {
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string; sql: string }[]
  const result = new Map<string, string[]>()
  for (const { name, sql } of tables) {
    if (sql.startsWith('CREATE VIRTUAL TABLE') || /_fts_(config|data|docsize|idx)$/.test(name)) continue
    result.set(name, (db.pragma(`table_info("${name}")`) as { name: string }[]).map((column) => column.name))
  }
  return result
}

/** Ordered by every column, so the order does not depend on rowids (migration 3 rebuilds a table). */
function rowsOf(db: Database, table: string, columns: string[]): Record<string, unknown>[] {
  const list = columns.map((column) => `"${column}"`).join(', ')
  return db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).all() as Record<string, unknown>[]
}

/** How many rows each table of the fixture holds, by version (what the generator wrote). */
function expectedCounts(version: number): Record<string, number> {
  const demo = version >= 2
  const counts: Record<string, number> = {
    settings: version >= 4 ? 5 : 4,
    people: demo ? 14 : 12,
    person_categories: demo ? 19 : 17,
    themes: demo ? 3 : 2,
    theme_tags: demo ? 5 : 4,
    sessions: demo ? 4 : 3,
    agenda_segments: demo ? 4 : 3,
    attendance: demo ? 19 : 17,
    speaking_events: version >= 3 ? 19 : 16,
    turns: version >= 3 ? 9 : 7,
    remarks: version >= 4 ? 8 : 7,
    remark_tags: 7,
    decisions: 2
  }
  if (version >= 4) counts.remark_drafts = 1
  if (version >= 6) counts.session_photos = 3
  if (version >= 9) Object.assign(counts, { merge_history: 1, person_links: 1, pack_exports: 1 })
  // Six speakers with a remark not deleted, each at one session.
  if (version >= 12) counts.remark_counts = 6
  // The ended session's speaking log.
  if (version >= 13) counts.speaking_log_shapes = 1
  return counts
}

let freshSchema: ReturnType<typeof schemaOf>

beforeAll(() => {
  // A fresh install, through the same open function, in a folder of its own.
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-fresh-'))
  try {
    const db = openDatabase(join(dir, 'roundtable.sqlite'))
    freshSchema = schemaOf(db)
    db.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

describe('the archive fixtures', () => {
  it('has one fixture for every schema version, and none for a version this app does not have', () => {
    // Adding migration N+1 without vN+1.sqlite fails here (see tests/fixtures/archives/README.md).
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.sqlite'))
    expect(files.sort()).toEqual(VERSIONS.map((version) => `v${version}.sqlite`).sort())
  })

  it.each(VERSIONS)('v%i.sqlite is a self-contained file at its own version', (version) => {
    const file = fixtureOf(version)
    expect(existsSync(file), `${file} is missing: run node scripts/make-archive-fixtures.mjs --version ${version}`).toBe(true)
    // A WAL file's last commits could sit in a -wal that is not committed beside it.
    expect(header(file)).toEqual({ userVersion: version, wal: false })
    expect(existsSync(`${file}-wal`) || existsSync(`${file}-journal`)).toBe(false)
    expect(readFileSync(file).length).toBeLessThan(200_000)
  })
})

describe.each(VERSIONS)('an archive of schema version %i, opened by the app', (version) => {
  let hashBefore: string
  /** A copy of the fixture as committed, never migrated: what the migrated copy is compared with. */
  let pristine: Database
  let core: ReturnType<typeof testCore>
  /** A plain connection to the migrated copy, to look at what SQLite holds. */
  let db: Database
  let folder: string

  async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    return valueOf(await core.invoke(channel, input))
  }

  beforeAll(() => {
    const fixture = fixtureOf(version)
    hashBefore = sha256(fixture)
    folder = tempDir('roundtable-fixture-')
    const pristineFile = join(folder, 'pristine.sqlite')
    const file = join(folder, 'roundtable.sqlite')
    copyFileSync(fixture, pristineFile)
    copyFileSync(fixture, file)
    pristine = new BetterSqlite3(pristineFile, { readonly: true, fileMustExist: true })
    onCleanup(() => void pristine.close())
    core = testCore({ databaseFile: file, now: () => NOW })
    // The daily backup of a first start that day runs in the background: it must finish before the close.
    onCleanup(() => core.idle())
    db = new BetterSqlite3(file, { fileMustExist: true })
    onCleanup(() => void db.close())
  })

  afterAll(runCleanups)

  it('is at the latest schema version, with the archive as it was backed up first', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    const backups = readdirSync(backupFolder(join(folder, 'roundtable.sqlite'))).filter((name) => name.endsWith('-before-upgrade.sqlite'))
    if (version === LATEST_SCHEMA_VERSION) {
      expect(backups).toEqual([])
    } else {
      expect(backups).toHaveLength(1)
      expect(header(join(backupFolder(join(folder, 'roundtable.sqlite')), backups[0]!)).userVersion).toBe(version)
    }
  })

  it('has the schema of a fresh install', () => {
    expect(schemaOf(db)).toEqual(freshSchema)
  })

  it('passes foreign_key_check and integrity_check, and its search indexes hold exactly what they should', () => {
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    // Themes are all indexed: FTS5 can compare the index with the table itself (rank 1).
    db.prepare(`INSERT INTO themes_fts (themes_fts, rank) VALUES ('integrity-check', 1)`).run()
    // Remarks set aside are left out of the index on purpose, which FTS5's own comparison cannot know:
    // check its structure, then that it holds each remark not deleted, all of its trigrams, and nothing else.
    db.prepare(`INSERT INTO remarks_fts (remarks_fts) VALUES ('integrity-check')`).run()
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.remarks_vocab USING fts5vocab(main, remarks_fts, instance)')
    const indexed = db.prepare('SELECT doc AS rowid, count(*) AS trigrams FROM temp.remarks_vocab GROUP BY doc ORDER BY doc').all()
    const remarks = db.prepare('SELECT rowid, length(text) - 2 AS trigrams FROM remarks WHERE deleted_at IS NULL ORDER BY rowid').all()
    expect(indexed).toEqual(remarks)
    expect(remarks).toHaveLength(7)
    // Migration 12's counts of remarks by session and speaker, filled from what the archive held.
    const counted = db.prepare('SELECT session_id, speaker_id, remarks FROM remark_counts ORDER BY 1, 2').all()
    const counting = db
      .prepare('SELECT session_id, speaker_id, count(*) AS remarks FROM remarks WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2')
      .all()
    expect(counted).toEqual(counting)
    expect(counted).toHaveLength(6)
    // Migration 13's shapes of the speaking logs, filled from what the archive held.
    const shapes = storedShapes(db)
    expect(shapes).toEqual(recountedShapes(db))
    expect(shapes).toHaveLength(1)
  })

  it('keeps every row and value it had', () => {
    const tables = tablesOf(pristine)
    const count = (table: string) => (pristine.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
    expect(Object.fromEntries([...tables.keys()].map((table) => [table, count(table)]))).toEqual(expectedCounts(version))
    for (const [table, columns] of tables) {
      // Migration 5 checks in the people of sessions held before it: checked below, value by value.
      const rewritten = version < 5 && table === 'attendance' ? ['checked_in_at', 'absent', 'absent_reason'] : []
      const kept = columns.filter((column) => !rewritten.includes(column))
      expect(rowsOf(db, table, kept), table).toEqual(rowsOf(pristine, table, kept))
    }
  })

  it('people: Chinese names, namesakes from different villages, the archived and the demo people', async () => {
    const everyone = await call('people:list', { includeArchived: true })
    expect(everyone).toHaveLength(version >= 2 ? 14 : 12)
    const villagesOf = (name: string) => everyone.filter((person) => person.name === name).map((person) => person.village).sort()
    expect(villagesOf('李芳')).toEqual(['温集新村', '郑家村'])
    expect(villagesOf('刘建国')).toEqual(['后楼村', '郑家村'])
    const named = (name: string, village = '') => everyone.find((person) => person.name === name && person.village === village)!
    expect(named('任肖彤')).toMatchObject({ gender: 'male', organisation: '郑家镇党委', phone: '0371-6688 1234', hasHistory: true, isDemo: false })
    expect(named('任肖彤').categories.sort()).toEqual(['党员', '干部'].sort())
    expect(named('李芳', '温集新村')).toMatchObject({ organisation: '党员暖心志愿服务队', phone: '138 0371 0003', hasHistory: true })
    expect(named('李芳', '郑家村')).toMatchObject({ note: '与志愿服务队的李芳同名', categories: ['群众'] })
    expect(named('高明', '后楼村')).toMatchObject({ gender: null, categories: [], hasHistory: false })
    expect(named('赵宗锋').archivedAt).toBe(cst('2025-08-15T08:00'))
    const active = await call('people:list', {})
    expect(active.map((person) => person.name)).not.toContain('赵宗锋')
    expect(everyone.filter((person) => person.isDemo).map((person) => person.name).sort()).toEqual(version >= 2 ? ['孙丽娟', '马晓东'].sort() : [])
  })

  it('sessions: the list, and the ended session with its plan', async () => {
    const sessions = await call('sessions:list', { when: 'all' })
    expect(sessions.map(({ title, status }) => ({ title, status }))).toEqual([
      { title: PLANNED_TITLE, status: 'planned' },
      ...(version >= 2 ? [{ title: DEMO_TITLE, status: 'planned' }] : []),
      { title: ENDED_TITLE, status: 'ended' },
      { title: CANCELLED_TITLE, status: 'cancelled' }
    ])
    const ended = await call('sessions:get', { id: sessions.find((session) => session.title === ENDED_TITLE)!.id })
    expect(ended).toMatchObject({
      themeTitle: '加快构建新发展格局，把握未来发展主动权',
      plannedStart: START,
      plannedEnd: START + 120 * MINUTE,
      venue: '郑家镇新时代文明实践所理论宣讲室',
      hostName: '任肖彤',
      recorderName: '王晓雪',
      organiserUnit: '郑家镇新时代文明实践所',
      speakerLimitSeconds: 180,
      startedAt: STARTED,
      endedAt: ENDED,
      isDemo: false
    })
    expect(ended.summary).toMatch(/^围绕新发展格局.*形成议定事项两项。$/)
    expect(ended.agenda.map(({ kind, lecturerName, plannedMinutes }) => ({ kind, lecturerName, plannedMinutes }))).toEqual([
      { kind: 'study', lecturerName: '李芳', plannedMinutes: 30 },
      { kind: 'roundtable', lecturerName: null, plannedMinutes: 60 }
    ])
    expect(ended.invitees).toHaveLength(8)
    expect(ended.attendance).toHaveLength(10)
    const demo = sessions.find((session) => session.title === DEMO_TITLE)
    if (demo) expect(await call('sessions:get', { id: demo.id })).toMatchObject({ isDemo: true, hostName: '马晓东' })
    // 座位布局 came with version 8: migration 8 makes every older session a round table, as it was drawn.
    const layouts = await Promise.all(sessions.map(async ({ id, title }) => [title, (await call('sessions:get', { id })).seatLayout]))
    expect(Object.fromEntries(layouts)).toEqual({
      [PLANNED_TITLE]: version >= 8 ? 'long' : 'round',
      ...(version >= 2 ? { [DEMO_TITLE]: 'round' } : {}),
      [ENDED_TITLE]: 'round',
      [CANCELLED_TITLE]: 'round'
    })
    // 归档包 came with version 9: the cancelled session arrived from 温集新村's laptop; older archives made every session here.
    const sources = await Promise.all(sessions.map(async ({ id, title }) => [title, (await call('sessions:get', { id })).sourceLaptop]))
    expect(Object.fromEntries(sources)).toEqual({
      [PLANNED_TITLE]: null,
      ...(version >= 2 ? { [DEMO_TITLE]: null } : {}),
      [ENDED_TITLE]: null,
      [CANCELLED_TITLE]: version >= 9 ? '温集新村笔记本' : null
    })
  })

  it(
    version < 5
      ? 'attendance: migration 5 checked in everyone of the ended session not marked absent, and made the absent walk-in present'
      : 'attendance: as it was recorded',
    async () => {
      const sessions = await call('sessions:list', { when: 'all' })
      const idOf = (title: string) => sessions.find((session) => session.title === title)!.id
      const attendance = (await call('sessions:get', { id: idOf(ENDED_TITLE) })).attendance
      const row = (entry: AttendanceEntry) => ({
        who: `${entry.name}${entry.village ? `·${entry.village}` : ''}`,
        role: entry.role,
        seat: entry.seatNumber,
        invited: entry.invited,
        checkedInAt: entry.checkedInAt,
        absent: entry.absent,
        reason: entry.absentReason,
        hours: entry.serviceHours
      })
      // Before version 5 nobody had to check in: the backfill checks them in as of the start.
      const held = (minutesBeforeStart: number) => (version >= 5 ? START - minutesBeforeStart * MINUTE : STARTED)
      expect(attendance.map(row)).toEqual([
        { who: '任肖彤', role: 'host', seat: 1, invited: true, checkedInAt: held(10), absent: false, reason: '', hours: null },
        { who: '李芳·温集新村', role: 'lecturer', seat: 2, invited: true, checkedInAt: held(8), absent: false, reason: '', hours: version >= 5 ? 2.5 : null },
        // Checked in before the start: the time stays.
        { who: '温乐义·温集新村', role: 'participant', seat: 3, invited: true, checkedInAt: START - 5 * MINUTE, absent: false, reason: '', hours: null },
        { who: '翟自恩', role: 'participant', seat: 4, invited: true, checkedInAt: held(3), absent: false, reason: '', hours: null },
        { who: '张秀兰·温集新村', role: 'participant', seat: 5, invited: true, checkedInAt: null, absent: true, reason: '外出务工', hours: null },
        { who: '刘建国·郑家村', role: 'participant', seat: 6, invited: true, checkedInAt: held(2), absent: false, reason: '', hours: null },
        // In version 5 she was left 未签到 (declined to speak): the migration ran before, so it stays so.
        { who: '李芳·郑家村', role: 'participant', seat: 7, invited: true, checkedInAt: version >= 5 ? null : STARTED, absent: false, reason: '', hours: null },
        { who: '陈静', role: 'participant', seat: 8, invited: false, checkedInAt: STARTED + 20 * MINUTE, absent: false, reason: '', hours: null },
        // A walk-in marked absent before version 5 (临时有事) is present: they came.
        { who: '刘建国·后楼村', role: 'participant', seat: 9, invited: false, checkedInAt: version >= 5 ? STARTED + 25 * MINUTE : STARTED, absent: false, reason: '', hours: null },
        { who: '王晓雪', role: 'recorder', seat: null, invited: true, checkedInAt: held(20), absent: false, reason: '', hours: null }
      ])
      // Sessions not held are not touched.
      for (const title of [PLANNED_TITLE, CANCELLED_TITLE, ...(version >= 2 ? [DEMO_TITLE] : [])]) {
        const list = (await call('sessions:get', { id: idOf(title) })).attendance
        expect(list.length, title).toBeGreaterThan(0)
        expect(list.every((entry) => entry.checkedInAt === null && !entry.absent), title).toBe(true)
      }
      const minutes = await call('minutes:get', { sessionId: idOf(ENDED_TITLE) })
      expect(minutes.attendance).toMatchObject(
        version >= 5 ? { expected: 8, absent: 1, unmarked: 1, walkIns: 2, present: 8 } : { expected: 8, absent: 1, unmarked: 0, walkIns: 2, present: 9 }
      )
    }
  )

  it('turns: the speaking log replays to the turns stored beside it', async () => {
    const sessions = await call('sessions:list', { when: 'all' })
    const sessionId = sessions.find((session) => session.title === ENDED_TITLE)!.id
    const live = await call('live:get', { sessionId })
    expect(live.state.ended).toBe(true)
    expect(live.lastAction).toBe('end')
    const stored = db
      .prepare(
        `SELECT t.id, t.person_id AS personId, t.segment_id AS segmentId, t.round, t.kind, t.outcome, t.started_at AS startedAt,
           t.ended_at AS endedAt, t.paused_ms AS pausedMs, t.applause
         FROM turns t WHERE t.session_id = ? ORDER BY t.position`
      )
      .all(sessionId)
    expect(live.state.turns).toEqual(stored)
    const names = Object.fromEntries(live.attendance.map((entry) => [entry.personId, `${entry.name}${entry.village ? `·${entry.village}` : ''}`]))
    const lecture = version >= 3 ? [{ who: '李芳·温集新村', kind: 'study', round: 0, outcome: 'spoken' }] : []
    const raisedHand = version >= 3 ? [{ who: '温乐义·温集新村', kind: 'raised_hand', round: 0, outcome: 'spoken' }] : []
    expect(live.state.turns.map((turn) => ({ who: names[turn.personId], kind: turn.kind, round: turn.round, outcome: turn.outcome }))).toEqual([
      ...lecture,
      { who: '温乐义·温集新村', kind: 'round', round: 1, outcome: 'spoken' },
      { who: '刘建国·郑家村', kind: 'round', round: 1, outcome: 'spoken' },
      { who: '李芳·郑家村', kind: 'round', round: 1, outcome: 'declined' },
      { who: '陈静', kind: 'round', round: 1, outcome: 'spoken' },
      { who: '任肖彤', kind: 'round', round: 1, outcome: 'skipped' },
      { who: '李芳·温集新村', kind: 'round', round: 1, outcome: 'spoken' },
      // Deferred, and back at the end of the round with a minute paused.
      { who: '翟自恩', kind: 'round', round: 1, outcome: 'spoken' },
      ...raisedHand
    ])
    expect(live.state.turns.find((turn) => names[turn.personId] === '翟自恩')).toMatchObject({ pausedMs: MINUTE, startedAt: STARTED + 50 * MINUTE })
  })

  it('remarks, their search, decisions, the draft, themes and settings', async () => {
    const sessions = await call('sessions:list', { when: 'all' })
    const sessionId = sessions.find((session) => session.title === ENDED_TITLE)!.id
    const remarks = await call('remarks:list', { sessionId })
    const said = Object.fromEntries(remarks.map((remark) => [remark.text, remark]))
    expect(remarks).toHaveLength(7)
    expect(said['让乡亲们的腰包鼓起来，温集新村想办特色种植合作社。']).toMatchObject({
      speakerName: '温乐义',
      starred: true,
      forMinutes: version >= 7,
      tags: ['建议', '金句'],
      offsetMs: 33 * MINUTE,
      createdAt: STARTED + 33 * MINUTE,
      updatedAt: ENDED + 10 * MINUTE,
      deletedAt: null
    })
    const liFangZhengjia = (await call('people:list', {})).find((person) => person.name === '李芳' && person.village === '郑家村')!
    expect(said['我先听听大家的意见。']).toMatchObject({ speakerId: liFangZhengjia.id, speakerName: '李芳', tags: [] })
    // Before version 3 the lecture had no turn: her remark is a note, after the turns.
    expect(said['要把握未来发展的主动权，关键是把乡村振兴的重要内容学深学透。']!.turnId === null).toBe(version < 3)
    expect(remarks.map((remark) => remark.speakerName)).toEqual(
      version >= 3
        ? ['李芳', '温乐义', '刘建国', '李芳', '陈静', '翟自恩', '温乐义']
        : ['温乐义', '刘建国', '李芳', '陈静', '翟自恩', '李芳', '温乐义']
    )

    const remarkHits = (hits: SearchHit[]) => hits.filter((hit) => hit.kind === 'remark').map((hit) => hit.snippet.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, ''))
    // Three characters or more: the FTS index (built by migration 4 for older archives).
    expect(remarkHits(await call('search:query', { text: '腰包鼓起来' }))).toEqual(['让乡亲们的腰包鼓起来，温集新村想办特色种植合作社。'])
    expect(remarkHits(await call('search:query', { text: '光伏项目' }))).toEqual(['郑家村的光伏项目明年可以再扩大一些。'])
    // Two characters: LIKE; the remark set aside (version 4 on) is not found.
    expect(remarkHits(await call('search:query', { text: '光伏' }))).toEqual(['郑家村的光伏项目明年可以再扩大一些。'])
    const cooperative = await call('search:query', { text: '合作社' })
    expect(cooperative.filter((hit) => hit.kind === 'remark').map((hit) => hit.sessionId)).toEqual([sessionId, sessionId])
    expect(cooperative.some((hit) => hit.kind === 'decision')).toBe(true)
    expect((await call('search:query', { text: '新发展格局' })).some((hit) => hit.kind === 'theme')).toBe(true)

    const decisions = await call('decisions:list', { sessionId })
    expect(decisions.map(({ text, ownerName, dueDate, status }) => ({ text, ownerName, dueDate, status })).sort((a, b) => a.text.localeCompare(b.text))).toEqual(
      [
        { text: '在温集新村试点特色种植合作社', ownerName: '温乐义', dueDate: '2025-10-31', status: 'open' },
        { text: '便民服务中心每月一次医保业务进村', ownerName: '镇医保办', dueDate: '2025-09-30', status: 'done' }
      ].sort((a, b) => a.text.localeCompare(b.text))
    )

    // 入纪要 came with version 7: migration 7 leaves older remarks and drafts unmarked (their minutes keep all).
    const marked = remarks.filter((remark) => remark.forMinutes).map((remark) => remark.speakerName)
    expect(marked).toEqual(version >= 7 ? ['温乐义', '翟自恩'] : [])
    const minutes = await call('minutes:get', { sessionId })
    const markedInMinutes = minutes.speakers.flatMap((speaker) => speaker.remarks.filter((remark) => remark.forMinutes).map(() => speaker.name))
    expect(markedInMinutes).toEqual(marked)

    const draft = await call('drafts:get', { sessionId })
    if (version >= 4) expect(draft).toMatchObject({ text: '补记：光伏项目要先做安全评估', tags: ['建议'], starred: false, forMinutes: version >= 7, updatedAt: ENDED + 12 * MINUTE })
    else expect(draft).toBeNull()

    const themes = await call('themes:list', {})
    expect(themes.find((theme) => theme.title === '加快构建新发展格局，把握未来发展主动权')).toMatchObject({
      references: ['《一场别开生面的思想圆桌派》，本报记者 赵宗锋'],
      sessionCount: 1,
      isDemo: false
    })
    expect(themes.filter((theme) => theme.isDemo).map((theme) => theme.title)).toEqual(version >= 2 ? ['示例主题：乡村振兴大家谈'] : [])

    const settings = await call('settings:get', {})
    expect(settings).toMatchObject({ language: 'zh-CN', organisationName: '郑家镇新时代文明实践所', defaultVenue: '郑家镇新时代文明实践所理论宣讲室' })
    expect(settings.categories).toContain('乡贤')
    expect(settings.remarkTags).toEqual(version >= 4 ? [...DEFAULT_REMARK_TAGS, '民生'] : DEFAULT_REMARK_TAGS)

    expect(await call('app:info', {})).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, demoPresent: version >= 2 })
  })

  it(version >= 6 ? 'photos: as they were attached, with their bytes' : 'photos: none before version 6, and the sessions take them', async () => {
    const sessions = await call('sessions:list', { when: 'all' })
    const idOf = (title: string) => sessions.find((session) => session.title === title)!.id
    const photos = await call('photos:list', { sessionId: idOf(ENDED_TITLE) })
    expect(photos.map(({ position, caption, mime, width, height, inVolunteerRecord }) => ({ position, caption, mime, width, height, inVolunteerRecord }))).toEqual(
      version >= 6
        ? [
            { position: 0, caption: '圆桌时间，温乐义发言', mime: 'image/jpeg', width: 24, height: 16, inVolunteerRecord: true },
            { position: 1, caption: '议定事项（截图）', mime: 'image/png', width: 16, height: 12, inVolunteerRecord: false }
          ]
        : []
    )
    expect(await call('photos:list', { sessionId: idOf(PLANNED_TITLE) })).toHaveLength(version >= 6 ? 1 : 0)
    for (const photo of photos) {
      const content = await call('photos:get', { id: photo.id })
      expect(Buffer.from(content.contentBase64, 'base64').length).toBe(photo.size)
    }
    const cancelled = await core.invoke('photos:list', { sessionId: idOf(CANCELLED_TITLE) })
    expect(valueOf(cancelled)).toEqual([])
  })

  it('leaves the committed fixture byte for byte as it was', () => {
    expect(sha256(fixtureOf(version))).toBe(hashBefore)
    expect(existsSync(`${fixtureOf(version)}-wal`)).toBe(false)
  })
})
