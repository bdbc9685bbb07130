import BetterSqlite3, { type Database } from 'better-sqlite3'
import { expect } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { InputOf } from '../../../src/shared/contract'
import { HIGHLIGHT_END, HIGHLIGHT_START, type LiveProgress, type LiveView, type Remark, type SearchHit } from '../../../src/shared/domain'
import type { ChangeEvent } from '../../../src/shared/events'
import { onCleanup, recordEvents, T0, testCore, valueOf } from '../../helpers'

/**
 * Shared by the remarks suites: a core on a real SQLite file with a clock the test moves, a few people seated
 * at a table, a session with a 圆桌时间 segment (started unless said otherwise), and a second read-only
 * connection to look at the rows core wrote.
 */

export const SECOND = 1000
export const MINUTE = 60 * SECOND

export interface TableOptions {
  /** The people seated at the table (seats 1, 2, …), in the order their ids are returned. */
  names?: string[]
  /** Start the session (planned → live); true unless said otherwise. */
  start?: boolean
  /** Where the clock starts. */
  at?: number
  /** An existing database file (e.g. a copy) instead of a fresh one. */
  databaseFile?: string
}

export interface Table {
  core: Core
  file: string
  clock: { now: number }
  /** Moves the clock on. */
  wait: (ms: number) => void
  sessionId: string
  segmentId: string
  people: string[]
  events: ChangeEvent[]
  reader: Database
}

export const DEFAULT_NAMES = ['温乐义', '翟自恩', '张秀兰']

export async function openTable(options: TableOptions = {}): Promise<Table> {
  const clock = { now: options.at ?? T0 }
  const core = testCore({ now: () => clock.now, ...(options.databaseFile ? { databaseFile: options.databaseFile } : {}) })
  const people: string[] = []
  for (const name of options.names ?? DEFAULT_NAMES) people.push(valueOf(await core.invoke('people:create', { name })).id)
  const session = valueOf(
    await core.invoke('sessions:create', {
      title: '思想圆桌派',
      plannedStart: T0,
      plannedEnd: T0 + 2 * 3_600_000,
      venue: '郑家镇新时代文明实践所理论宣讲室',
      agenda: [{ kind: 'roundtable', title: '圆桌时间', plannedMinutes: 60 }],
      invitees: people.map((personId, i) => ({ personId, role: 'participant' as const, seatNumber: i + 1 }))
    })
  )
  if (options.start ?? true) valueOf(await core.invoke('sessions:start', { id: session.id }))
  const reader = openReader(core.databaseFile)
  const events = recordEvents(core)
  return {
    core,
    file: core.databaseFile,
    clock,
    wait: (ms) => void (clock.now += ms),
    sessionId: session.id,
    segmentId: session.agenda[0]!.id,
    people,
    events,
    reader
  }
}

/** A second, read-only connection to a database file, closed after the test. */
export function openReader(file: string): Database {
  const reader = new BetterSqlite3(file, { readonly: true })
  onCleanup(() => void reader.close())
  return reader
}

export async function act(table: Table, action: InputOf<'live:act'>['action']): Promise<LiveProgress> {
  return valueOf(await table.core.invoke('live:act', { sessionId: table.sessionId, action }))
}

/** The turn that holds the microphone. */
export function currentTurn(view: Pick<LiveView, 'state'>): string {
  if (!view.state.current) throw new Error('nobody holds the microphone')
  return view.state.current.id
}

export type NewRemark = Partial<Omit<InputOf<'remarks:create'>, 'speakerId' | 'text'>>

export async function writeRemark(table: Table, speakerId: string, text: string, extra: NewRemark = {}): Promise<Remark> {
  return valueOf(await table.core.invoke('remarks:create', { sessionId: table.sessionId, speakerId, turnId: null, text, ...extra }))
}

export async function listRemarks(table: Table, sessionId = table.sessionId): Promise<Remark[]> {
  return valueOf(await table.core.invoke('remarks:list', { sessionId }))
}

export async function search(core: Core, query: InputOf<'search:query'>): Promise<SearchHit[]> {
  return valueOf(await core.invoke('search:query', query))
}

/** The remark hits of a search, after checking that they all come before any other kind of hit. */
export async function remarkHits(core: Core, query: InputOf<'search:query'>): Promise<SearchHit[]> {
  const hits = await search(core, query)
  const remarks = hits.filter((hit) => hit.kind === 'remark')
  expect(hits.slice(0, remarks.length)).toEqual(remarks)
  return remarks
}

// ---------------------------------------------------------------------------------------------------------
// The brute force: what search must find, worked out from the remarks table itself.

export interface RemarkRow {
  rowid: number
  id: string
  session_id: string
  speaker_id: string
  text: string
  created_at: number
  deleted_at: number | null
  tags: string
}

export interface Filters {
  from?: number
  to?: number
  personId?: string
  tag?: string
}

export function remarkRows(reader: Database): RemarkRow[] {
  return reader
    .prepare(
      `SELECT r.rowid, r.id, r.session_id, r.speaker_id, r.text, r.created_at, r.deleted_at,
              (SELECT json_group_array(tag) FROM remark_tags t WHERE t.remark_id = r.id) AS tags
       FROM remarks r`
    )
    .all() as RemarkRow[]
}

/** Not-deleted remarks whose text contains `query` and that pass the filters, newest first. */
export function bruteForce(reader: Database, query: string, filters: Filters = {}): RemarkRow[] {
  return remarkRows(reader)
    .filter(
      (row) =>
        row.deleted_at === null &&
        row.text.includes(query) &&
        (filters.from === undefined || row.created_at >= filters.from) &&
        (filters.to === undefined || row.created_at < filters.to) &&
        (filters.personId === undefined || row.speaker_id === filters.personId) &&
        (filters.tag === undefined || (JSON.parse(row.tags) as string[]).includes(filters.tag))
    )
    .sort((a, b) => b.created_at - a.created_at || b.rowid - a.rowid)
}

/** The parts of a snippet between the highlight marks. */
export function markedParts(snippet: string): string[] {
  const parts: string[] = []
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'g')
  for (const match of snippet.matchAll(pattern)) parts.push(match[1]!)
  return parts
}

/** The snippet without its marks and without the ellipses at its ends. */
export function unmarked(snippet: string): string {
  return snippet.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_END).join('').replace(/^…/, '').replace(/…$/, '')
}

/**
 * A snippet shows a piece of the remark with the query marked: one marked part holds the query (FTS5 marks
 * overlapping or touching matches as one part, e.g. 「乡村振兴乡村振兴」), and every marked part is made
 * of matched text.
 */
export function expectSnippetMarks(snippet: string, text: string, query: string): void {
  expect(text).toContain(unmarked(snippet))
  const parts = markedParts(snippet)
  expect(parts.some((part) => part.includes(query)), `${JSON.stringify(snippet)} marks ${query}`).toBe(true)
  for (const part of parts) expect(part.length).toBeGreaterThanOrEqual(query.length)
}
