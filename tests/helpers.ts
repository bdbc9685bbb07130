import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, inject } from 'vitest'
import type { Platform } from '../src/core/context'
import { createCore, type Core, type CoreOptions } from '../src/core/core'
import { rosterReaderInWorker, type RosterReader } from '../src/core/people/roster-reader'
import { openDatabase, type Database } from '../src/core/store/database'
import { uuidv7 } from '../src/core/store/ids'
import type { ExportOutcome } from '../src/shared/domain'
import type { ChangeEvent } from '../src/shared/events'
import type { AppError, Result } from '../src/shared/result'

// ---------------------------------------------------------------------------------------------------------
// Clean-up: every helper that creates something registers how to undo it; `afterEach(runCleanups)` undoes
// them in reverse order (so cores and servers close before their temp folders are removed).

const cleanups: (() => void | Promise<void>)[] = []

export function onCleanup(fn: () => void | Promise<void>): void {
  cleanups.push(fn)
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!()
}

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'roundtable-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A database file path in a fresh temp folder (the file itself does not exist yet). */
export function tempDatabaseFile(): string {
  return join(tempDir(), 'roundtable.sqlite')
}

// ---------------------------------------------------------------------------------------------------------
// Core

export const APP_VERSION = '9.9.9-test'

let rosterReader: RosterReader | undefined
/** Rosters are read in the worker thread, as in the app (built by tests/global-setup.ts); one per test file. */
const sharedRosterReader = (): RosterReader => (rosterReader ??= rosterReaderInWorker(inject('rosterWorkerFile')))

/** A core on a real SQLite file, closed after the test. */
export function testCore(options: Partial<CoreOptions> = {}): Core & { databaseFile: string } {
  const databaseFile = options.databaseFile ?? tempDatabaseFile()
  const core = createCore({ appVersion: APP_VERSION, log: () => {}, readRoster: sharedRosterReader(), ...options, databaseFile })
  onCleanup(() => core.close())
  return Object.assign(core, { databaseFile })
}

/** Records every change event a core emits. */
export function recordEvents(core: Core): ChangeEvent[] {
  const events: ChangeEvent[] = []
  core.subscribe((event) => events.push(event))
  return events
}

