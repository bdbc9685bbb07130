import BetterSqlite3 from 'better-sqlite3'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/core/context'
import { createCore } from '../../../src/core/core'
import { CHANNELS, contract, type Channel } from '../../../src/shared/contract'
import type { ChangeEvent } from '../../../src/shared/events'
import type { ErrorCode, Result } from '../../../src/shared/result'
import { chartPng, jpegBytes, landscapeJpeg, pngBytes } from '../../fixtures/images'
import { csvBase64, xlsxBase64, zipBytes } from '../../fixtures/rosters'
import { APP_VERSION, onCleanup, recordEvents, runCleanups, tempDir, testCore, valueOf } from '../../helpers'
import { ID_KINDS, idKindOf, inputArbitrary, NoGenerator, type IdKind, type Pools } from './fuzz-arbitraries'

/**
 * Every channel of the contract, fuzzed against a real core on a real SQLite file holding the demo and a
 * session in every state: hostile values of the right shape, wrongly typed ones, and anything at all
 * (see fuzz-arbitraries.ts). Every answer must be a Result (never a throw), never `internal`, a failure
 * must carry a known code, and a refused call must leave the database, the backups folder and the saved
 * files as they were, and announce no change.
 *
 * Three parts: each channel alone on a fresh copy of the archive; one archive with calls to every channel
 * in a random order (state one call leaves for the next); and batches of calls made at the same time
 * (async handlers overtaken by others, a restore among them). The last two end with SQLite's integrity
 * and foreign key checks.
 *
 * FUZZ_SEED=<n> picks another seed; FUZZ_RUNS=<n> sets the cases per channel (the sequence gets 8×, the
 * batches 1×) for a soak run, e.g. `FUZZ_RUNS=300 FUZZ_SEED=7 npx vitest run tests/integration/core/fuzz.test.ts`.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_250_821
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : null
const DEFAULT_RUNS = 60
/** Channels whose every call writes a file, renders a document or copies the archive: fewer cases. */
const FEWER_RUNS: Partial<Record<Channel, number>> = {
  'backups:create': 15,
  'backups:restore': 25,
  'minutes:export': 40,
  'people:export': 40,
  'ledger:exportYear': 40,
  'ledger:exportVolunteerHours': 40,
  'statistics:exportPdf': 40
}
const runsFor = (channel: Channel): number => RUNS ?? FEWER_RUNS[channel] ?? DEFAULT_RUNS
/** A soak run may take longer than the suite's 120 s per test. */
const TIMEOUT = RUNS === null ? undefined : Math.max(120_000, RUNS * 2_000)

/** What core may answer with; `internal` is a bug, and `unauthorized`/`network` belong to transports. */
const CORE_ERROR_CODES: ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'unknown_channel', 'forbidden', 'io', 'unavailable', 'print_failed']

const DEMO_START = Date.parse('2025-08-21T14:30:00+08:00')
const MINUTE = 60_000

// ---------------------------------------------------------------------------------------------------------
// The archive every channel starts from: the demo, plus a session live, one ended, one cancelled, an
// archived person, an unused theme, remarks (one deleted), decisions, a draft, photos and a backup.

interface Template {
  folder: string
  pools: Omit<Pools, 'savedPaths'>
}

