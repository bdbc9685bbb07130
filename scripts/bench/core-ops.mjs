#!/usr/bin/env node
// The console's writes (issue 16): 传递话筒 (live:act pass), 记一条发言 (remarks:create), 改一条发言
// (remarks:update) and 签到 (live:checkIn), each through core.invoke — zod validation, the handler map, one
// BEGIN IMMEDIATE transaction committed with synchronous=FULL — against the bare better-sqlite3 statement
// doing the same row's write on the same archive file (its triggers included), in autocommit on a second
// connection with the app's pragmas. Budget: p99 ≤ 5 ms and ≤ 3× the bare statement's p99.
//
// In-process rather than through the web bridge: the issue asks for the core operation, and HTTP would add
// transport time that is not part of it (projector-latency.mjs measures the path through the bridge). Core
// and bare statement take turns, one call each, so both see the same machine at the same moment.
//
// The archive: BENCH_ARCHIVE (the ten-year archive statistics.mjs seeded), copied, so the write path sees a
// big file with its indexes and FTS tables; else a new archive with the demo. Not on tmpfs: the commit's
// fsync is part of every write, on the laptop's disk as here.
import BetterSqlite3 from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { call, loadCreateCore, remarkText, seedLiveSession } from './core.mjs'
import { entry, median, quantile, report } from './results.mjs'

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300)
const WARM_UP = 10
const BUDGET_MS = 5
const MAX_RATIO = 3

const dir = mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const file = join(dir, 'archive.sqlite')
if (process.env.BENCH_ARCHIVE && existsSync(process.env.BENCH_ARCHIVE)) {
  copyFileSync(process.env.BENCH_ARCHIVE, file)
  if (existsSync(`${process.env.BENCH_ARCHIVE}-wal`)) copyFileSync(`${process.env.BENCH_ARCHIVE}-wal`, `${file}-wal`)
}
const createCore = await loadCreateCore()
const core = createCore({ databaseFile: file, appVersion: 'bench', seedDemo: true, log: () => undefined })
await core.idle() // the daily backup of a copied archive runs in the background: let it finish first
const bare = new BetterSqlite3(file)
bare.pragma('journal_mode = WAL')
bare.pragma('synchronous = FULL')
bare.pragma('foreign_keys = ON')
bare.pragma('busy_timeout = 5000')

const time = async (fn) => {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

/** One turn of the event loop: what the process does between two calls (IPC or HTTP brings each in a task of its own). */
const nextTask = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Runs `viaCore` and `viaBare` in turns, SAMPLES times after a warm-up; returns both lists of times in ms.
 * Between samples the event loop turns once, as it does between two key presses reaching the app: work core
 * does after a call has answered (its WAL checkpoints) runs there, outside the timed calls of either side.
 */
async function alternate(viaCore, viaBare) {
  const times = { core: [], bare: [] }
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const coreMs = await time(() => viaCore(i))
    await nextTask()
    const bareMs = await time(() => viaBare(i))
    await nextTask()
    if (i >= WARM_UP) {
      times.core.push(coreMs)
      times.bare.push(bareMs)
    }
  }
  return times
}