/** The value of a successful result; fails the test with the error otherwise. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value
}

/** The error of a failed result; fails the test otherwise. */
export function errorOf(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`)
  return result.error
}

// ---------------------------------------------------------------------------------------------------------
// 导出: the desktop's save dialog, faked, and the bytes an export made.

/** A desktop save dialog that saves under the suggested name in `folder` (a fresh temp folder for each save by default). */
export const saveDialogInto =
  (folder?: string): NonNullable<Platform['chooseSavePath']> =>
  async (fileName) =>
    join(folder ?? tempDir(), fileName)

/**
 * The bytes of an export of `kind`: read back from the file the desktop saved, or decoded from what the web
 * bridge answered for the browser to download. Fails the test when the export went another way.
 */
export function exportedBytes(outcome: ExportOutcome, kind: 'saved' | 'download'): Buffer {
  if (outcome.kind !== kind) throw new Error(`expected a ${kind} export, got ${JSON.stringify(outcome).slice(0, 300)}`)
  if (outcome.kind === 'saved') return readFileSync(outcome.path)
  if (outcome.kind === 'download') return Buffer.from(outcome.contentBase64, 'base64')
  throw new Error('a cancelled export has no bytes')
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures, written with SQL through a second connection (the schema, not core, is what we trust here).

/** Opens the database file (migrating it), runs `fn`, closes it. */
export function withDatabase<T>(file: string, fn: (db: Database) => T): T {
  const db = openDatabase(file)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

export const T0 = Date.UTC(2025, 7, 21, 6, 0) // 2025-08-21 14:00 Asia/Shanghai
export const HOUR = 60 * 60 * 1000
export const DAY = 24 * HOUR

export interface PersonFixture {
  name: string
  categories?: string[]
  gender?: 'male' | 'female' | null
  organisation?: string
  village?: string
  phone?: string | null
  note?: string
  archivedAt?: number | null
  at?: number
}

export function insertPerson(db: Database, p: PersonFixture): string {
  const id = uuidv7()
  const at = p.at ?? T0
  db.prepare(
    `INSERT INTO people (id, name, gender, organisation, village, phone, note, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(id, p.name, p.gender ?? null, p.organisation ?? '', p.village ?? '', p.phone ?? null, p.note ?? '', p.archivedAt ?? null, at, at)
  const addCategory = db.prepare('INSERT INTO person_categories (person_id, category) VALUES (?, ?)')
  for (const category of p.categories ?? []) addCategory.run(id, category)
  return id
}

export interface ThemeFixture {
  title: string
  description?: string
  materials?: string
  references?: string[]
  tags?: string[]
  at?: number
}

export function insertTheme(db: Database, t: ThemeFixture): string {
  const id = uuidv7()
  const at = t.at ?? T0
  db.prepare(
    `INSERT INTO themes (id, title, description, materials, refs, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(id, t.title, t.description ?? '', t.materials ?? '', JSON.stringify(t.references ?? []), at, at)
  const addTag = db.prepare('INSERT INTO theme_tags (theme_id, tag) VALUES (?, ?)')
  for (const tag of t.tags ?? []) addTag.run(id, tag)
  return id
}

export interface SessionFixture {
  title: string
  plannedStart: number
  plannedEnd: number
  themeId?: string | null
  venue?: string
  status?: 'planned' | 'live' | 'ended' | 'cancelled'
  hostId?: string | null
  recorderId?: string | null
  organiserUnit?: string
  speakerLimitSeconds?: number | null
  isDemo?: boolean
}

export function insertSession(db: Database, s: SessionFixture): string {
  const id = uuidv7()
  db.prepare(
    `INSERT INTO sessions (id, theme_id, title, planned_start, planned_end, venue, host_id, recorder_id, organiser_unit,
                           status, speaker_limit_seconds, is_demo, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    s.themeId ?? null,
    s.title,
    s.plannedStart,
    s.plannedEnd,
    s.venue ?? '',
    s.hostId ?? null,
    s.recorderId ?? null,
    s.organiserUnit ?? '',
    s.status ?? 'planned',
    s.speakerLimitSeconds ?? null,
    s.isDemo ? 1 : 0,
    T0,
    T0
  )
  return id
}

/** Every row of every table, to show that a refused call changed nothing. */
export function databaseFingerprint(file: string): Record<string, unknown[]> {
  return withDatabase(file, (db) => {
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]))
  })
}

/** Runs `calls` and checks that they wrote nothing: every row of every table is as it was before. */
export async function writesNothing<T>(file: string, calls: () => Promise<T>): Promise<T> {
  const before = databaseFingerprint(file)
  const result = await calls()
  expect(databaseFingerprint(file), 'every row of every table as before').toStrictEqual(before)
  return result
}

/**
 * Runs a call that must be refused and returns its error, having checked that it left no trace: every row of
 * every table is as it was, and no change event went out.
 */
export async function refusedWithoutTrace(core: Core & { databaseFile: string }, channel: string, input: unknown): Promise<AppError> {
  const events: ChangeEvent[] = []
  const stop = core.subscribe((event) => events.push(event))
  const result = await writesNothing(core.databaseFile, () => core.invoke(channel, input)).finally(stop)
  expect(events, 'change events').toEqual([])
  return errorOf(result)
}

/** The path and code of each issue of a refused call, in order: easy to compare as a whole. */
export function issuesOf(refused: Result<unknown> | AppError): { path: (string | number)[]; code: string }[] {
  const error = 'ok' in refused ? errorOf(refused) : refused
  return (error.issues ?? []).map(({ path, code }) => ({ path, code }))
}
