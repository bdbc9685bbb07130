import BetterSqlite3 from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { rolldown } from 'rolldown'
import { createCore, type Core } from '../../../../src/core/core'
import { isAck, lostAcknowledgements, type Ack } from './acks'
import { seeded, type Random } from './prng'

/**
 * The kill test (issue: "a child process drives core through live operations and is SIGKILLed at random
 * moments"). The driver (driver.ts) is bundled once; then, cycle after cycle, a driver process works on
 * the same database file, continuing from whatever the last one left (a session left live included), and
 * is SIGKILLed at a moment drawn from a seeded PRNG: a random delay after it was spawned (often while
 * core is still opening the file), or a random number of acknowledgements, right away or a few
 * milliseconds later (mid-operation). Then, with the process gone, the file is opened and checked:
 * `PRAGMA integrity_check` is ok, `PRAGMA foreign_key_check` finds nothing, and every operation
 * acknowledged by this or any earlier process is in it. Each driver's core must take over the writer lock
 * of the one killed before it (one that cannot ends by itself, and that is reported), and after the last
 * kill a core in this process opens the file and reads the session left live. Completed backups the
 * drivers took in the background must be sound too. Used by kill.test.ts (`npm test`) and
 * scripts/soak.mjs (`npm run soak`).
 */

export interface KillRunOptions {
  cycles: number
  /** Seeds the kill moments and the drivers' choices; random (and reported) when not given. */
  seed?: number
  /** The driver's TypeScript entry; the driver.ts beside this file unless given (a bundled runner must give it). */
  driverEntry?: string
  /** A folder for the database, kept afterwards (the caller's); otherwise a temp folder, removed unless something failed. */
  dir?: string
  /**
   * Where that temp folder is made: by default in RAM (/dev/shm) where there is one. A SIGKILL loses no
   * write the kernel has taken, so the disk adds only fsync time, and a busy disk's noise; give a folder on
   * a disk (the soak's --dir, KILL_DIR for the test) to run there.
   */
  baseDir?: string
  /** Longest wait for a driver to reach its kill moment before it counts as stalled. */
  stallMs?: number
  /** Told about every cycle (the soak prints progress). */
  onCycle?: (cycle: CycleReport) => void
}

export interface CycleReport {
  cycle: number
  /** How the moment was chosen: a delay after spawn, or a number of acknowledgements (then a delay). */
  moment: string
  acknowledged: number
  lost: number
  integrity: string
  ms: number
}

export interface KillFigures {
  seed: number
  cycles: number
  /** Operations acknowledged by the drivers, over all cycles. */
  acknowledged: number
  /** Acknowledged operations the database did not hold after a kill (each counted once). */
  lost: number
  lostExamples: Ack[]
  /** Cycles after which `integrity_check` was not ok, or `foreign_key_check` found rows. */
  integrityFailures: number
  foreignKeyFailures: number
  /** Anything else that went wrong: a driver that died by itself, stalled, or wrote a line that is not an ack. */
  problems: string[]
  /** Kills before the driver's first acknowledgement (core opening the file, taking the lock, finding its session). */
  killedBeforeFirstAck: number
  /** Completed backups (taken in the background by the drivers) that were checked, and how many failed the check. */
  backupsChecked: number
  backupFailures: number
  seconds: number
  databaseFile: string
  /** Every acknowledgement, in order (for the checker's own test). */
  acks: Ack[]
}

/** Bundles a TypeScript entry into one ES module; better-sqlite3 (native) and rolldown are loaded from where the entry finds them. */
export async function bundle(entry: string, outFile: string): Promise<void> {
  const require = createRequire(entry)
  const installed = new Map(['better-sqlite3', 'rolldown'].map((name) => [name, pathToFileURL(require.resolve(name)).href]))
  const build = await rolldown({
    input: entry,
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'installed-externals',
        resolveId: (source) => (installed.has(source) ? { id: installed.get(source)!, external: true } : null)
      }
    ]
  })
  try {
    await build.write({ file: outFile, format: 'esm' })
  } finally {
    await build.close()
  }
}