async function buildTemplate(): Promise<Template> {
  // Made in beforeAll and kept for every test, so not with tempDir (whose folders go after each test).
  const folder = mkdtempSync(join(tmpdir(), 'roundtable-fuzz-template-'))
  let now = DEMO_START - 10 * MINUTE
  const core = createCore({ databaseFile: join(folder, 'roundtable.sqlite'), appVersion: APP_VERSION, seedDemo: true, now: () => (now += 1000), log: () => {} })
  const ids: Record<IdKind, Set<string>> = Object.fromEntries(ID_KINDS.map((kind) => [kind, new Set<string>()])) as Record<IdKind, Set<string>>
  const note = (kind: IdKind, ...found: (string | null | undefined)[]) => found.forEach((id) => id && ids[kind].add(id))

  const [demo] = valueOf(await core.invoke('sessions:list', { when: 'all' }))
  const demoDetail = valueOf(await core.invoke('sessions:get', { id: demo!.id }))
  note('session', demo!.id)
  note('theme', demoDetail.themeId)
  note('segment', ...demoDetail.agenda.map((segment) => segment.id))
  const people = valueOf(await core.invoke('people:list', {})).map((person) => person.id)
  const archived = valueOf(await core.invoke('people:create', { name: '已归档的人', note: '归档' }))
  valueOf(await core.invoke('people:archive', { id: archived.id, archived: true }))
  const unused = valueOf(await core.invoke('people:create', { name: '没有参加过的人' }))
  const unusedTheme = valueOf(await core.invoke('themes:create', { title: '没有场次用的主题', tags: ['空'] }))
  // Stored text the documents and exports must carry: markup, formulas, a lone surrogate, long text.
  const odd = valueOf(
    await core.invoke('people:create', { name: '=1+1 <b>郑\uD800</b>', organisation: '"; DROP TABLE people; --', village: ']]>&amp;', note: '第一行\n\t第二行 😀' })
  )
  valueOf(await core.invoke('settings:update', { organisationName: '<script>alert(1)</script> 郑家镇', defaultVenue: '\u202E室议会' }))
  note('person', ...people, archived.id, unused.id, odd.id)
  note('theme', unusedTheme.id)

  const plan = (title: string, dayOffset: number) => ({
    title,
    themeId: demoDetail.themeId,
    plannedStart: DEMO_START + dayOffset * 24 * 60 * MINUTE,
    plannedEnd: DEMO_START + dayOffset * 24 * 60 * MINUTE + 90 * MINUTE,
    hostId: people[0]!,
    agenda: [
      { kind: 'study' as const, lecturerId: people[1]!, topic: '学习', plannedMinutes: 30 },
      { kind: 'roundtable' as const, plannedMinutes: 60 }
    ],
    invitees: [...people.slice(0, 5), odd.id].map((personId, index) => ({
      personId,
      role: index === 1 ? ('lecturer' as const) : ('participant' as const),
      seatNumber: index + 1
    }))
  })

  // A live session in its 圆桌时间, with a remark, a deleted remark, a decision and a draft.
  const live = valueOf(await core.invoke('sessions:create', plan('进行中的场次', 1)))
  valueOf(await core.invoke('live:checkInEveryone', { sessionId: live.id }))
  valueOf(await core.invoke('sessions:start', { id: live.id }))
  valueOf(await core.invoke('live:act', { sessionId: live.id, action: { type: 'phase', segmentId: live.agenda[1]!.id } }))
  let view = valueOf(await core.invoke('live:act', { sessionId: live.id, action: { type: 'round', startPersonId: people[0]! } }))
  const speaking = view.state.current!
  const remark = valueOf(await core.invoke('remarks:create', { sessionId: live.id, speakerId: speaking.personId, turnId: speaking.id, text: '第一条发言', tags: ['观点'] }))
  const deleted = valueOf(await core.invoke('remarks:create', { sessionId: live.id, speakerId: speaking.personId, text: '删掉的发言' }))
  valueOf(await core.invoke('remarks:delete', { id: deleted.id }))
  const oddText = `<w:t>]]>&amp; \uD800 😀 =HYPERLINK("x") | a | b |\n# 标题\n${'郑'.repeat(9000)}`
  valueOf(await core.invoke('remarks:create', { sessionId: live.id, speakerId: odd.id, text: oddText, tags: ['<b>', '=1'], starred: true }))
  view = valueOf(await core.invoke('live:act', { sessionId: live.id, action: { type: 'pass' } }))
  const decision = valueOf(await core.invoke('decisions:create', { sessionId: live.id, text: '下周回访', ownerId: people[2]!, dueDate: '2025-09-01' }))
  valueOf(await core.invoke('drafts:save', { sessionId: live.id, speakerId: view.state.current!.personId, turnId: view.state.current!.id, text: '草稿' }))
  note('session', live.id)
  note('segment', ...live.agenda.map((segment) => segment.id))
  note('remark', remark.id, deleted.id)
  note('decision', decision.id)
  note('turn', ...view.state.turns.map((turn) => turn.id))

  // An ended session, and a cancelled one.
  const ended = valueOf(await core.invoke('sessions:create', plan('已结束的场次', 2)))
  valueOf(await core.invoke('sessions:start', { id: ended.id }))
  valueOf(await core.invoke('sessions:setSummary', { id: ended.id, summary: oddText.repeat(2) }))
  valueOf(await core.invoke('sessions:end', { id: ended.id }))
  const endedDecision = valueOf(await core.invoke('decisions:create', { sessionId: ended.id, text: '已完成的事项', ownerName: '村委会' }))
  valueOf(await core.invoke('decisions:update', { id: endedDecision.id, status: 'done' }))
  const cancelled = valueOf(await core.invoke('sessions:create', plan('取消的场次', 3)))
  valueOf(await core.invoke('sessions:cancel', { id: cancelled.id }))
  note('session', ended.id, cancelled.id)
  note('segment', ...ended.agenda.map((segment) => segment.id))
  note('decision', endedDecision.id)

  // 活动照片 on the live and the ended session, one chosen for the 志愿服务活动记录.
  const photoFiles = [
    landscapeJpeg(32, 24),
    chartPng(24, 16),
    jpegBytes(1921, 8, () => [0, 0, 0]),
    pngBytes(2, 1921, () => [0, 0, 0]),
    landscapeJpeg(16, 16).subarray(0, 40),
    chartPng(8, 8).subarray(0, 30)
  ].map((bytes) => Buffer.from(bytes).toString('base64'))
  for (const sessionId of [live.id, ended.id]) {
    const photo = valueOf(await core.invoke('photos:add', { sessionId, contentBase64: photoFiles[0]!, caption: '<b>合影</b> =1+1' }))
    valueOf(await core.invoke('photos:update', { id: photo.id, inVolunteerRecord: true }))
    note('photo', photo.id, valueOf(await core.invoke('photos:add', { sessionId, contentBase64: photoFiles[1]! })).id)
  }

  const { backup } = valueOf(await core.invoke('backups:create', {}))
  await core.idle()
  core.close()

  const header = '姓名,性别,单位,村,类别,电话,备注'
  const rosterFiles = [
    csvBase64(`${header}\n张三,男,郑家镇,温集新村,党员,13800138000,\n李四,女,,,群众,,备注\n`),
    csvBase64(`${header}\n任肖彤,男,郑家镇党委,,干部,,重名\n`, 'gbk'),
    csvBase64(`${header}\n${'长'.repeat(300)},未知,,,${'类'.repeat(50)},abc,\n\uD800,男,,,,,\n`, 'utf8-bom'),
    csvBase64(`序号,民族\n1,汉\n`),
    csvBase64('"unclosed,quote\n'),
    await xlsxBase64([
      [{ value: '姓名' }, { value: '性别' }, { value: '电话' }],
      [{ value: '王五' }, { value: '男' }, { value: '13900000000' }],
      [{ value: '=1+1' }, { value: 12 }, { value: -1 }]
    ]),
    Buffer.from(zipBytes({ 'word/document.xml': '<w:document/>' })).toString('base64')
  ]

  const idLists = Object.fromEntries(ID_KINDS.map((kind) => [kind, [...ids[kind]]])) as Record<IdKind, string[]>
  return { folder, pools: { ids: idLists, backupNames: [backup.name], rosterFiles, photoFiles } }
}