try {
  // A long evening already on the archive: 60 seated, 100 remarks written; then SAMPLES more of each action.
  const { sessionId, people } = await seedLiveSession(core, { people: 60, remarks: 100 })
  // A planned session whose rows the bare statements write, so they never disturb the live one's replay.
  const spare = await call(core, 'sessions:create', {
    title: '基准：对照',
    plannedStart: Date.now() + 86_400_000,
    plannedEnd: Date.now() + 90_000_000,
    invitees: people.map((personId) => ({ personId }))
  })
  const results = []
  const measure = (label, times) => {
    for (const q of [0.5, 0.99]) {
      const name = `core: ${label} p${q * 100}`
      const value = quantile(times.core, q)
      const baseline = quantile(times.bare, q)
      results.push(
        q === 0.99
          ? entry(name, value, 'ms', { baseline, budget: BUDGET_MS, maxRatio: MAX_RATIO, note: 'vs the bare statement' })
          : entry(name, value, 'ms', { baseline, note: 'vs the bare statement' })
      )
    }
    console.log(
      `${label}: core p50 ${quantile(times.core, 0.5).toFixed(2)} p99 ${quantile(times.core, 0.99).toFixed(2)} ms; ` +
        `bare p50 ${quantile(times.bare, 0.5).toFixed(2)} p99 ${quantile(times.bare, 0.99).toFixed(2)} ms (${SAMPLES} each)`
    )
  }

  // 传递话筒 writes three rows: the event (the log is the record), the turn that ends (spoken, its end time) and
  // the turn that starts. The bare statements write the same three rows in one transaction; core also checks
  // the action (the session is live, who is absent), replays the log, finds the changed turns, and answers
  // with the live view.
  let view = await call(core, 'live:get', { sessionId })
  const turnsBefore = view.state.turns.length
  const insertEvent = bare.prepare("INSERT INTO speaking_events (session_id, seq, id, type, payload, at) VALUES (?, ?, ?, 'pass', ?, ?)")
  const endTurn = bare.prepare("UPDATE turns SET outcome = 'spoken', ended_at = ? WHERE id = ?")
  const startTurn = bare.prepare(
    "INSERT INTO turns (id, session_id, person_id, segment_id, round, kind, position, outcome, started_at) VALUES (?, ?, ?, NULL, 1, 'round', ?, 'speaking', ?)"
  )
  let bareTurn = randomUUID()
  startTurn.run(bareTurn, spare.id, people[0], 0, Date.now())
  const barePass = bare.transaction((i) => {
    const next = randomUUID()
    insertEvent.run(spare.id, i + 1, randomUUID(), '{"absent":[]}', Date.now())
    endTurn.run(Date.now(), bareTurn)
    startTurn.run(next, spare.id, people[(i + 1) % people.length], i + 1, Date.now())
    bareTurn = next
  })
  const passes = await alternate(
    async () => {
      // A round that has come to its end starts again at seat 1 (not timed: that is another action).
      if (!view.state.current) view = await call(core, 'live:act', { sessionId, action: { type: 'round', startPersonId: people[0] } })
      view = await call(core, 'live:act', { sessionId, action: { type: 'pass' } })
    },
    (i) => barePass.immediate(i)
  )
  measure('pass the mic (live:act)', passes)
  // Each pass replays the session's whole log and rewrites every turn it derives: the cost grows with the session.
  const tenth = Math.max(1, Math.floor(SAMPLES / 10))
  console.log(
    `  pass the mic grows with the session: median ${median(passes.core.slice(0, tenth)).toFixed(2)} ms over the first ${tenth} passes (from ${turnsBefore} turns), ` +
      `${median(passes.core.slice(-tenth)).toFixed(2)} ms over the last ${tenth} (to ${view.state.turns.length} turns)`
  )

  // 记一条发言 for whoever holds the mic; bare: the same INSERT (the FTS and count triggers fire for both).
  if (!view.state.current) view = await call(core, 'live:act', { sessionId, action: { type: 'round', startPersonId: people[0] } })
  const speaker = view.state.current
  const created = []
  const bareCreated = []
  const insertRemark = bare.prepare(
    'INSERT INTO remarks (id, session_id, turn_id, speaker_id, text, starred, for_minutes, offset_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?)'
  )
  measure(
    'add a remark (remarks:create)',
    await alternate(
      async (i) => created.push((await call(core, 'remarks:create', { sessionId, speakerId: speaker.personId, turnId: speaker.id, text: remarkText(i) })).id),
      (i) => {
        const id = randomUUID()
        insertRemark.run(id, sessionId, speaker.id, speaker.personId, remarkText(i), 1000, Date.now(), Date.now())
        bareCreated.push(id)
      }
    )
  )

  // 改一条发言: new text for a remark written above; bare: the same UPDATE.
  const updateRemark = bare.prepare('UPDATE remarks SET text = ?, updated_at = ? WHERE id = ?')
  measure(
    'edit a remark (remarks:update)',
    await alternate(
      (i) => call(core, 'remarks:update', { id: created[i % created.length], text: `${remarkText(i + 1)}（改）` }),
      (i) => updateRemark.run(`${remarkText(i + 1)}（改）`, Date.now(), bareCreated[i % bareCreated.length])
    )
  )

  // 签到: first check-ins, as at the door; sessions of 60 invited, planned, one for core and one for the bare
  // statement, as many as the samples need.
  const checkIns = async () => {
    const rows = []
    while (rows.length < WARM_UP + SAMPLES) {
      const planned = await call(core, 'sessions:create', {
        title: '基准：签到',
        plannedStart: Date.now() + 86_400_000,
        plannedEnd: Date.now() + 90_000_000,
        invitees: people.map((personId) => ({ personId }))
      })
      rows.push(...people.map((personId) => ({ sessionId: planned.id, personId })))
    }
    return rows
  }
  const viaCore = await checkIns()
  const viaBare = await checkIns()
  const checkIn = bare.prepare('UPDATE attendance SET checked_in_at = coalesce(checked_in_at, ?), absent = 0, absent_reason = ? WHERE session_id = ? AND person_id = ?')
  measure(
    'check in (live:checkIn)',
    await alternate(
      (i) => call(core, 'live:checkIn', { ...viaCore[i], present: true }),
      (i) => checkIn.run(Date.now(), '', viaBare[i].sessionId, viaBare[i].personId)
    )
  )
  report(results)
} finally {
  bare.close()
  core.close()
  rmSync(dir, { recursive: true, force: true })
}
