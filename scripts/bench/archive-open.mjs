#!/usr/bin/env node
// Opening the archive (issue 16): createCore on the ten-year archive — the writer lock, open, the pragmas
// (WAL, synchronous=FULL, foreign keys), the migration check (user_version against the migrations) — and the
// first answer (app:info), as the app does before its first window can show anything. Budget: ≤ 200 ms.
// Baseline: the same file opened with bare better-sqlite3 and one SELECT. Both warm (the file in the page
// cache, as on a second start); each is the median of RUNS opens, taken in turns.
//
// The archive is BENCH_ARCHIVE, as statistics.mjs seeded it (run.mjs runs that first), copied so the daily
// backup and the lock file land beside the copy; without it a new archive (the demo only) is measured.
import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { call, loadCreateCore } from './core.mjs'
import { entry, median, report } from './results.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const BUDGET_MS = 200

const dir = mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const file = join(dir, 'archive.sqlite')
const archive = process.env.BENCH_ARCHIVE
const tenYears = archive && existsSync(archive)
if (tenYears) {
  copyFileSync(archive, file)
  if (existsSync(`${archive}-wal`)) copyFileSync(`${archive}-wal`, `${file}-wal`)
}
const createCore = await loadCreateCore()

try {
  // The first open creates the archive (no BENCH_ARCHIVE) or takes the day's backup: not timed.
  const first = createCore({ databaseFile: file, appVersion: 'bench', seedDemo: true, log: () => undefined })
  await first.idle()
  first.close()

  const app = []
  const bare = []
  for (let run = 0; run < RUNS + 2; run++) {
    let started = performance.now()
    const core = createCore({ databaseFile: file, appVersion: 'bench', log: () => undefined })
    await call(core, 'app:info', {})
    const coreMs = performance.now() - started
    core.close()

    started = performance.now()
    const db = new BetterSqlite3(file)
    db.prepare('SELECT count(*) FROM sessions').get()
    const bareMs = performance.now() - started
    db.close()
    if (run >= 2) {
      app.push(coreMs)
      bare.push(bareMs)
    }
  }
  const size = `${(statSync(file).size / 1e6).toFixed(0)} MB`
  console.log(`open ${tenYears ? 'the ten-year archive' : 'a new archive'} (${size}): createCore + app:info median ${median(app).toFixed(1)} ms, max ${Math.max(...app).toFixed(1)} ms; bare open + SELECT median ${median(bare).toFixed(2)} ms (${RUNS} runs)`)
  report([entry(`open the archive${tenYears ? ' (ten years)' : ' (new)'} median`, median(app), 'ms', { baseline: median(bare), budget: BUDGET_MS, note: `${size}; vs bare open + one SELECT` })])
} finally {
  rmSync(dir, { recursive: true, force: true })
}
