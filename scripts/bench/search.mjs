#!/usr/bin/env node
// Search on a ten-year archive (issues 5 and 16): 200,000 remarks. Budgets, on p95:
//   3+ characters (FTS5 trigram, migration 4): ≤ 10 ms, and at least 10× faster than a LIKE scan;
//   1–2 characters (one token per character, migration 11): ≤ 20 ms.
// The app is measured through the web bridge, as the UI asks (the ms budgets), and its search code also in
// this process on a read-only connection (the speed-up, like with like). Each group's baseline is measured
// in this same process, in the same loop: the plain scan the index replaces (`SELECT count(*) FROM remarks
// WHERE deleted_at IS NULL AND text LIKE '%…%'`: every match, no order or limit) with better-sqlite3
// directly on the same file.
// Prints one JSON line per figure, {name, value, unit, baseline, ratio, budget, ok} as statistics.mjs does
// (ratio = value ÷ baseline, so 0.1 is "10× faster"); with BENCH_RESULTS=file they are also merged into that
// JSON list by name. BENCH_ARCHIVE=file keeps the seeded archive there and reuses it on the next run.
import BetterSqlite3 from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'
import { percentile, startBridge } from './bridge.mjs'
import { report } from './results.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const REMARKS = Number(process.env.BENCH_REMARKS ?? 200_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 40)
const kept = process.env.BENCH_ARCHIVE
const dir = kept ? null : mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const file = kept ?? join(dir, 'archive.sqlite')

const PHRASES = (
  '乡村振兴,新发展格局,把握未来发展主动权,光伏发电,合作社,党建引领,让乡亲们的腰包鼓起来,集体经济,土地托管,水产养殖,' +
  '圣女果种植,网纹瓜,营商环境,人才工作,青年干部,志愿服务,理论宣讲,新时代文明实践,产供销,电商,农资集采,蔬菜分拣,' +
  '育苗基地,文明乡风,移风易俗,垃圾分类,道路硬化,饮水安全,医疗保障,养老服务,留守儿童,技能培训,务工就业,城镇化,' +
  '科技创新,工业发展,特色产业,一村一品,党员带头,群众满意,矛盾调处,网格化管理,便民服务,安全生产'
).split(',')
const FILLER = '我们村,大家觉得,下一步,要把,这个事情,落到实处,我建议,关键是,首先,其次,总的来说,说实话,我个人认为'.split(',')
const RARE = '鑫源农机'
const UNCOMMON = '猕猴桃园'

function seed() {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // seeding only; the app itself writes with FULL
  const people = db.prepare('SELECT id FROM people').all().map((row) => row.id)
  const session = db.prepare('SELECT id FROM sessions LIMIT 1').get().id
  const insert = db.prepare(
    'INSERT INTO remarks (id, session_id, speaker_id, text, starred, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)'
  )
  // A seeded mulberry32, so every run seeds the same archive.
  let seedValue = 42
  const random = (n) => {
    seedValue = (seedValue + 0x6d2b79f5) | 0
    let t = Math.imul(seedValue ^ (seedValue >>> 15), 1 | seedValue)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n)
  }
  const start = Date.UTC(2016, 0, 1)
  const span = Date.UTC(2026, 0, 1) - start
  db.transaction(() => {
    for (let i = 0; i < REMARKS; i++) {
      const words = Array.from({ length: 3 + random(5) }, () => (random(3) === 0 ? PHRASES[random(PHRASES.length)] : FILLER[random(FILLER.length)]))
      // Rare words, so the figures include queries with some hundreds and nearly 2,000 matches (the most the
      // index fetches before it walks the time index instead), not only none or tens of thousands.
      if (i % 400 === 7) words.push(RARE)
      if (i % 110 === 3) words.push(UNCOMMON)
      const at = start + Math.floor((span * i) / REMARKS)
      insert.run(randomUUID(), session, people[random(people.length)], `${words.join('，')}。`, at, at)
    }
  })()
  db.close()
}

/**
 * One figure: the `q` percentile of `times` against the same percentile of the LIKE scan. `budget` bounds the
 * value in ms, `minSpeedup` the scan's time ÷ the value (null: not checked); with neither, `ok` is null.
 */
function figure(name, times, scans, q, { budget = null, minSpeedup = null, note = '' } = {}) {
  const value = Number(percentile(times, q).toFixed(2))
  const baseline = Number(percentile(scans, q).toFixed(2))
  const checks = [...(budget === null ? [] : [value <= budget]), ...(minSpeedup === null ? [] : [baseline / value >= minSpeedup])]
  return {
    name,
    value,
    unit: 'ms',
    baseline,
    ratio: Number((value / baseline).toFixed(3)),
    budget,
    ok: checks.length ? checks.every(Boolean) : null,
    ...(note ? { note } : {})
  }
}

