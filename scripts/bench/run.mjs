#!/usr/bin/env node
// npm run bench (issue 16): builds once, runs every bench script, collects their entries and writes
// bench/results.json ({machine, results}) and bench/results.md (the same as a table), ready to commit.
//
// - One build (electron-vite build), copied to bench/.out: others rebuild out/ for their own tests on the
//   same checkout, and a rebuild empties out/ under a running bench. Every script reads BENCH_OUT.
// - statistics.mjs runs first and seeds the ten-year archive at BENCH_ARCHIVE (a temp file); core-ops.mjs
//   and archive-open.mjs then copy that archive instead of seeding their own. search.mjs seeds its own
//   archive (a different one: BENCH_ARCHIVE is not passed to it).
// - Each script merges its entries into one BENCH_RESULTS file (results.mjs, the convention statistics.mjs
//   started). With --repeat N (or BENCH_REPEAT) the scripts run N times and each entry's value and baseline
//   are the medians over the runs: the machine is shared, one run can land on a busy moment. Each run's own
//   ratio is kept beside them (runRatios; in results.md's note), for information.
// - A script that fails is reported and the others still run; the exit code is 1 if any failed or any
//   entry misses its budget.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { judge, median } from './results.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    repeat: { type: 'string', default: process.env.BENCH_REPEAT ?? '1' },
    // Only these scripts (comma-separated names without .mjs), e.g. --only core-ops,export.
    only: { type: 'string' },
    'skip-build': { type: 'boolean', default: false }
  }
})
const repeat = Math.max(1, Number(values.repeat) || 1)
// statistics first: it seeds the archive the others copy. search.mjs seeds its own 200,000-remark archive.
const SCRIPTS = ['statistics', 'search', 'bundle', 'core-ops', 'archive-open', 'export', 'projector-latency', 'renderer']
const scripts = values.only ? SCRIPTS.filter((name) => values.only.split(',').includes(name)) : SCRIPTS

const out = join(root, 'bench/.out')
if (!values['skip-build']) {
  console.log('building (electron-vite build) …')
  const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
  rmSync(out, { recursive: true, force: true })
  cpSync(join(root, 'out'), out, { recursive: true })
}
if (!existsSync(join(out, 'main/server.js')) || !existsSync(join(out, 'renderer/index.html'))) {
  console.error(`No complete build in ${out} (another build may have emptied out/ meanwhile); run again.`)
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'roundtable-bench-run-'))
const env = { ...process.env, BENCH_OUT: out }
delete env.BENCH_ARCHIVE
const USES_TEN_YEARS = new Set(['statistics', 'core-ops', 'archive-open'])
const tenYears = join(work, 'ten-years.sqlite')
const runs = [] // one list of entries per repeat
const failed = []
try {
  for (let r = 0; r < repeat; r++) {
    const file = join(work, `results-${r}.json`)
    for (const name of scripts) {
      console.log(`\n▶ ${name}${repeat > 1 ? ` (run ${r + 1} of ${repeat})` : ''}`)
      const started = performance.now()
      const before = existsSync(file) ? readFileSync(file, 'utf8') : ''
      const child = spawnSync(process.execPath, [join(root, 'scripts/bench', `${name}.mjs`)], { cwd: root, env: { ...env, BENCH_RESULTS: file, ...(USES_TEN_YEARS.has(name) ? { BENCH_ARCHIVE: tenYears } : {}) }, stdio: 'inherit' })
      console.log(`  (${name}: ${((performance.now() - started) / 1000).toFixed(0)} s, exit ${child.status})`)
      // Exit 1 with entries written is a missed budget, reported in the table; a script that wrote no entries failed.
      const after = existsSync(file) ? readFileSync(file, 'utf8') : ''
      if (child.status !== 0 && after === before) failed.push(name)
    }
    runs.push(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [])
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

// One entry per name: value and baseline are the medians over the repeats, judged again against the entry's
// limits (entries from scripts without limits, e.g. statistics.mjs: ok when most runs were).
const names = [...new Set(runs.flat().map((result) => result.name))]
const results = names.map((name) => {
  const all = runs.map((list) => list.find((result) => result.name === name)).filter(Boolean)
  if (all.length === 1) return all[0]
  const mid = (key) => {
    const known = all.map((result) => result[key]).filter((value) => value !== null && value !== undefined)
    return known.length ? Number(median(known).toFixed(3)) : null
  }
  const merged = { ...all[0], value: mid('value'), baseline: mid('baseline'), runs: all.length }
  merged.ratio = merged.baseline ? Number((merged.value / merged.baseline).toFixed(3)) : null
  // Each run's own ratio, for information: the verdict is on the medians above, but a ratio's spread between runs
  // (the machine's state moves value and baseline together) is what says how safely a budget is held.
  const runRatios = all.map((result) => result.ratio)
  if (runRatios.every((ratio) => typeof ratio === 'number')) merged.runRatios = runRatios
  const oks = all.map((result) => result.ok).filter((ok) => ok !== null)
  merged.ok = merged.limits ? judge(merged) : oks.length ? oks.filter(Boolean).length * 2 > oks.length : null
  return merged
})
if (failed.length) console.error(`failed without entries: ${[...new Set(failed)].join(', ')}`)

const cpuList = cpus()
const machine = {
  cpus: cpuList.length,
  model: cpuList[0]?.model ?? 'unknown',
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
  os: `${platform()} ${release()}`,
  node: process.version,
  chromium: spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'not found',
  pandoc: spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] || 'not found',
  load: readLoad(),
  date: new Date().toISOString(),
  repeat,
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || 'unknown'
}
function readLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return 'unknown'
  }
}

const cell = (value) => (value === null || value === undefined ? '—' : String(value))
const verdict = (ok) => (ok === null ? '—' : ok ? 'ok' : '**MISS**')
const runsNote = (result) => (result.runRatios ? `runs: ${result.runRatios.map((ratio) => `${Number(ratio.toFixed(2))}×`).join(', ')}` : '')
const rows = results.map((result) => [
  result.name,
  `${cell(result.value)} ${result.unit}`,
  result.baseline === null ? '—' : `${result.baseline} ${result.unit}`,
  result.ratio === null ? '—' : `${result.ratio}×`,
  cell(result.budget),
  verdict(result.ok),
  [result.note, runsNote(result)].filter(Boolean).join('; ')
])
const header = ['measure', 'value', 'baseline', 'ratio', 'budget', 'ok', 'note']
const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
const markdown = `# Bench results\n\n\`npm run bench\` (scripts/bench/run.mjs), ${machine.date}, commit ${machine.commit}${repeat > 1 ? `, medians of ${repeat} runs` : ''}.\n\n${table}\n\n## Machine\n\n${Object.entries(machine).map(([key, value]) => `- ${key}: ${value}`).join('\n')}\n`

// A run of some scripts only (--only) prints its table but leaves the committed files alone: they hold every
// measure of one run, and a partial table would replace them.
if (values.only) console.log(`\n${table}\n\n(--only: bench/results.json and bench/results.md left as they were)`)
else {
  writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ machine, results }, null, 2) + '\n')
  writeFileSync(join(root, 'bench/results.md'), markdown)
  console.log(`\n${table}\n\nwritten: bench/results.json, bench/results.md`)
}
process.exitCode = failed.length || results.some((result) => result.ok === false) ? 1 : 0