// ---------------------------------------------------------------------------------------------------------
// Watching for writes: SQLite's data_version (a cheap counter that moves when a commit lands) says when to
// look; then a hash of every row of every table says whether anything was really changed. The backups
// folder and the folder the fake save dialog writes to are listed too.

class WriteWatch {
  private reader: BetterSqlite3.Database
  private last: { version: number; hash: string } | null = null

  constructor(
    private readonly databaseFile: string,
    private readonly folders: string[]
  ) {
    this.reader = this.open()
  }

  private open(): BetterSqlite3.Database {
    return new BetterSqlite3(this.databaseFile, { readonly: true, fileMustExist: true })
  }

  private version(): number {
    return this.reader.pragma('data_version', { simple: true }) as number
  }

  /** The content now; hashed again only when a commit has landed since the last look. */
  snapshot(): { version: number; hash: string; files: string } {
    const version = this.version()
    if (this.last?.version !== version) this.last = { version, hash: this.hash() }
    return { ...this.last, files: this.files() }
  }

  /** After backups:restore the file under the name is another one: read that one from now on. */
  reopen(): void {
    this.reader.close()
    this.reader = this.open()
    this.last = null
  }

  close(): void {
    this.reader.close()
  }

  /** SQLite's own checks of the file: sound pages and indexes, and no reference to a row that is gone. */
  health(): { integrity: unknown; foreignKeys: unknown[] } {
    this.reopen()
    return { integrity: this.reader.pragma('integrity_check', { simple: true }), foreignKeys: this.reader.pragma('foreign_key_check') as unknown[] }
  }