let bridge = null
const readers = []
try {
  if (!kept || !existsSync(file)) {
    const creating = await startBridge(file) // creates the database (schema + demo people and session)
    creating.child.kill()
    await new Promise((resolve) => creating.child.once('exit', resolve))
    const seeded = performance.now()
    seed()
    console.log(`seeded ${REMARKS} remarks in ${((performance.now() - seeded) / 1000).toFixed(1)} s`)
  }
  bridge = await startBridge(file)
  // The app's search code run here too, on a read-only connection like the scan's, so that its speed-up over the
  // scan is measured like with like (the bridge adds HTTP and JSON, ~2–3 ms, to every search). Vite (a dev
  // dependency) loads the TypeScript, as scripts/make-archive-fixtures.mjs does.
  const { module: core } = await runnerImport(join(root, 'src/core/search/search.ts'), { configFile: false, logLevel: 'error' })
  const reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  readers.push(reader)
  // The baseline's own connection: read-only, beside the bridge's (WAL lets both read).
  const scanner = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  readers.push(scanner)
  // Counted in SQLite rather than handed to JavaScript: the scan is the same, and 200,000 rows made into objects
  // here would leave garbage that slows the searches timed after it.
  const scan = scanner.prepare(`SELECT count(*) AS n FROM remarks WHERE deleted_at IS NULL AND text LIKE ? ESCAPE '\\'`)
  const likePattern = (text) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

  /** The bridge process's CPU time so far (Linux), to tell its own work from waiting on a busy machine. */
  const bridgeCpuMs = () => {
    const stat = `/proc/${bridge.child.pid}/stat`
    if (!existsSync(stat)) return null
    const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in clock ticks of 10 ms
  }
  const search = async (text) => {
    const started = performance.now()
    const hits = await bridge.call('search:query', { text })
    return { ms: performance.now() - started, hits: hits.filter((hit) => hit.kind === 'remark').length }
  }
  const searchInProcess = (text) => {
    const started = performance.now()
    core.search({ db: reader }, { text, limit: 50 })
    return performance.now() - started
  }
  const scanFor = (text) => {
    const started = performance.now()
    const found = scan.get(likePattern(text)).n
    return { ms: performance.now() - started, found }
  }
  const groups = [
    { name: '3+ characters (FTS5 trigram)', budget: 10, minSpeedup: 10, queries: ['乡村振兴', '新发展格局', '光伏发电', '合作社', '腰包鼓起来', '鑫源农机', '猕猴桃', '不存在的词语'] },
    { name: '1–2 characters (one token per character)', budget: 20, minSpeedup: null, queries: ['乡', '光伏', '党', '村民', '瓜', '鑫', '猕', '我们', '，', '犇'] }
  ]
  const results = []
  for (const group of groups) {
    for (const query of group.queries) {
      // Warm up the page cache and the statements; say how much each query finds, to read the figures by.
      const { hits } = await search(query)
      console.log(`  ${query}: ${hits} remark hits shown, ${scanFor(query).found} remarks contain it`)
    }
    const app = []
    const inProcess = []
    const scans = []
    const byQuery = new Map(group.queries.map((query) => [query, []]))
    const cpuBefore = bridgeCpuMs()
    for (let run = 0; run < RUNS; run++) {
      for (const query of group.queries) {
        const { ms } = await search(query)
        app.push(ms)
        byQuery.get(query).push(ms)
        inProcess.push(searchInProcess(query))
        scans.push(scanFor(query).ms)
      }
    }
    const cpu = cpuBefore === null ? null : (bridgeCpuMs() - cpuBefore) / app.length
    const perQuery = [...byQuery].map(([query, ms]) => `${query} ${percentile(ms, 0.5).toFixed(1)}/${percentile(ms, 0.95).toFixed(1)}`).join(', ')
    const line = (times) => `p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`
    console.log(
      `${group.name}: ${app.length} searches through the bridge: ${line(app)}` +
        (cpu === null ? '' : ` (the bridge's CPU ${cpu.toFixed(1)} ms a search, HTTP and JSON included)`) +
        `\n  in process: ${line(inProcess)}; LIKE scan: ${line(scans)}` +
        `\n  through the bridge, per query p50/p95 (ms): ${perQuery}`
    )
    const speedup = group.minSpeedup ? { minSpeedup: group.minSpeedup, note: `≥ ${group.minSpeedup}× faster than the LIKE scan, both in this process` } : {}
    results.push(
      figure(`search: ${group.name} p50`, app, scans, 0.5),
      figure(`search: ${group.name} p95`, app, scans, 0.95, { budget: group.budget, note: 'through the web bridge, as the UI asks' }),
      figure(`search: ${group.name} in process p50`, inProcess, scans, 0.5),
      figure(`search: ${group.name} in process p95`, inProcess, scans, 0.95, speedup)
    )
  }
  report(results)
} finally {
  for (const reader of readers) reader.close()
  bridge?.child.kill()
  if (dir) rmSync(dir, { recursive: true, force: true })
}
