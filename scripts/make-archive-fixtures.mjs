#!/usr/bin/env node
// Makes tests/fixtures/archives/vN.sqlite: an archive as the app of schema version N left it — migrations
// 1..N applied through the app's own openDatabase, then filled with plain SQL that fits THAT version's
// schema (a column a later migration adds is written only from that version on). The fixtures test
// (tests/integration/store/migration-fixtures.test.ts) migrates a copy of each to the latest schema.
//
//   node scripts/make-archive-fixtures.mjs              makes the fixtures of versions that have none yet
//   node scripts/make-archive-fixtures.mjs --version 6  makes the fixture of version 6 only
//   --out DIR                                           writes into DIR instead (to compare a regeneration)
//
// A fixture that exists is never overwritten: it stands for a real archive of its version, and a
// regenerated one would silently test today's idea of that version instead (see the README beside them).
//
// Migrations are TypeScript; Vite (a dev dependency, the toolchain vitest runs on) loads them, so this
// script runs with plain `node` and nothing else to install.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const say = (line) => console.log(`[archive-fixtures] ${line}`)

async function load(path) {
  // No vite config: the app's config is for the renderer and has nothing these modules need.
  const { module } = await runnerImport(join(root, path), { configFile: false, logLevel: 'error' })
  return module
}

// ---------------------------------------------------------------------------------------------------------
// Fixed ids and times, so a regeneration writes the same content.

/** China Standard Time has no daylight saving: +08:00 all year. */
const cst = (iso) => Date.parse(`${iso}:00+08:00`)
const MINUTE = 60_000

