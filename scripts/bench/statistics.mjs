#!/usr/bin/env node
// 统计 on a ten-year archive (issue 15, Scale): 500 sessions, 3,000 people, 20,000 spoken turns, 200,000 remarks;
// statistics:get answers within 200 ms p95 for the last year, for the ten years, and for one village over ten years.
// Measured through the web bridge, as the page would ask. Each case prints one JSON line
// {name, value, unit, baseline, ratio, budget, ok} (issue 16's bench/results.json entries); with BENCH_RESULTS=file
// the entries are also merged into that JSON list.
import BetterSqlite3 from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { percentile, startBridge } from './bridge.mjs'
import { report } from './results.mjs'

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500)
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 3_000)
const TURNS = Number(process.env.BENCH_TURNS ?? 20_000)
const REMARKS = Number(process.env.BENCH_REMARKS ?? 200_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const BUDGET_MS = 200
// BENCH_ARCHIVE=file keeps the seeded archive there and reuses it on the next run (to profile the queries).
const kept = process.env.BENCH_ARCHIVE
const dir = kept ? null : mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const file = kept ?? join(dir, 'archive.sqlite')

const DAY = 86_400_000
const CHINA = 8 * 3600_000
/** 'YYYY-MM-DD' of a UTC time in China. */
const chinaDate = (ms) => new Date(ms + CHINA).toISOString().slice(0, 10)

const VILLAGES = '东山村,西河村,南岗村,北坡村,柳树湾村,杏花村,石桥村,大王庄村,小李庄村,新民村,红旗村,跃进村,和平村,团结村,幸福村,前进村,长青村,白杨村,枣园村,桃源村'.split(',')
const UNITS = '镇政府,镇卫生院,中心小学,供销社,农技站,派出所,司法所,文化站,农商银行,光伏合作社'.split(',')
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '建国,秀英,桂兰,志强,海燕,玉梅,红霞,德明,春生,国庆,丽华,小军,永福,金凤,淑珍,文斌,晓东,爱民,振华,桂芳,长春,翠花,明亮,家豪,子涵,雨萱,浩然,思远,宏伟,凤英,秋菊,卫东,新华,志刚,美玲,国平,立新,海波,建华,秀兰'.split(',')
const THEMES = (
  '学习贯彻党的二十大精神,乡村振兴大家谈,集体经济怎么壮大,光伏发电进万家,土地托管与合作社,移风易俗树新风,垃圾分类从我做起,' +
  '人居环境整治,农村养老服务,留守儿童关爱,技能培训与就业,电商助农,特色产业一村一品,平安乡村建设,矛盾纠纷调处,' +
  '网格化管理,饮水安全,道路硬化与维护,医疗保障政策宣讲,防汛抗旱,森林防火,安全生产,营商环境优化,青年人才回乡,' +
  '党员先锋作用,志愿服务常态化,文明家庭评选,法治宣传,反诈宣传,粮食安全,高标准农田,水产养殖技术,育苗基地建设,' +
  '农资集采,冷链物流,乡村旅游,非遗传承,全民健身,科学普及,理论宣讲进村组'
).split(',')
const PHRASES = (
  '乡村振兴,新发展格局,把握未来发展主动权,光伏发电,合作社,党建引领,让乡亲们的腰包鼓起来,集体经济,土地托管,水产养殖,' +
  '圣女果种植,网纹瓜,营商环境,人才工作,青年干部,志愿服务,理论宣讲,新时代文明实践,产供销,电商,农资集采,蔬菜分拣,' +
  '育苗基地,文明乡风,移风易俗,垃圾分类,道路硬化,饮水安全,医疗保障,养老服务,留守儿童,技能培训,务工就业,城镇化,' +
  '科技创新,工业发展,特色产业,一村一品,党员带头,群众满意,矛盾调处,网格化管理,便民服务,安全生产'
).split(',')
const FILLER = '我们村,大家觉得,下一步,要把,这个事情,落到实处,我建议,关键是,首先,其次,总的来说,说实话,我个人认为,去年,今年,老百姓,还是要,希望镇里'.split(',')
const DECISIONS = '成立工作专班,下周召开协调会,向镇里打报告,组织外出参观学习,筹集启动资金,排查安全隐患,完善村规民约,建立台账,开展入户走访,联系技术专家'.split(',')

/** A seeded random integer in [0, n) (mulberry32), so every run seeds the same archive. */
let seedValue = 42
const random = (n) => {
  seedValue = (seedValue + 0x6d2b79f5) | 0
  let t = Math.imul(seedValue ^ (seedValue >>> 15), 1 | seedValue)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n)
}
const pick = (list) => list[random(list.length)]
/** A UUIDv7 for time `ms`, as the app makes them (ids sort by creation). */
const uuid7 = (ms) => {
  const hex = ms.toString(16).padStart(12, '0') + randomBytes(10).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
const sentence = () => Array.from({ length: 3 + random(6) }, () => (random(3) === 0 ? pick(PHRASES) : pick(FILLER))).join('，') + '。'

/** The archive's last session is a week ago; the first ten years before. */
const now = Date.now()
const lastHeld = now - 7 * DAY
const firstHeld = lastHeld - 10 * 365 * DAY

function seed() {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // seeding only; the app itself writes with FULL
  const insertPerson = db.prepare(
    'INSERT INTO people (id, name, gender, organisation, village, phone, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const insertTheme = db.prepare('INSERT INTO themes (id, title, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
  const insertSession = db.prepare(
    `INSERT INTO sessions (id, theme_id, title, planned_start, planned_end, venue, host_id, recorder_id, organiser_unit, status, started_at, ended_at, created_at, updated_at)
     VALUES (@id, @theme, @title, @plannedStart, @plannedEnd, @venue, @host, @recorder, '新时代文明实践所', @status, @startedAt, @endedAt, @created, @created)`
  )
  const insertSegment = db.prepare('INSERT INTO agenda_segments (id, session_id, position, kind, title, lecturer_id, planned_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insertAttendance = db.prepare(
    'INSERT INTO attendance (id, session_id, person_id, role, invited, checked_in_at, absent, absent_reason, service_hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const insertTurn = db.prepare(
    'INSERT INTO turns (id, session_id, person_id, segment_id, round, kind, position, outcome, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const insertRemark = db.prepare(
    'INSERT INTO remarks (id, session_id, turn_id, speaker_id, text, starred, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const insertDecision = db.prepare(
    'INSERT INTO decisions (id, session_id, text, owner_id, owner_name, due_date, status, done_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const counts = { sessions: 0, attendance: 0, turns: 0, remarks: 0, decisions: 0 }
  db.transaction(() => {
    // 3,000 people in 30 places: most in a village, some in a unit (a few in both), 1 in 40 archived.
    const places = [...VILLAGES, ...UNITS]
    const byPlace = new Map(places.map((place) => [place, []]))
    for (let i = 0; i < PEOPLE; i++) {
      const place = places[i % 7 === 6 ? VILLAGES.length + random(UNITS.length) : random(VILLAGES.length)]
      const inUnit = UNITS.includes(place)
      const id = uuid7(firstHeld - DAY + i)
      insertPerson.run(
        id,
        pick([...SURNAMES]) + pick(GIVEN),
        random(2) ? 'male' : 'female',
        inUnit ? place : random(10) === 0 ? pick(UNITS) : '',
        inUnit ? '' : place,
        random(3) ? `13${String(100_000_000 + i * 7919).slice(0, 9)}` : null,
        random(40) === 0 ? now - random(400) * DAY : null,
        firstHeld - DAY,
        firstHeld - DAY
      )
      byPlace.get(place).push(id)
    }
    // A place's sessions invite its own people (everyone's, in a directory too small for that); a few of them
    // host, record and lecture.
    const everyone = [...byPlace.values()].flat()
    const localTo = (place) => (byPlace.get(place).length >= 10 ? byPlace.get(place) : everyone)
    const themes = THEMES.map((title, i) => {
      const id = uuid7(firstHeld - DAY + i)
      insertTheme.run(id, title, `${title}：${sentence()}`, firstHeld - DAY, firstHeld - DAY)
      return id
    })

    // 500 ended sessions, every week or so over ten years, plus a few cancelled and a few planned ahead.
    const extra = Math.max(2, Math.round(SESSIONS / 50))
    const plan = [
      ...Array.from({ length: SESSIONS }, (_, i) => ({ status: 'ended', at: firstHeld + Math.floor(((lastHeld - firstHeld) * i) / Math.max(1, SESSIONS - 1)) })),
      ...Array.from({ length: extra }, (_, i) => ({ status: 'cancelled', at: firstHeld + Math.floor(((lastHeld - firstHeld) * (i + 0.5)) / extra) })),
      ...Array.from({ length: extra }, (_, i) => ({ status: 'planned', at: now + (i + 1) * 7 * DAY }))
    ]
    const turnsPerSession = Math.round(TURNS / SESSIONS)
    const remarksPerTurn = REMARKS / TURNS
    for (const [index, { status, at }] of plan.entries()) {
      // 19:30 China time, two hours.
      const plannedStart = Math.floor((at + CHINA) / DAY) * DAY - CHINA + 19.5 * 3600_000
      const plannedEnd = plannedStart + 2 * 3600_000
      const ended = status === 'ended'
      const startedAt = ended ? plannedStart + random(10) * 60_000 : null
      const endedAt = ended ? plannedEnd + (random(40) - 10) * 60_000 : null
      const place = index % 5 === 4 ? pick(UNITS) : pick(VILLAGES)
      const local = localTo(place)
      const volunteers = local.slice(0, 4)
      const [host, recorder, lecturer] = [volunteers[0], volunteers[1], volunteers[2 + random(2)]]
      const session = uuid7(plannedStart - 14 * DAY)
      const theme = random(20) === 0 ? null : pick(themes)
      insertSession.run({
        id: session,
        theme,
        title: theme ? `${THEMES[themes.indexOf(theme)]}（${place}）` : `${place}圆桌会`,
        plannedStart,
        plannedEnd,
        venue: `${place}党群服务中心`,
        host,
        recorder,
        status,
        startedAt,
        endedAt,
        created: plannedStart - 14 * DAY
      })
      counts.sessions++
      const study = uuid7(plannedStart)
      const roundtable = uuid7(plannedStart + 1)
      insertSegment.run(study, session, 0, 'study', '学习研讨', lecturer, 30)
      insertSegment.run(roundtable, session, 1, 'roundtable', '圆桌时间', null, 80)

      // ~25 on the list: host, recorder, lecturer; ~20 invited (mostly local, some absent, some never checked in); ~3 walk-ins.
      const checkIn = plannedStart - random(30) * 60_000
      const listed = new Set([host, recorder, lecturer])
      for (const [role, person] of [['host', host], ['recorder', recorder], ['lecturer', lecturer]]) {
        const corrected = ended && random(25) === 0 ? 1.5 + random(4) / 2 : null
        insertAttendance.run(uuid7(plannedStart - 14 * DAY), session, person, role, 1, ended ? checkIn : null, 0, '', corrected)
        counts.attendance++
      }
      const invited = []
      while (invited.length < 18 + random(6)) {
        const person = random(6) === 0 ? pick(everyone) : pick(local)
        if (listed.has(person)) continue
        listed.add(person)
        invited.push(person)
      }
      const present = []
      for (const person of invited) {
        const mark = random(20)
        const absent = ended && mark < 3 ? 1 : 0
        const checkedIn = ended && mark >= 4 ? checkIn + random(40) * 60_000 : null
        insertAttendance.run(uuid7(plannedStart - 14 * DAY), session, person, random(15) === 0 ? 'guest' : 'participant', 1, checkedIn, absent, absent ? pick(['外出务工', '身体不适', '家中有事', '']) : '', null)
        counts.attendance++
        if (checkedIn !== null && !absent) present.push(person)
      }
      if (ended) {
        for (let w = random(5); w > 0; w--) {
          const person = pick(local)
          if (listed.has(person)) continue
          listed.add(person)
          insertAttendance.run(uuid7(plannedStart), session, person, 'participant', 0, checkIn + random(60) * 60_000, 0, '', null)
          counts.attendance++
          present.push(person)
        }
      }
      if (!ended) continue

      // The lecture, then rounds of spoken turns among those present (a few always keep quiet), each with remarks.
      let position = 0
      let clock = startedAt
      insertTurn.run(uuid7(clock), session, lecturer, study, 0, 'study', position++, 'spoken', clock, clock + 25 * 60_000)
      clock += 30 * 60_000
      const speakers = present.filter(() => random(5) !== 0)
      if (speakers.length === 0) continue
      for (let t = 0; t < turnsPerSession; t++) {
        const person = speakers[t % speakers.length]
        const round = 1 + Math.floor(t / speakers.length)
        const kind = round === 1 ? 'round' : random(2) ? 'again' : 'raised_hand'
        const turn = uuid7(clock)
        const outcome = t < speakers.length && random(30) === 0 ? 'skipped' : 'spoken'
        const length = outcome === 'spoken' ? (60 + random(120)) * 1000 : 0
        insertTurn.run(turn, session, person, roundtable, round, kind, position++, outcome, clock, clock + length)
        counts.turns++
        const due = Math.round(remarksPerTurn * counts.turns) - counts.remarks
        for (let r = 0; r < due && outcome === 'spoken'; r++) {
          const created = clock + r * 5000
          insertRemark.run(uuid7(created), session, turn, person, sentence(), random(50) === 0 ? 1 : 0, random(100) === 0 ? created + 60_000 : null, created, created)
          counts.remarks++
        }
        clock += length + 15_000
      }
      // 2–6 decisions, owned by someone present, or by a name as typed; due a month on; older ones mostly done.
      for (let d = 2 + random(5); d > 0; d--) {
        const owner = random(5) === 0 ? null : pick(present.length ? present : [host])
        const due = random(4) === 0 ? null : chinaDate(endedAt + (14 + random(60)) * DAY)
        const done = now - endedAt > 180 * DAY ? random(10) !== 0 : random(3) === 0
        insertDecision.run(uuid7(endedAt), session, pick(DECISIONS), owner, owner ? '' : pick(['村委会', '镇农技站', '王书记']), due, done ? 'done' : 'open', done ? endedAt + 20 * DAY : null, endedAt, endedAt)
        counts.decisions++
      }
    }
  })()
  db.pragma('optimize')
  db.close()
  return counts
}

let bridge = null
try {
  if (!kept || !existsSync(file)) {
    const creating = await startBridge(file) // creates the database (schema + demo data)
    creating.child.kill()
    await new Promise((resolve) => creating.child.once('exit', resolve))
    const seeded = performance.now()
    const counts = seed()
    console.log(
      `seeded ${counts.sessions} sessions, ${PEOPLE} people, ${counts.attendance} attendance rows, ${counts.turns} turns, ${counts.remarks} remarks, ${counts.decisions} decisions in ${((performance.now() - seeded) / 1000).toFixed(1)} s`
    )
  }
  bridge = await startBridge(file)
  const today = chinaDate(now)
  /** The bridge process's CPU time so far (Linux), to tell its own work from waiting on a busy machine. */
  const bridgeCpuMs = () => {
    const stat = `/proc/${bridge.child.pid}/stat`
    if (!existsSync(stat)) return null
    const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in clock ticks of 10 ms
  }
  const cases = [
    { name: 'statistics: last year', query: { from: chinaDate(now - 365 * DAY), to: today } },
    { name: 'statistics: ten years', query: { from: chinaDate(firstHeld - DAY), to: today } },
    { name: 'statistics: ten years, one village', query: { from: chinaDate(firstHeld - DAY), to: today, villages: [VILLAGES[0]] } }
  ]
  // The baseline, on the same file in this process: one bare better-sqlite3 statement counting the archive's
  // remarks by session and speaker (what 统计 did on every call before migration 12 kept those counts), so
  // the ratio says how the whole page compares with reading the remarks once, whatever the machine.
  const bare = new BetterSqlite3(file, { readonly: true })
  const countRemarks = bare.prepare('SELECT session_id, speaker_id, count(*) FROM remarks WHERE deleted_at IS NULL GROUP BY session_id, speaker_id')
  countRemarks.all()
  const bareTimes = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    countRemarks.all()
    bareTimes.push(performance.now() - started)
  }
  bare.close()
  const baseline = Number(percentile(bareTimes, 0.95).toFixed(1))
  console.log(`baseline: the remarks counted by session and speaker with a bare statement, p95 ${baseline} ms`)
  const results = []
  for (const { name, query } of cases) {
    const get = async () => {
      const started = performance.now()
      const statistics = await bridge.call('statistics:get', query)
      return { ms: performance.now() - started, statistics }
    }
    const { statistics } = await get() // warm up the page cache and the statements
    await get()
    const times = []
    const cpuBefore = bridgeCpuMs()
    for (let run = 0; run < RUNS; run++) times.push((await get()).ms)
    const cpu = cpuBefore === null ? null : (bridgeCpuMs() - cpuBefore) / RUNS
    const p95 = percentile(times, 0.95)
    const { sessions, participation } = statistics
    console.log(
      `${name}: ${sessions.held} held, ${participation.people.length} people, ${participation.turnsSpoken} turns, ${participation.remarks} remarks — ` +
        `${RUNS} runs, p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (budget p95 ${BUDGET_MS} ms)` +
        (cpu === null ? '' : `; the bridge's CPU ${cpu.toFixed(0)} ms a call`)
    )
    const value = Number(p95.toFixed(1))
    results.push({ name: `${name} p95`, value, unit: 'ms', baseline, ratio: Number((value / baseline).toFixed(2)), budget: BUDGET_MS, ok: p95 <= BUDGET_MS })
  }
  report(results)
} finally {
  bridge?.child.kill()
  if (dir) rmSync(dir, { recursive: true, force: true })
}