export async function runKillCycles(options: KillRunOptions): Promise<KillFigures> {
  const started = performance.now()
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31)
  const random = seeded(seed)
  const work = mkdtempSync(join(options.baseDir ?? defaultBase(), 'roundtable-kill-'))
  const dir = options.dir ?? work
  const databaseFile = join(dir, 'roundtable.sqlite')
  const driver = join(work, 'driver.mjs')
  const figures: KillFigures = {
    seed,
    cycles: 0,
    acknowledged: 0,
    lost: 0,
    lostExamples: [],
    integrityFailures: 0,
    foreignKeyFailures: 0,
    problems: [],
    killedBeforeFirstAck: 0,
    backupsChecked: 0,
    backupFailures: 0,
    seconds: 0,
    databaseFile,
    acks: []
  }
  const lost = new Set<string>()
  try {
    await bundle(options.driverEntry ?? join(import.meta.dirname, 'driver.ts'), driver)
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const cycleStarted = performance.now()
      const moment = killMoment(random)
      const run = await runDriver(driver, databaseFile, cycle, random.int(1, 2 ** 31 - 1), moment, options.stallMs ?? 30_000)
      figures.cycles++
      if (run.acks.length === 0) figures.killedBeforeFirstAck++
      figures.problems.push(...run.problems.map((problem) => `cycle ${cycle}: ${problem}`))
      figures.acks.push(...run.acks)
      figures.acknowledged += run.acks.length

      const check = checkFile(databaseFile, figures.acks)
      if (check.integrity !== 'ok') figures.integrityFailures++
      if (check.foreignKeys > 0) figures.foreignKeyFailures++
      for (const ack of check.lost) {
        const key = JSON.stringify(ack)
        if (lost.has(key)) continue
        lost.add(key)
        if (figures.lostExamples.length < 10) figures.lostExamples.push(ack)
      }
      figures.lost = lost.size
      options.onCycle?.({
        cycle,
        moment: moment.describe,
        acknowledged: run.acks.length,
        lost: check.lost.length,
        integrity: check.integrity,
        ms: Math.round(performance.now() - cycleStarted)
      })
    }
    figures.problems.push(...(await reopenWithCore(databaseFile)))
    const backups = checkBackups(databaseFile)
    figures.backupsChecked = backups.checked
    figures.backupFailures = backups.failed
  } catch (error) {
    // Reported with the figures (and the database kept), rather than thrown past them.
    figures.problems.push(`the run stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    figures.seconds = Math.round((performance.now() - started) / 100) / 10
    const failed = figures.lost > 0 || figures.integrityFailures > 0 || figures.foreignKeyFailures > 0 || figures.backupFailures > 0 || figures.problems.length > 0
    // A database in our temp folder stays for a post-mortem when something failed (the figures name it).
    if (failed && !options.dir) rmSync(driver, { force: true })
    else rmSync(work, { recursive: true, force: true })
  }
  return figures
}

function defaultBase(): string {
  try {
    accessSync('/dev/shm', constants.W_OK)
    return '/dev/shm'
  } catch {
    return tmpdir()
  }
}

interface Moment {
  /** Kill this long after the spawn… */
  afterMs?: number
  /** …or once this many acknowledgements have arrived, `thenMs` later (0: at once). */
  afterAcks?: number
  thenMs: number
  describe: string
}

/**
 * One time in five a delay after the spawn (a driver's first ack comes 150–400 ms after it, so most of these
 * kill it while node loads it or core opens the file, takes the lock and finds its session); otherwise a
 * number of acknowledgements, at once (the driver is then in its next transaction) or a little later.
 */
function killMoment(random: Random): Moment {
  if (random.chance(0.2)) {
    const afterMs = Math.round(random.between(0, 400))
    return { afterMs, thenMs: 0, describe: `${afterMs} ms after spawn` }
  }
  const afterAcks = random.int(1, 40)
  const thenMs = random.chance(0.5) ? 0 : Math.round(random.between(0, 5) * 10) / 10
  return { afterAcks, thenMs, describe: `${afterAcks} acks + ${thenMs} ms` }
}

interface DriverRun {
  acks: Ack[]
  problems: string[]
}

function runDriver(driver: string, databaseFile: string, cycle: number, seed: number, moment: Moment, stallMs: number): Promise<DriverRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [driver, databaseFile, String(cycle), String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const problems: string[] = []
    let stdout = ''
    let stderr = ''
    let lines = 0
    let killed = false
    const timers: NodeJS.Timeout[] = []
    const kill = (): void => {
      if (killed) return
      killed = true
      child.kill('SIGKILL')
    }
    const killIn = (ms: number): void => {
      if (ms <= 0) kill()
      else timers.push(setTimeout(kill, ms))
    }
    if (moment.afterMs !== undefined) killIn(moment.afterMs)
    timers.push(
      setTimeout(() => {
        problems.push(`the driver did not reach its kill moment (${moment.describe}) within ${stallMs} ms`)
        kill()
      }, stallMs)
    )
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
      if (moment.afterAcks === undefined || lines >= moment.afterAcks) return
      for (const char of chunk) if (char === '\n') lines++
      if (lines >= moment.afterAcks) killIn(moment.thenMs)
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk
    })
    child.on('error', (error) => problems.push(`spawn failed: ${error.message}`))
    // 'close': the process is gone (reaped: nothing of it holds the file or looks alive) and its pipes are drained.
    child.on('close', (code, signal) => {
      for (const timer of timers) clearTimeout(timer)
      if (!killed || signal !== 'SIGKILL') problems.push(`the driver exited by itself (code ${code}, signal ${signal}): ${stderr.trim().slice(0, 1000)}`)
      const acks: Ack[] = []
      // A line cut short by the kill (no newline yet) was never acknowledged.
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1)
      for (const line of complete.split('\n')) {
        if (line === '') continue
        let value: unknown
        try {
          value = JSON.parse(line)
        } catch {
          value = undefined
        }
        if (isAck(value)) acks.push(value)
        else problems.push(`the driver wrote a line that is not an acknowledgement: ${line.slice(0, 200)}`)
      }
      resolve({ acks, problems })
    })
  })
}

interface FileCheck {
  integrity: string
  foreignKeys: number
  lost: Ack[]
}

/**
 * Opens the file as it was left, read-only (so a hot WAL is left for the next driver's core to recover
 * from), and checks it. Only a rollback journal left hot by the very first process, killed while it made
 * the file, needs a writer to roll it back: then the file is opened read-write.
 */
function checkFile(databaseFile: string, acks: readonly Ack[]): FileCheck {
  if (!existsSync(databaseFile)) return { integrity: 'ok', foreignKeys: 0, lost: [...acks] }
  const failed = (error: unknown): FileCheck => ({ integrity: `the check failed: ${String(error)}`, foreignKeys: 0, lost: [...acks] })
  try {
    return check(databaseFile, acks, true)
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY')) return failed(error)
  }
  try {
    return check(databaseFile, acks, false)
  } catch (error) {
    return failed(error)
  }
}

function check(databaseFile: string, acks: readonly Ack[], readonly: boolean): FileCheck {
  const db = new BetterSqlite3(databaseFile, { readonly, fileMustExist: true })
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ')
    const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length
    return { integrity, foreignKeys, lost: lostAcknowledgements(db, acks) }
  } finally {
    db.close()
  }
}

/** After the last kill the app opens the file again: a fresh core takes over the lock and reads every session. */
async function reopenWithCore(databaseFile: string): Promise<string[]> {
  if (!existsSync(databaseFile)) return []
  let core: Core
  try {
    core = createCore({ databaseFile, appVersion: 'kill-test', seedDemo: false, log: () => {} })
  } catch (error) {
    return [`core could not open the file after the last kill: ${String(error)}`]
  }
  const problems: string[] = []
  try {
    const sessions = await core.invoke('sessions:list', { when: 'all' })
    if (!sessions.ok) problems.push(`sessions:list after the last kill: ${sessions.error.message}`)
    for (const session of sessions.ok ? sessions.value.filter((candidate) => candidate.status === 'live') : []) {
      const view = await core.invoke('live:get', { sessionId: session.id })
      if (!view.ok) problems.push(`live:get of the session left live: ${view.error.message}`)
    }
    await core.idle()
  } finally {
    try {
      core.close()
    } catch (error) {
      problems.push(`core did not close after the last kill: ${String(error)}`)
    }
  }
  return problems
}

/** Every completed backup must be sound: one is renamed into place only after its check. */
function checkBackups(databaseFile: string): { checked: number; failed: number } {
  const folder = join(databaseFile, '..', 'backups')
  if (!existsSync(folder)) return { checked: 0, failed: 0 }
  let checked = 0
  let failed = 0
  for (const name of readdirSync(folder)) {
    if (!/^backup-.*\.sqlite$/.test(name)) continue
    checked++
    try {
      const copy = new BetterSqlite3(join(folder, name), { readonly: true, fileMustExist: true })
      try {
        if (copy.pragma('quick_check', { simple: true }) !== 'ok') failed++
      } finally {
        copy.close()
      }
    } catch {
      failed++
    }
  }
  return { checked, failed }
}
