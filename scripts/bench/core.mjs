// The app's core, in this process, as the bridge and the desktop app run it: `createCore` from the built main
// bundle (electron-vite build), so the benches time exactly the code that ships (zod validation, the handler
// map, one transaction per call) without HTTP or IPC in between and without a TypeScript loader. The bundle's
// shared chunk exports createCore under a short minified name; out/main/server.js imports it by its real name,
// so we read that import line to find the chunk and the name.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// out/main, or the copy of it run.mjs made (BENCH_OUT).
const outMain = resolve(process.env.BENCH_OUT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../out'), 'main')

export async function loadCreateCore() {
  const server = readFileSync(join(outMain, 'server.js'), 'utf8')
  for (const [, names, from] of server.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.\/chunks\/[^"]+)"/g)) {
    const alias = names.split(',').map((name) => name.trim().split(/\s+as\s+/)).find(([, local]) => local === 'createCore')
    if (alias) return (await import(pathToFileURL(join(outMain, from)).href))[alias[0]]
  }
  throw new Error('out/main/server.js imports no createCore; run electron-vite build first')
}

/** Calls a channel through core.invoke (validation + handler) and unwraps the result, as the renderer's api does. */
export async function call(core, channel, input) {
  const result = await core.invoke(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭'
const GIVEN = '建国、秀英、桂兰、志强、海燕、玉梅、红霞、德明、春生、国庆、丽华、小军、永福、金凤、淑珍、文斌、晓东、爱民'.split('、')
const VILLAGES = '东山村、西河村、南岗村、北坡村、柳树湾村、杏花村'.split('、')
export const SENTENCES = [
  '我们村这两年发展光伏合作社，乡亲们的腰包鼓起来了',
  '希望镇里继续在技术培训、销售渠道上给予支持',
  '要把握未来发展的主动权，先要正确认识我们目前所处的发展阶段',
  '从工业发展带动城镇化进程方面，我想谈谈自己的想法',
  '年轻人回村创业，需要在土地、资金和电商上有人帮一把',
  '建议把志愿服务和移风易俗结合起来，常态化开展'
]
export const remarkText = (i) => `${SENTENCES[i % SENTENCES.length]}；${SENTENCES[(i * 7 + 3) % SENTENCES.length]}。`

/**
 * A live session as a long evening leaves it, written through the channels the console uses: `people` invited
 * and seated round the table, all checked in, 圆桌时间 running, rounds of turns with `remarks` remarks in all
 * (about five a turn). Returns the session's id and its live view; the session stays live unless `end`.
 */
export async function seedLiveSession(core, { people = 60, remarks = 500, perTurn = 5, end = false } = {}) {
  const ids = []
  for (let i = 0; i < people; i++) {
    const person = await call(core, 'people:create', {
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length] + (i >= SURNAMES.length ? String(i) : ''),
      village: VILLAGES[i % VILLAGES.length]
    })
    ids.push(person.id)
  }
  const start = Date.now() - 3600_000
  const session = await call(core, 'sessions:create', {
    title: '乡村振兴大家谈（基准测试）',
    plannedStart: start,
    plannedEnd: start + 3 * 3600_000,
    venue: '东山村党群服务中心',
    hostId: ids[0],
    recorderId: ids[1],
    agenda: [{ kind: 'roundtable', title: '圆桌时间', plannedMinutes: 150 }],
    invitees: ids.map((personId, i) => ({ personId, role: i === 0 ? 'host' : i === 1 ? 'recorder' : 'participant', seatNumber: i + 1 }))
  })
  const sessionId = session.id
  await call(core, 'sessions:start', { id: sessionId })
  await call(core, 'live:checkInEveryone', { sessionId })
  let view = await call(core, 'live:act', { sessionId, action: { type: 'phase', segmentId: session.agenda[0].id } })
  for (let written = 0; written < remarks; ) {
    if (!view.state.current) view = await call(core, 'live:act', { sessionId, action: { type: 'round', startPersonId: ids[0] } })
    const current = view.state.current
    for (let i = 0; i < perTurn && written < remarks; i++, written++) {
      await call(core, 'remarks:create', { sessionId, speakerId: current.personId, turnId: current.id, text: remarkText(written), tags: written % 9 === 0 ? ['建议'] : [] })
    }
    view = await call(core, 'live:act', { sessionId, action: { type: 'pass' } })
  }
  if (end) view = await call(core, 'sessions:end', { id: sessionId })
  return { sessionId, view, people: ids }
}
