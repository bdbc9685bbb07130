import { existsSync } from 'node:fs'
import { contract, isChannel, type Channel, type OutputOf } from '../shared/contract'
import type { ChangeEvent } from '../shared/events'
import { fail, ok, type Result } from '../shared/result'
import type { CoreContext, Platform, ReadContext } from './context'
import { AppFailure } from './errors'
import { handlers, isAsyncHandler } from './handlers'
import { demoPresent, seedDemo } from './demo/demo'
import { ensureFolder, openDatabase, type Database } from './store/database'
import { takeWriterLock, type WriterLock } from './store/writer-lock'
import type { WriteDb } from './store/sql'
import { backupBeforeMigration, backedUpToday, backupPath, makeBackup, putBackupInPlace } from './backup/backups'
import type { BackupReason } from '../shared/domain'
import { toFieldIssues } from './validation'
import { rosterReaderInProcess, type RosterReader } from './people/roster-reader'
import { walCheckpoints, type Checkpoints } from './store/checkpoints'

export interface CoreOptions {
  databaseFile: string
  appVersion: string
  now?: () => number
  /** Where unexpected errors are reported (the message to the caller stays generic). */
  log?: (message: string, error: unknown) => void
  /** Create the 示例场次 when this call creates the database file (the app and the web bridge do; tests choose). */
  seedDemo?: boolean
  platform?: Platform
  /** Create the database's folder when missing (the default data folder); false for a path the user named. */
  createFolder?: boolean
  /**
   * Reads roster files. The app and the web bridge pass `rosterReaderInWorker` (a worker thread, so a hostile
   * file cannot freeze them); the default reads in-process, for tests and tools.
   */
  readRoster?: RosterReader
}

export interface Core {
  /** Validates `input` against the channel's schema, runs the handler, never throws (never rejects). */
  invoke<C extends Channel>(channel: C | string, input: unknown): Promise<Result<OutputOf<C>>>
  subscribe(listener: (event: ChangeEvent) => void): () => void
  /**
   * How many listeners are subscribed now. Core swallows a listener's errors, so a listener left behind by a
   * client that went away cannot be seen through `invoke`; tests count instead (e.g. the web bridge's event stream).
   */
  listenerCount(): number
  /** Resolves when the backups taken in the background are done. */
  idle(): Promise<void>
  close(): void
}

/** Channels after whose success a backup is taken, and before which one is (a risky step can be undone). */
const BACKUP_AFTER: Partial<Record<Channel, BackupReason>> = { 'sessions:end': 'session-end' }
/**
 * `required`: the step waits for a good backup. A restore does not: the file it replaces is set aside whole
 * anyway, and a damaged archive (whose copy fails its check) is exactly the one that needs restoring.
 */
const BACKUP_BEFORE: Partial<Record<Channel, { reason: BackupReason; when: (ctx: ReadContext, input: unknown) => boolean; required: boolean }>> = {
  'demo:remove': { reason: 'before-demo-removal', when: demoPresent, required: true },
  // A backup that is not there is refused (backupPath throws) before the copy is taken: a refused restore
  // must leave nothing behind, and before-restore copies are never rotated away.
  'backups:restore': {
    reason: 'before-restore',
    when: (ctx, input) => backupPath(ctx.databaseFile, (input as { name: string }).name) !== '',
    required: false
  }
}

export function createCore(options: CoreOptions): Core {
  // The demo belongs to a first run only: never to an existing archive, whatever opened it before.
  const firstRun = !existsSync(options.databaseFile)
  const now = options.now ?? Date.now
  const log = options.log ?? ((message, error) => console.error(message, error))
  const { ctx, lock, checkpoints } = openArchive(options, now)
  const listeners = new Set<(event: ChangeEvent) => void>()
  const background = backgroundTasks(log)

  function notify(event: ChangeEvent): void {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch (error) {
        log('[core] a change listener failed', error)
      }
    }
  }
  const backupInBackground = (reason: BackupReason): void =>
    background.run(`the ${reason} backup`, () => makeBackup(ctx.db, ctx.databaseFile, reason, now()).then(() => notify({ name: 'backups:changed' })))

  if (options.seedDemo && firstRun) ctx.write(seedDemo)
  // Once a day, at the first start: an archive that is used every day has yesterday's state at hand.
  if (!firstRun && !backedUpToday(ctx.databaseFile, now())) backupInBackground('daily')
  if (ctx.health.check === 'pending') background.run('the check after an unclean exit', () => checkAfterUncleanExit(ctx, log, notify))

  async function invoke<C extends Channel>(channel: C | string, raw: unknown): Promise<Result<OutputOf<C>>> {
    if (!isChannel(channel)) return fail('unknown_channel', `There is no channel named ${String(channel).slice(0, 100)}`)
    const parsed = contract[channel].input.safeParse(raw ?? {})
    if (!parsed.success) {
      return fail('invalid_input', `Invalid input for ${channel}`, toFieldIssues(parsed.error, raw))
    }
    // Events are collected per call, so an async handler's events are not mixed with another call's.
    const events: ChangeEvent[] = []
    try {
      await backupBefore(ctx, channel, parsed.data, events, log)
      const value = (await runHandler(ctx, channel, parsed.data, events, checkpoints.afterWrite)) as OutputOf<C>
      for (const event of events) notify(event)
      const after = BACKUP_AFTER[channel]
      if (after) backupInBackground(after)
      return ok(value)
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.code, error.message, error.issues)
      log(`[core] ${channel} failed`, error)
      return fail('internal', 'Something went wrong inside the app; nothing was changed.')
    }
  }

  return {
    invoke,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    listenerCount: () => listeners.size,
    idle: background.idle,
    close() {
      listeners.clear()
      checkpoints.stop()
      if (ctx.db.open) ctx.db.close()
      lock.release()
    }
  }
}