  private hash(): string {
    const digest = createHash('sha256')
    const tables = this.reader
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
      .all() as { name: string }[]
    for (const { name } of tables) {
      // Sorted in JS, so the order SQLite happens to return rows in cannot matter.
      const rows = this.reader
        .prepare(`SELECT * FROM "${name}"`)
        .raw()
        .all()
        .map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)))
        .sort()
      digest.update(`${name}\u0000${rows.join('\n')}\u0001`)
    }
    return digest.digest('hex')
  }

  private files(): string {
    return this.folders
      .map((folder) => (existsSync(folder) ? readdirSync(folder).filter((name) => !/-(wal|shm|journal)$/.test(name)).sort().join('|') : '-'))
      .join('\n')
  }
}

// ---------------------------------------------------------------------------------------------------------
// A fake desktop: a projector window, a save dialog that answers a path in a temp folder (or cancels), a
// PDF printer and a paper printer that succeed.

function fakePlatform(saveFolder: string, slow: boolean): Platform {
  let saves = 0
  let waits = 0
  // Slow: the dialogs and the printer take a moment (a few to 25 ms), so calls made together overlap as in the app.
  const moment = () => new Promise((resolve) => setTimeout(resolve, slow ? 5 + (++waits % 5) * 5 : 0))
  return {
    openProjector: () => true,
    chooseSavePath: async () => {
      await moment()
      return ++saves % 5 === 0 ? null : join(saveFolder, `saved-${saves}.bin`)
    },
    printToPdf: async () => {
      await moment()
      return Buffer.from('%PDF-1.7\n%fake\n')
    },
    revealFile: () => undefined,
    printOnPaper: async () => {
      await moment()
      return true
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// One archive under test: a copy of the template, a core on it with the fake desktop, and the checks every
// answer must pass.

interface Tally {
  cases: number
  ok: number
  /** Calls that got past the schema (answered, or refused by core itself). */
  pastSchema: number
  refused: Partial<Record<string, number>>
}

const tallies = new Map<string, Tally>()
const tallyOf = (name: string): Tally => tallies.get(name) ?? tallies.set(name, { cases: 0, ok: 0, pastSchema: 0, refused: {} }).get(name)!

async function archiveUnderTest({ slowDesktop = false } = {}) {
  const folder = tempDir('roundtable-fuzz-')
  cpSync(template.folder, folder, { recursive: true })
  const saveFolder = join(folder, 'saved')
  mkdirSync(saveFolder)
  const databaseFile = join(folder, 'roundtable.sqlite')
  let now = DEMO_START + 60 * MINUTE
  const logged: string[] = []
  const core = testCore({
    databaseFile,
    now: () => (now += 1000),
    platform: fakePlatform(saveFolder, slowDesktop),
    log: (message, error) => logged.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  })
  const events: ChangeEvent[] = recordEvents(core)
  const watch = new WriteWatch(databaseFile, [join(folder, 'backups'), saveFolder])
  onCleanup(() => watch.close())
  // A file an export saved in this run (the fake save dialog's first answer is a path), so files:reveal has a real one to ask for.
  const saved = valueOf(await core.invoke('people:export', { format: 'csv' }))
  if (saved.kind !== 'saved') throw new Error(`the first export was not saved: ${saved.kind}`)
  const pools: Pools = {
    ids: Object.fromEntries(ID_KINDS.map((kind) => [kind, [...template.pools.ids[kind]]])) as Record<IdKind, string[]>,
    backupNames: [...template.pools.backupNames],
    savedPaths: [saved.path],
    rosterFiles: template.pools.rosterFiles,
    photoFiles: template.pools.photoFiles
  }

  /** Calls the channel; the answer must be a Result, and a failure a typed one. Counted under `countAs`. */
  async function answer(channel: Channel, input: unknown, countAs: string): Promise<Result<unknown>> {
    let result: Result<unknown>
    try {
      result = await core.invoke(channel, input)
    } catch (error) {
      throw new Error(`${channel} threw instead of answering a Result: ${String(error)}`, { cause: error })
    }
    const tally = tallyOf(countAs)
    tally.cases++
    expect(typeof result?.ok, `${channel} answered ${String(result)}`).toBe('boolean')
    if (result.ok) {
      tally.ok++
      tally.pastSchema++
      return result
    }
    const { error } = result
    tally.refused[error.code] = (tally.refused[error.code] ?? 0) + 1
    if (error.message !== `Invalid input for ${channel}`) tally.pastSchema++
    expect(error.code, `${channel} failed inside: ${logged.join('\n')}`).not.toBe('internal')
    expect(CORE_ERROR_CODES).toContain(error.code)
    expect(typeof error.message).toBe('string')
    for (const issue of error.issues ?? []) {
      expect(Array.isArray(issue.path) && typeof issue.code === 'string' && typeof issue.message === 'string', JSON.stringify(issue)).toBe(true)
    }
    return result
  }

  /** One call on its own: as `answer`, and a refused call has written nothing and announced nothing. */
  async function check(channel: Channel, input: unknown, countAs: string = channel): Promise<Result<unknown>> {
    // Backups taken in the background after an earlier call (结束场次) must not look like this call's doing.
    await core.idle()
    const before = watch.snapshot()
    const eventsBefore = events.length
    logged.length = 0
    const result = await answer(channel, input, countAs)
    if (channel === 'backups:restore') watch.reopen()
    if (result.ok) return result
    const after = watch.snapshot()
    expect({ rows: after.hash, files: after.files }, `${channel} was refused (${result.error.code}) but changed something`).toEqual({
      rows: before.hash,
      files: before.files
    })
    expect(events.slice(eventsBefore), `${channel} was refused but announced changes`).toEqual([])
    return result
  }

  /** Calls at the same time (as two windows or a window and a browser may send them): each answers a typed Result. */
  async function checkTogether(calls: { channel: Channel; input: unknown }[], countAs: string): Promise<Result<unknown>[]> {
    logged.length = 0
    const results = await Promise.all(calls.map(({ channel, input }) => answer(channel, input, countAs)))
    await core.idle()
    watch.reopen()
    return results
  }

  return { core, pools, check, checkTogether, health: () => watch.health() }
}

/** New ids a successful call answered with, so later calls in a sequence can name them (and misuse them). */
function harvest(pools: Pools, channel: Channel, value: unknown): void {
  const add = (kind: IdKind, id: unknown) => {
    if (typeof id === 'string' && !pools.ids[kind].includes(id) && pools.ids[kind].length < 500) pools.ids[kind].push(id)
  }
  if (value === null || typeof value !== 'object') return
  const record = value as Record<string, unknown>
  const kind = idKindOf(channel, 'id')
  if (kind) add(kind, record.id)
  const session = (record.session ?? record) as { agenda?: { id: string }[] }
  if (channel.startsWith('sessions:') || channel.startsWith('live:')) for (const segment of session.agenda ?? []) add('segment', segment.id)
  for (const turn of (record.state as { turns?: { id: string }[] } | undefined)?.turns ?? []) add('turn', turn.id)
  const exports: Channel[] = ['minutes:export', 'people:export', 'ledger:exportYear', 'ledger:exportVolunteerHours', 'statistics:exportPdf']
  if (exports.includes(channel) && record.kind === 'saved') pools.savedPaths.push(record.path as string)
  if (channel === 'packs:export' && typeof record.file === 'string') pools.savedPaths.push(record.file)
  if (channel === 'backups:create') pools.backupNames.push((record.backup as { name: string }).name)
  if (channel === 'people:importCommit' || channel === 'people:list') for (const person of Array.isArray(value) ? (value as { id: string }[]) : []) add('person', person.id)
}

// ---------------------------------------------------------------------------------------------------------

let template: Template
const started = performance.now()

beforeAll(async () => {
  template = await buildTemplate()
}, 60_000)

afterEach(runCleanups)

afterAll(() => {
  if (template) rmSync(template.folder, { recursive: true, force: true })
  const rows = [...tallies].map(([channel, t]) => ({
    channel,
    cases: t.cases,
    ok: t.ok,
    pastSchema: t.pastSchema,
    refused: Object.entries(t.refused)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')
  }))
  const perChannel = rows.filter((row) => row.channel !== SEQUENCE && row.channel !== TOGETHER)
  const total = rows.reduce((sum, row) => sum + row.cases, 0)
  const internal = rows.reduce((sum, row) => sum + (tallies.get(row.channel)!.refused.internal ?? 0), 0)
  console.log(
    `fuzz (seed ${SEED}): ${perChannel.length} channels, ${RUNS ?? `${DEFAULT_RUNS} (fewer for file-writing channels)`} cases per channel, ` +
      `${tallies.get(SEQUENCE)?.cases ?? 0} in one mixed sequence, ${tallies.get(TOGETHER)?.cases ?? 0} made in batches at the same time; ` +
      `${total} calls in all, ${internal} internal errors, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`
  )
  console.table(rows)
})

const SEQUENCE = '(mixed sequence)'
const SEQUENCE_RUNS = RUNS === null ? 500 : RUNS * 8
const TOGETHER = '(calls at the same time)'
const TOGETHER_RUNS = RUNS === null ? 80 : RUNS

describe('fuzzing every channel of the contract', () => {
  it('has a generator for every channel', () => {
    const ids = Object.fromEntries(ID_KINDS.map((kind) => [kind, ['00000000-0000-0000-0000-000000000000']])) as Record<IdKind, string[]>
    const pools: Pools = { ids, backupNames: ['x'], savedPaths: ['/x'], rosterFiles: ['eA=='], photoFiles: ['eA=='] }
    const missing: string[] = []
    for (const channel of CHANNELS) {
      try {
        inputArbitrary(contract[channel].input, pools, channel)
      } catch (error) {
        if (!(error instanceof NoGenerator)) throw error
        missing.push(error.message)
      }
    }
    expect(missing).toEqual([])
  })

  it.each(CHANNELS.map((channel, index) => [channel, index] as const))('%s', async (channel, index) => {
    const { core, pools, check } = await archiveUnderTest()
    await fc.assert(
      fc.asyncProperty(inputArbitrary(contract[channel].input, pools, channel), async (input) => void (await check(channel, input))),
      { seed: SEED + index, numRuns: runsFor(channel) }
    )
    await core.idle()
  }, TIMEOUT)

  // State one channel leaves for another: people created then deleted, sessions planned, started, ended,
  // remarks on them, a backup restored in between. New ids join the pools as they are answered.
  it('one archive, calls to every channel in a random order', async () => {
    const { core, pools, check, health } = await archiveUnderTest()
    const call = fc.oneof(
      ...CHANNELS.map((channel) => ({
        // File-writing channels as rarely as they are fuzzed alone.
        weight: Math.max(1, Math.round((10 * (FEWER_RUNS[channel] ?? DEFAULT_RUNS)) / DEFAULT_RUNS)),
        arbitrary: inputArbitrary(contract[channel].input, pools, channel).map((input) => ({ channel, input }))
      }))
    )
    await fc.assert(
      fc.asyncProperty(call, async ({ channel, input }) => {
        const result = await check(channel, input, SEQUENCE)
        if (result.ok) harvest(pools, channel, result.value)
      }),
      // No shrinking: each call changes the archive, so a smaller case would run against another state.
      { seed: SEED - 1, numRuns: SEQUENCE_RUNS, endOnFailure: true }
    )
    await core.idle()
    expect(health()).toEqual({ integrity: 'ok', foreignKeys: [] })
  }, TIMEOUT)

  // Two windows (or a window and a browser on the web bridge) call at once: async handlers (a roster read in
  // a worker, a PDF, a save dialog) are overtaken by others, a restore among them reopens the archive.
  it('one archive, calls made at the same time', async () => {
    const { pools, checkTogether, health } = await archiveUnderTest({ slowDesktop: true })
    const OVERTAKERS: Channel[] = ['backups:restore', 'backups:create', 'demo:remove', 'people:importCommit', 'minutes:export', 'people:export']
    const call = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...CHANNELS) },
      { weight: 2, arbitrary: fc.constantFrom(...OVERTAKERS) }
    ).chain((channel) => inputArbitrary(contract[channel].input, pools, channel).map((input) => ({ channel, input })))
    // Half the batches also restore a backup that exists, somewhere among the other calls.
    const restore = fc.nat().map((index) => ({ channel: 'backups:restore' as const, input: { name: pools.backupNames[index % pools.backupNames.length]! } }))
    const batch = fc
      .tuple(fc.array(call, { minLength: 1, maxLength: 4 }), fc.option(restore, { nil: undefined, freq: 2 }), fc.nat())
      .map(([calls, restoring, at]) => {
        if (!restoring) return calls.length > 1 ? calls : [...calls, ...calls]
        const index = at % (calls.length + 1)
        return [...calls.slice(0, index), restoring, ...calls.slice(index)]
      })
    await fc.assert(
      fc.asyncProperty(batch, async (calls) => {
        const results = await checkTogether(calls, TOGETHER)
        results.forEach((result, index) => result.ok && harvest(pools, calls[index]!.channel, result.value))
      }),
      { seed: SEED - 2, numRuns: TOGETHER_RUNS, endOnFailure: true }
    )
    expect(health()).toEqual({ integrity: 'ok', foreignKeys: [] })
  }, TIMEOUT)
})
