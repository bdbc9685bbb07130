#!/usr/bin/env node
// `npm run soak [-- --cycles N] [--seed S] [--dir DIR] [--verbose]`: the kill test (tests/integration/store/kill.test.ts)
// run for many cycles (default 400). A driver process works on one database through live operations and is
// SIGKILLed at random moments; after each kill the file must pass integrity_check and foreign_key_check and
// hold every operation acknowledged so far. Prints the figures; exits 1 if anything was lost or unsound.
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { rolldown } from 'rolldown'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const KILL = join(root, 'tests/integration/store/kill')

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '400' },
    seed: { type: 'string' },
    // Where the database's temp folder goes; by default in RAM (/dev/shm) where there is one.
    dir: { type: 'string' },
    verbose: { type: 'boolean', default: false }
  }
})
const cycles = Number(values.cycles)
if (!Number.isInteger(cycles) || cycles < 1) {
  console.error(`--cycles must be a whole number above 0, not ${values.cycles}`)
  process.exit(2)
}
const seed = values.seed === undefined ? undefined : Number(values.seed)

// Node cannot run the TypeScript runner itself: bundle it (it bundles the driver in turn). better-sqlite3
// and rolldown are loaded from where they are installed.
const work = mkdtempSync(join(tmpdir(), 'roundtable-soak-'))
let figures
try {
  const require = createRequire(import.meta.url)
  const installed = new Map(['better-sqlite3', 'rolldown'].map((name) => [name, pathToFileURL(require.resolve(name)).href]))
  const build = await rolldown({
    input: join(KILL, 'run-cycles.ts'),
    platform: 'node',
    logLevel: 'silent',
    plugins: [{ name: 'installed-externals', resolveId: (source) => (installed.has(source) ? { id: installed.get(source), external: true } : null) }]
  })
  const runner = join(work, 'run-cycles.mjs')
  await build.write({ file: runner, format: 'esm' })
  await build.close()
  const { runKillCycles } = await import(pathToFileURL(runner).href)

  console.log(`soak: ${cycles} kill cycles${seed === undefined ? '' : `, seed ${seed}`}`)
  const every = Math.max(1, Math.round(cycles / 10))
  let acknowledged = 0
  figures = await runKillCycles({
    cycles,
    seed,
    baseDir: values.dir || undefined,
    driverEntry: join(KILL, 'driver.ts'),
    onCycle: (cycle) => {
      acknowledged += cycle.acknowledged
      const failed = cycle.lost > 0 || cycle.integrity !== 'ok'
      if (values.verbose || failed || cycle.cycle % every === 0) {
        const lost = cycle.lost > 0 ? `, ${cycle.lost} LOST` : ''
        const integrity = cycle.integrity === 'ok' ? '' : `, integrity: ${cycle.integrity}`
        console.log(
          `  cycle ${String(cycle.cycle).padStart(5)}: killed at ${cycle.moment.padEnd(20)} ${String(cycle.acknowledged).padStart(3)} acks` +
            ` (${acknowledged} in all), ${cycle.ms} ms${lost}${integrity}`
        )
      }
    }
  })
} finally {
  rmSync(work, { recursive: true, force: true })
}

const rows = [
  ['seed', figures.seed],
  ['cycles (SIGKILLs)', figures.cycles],
  ['  killed before the first ack', figures.killedBeforeFirstAck],
  ['operations acknowledged', figures.acknowledged],
  ['acknowledged but lost', figures.lost],
  ['integrity_check failures', figures.integrityFailures],
  ['foreign_key_check failures', figures.foreignKeyFailures],
  ['backups checked / failed', `${figures.backupsChecked} / ${figures.backupFailures}`],
  ['other problems', figures.problems.length],
  ['database folder made in', dirname(dirname(figures.databaseFile))],
  ['seconds', figures.seconds],
  ['seconds per cycle', (figures.seconds / Math.max(1, figures.cycles)).toFixed(3)]
]
console.log('\n=== soak: kill test ===')
for (const [name, value] of rows) console.log(`${name.padEnd(30)} ${value}`)
for (const ack of figures.lostExamples) console.log(`lost: ${JSON.stringify(ack)}`)
for (const problem of figures.problems.slice(0, 20)) console.log(`problem: ${problem}`)

const failed =
  figures.lost > 0 || figures.integrityFailures > 0 || figures.foreignKeyFailures > 0 || figures.backupFailures > 0 || figures.problems.length > 0
if (failed) console.log(`FAILED: the database is kept for a look: ${figures.databaseFile}`)
else console.log('OK: nothing acknowledged was lost, and the file stayed sound')
process.exit(failed ? 1 : 0)