/** Takes the writer lock, opens (and migrates) the archive, and builds the context every handler gets. */
function openArchive(options: CoreOptions, now: () => number): { ctx: ReadContext; lock: WriterLock; checkpoints: Checkpoints } {
  const open = (file: string) =>
    openDatabase(file, undefined, { createFolder: options.createFolder, beforeMigrating: (db) => void backupBeforeMigration(db, file, now()) })
  // One writer process per file: a second app or bridge on the same archive is refused with a sentence.
  ensureFolder(options.databaseFile, options.createFolder ?? true)
  const lock = takeWriterLock(options.databaseFile)
  let db: Database
  try {
    db = open(options.databaseFile)
  } catch (error) {
    lock.release()
    throw error
  }
  const ctx: ReadContext = {
    db,
    now,
    emit: () => undefined,
    databaseFile: options.databaseFile,
    appVersion: options.appVersion,
    platform: options.platform ?? {},
    readRoster: options.readRoster ?? rosterReaderInProcess,
    health: { lastExit: lock.previousRunUnclean ? 'unclean' : 'clean', check: lock.previousRunUnclean ? 'pending' : 'not_needed' },
    replaceDatabase(file) {
      ctx.db.close()
      const setAside = putBackupInPlace(options.databaseFile, file, now())
      ctx.db = open(options.databaseFile)
      // Every backup passed quick_check when it was made.
      ctx.health = { lastExit: ctx.health.lastExit, check: 'not_needed' }
      return setAside
    },
    write: (work) => {
      const result = inTransaction(ctx, work)
      checkpoints.afterWrite()
      return result
    }
  }
  const checkpoints = walCheckpoints(() => ctx.db)
  return { ctx, lock, checkpoints }
}

/** Work done after a call has answered (backups, the check after a crash); `idle()` waits for it. */
function backgroundTasks(log: (message: string, error: unknown) => void) {
  const running = new Set<Promise<unknown>>()
  return {
    run(what: string, work: () => Promise<unknown>): void {
      const task = work()
        .catch((error: unknown) => log(`[core] ${what} failed`, error))
        .finally(() => running.delete(task))
      running.add(task)
    },
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running)
    }
  }
}

/**
 * The last run ended without closing (a crash, a power cut). SQLite's journal has already put the file
 * back together; quick_check confirms it, after start-up rather than before the first window, and the
 * app says what it found (AppInfo.health; 'damaged' asks for a restore).
 */
async function checkAfterUncleanExit(ctx: ReadContext, log: (message: string, error: unknown) => void, notify: (event: ChangeEvent) => void): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  if (!ctx.db.open || ctx.health.check !== 'pending') return
  const result = String(ctx.db.pragma('quick_check', { simple: true }))
  ctx.health = { lastExit: 'unclean', check: result === 'ok' ? 'ok' : 'damaged' }
  if (result !== 'ok') log('[core] quick_check after an unclean exit found damage', result)
  notify({ name: 'archive:health' })
}

/** The copy taken before a risky step (BACKUP_BEFORE). */
async function backupBefore(ctx: ReadContext, channel: Channel, input: unknown, events: ChangeEvent[], log: (message: string, error: unknown) => void): Promise<void> {
  const before = BACKUP_BEFORE[channel]
  if (!before?.when(ctx, input)) return
  try {
    await makeBackup(ctx.db, ctx.databaseFile, before.reason, ctx.now())
    events.push({ name: 'backups:changed' })
  } catch (error) {
    if (before.required) throw error
    log(`[core] the ${before.reason} backup failed; going on, since the file is set aside whole`, error)
  }
}

/**
 * Runs the channel's handler. A synchronous handler runs as one transaction: if it fails halfway, nothing
 * is left behind. It takes the write lock at BEGIN (IMMEDIATE), so a second process on the same file waits
 * its turn (busy_timeout) instead of failing with "database is locked" halfway through. `afterWrite` is told
 * of each transaction that has committed (the WAL checkpoints run after the answer: store/checkpoints.ts).
 */
async function runHandler(ctx: ReadContext, channel: Channel, input: unknown, events: ChangeEvent[], afterWrite: () => void): Promise<unknown> {
  // `db` is read through, not copied: an async handler that awaits (a file read, a PDF, a dialog) while
  // 恢复 reopens the archive goes on with the archive open now, not a closed connection (an internal error).
  const callCtx: ReadContext = {
    ...ctx,
    get db() {
      return ctx.db
    },
    emit: (event) => void events.push(event),
    write: (work) => {
      const result = inTransaction(callCtx, work)
      afterWrite()
      return result
    }
  }
  const handler = handlers[channel] as (ctx: ReadContext | CoreContext, input: unknown) => unknown
  return isAsyncHandler(handler) ? await handler(callCtx, input) : callCtx.write((tx) => handler(tx, input))
}

/**
 * Runs `work` in one write transaction on `ctx`'s connection (BEGIN IMMEDIATE: a second process waits its
 * turn instead of failing halfway). The one place a connection is typed WriteDb: inside the transaction.
 */
function inTransaction<T>(ctx: ReadContext, work: (tx: CoreContext) => T): T {
  const tx: CoreContext = {
    ...ctx,
    get db() {
      return ctx.db as WriteDb
    },
    write: (inner) => inner(tx)
  }
  return ctx.db.transaction(() => work(tx)).immediate()
}