/** A UUIDv7-shaped id (what the app writes): its creation time in the first 48 bits, then a fixed number. */
function id(at, n) {
  const hex = at.toString(16).padStart(12, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-${String(n).padStart(12, '0')}`
}

const ROSTER_AT = cst('2025-08-01T09:00')
const PLANNED_AT = cst('2025-08-10T10:00')
const START = cst('2025-08-21T14:30')
const STARTED = cst('2025-08-21T14:32')
const ENDED = cst('2025-08-21T16:20')
/** Minutes into the session as ms (whole ms: the time columns are STRICT integers). */
const ms = (minutes) => Math.round(minutes * MINUTE)
const at = (minutes) => STARTED + ms(minutes)

const P = {
  host: id(ROSTER_AT, 101), // 任肖彤
  recorder: id(ROSTER_AT, 102), // 王晓雪
  liFangWenji: id(ROSTER_AT, 103), // 李芳, 温集新村 (the lecturer)
  liFangZhengjia: id(ROSTER_AT, 104), // 李芳, 郑家村 (a namesake)
  wenLeyi: id(ROSTER_AT, 105),
  zhaiZien: id(ROSTER_AT, 106),
  zhangXiulan: id(ROSTER_AT, 107),
  liuJianguoZhengjia: id(ROSTER_AT, 108), // 刘建国, 郑家村
  liuJianguoHoulou: id(ROSTER_AT, 109), // 刘建国, 后楼村 (a namesake)
  chenJing: id(ROSTER_AT, 110),
  gaoMing: id(ROSTER_AT, 111),
  zhaoZongfeng: id(ROSTER_AT, 112), // archived
  demoHost: id(ROSTER_AT, 121),
  demoGuest: id(ROSTER_AT, 122)
}
const T = { newPattern: id(ROSTER_AT, 201), talent: id(ROSTER_AT, 202), demo: id(ROSTER_AT, 221) }
const S = {
  ended: id(PLANNED_AT, 301),
  planned: id(PLANNED_AT, 302),
  cancelled: id(PLANNED_AT, 303),
  demo: id(PLANNED_AT, 321)
}
const SEG = {
  study: id(PLANNED_AT, 401),
  round: id(PLANNED_AT, 402),
  plannedRound: id(PLANNED_AT, 403),
  demoRound: id(PLANNED_AT, 421)
}

// ---------------------------------------------------------------------------------------------------------
// The archive. `v` is the schema version being written: every row fits that version's tables.

/** Plain SQL from a row object: the keys are the columns, so a column missing at `v` is simply not there. */
function insert(db, table, row) {
  const columns = Object.keys(row)
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row)
}

/** From version `from` on, the columns of `extra`; before it, none (the column did not exist yet). */
const since = (v, from, extra) => (v >= from ? extra : {})

function fill(db, v, images) {
  attendanceNumber = 500
  settings(db, v)
  people(db, v)
  themes(db, v)
  sessions(db, v)
  endedSession(db, v)
  // 活动照片 came with version 6: tiny real images (tests/fixtures/images.ts), one chosen for the 志愿服务活动记录.
  if (v >= 6) photos(db, images)
  // 归档包 came with version 9.
  if (v >= 9) packs(db)
  // Versions 10 on add indexes and tables their triggers fill (11: the single-character search index) and
  // nothing to write by hand: their data is version 9's.
}

/**
 * Version 9 on: the cancelled session came in a pack from 温集新村's laptop; the merge kept its newer
 * 医保 decision and set the older one aside; a person of that laptop was linked to 温乐义; and the last pack
 * to the USB stick went out after the session.
 */
function packs(db) {
  db.prepare('UPDATE sessions SET source_laptop = ? WHERE id = ?').run('温集新村笔记本', S.cancelled)
  insert(db, 'merge_history', {
    id: id(cst('2025-10-08T09:00'), 901),
    table_name: 'decisions',
    record_id: id(ENDED, 802),
    kept_from: 'archive',
    source_laptop: '温集新村笔记本',
    payload: JSON.stringify({ id: id(ENDED, 802), status: 'open', done_at: null, updated_at: ENDED - 4 * MINUTE }),
    replaced_at: cst('2025-10-08T09:00')
  })
  insert(db, 'person_links', {
    incoming_id: id(ROSTER_AT, 951),
    person_id: P.wenLeyi,
    source_laptop: '温集新村笔记本',
    linked_at: cst('2025-10-08T09:00')
  })
  insert(db, 'pack_exports', { destination: 'E:\\归档包', exported_at: cst('2025-10-09T16:00') })
}

function photos(db, images) {
  const photo = (n, sessionId, position, caption, file, width, height, chosen, minutes) =>
    insert(db, 'session_photos', {
      id: id(at(minutes), n),
      session_id: sessionId,
      position,
      caption,
      mime: file[0] === 0x89 ? 'image/png' : 'image/jpeg',
      width,
      height,
      bytes: file,
      in_volunteer_record: chosen ? 1 : 0,
      created_at: at(minutes)
    })
  photo(901, S.ended, 0, '圆桌时间，温乐义发言', images.landscapeJpeg(24, 16), 24, 16, true, 34)
  photo(902, S.ended, 1, '议定事项（截图）', images.chartPng(16, 12), 16, 12, false, 110)
  photo(903, S.planned, 0, '', images.landscapeJpeg(16, 16), 16, 16, false, 120)
}

function settings(db, v) {
  const put = (key, value) => insert(db, 'settings', { key, value: JSON.stringify(value), updated_at: ROSTER_AT })
  put('language', 'zh-CN')
  put('organisationName', '郑家镇新时代文明实践所')
  put('defaultVenue', '郑家镇新时代文明实践所理论宣讲室')
  put('categories', ['党员', '入党积极分子', '群众', '干部', '志愿者', '企业职工', '青年', '乡贤', '其他'])
  // The remark panel's quick tags came with the remarks of version 4.
  if (v >= 4) put('remarkTags', ['观点', '建议', '问题', '承诺', '金句', '民生'])
}

function people(db, v) {
  const person = (key, n, name, gender, organisation, village, categories, extra = {}) => {
    const created = ROSTER_AT + n * MINUTE
    insert(db, 'people', {
      id: P[key],
      name,
      gender,
      organisation,
      village,
      phone: extra.phone ?? null,
      note: extra.note ?? '',
      archived_at: extra.archivedAt ?? null,
      created_at: created,
      updated_at: extra.archivedAt ?? created,
      ...since(v, 2, { is_demo: extra.demo ? 1 : 0 })
    })
    for (const category of categories) insert(db, 'person_categories', { person_id: P[key], category })
  }
  person('host', 1, '任肖彤', 'male', '郑家镇党委', '', ['干部', '党员'], { phone: '0371-6688 1234' })
  person('recorder', 2, '王晓雪', 'female', '郑家镇新时代文明实践所', '', ['志愿者', '青年'])
  person('liFangWenji', 3, '李芳', 'female', '党员暖心志愿服务队', '温集新村', ['志愿者', '党员'], { phone: '138 0371 0003' })
  person('liFangZhengjia', 4, '李芳', 'female', '', '郑家村', ['群众'], { note: '与志愿服务队的李芳同名' })
  person('wenLeyi', 5, '温乐义', 'male', '', '温集新村', ['党员'], { phone: '(0371) 6688-0005' })
  person('zhaiZien', 6, '翟自恩', 'male', '郑家镇辖区企业', '', ['党员', '企业职工'])
  person('zhangXiulan', 7, '张秀兰', 'female', '', '温集新村', ['群众'])
  person('liuJianguoZhengjia', 8, '刘建国', 'male', '', '郑家村', ['入党积极分子'])
  person('liuJianguoHoulou', 9, '刘建国', 'male', '', '后楼村', ['群众', '乡贤'])
  person('chenJing', 10, '陈静', 'female', '郑家镇便民服务中心', '', ['青年', '干部'])
  person('gaoMing', 11, '高明', null, '', '后楼村', [])
  person('zhaoZongfeng', 12, '赵宗锋', 'male', '县融媒体中心', '', ['其他'], { note: '已调离', archivedAt: cst('2025-08-15T08:00') })
  // The 示例场次 and its demo flags came with version 2.
  if (v >= 2) {
    person('demoHost', 21, '马晓东', 'male', '郑家镇党委', '', ['干部'], { note: '示例数据', demo: true })
    person('demoGuest', 22, '孙丽娟', 'female', '', '温集新村', ['群众'], { note: '示例数据', demo: true })
  }
}

function themes(db, v) {
  const theme = (key, n, title, description, materials, refs, tags, demo = false) => {
    insert(db, 'themes', {
      id: T[key],
      title,
      description,
      materials,
      refs: JSON.stringify(refs),
      created_at: ROSTER_AT + n * MINUTE,
      updated_at: ROSTER_AT + n * MINUTE,
      ...since(v, 2, { is_demo: demo ? 1 : 0 })
    })
    for (const tag of tags) insert(db, 'theme_tags', { theme_id: T[key], tag })
  }
  theme(
    'newPattern',
    31,
    '加快构建新发展格局，把握未来发展主动权',
    '以座谈交流、访谈互动的形式，让参与者以“主人翁”身份参与宣讲。',
    '第一阶段：学习习近平总书记在中宣部第二次集体学习时的重要讲话精神。\n第二阶段：圆桌时间，结合本村本企业实际谈如何把握未来发展的主动权。',
    ['《一场别开生面的思想圆桌派》，本报记者 赵宗锋'],
    ['新发展格局', '乡村振兴']
  )
  theme('talent', 32, '乡村人才振兴', '留住年轻人，引回乡贤。', '', [], ['人才', '乡村振兴'])
  if (v >= 2) theme('demo', 41, '示例主题：乡村振兴大家谈', '示例数据', '', [], ['示例'], true)
}

function session(db, v, row) {
  insert(db, 'sessions', {
    venue: '郑家镇新时代文明实践所理论宣讲室',
    organiser_unit: '郑家镇新时代文明实践所',
    host_id: null,
    recorder_id: null,
    speaker_limit_seconds: null,
    started_at: null,
    ended_at: null,
    summary: '',
    is_demo: 0,
    created_at: PLANNED_AT,
    updated_at: PLANNED_AT,
    ...row
  })
}

let attendanceNumber = 500
function attend(db, v, sessionId, personKey, role, seat, extra = {}) {
  insert(db, 'attendance', {
    id: id(PLANNED_AT, ++attendanceNumber),
    session_id: sessionId,
    person_id: P[personKey],
    role,
    seat_number: seat,
    invited: extra.invited ?? 1,
    checked_in_at: extra.checkedInAt ?? null,
    absent: extra.absent ? 1 : 0,
    absent_reason: extra.reason ?? '',
    ...since(v, 5, { service_hours: extra.serviceHours ?? null })
  })
}

function sessions(db, v) {
  // A planned session next month, with namesakes on its list.
  session(db, v, {
    id: S.planned,
    theme_id: T.talent,
    title: '思想圆桌派 · 乡村人才振兴',
    planned_start: cst('2025-09-18T14:30'),
    planned_end: cst('2025-09-18T16:30'),
    host_id: P.host,
    recorder_id: P.recorder,
    speaker_limit_seconds: 240,
    status: 'planned',
    ...since(v, 8, { seat_layout: 'long' })
  })
  insert(db, 'agenda_segments', { id: SEG.plannedRound, session_id: S.planned, position: 0, kind: 'roundtable', title: '圆桌时间', topic: '怎样留住年轻人', planned_minutes: 90 })
  attend(db, v, S.planned, 'host', 'host', 1)
  attend(db, v, S.planned, 'gaoMing', 'participant', 2)
  attend(db, v, S.planned, 'liuJianguoHoulou', 'participant', 3)
  attend(db, v, S.planned, 'liFangZhengjia', 'participant', 4)
  attend(db, v, S.planned, 'liuJianguoZhengjia', 'guest', 5)
  attend(db, v, S.planned, 'recorder', 'recorder', null)

  session(db, v, {
    id: S.cancelled,
    theme_id: null,
    title: '防汛安全专题座谈',
    planned_start: cst('2025-07-30T09:00'),
    planned_end: cst('2025-07-30T10:30'),
    venue: '温集新村村委会',
    status: 'cancelled',
    created_at: cst('2025-07-20T10:00'),
    updated_at: cst('2025-07-29T17:00')
  })
  attend(db, v, S.cancelled, 'wenLeyi', 'participant', 1)

  if (v >= 2) {
    session(db, v, {
      id: S.demo,
      theme_id: T.demo,
      title: '示例场次 · 思想圆桌派',
      planned_start: cst('2025-08-28T14:30'),
      planned_end: cst('2025-08-28T16:30'),
      host_id: P.demoHost,
      speaker_limit_seconds: 180,
      status: 'planned',
      is_demo: 1,
      created_at: ROSTER_AT,
      updated_at: ROSTER_AT
    })
    insert(db, 'agenda_segments', { id: SEG.demoRound, session_id: S.demo, position: 0, kind: 'roundtable', title: '', topic: '', planned_minutes: 60 })
    attend(db, v, S.demo, 'demoHost', 'host', 1)
    attend(db, v, S.demo, 'demoGuest', 'participant', 2)
  }
}

/**
 * 8月21日 下午: held and ended. Before version 3 a turn had no kind and every turn was in a round
 * (round > 0), so those archives hold the round only (the lecture was not run in the console); from
 * version 3 on the lecture is a study turn and a raised hand speaks out of the round.
 */
function endedSession(db, v) {
  const study = v >= 3
  session(db, v, {
    id: S.ended,
    theme_id: T.newPattern,
    title: '思想圆桌派 · 新发展格局',
    planned_start: START,
    planned_end: START + 120 * MINUTE,
    host_id: P.host,
    recorder_id: P.recorder,
    speaker_limit_seconds: 180,
    status: 'ended',
    started_at: STARTED,
    ended_at: ENDED,
    summary: '围绕新发展格局，大家结合本村本企业实际畅所欲言：发展特色种植、扩大光伏项目、医保业务进村。形成议定事项两项。',
    updated_at: ENDED + 30 * MINUTE
  })
  insert(db, 'agenda_segments', {
    id: SEG.study,
    session_id: S.ended,
    position: 0,
    kind: 'study',
    title: '学习研讨',
    lecturer_id: P.liFangWenji,
    topic: '学习习近平总书记在中宣部第二次集体学习时的重要讲话精神',
    planned_minutes: 30,
    actual_start: study ? at(0) : null,
    actual_end: study ? at(30) : null
  })
  insert(db, 'agenda_segments', {
    id: SEG.round,
    session_id: S.ended,
    position: 1,
    kind: 'roundtable',
    title: '圆桌时间',
    topic: '如何把握未来发展的主动权',
    planned_minutes: 60,
    actual_start: at(30),
    actual_end: at(62)
  })

  // Before version 5 nobody had to check in (all not marked absent counted as present), and a walk-in
  // could be marked absent; version 5 checks them in and marks them present (migration 5's backfill).
  const v5 = v >= 5
  const checkedIn = (minutesBeforeStart) => (v5 ? START - minutesBeforeStart * MINUTE : null)
  attend(db, v, S.ended, 'host', 'host', 1, { checkedInAt: checkedIn(10) })
  attend(db, v, S.ended, 'liFangWenji', 'lecturer', 2, { checkedInAt: checkedIn(8), serviceHours: 2.5 })
  attend(db, v, S.ended, 'wenLeyi', 'participant', 3, { checkedInAt: START - 5 * MINUTE })
  attend(db, v, S.ended, 'zhaiZien', 'participant', 4, { checkedInAt: checkedIn(3) })
  attend(db, v, S.ended, 'zhangXiulan', 'participant', 5, { absent: true, reason: '外出务工' })
  attend(db, v, S.ended, 'liuJianguoZhengjia', 'participant', 6, { checkedInAt: checkedIn(2) })
  // Declined to speak and never checked in: 未签到 from version 5 on.
  attend(db, v, S.ended, 'liFangZhengjia', 'participant', 7)
  attend(db, v, S.ended, 'recorder', 'recorder', null, { checkedInAt: checkedIn(20) })
  attend(db, v, S.ended, 'chenJing', 'participant', 8, { invited: 0, checkedInAt: at(20) })
  attend(
    db,
    v,
    S.ended,
    'liuJianguoHoulou',
    'participant',
    9,
    v5 ? { invited: 0, checkedInAt: at(25) } : { invited: 0, absent: true, reason: '临时有事' }
  )

  // The speaking log (payloads as the reducer in src/shared/speaking.ts reads them); from version 5 on a
  // handover carries who was absent then.
  const absent = v5 ? { absent: [P.zhangXiulan] } : {}
  const round = [P.wenLeyi, P.zhaiZien, P.liuJianguoZhengjia, P.liFangZhengjia, P.chenJing, P.host, P.liFangWenji]
  const events = [
    study && ['E1', 0, 'phase', { segmentId: SEG.study, ...absent }],
    ['E2', 30, 'phase', { segmentId: SEG.round, ...absent }],
    ['E3', 31, 'round', { order: round }],
    ['E4', 33, 'applause', {}],
    ['E5', 35, 'pass', { ...absent }],
    ['E6', 37, 'defer', { ...absent }],
    ['E7', 41, 'pass', { ...absent }],
    // 跳过 pressed by mistake and taken back with 撤销.
    ['E7x', 41.5, 'skip', { ...absent }, at(41.6)],
    ['E8', 42, 'decline', { ...absent }],
    ['E9', 46, 'pass', { ...absent }],
    ['E10', 47, 'skip', { ...absent }],
    ['E11', 50, 'pass', { ...absent }],
    study && ['E12', 52, 'raise_hand', { personId: P.wenLeyi }],
    ['E13', 53, 'pause', {}],
    ['E14', 54, 'resume', {}],
    ['E15', 56, 'pass', { ...absent }],
    study && ['E16', 58, 'applause', {}],
    ['E17', 62, 'phase', { segmentId: null, ...absent }],
    ['E18', (ENDED - STARTED) / MINUTE, 'end', {}]
  ].filter(Boolean)
  const E = {}
  events.forEach(([name, minutes, type, payload, undoneAt], index) => {
    E[name] = id(at(minutes), 601 + index)
    insert(db, 'speaking_events', {
      session_id: S.ended,
      seq: index + 1,
      id: E[name],
      type,
      payload: JSON.stringify(payload),
      at: at(minutes),
      undone_at: undoneAt ?? null
    })
  })

  // `turns` as the console materialised it from that log: in the order the turns began, a deferred turn
  // moving to where it came back.
  const turns = [
    study && { id: E.E1, person_id: P.liFangWenji, segment_id: SEG.study, round: 0, kind: 'study', outcome: 'spoken', started_at: at(0), ended_at: at(30) },
    { id: E.E3, person_id: P.wenLeyi, outcome: 'spoken', started_at: at(31), ended_at: at(35), applause: 1 },
    { id: E.E6, person_id: P.liuJianguoZhengjia, outcome: 'spoken', started_at: at(37), ended_at: at(41) },
    { id: E.E7, person_id: P.liFangZhengjia, outcome: 'declined', started_at: at(41), ended_at: at(42) },
    { id: E.E8, person_id: P.chenJing, outcome: 'spoken', started_at: at(42), ended_at: at(46) },
    { id: E.E9, person_id: P.host, outcome: 'skipped', started_at: at(46), ended_at: at(47) },
    { id: E.E10, person_id: P.liFangWenji, outcome: 'spoken', started_at: at(47), ended_at: at(50) },
    { id: E.E5, person_id: P.zhaiZien, outcome: 'spoken', started_at: at(50), ended_at: at(56), paused_ms: MINUTE },
    study && { id: E.E15, person_id: P.wenLeyi, round: 0, kind: 'raised_hand', outcome: 'spoken', started_at: at(56), ended_at: at(62), applause: 1 }
  ].filter(Boolean)
  turns.forEach(({ kind = 'round', round = 1, segment_id = SEG.round, paused_ms = 0, applause = 0, ...turn }, position) => {
    insert(db, 'turns', { ...turn, session_id: S.ended, segment_id, round, position, paused_ms, applause, ...since(v, 3, { kind }) })
  })

  // 发言记录. Before version 3 the lecture and the raised hand had no turn: their remarks are notes.
  const remark = (n, speaker, turnId, minutes, text, tags, extra = {}) => {
    const remarkId = id(at(minutes), n)
    insert(db, 'remarks', {
      id: remarkId,
      session_id: S.ended,
      turn_id: turnId ?? null,
      speaker_id: P[speaker],
      text,
      starred: extra.starred ? 1 : 0,
      offset_ms: ms(minutes),
      created_at: at(minutes),
      updated_at: extra.updatedAt ?? at(minutes),
      ...since(v, 4, { deleted_at: extra.deletedAt ?? null }),
      ...since(v, 7, { for_minutes: extra.forMinutes ? 1 : 0 })
    })
    for (const tag of tags) insert(db, 'remark_tags', { remark_id: remarkId, tag })
  }
  remark(701, 'liFangWenji', E.E1, 10, '要把握未来发展的主动权，关键是把乡村振兴的重要内容学深学透。', ['观点'])
  // From version 7 on the note-taker marked two remarks 入纪要 (the 会议纪要 takes only those).
  remark(702, 'wenLeyi', E.E3, 33, '让乡亲们的腰包鼓起来，温集新村想办特色种植合作社。', ['建议', '金句'], { starred: true, forMinutes: true, updatedAt: ENDED + 10 * MINUTE })
  remark(703, 'zhaiZien', E.E5, 36, '企业愿意为村里的年轻人提供就业岗位，先从二十个岗位做起。', ['承诺'], { forMinutes: true })
  remark(704, 'liuJianguoZhengjia', E.E6, 39, '郑家村的光伏项目明年可以再扩大一些。', ['建议'])
  remark(705, 'liFangZhengjia', E.E7, 41.5, '我先听听大家的意见。', [])
  remark(706, 'chenJing', E.E8, 44, '便民服务中心可以把医保业务下沉到村里，每月一次。', ['承诺'])
  remark(707, 'wenLeyi', study ? E.E15 : null, 58, '合作社的章程希望下次圆桌派再议。', ['问题'])
  // Deleting a remark (kept aside for 撤销) came with version 4.
  if (v >= 4) remark(708, 'liuJianguoZhengjia', E.E6, 40, '光伏板装在学校屋顶（记错了）', [], { deletedAt: at(40.5) })

  insert(db, 'decisions', {
    id: id(ENDED, 801),
    session_id: S.ended,
    text: '在温集新村试点特色种植合作社',
    owner_id: P.wenLeyi,
    owner_name: '温乐义',
    due_date: '2025-10-31',
    status: 'open',
    done_at: null,
    created_at: ENDED - 5 * MINUTE,
    updated_at: ENDED - 5 * MINUTE
  })
  insert(db, 'decisions', {
    id: id(ENDED, 802),
    session_id: S.ended,
    text: '便民服务中心每月一次医保业务进村',
    owner_id: null,
    owner_name: '镇医保办',
    due_date: '2025-09-30',
    status: 'done',
    done_at: cst('2025-09-28T10:00'),
    created_at: ENDED - 4 * MINUTE,
    updated_at: cst('2025-09-28T10:00')
  })

  // A note typed after the session and never sent: drafts came with version 4.
  if (v >= 4) {
    insert(db, 'remark_drafts', {
      session_id: S.ended,
      speaker_id: P.liuJianguoZhengjia,
      turn_id: null,
      text: '补记：光伏项目要先做安全评估',
      tags: JSON.stringify(['建议']),
      starred: 0,
      ...since(v, 7, { for_minutes: 1 }),
      updated_at: ENDED + 12 * MINUTE
    })
  }
}

// ---------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = { versions: [], out: join(root, 'tests', 'fixtures', 'archives') }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--version') options.versions.push(Number(argv[++i]))
    else if (argv[i] === '--out') options.out = resolve(argv[++i])
    else throw new Error(`Unknown argument ${argv[i]} (expected --version N, --out DIR)`)
  }
  return options
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const { openDatabase } = await load('src/core/store/database.ts')
  const { MIGRATIONS, LATEST_SCHEMA_VERSION } = await load('src/core/store/migrations/index.ts')
  const images = await load('tests/fixtures/images.ts')
  const versions = options.versions.length > 0 ? options.versions : Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1)
  for (const version of versions) {
    if (!Number.isInteger(version) || version < 1 || version > LATEST_SCHEMA_VERSION) {
      throw new Error(`--version must be 1..${LATEST_SCHEMA_VERSION} (the migrations there are)`)
    }
  }
  mkdirSync(options.out, { recursive: true })
  const work = mkdtempSync(join(tmpdir(), 'roundtable-fixtures-'))
  try {
    for (const version of versions) {
      const target = join(options.out, `v${version}.sqlite`)
      if (existsSync(target)) {
        say(`v${version}.sqlite exists; kept as it is (a shipped fixture is never regenerated)`)
        continue
      }
      const file = join(work, `v${version}.sqlite`)
      const db = openDatabase(file, MIGRATIONS.slice(0, version))
      try {
        db.transaction(() => fill(db, version, images))()
        const broken = db.pragma('foreign_key_check')
        if (broken.length > 0) throw new Error(`v${version}: the data breaks foreign keys: ${JSON.stringify(broken)}`)
        const integrity = db.pragma('integrity_check', { simple: true })
        if (integrity !== 'ok') throw new Error(`v${version}: integrity_check says ${integrity}`)
        // One self-contained file (no -wal beside it), with small pages: ~60 tables, indexes and FTS shadow
        // tables take a page each, which at the default 4 KiB would pass 200 KB for a handful of rows.
        db.pragma('journal_mode = DELETE')
        db.pragma('page_size = 1024')
        db.exec('VACUUM')
      } finally {
        db.close()
      }
      copyFileSync(file, target)
      say(`v${version}.sqlite written (${statSync(target).size} bytes)`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
