#!/usr/bin/env node
// Search on a ten-year archive (issue 5): 200,000 remarks; p95 ≤ 20 ms for 3+ characters (FTS5 trigram)
// and ≤ 100 ms for 1–2 characters (LIKE). Measured through the web bridge, as the UI would ask.
import BetterSqlite3 from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { percentile, startBridge } from './bridge.mjs'

const REMARKS = Number(process.env.BENCH_REMARKS ?? 200_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 40)
const dir = mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const file = join(dir, 'archive.sqlite')

const PHRASES = (
  '乡村振兴,新发展格局,把握未来发展主动权,光伏发电,合作社,党建引领,让乡亲们的腰包鼓起来,集体经济,土地托管,水产养殖,' +
  '圣女果种植,网纹瓜,营商环境,人才工作,青年干部,志愿服务,理论宣讲,新时代文明实践,产供销,电商,农资集采,蔬菜分拣,' +
  '育苗基地,文明乡风,移风易俗,垃圾分类,道路硬化,饮水安全,医疗保障,养老服务,留守儿童,技能培训,务工就业,城镇化,' +
  '科技创新,工业发展,特色产业,一村一品,党员带头,群众满意,矛盾调处,网格化管理,便民服务,安全生产'
).split(',')
const FILLER = '我们村,大家觉得,下一步,要把,这个事情,落到实处,我建议,关键是,首先,其次,总的来说,说实话,我个人认为'.split(',')

function seed() {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // seeding only; the app itself writes with FULL
  const people = db.prepare('SELECT id FROM people').all().map((row) => row.id)
  const session = db.prepare('SELECT id FROM sessions LIMIT 1').get().id
  const insert = db.prepare(
    'INSERT INTO remarks (id, session_id, speaker_id, text, starred, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)'
  )
  let seedValue = 42
  const random = (n) => {
    seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31
    return seedValue % n
  }
  const start = Date.UTC(2016, 0, 1)
  const span = Date.UTC(2026, 0, 1) - start
  db.transaction(() => {
    for (let i = 0; i < REMARKS; i++) {
      const words = Array.from({ length: 3 + random(5) }, () => (random(3) === 0 ? PHRASES[random(PHRASES.length)] : FILLER[random(FILLER.length)]))
      const at = start + Math.floor((span * i) / REMARKS)
      insert.run(randomUUID(), session, people[random(people.length)], words.join(','), at, at)
    }
  })()
  db.close()
}

let bridge = await startBridge(file) // creates the database (schema + demo people and session)
bridge.child.kill()
await new Promise((resolve) => bridge.child.once('exit', resolve))
const seeded = performance.now()
seed()
console.log(`seeded ${REMARKS} remarks in ${((performance.now() - seeded) / 1000).toFixed(1)} s`)
bridge = await startBridge(file)
try {
  const search = async (text) => {
    const started = performance.now()
    const hits = await bridge.call('search:query', { text })
    return { ms: performance.now() - started, hits: hits.length }
  }
  const groups = [
    { name: '3+ characters (FTS5 trigram)', budget: 20, queries: ['乡村振兴', '新发展格局', '光伏发电', '合作社', '腰包鼓起来', '网纹瓜', '不存在的词语'] },
    { name: '1–2 characters (LIKE)', budget: 100, queries: ['乡', '光伏', '党', '村民', '瓜', '鑫'] }
  ]
  let failed = false
  for (const group of groups) {
    for (const query of group.queries) await search(query) // warm up the page cache
    const times = []
    const byQuery = new Map(group.queries.map((query) => [query, []]))
    for (let run = 0; run < RUNS; run++) {
      for (const query of group.queries) {
        const { ms } = await search(query)
        times.push(ms)
        byQuery.get(query).push(ms)
      }
    }
    const p95 = percentile(times, 0.95)
    const slowest = [...byQuery].map(([query, ms]) => `${query} ${percentile(ms, 0.5).toFixed(1)}`).join(', ')
    console.log(
      `${group.name}: ${times.length} searches, p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (budget p95 ${group.budget} ms)\n  median per query (ms): ${slowest}`
    )
    if (p95 > group.budget) failed = true
  }
  process.exitCode = failed ? 1 : 0
} finally {
  bridge.child.kill()
  rmSync(dir, { recursive: true, force: true })
}
