/**
 * The kill test's child process: opens core on the database file it is given and drives it through live
 * operations, as the console would, until it is killed. Run as `node driver.mjs <databaseFile> <cycle> <seed>`
 * (bundled by run-cycles.ts). It continues from whatever the file holds: a live session left by the
 * process killed before it, a planned one, or none (then it plans one).
 *
 * After each operation core answered ok, and only then, one line of JSON goes to stdout: an `Ack` with a
 * key to find the operation in the database (acks.ts). A refusal is not acknowledged; an internal error
 * ends the process with code 3 (the runner counts it as a failure).
 */
import BetterSqlite3 from 'better-sqlite3'
import { createCore } from '../../../../src/core/core'
import type { Channel, InputOf, LiveAction, OutputOf } from '../../../../src/shared/contract'
import type { LiveView } from '../../../../src/shared/domain'
import { roundInProgress } from '../../../../src/shared/speaking'
import type { Ack } from './acks'
import { seeded } from './prng'

const [databaseFile, cycleArg = '0', seedArg = '1'] = process.argv.slice(2)
if (!databaseFile) {
  process.stderr.write('usage: driver <databaseFile> <cycle> <seed>\n')
  process.exit(2)
}
const cycle = Number(cycleArg)
const random = seeded(Number(seedArg))

/** 李芳 lectures, six sit at the table, and the others may walk in. */
const LECTURER = '李芳'
const SEATED = ['温乐义', '翟自恩', '张秀兰', '刘建国', '陈静', '王明']
const WALK_INS = ['赵海云', '孙丽', '周强', '吴敏']
const CAST = [LECTURER, ...SEATED, ...WALK_INS]

/** A process left behind (its runner gone) stops by itself; stdout closing (EPIPE) stops it too. */
setTimeout(() => process.exit(0), 120_000).unref()
process.stdout.on('error', () => process.exit(0))

const core = createCore({
  databaseFile,
  appVersion: 'kill-test',
  seedDemo: false,
  log: (message, error) => process.stderr.write(`${message} ${String(error)}\n`)
})

/** Written with one write(2) to a pipe (synchronous on Linux): once it returns, the runner will read it. */
function acknowledge(ack: Ack): void {
  process.stdout.write(`${JSON.stringify(ack)}\n`)
}

/** The value, or null when core refused (nothing is acknowledged then); an internal error ends the process. */
async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C> | null> {
  const result = await core.invoke(channel, input)
  if (result.ok) return result.value
  if (result.error.code === 'internal') {
    process.stderr.write(`${channel} failed inside core: ${JSON.stringify(result.error)}\n`)
    process.exit(3)
  }
  return null
}

/** The rows of the session's speaking log (the driver never undoes, so the next action is row max + 1). */
function lastSeq(sessionId: string): number {
  const reader = new BetterSqlite3(databaseFile!, { readonly: true, fileMustExist: true })
  try {
    return (reader.prepare('SELECT coalesce(max(seq), 0) AS seq FROM speaking_events WHERE session_id = ?').get(sessionId) as { seq: number }).seq
  } finally {
    reader.close()
  }
}

let counter = 0
/** Unique across the whole run: the cycle is new for every process. */
const uniqueText = (what: string): string => `${what} 第${cycle}轮-${++counter}`

async function cast(): Promise<Map<string, string>> {
  const people = new Map<string, string>()
  for (const person of (await call('people:list', { includeArchived: true })) ?? []) people.set(person.name, person.id)
  for (const name of CAST) {
    if (people.has(name)) continue
    const person = await call('people:create', { name })
    if (!person) throw new Error(`people:create ${name} was refused`)
    acknowledge({ k: 'person', id: person.id })
    people.set(name, person.id)
  }
  return people
}

/** The live session to drive: the one left live, else a planned one started, else a new one planned and started. */
async function liveSession(people: Map<string, string>): Promise<{ view: LiveView; seq: number }> {
  const sessions = (await call('sessions:list', { when: 'all' })) ?? []
  const live = sessions.find((session) => session.status === 'live')
  if (live) {
    const view = await call('live:get', { sessionId: live.id })
    if (view) return { view, seq: lastSeq(live.id) }
  }
  let planned = sessions.find((session) => session.status === 'planned')?.id
  if (!planned) {
    const now = Date.now()
    const session = await call('sessions:create', {
      title: uniqueText('思想圆桌派'),
      plannedStart: now,
      plannedEnd: now + 2 * 3_600_000,
      venue: '郑家镇新时代文明实践所理论宣讲室',
      agenda: [
        { kind: 'study', lecturerId: people.get(LECTURER)!, plannedMinutes: 30 },
        { kind: 'roundtable', plannedMinutes: 60 }
      ],
      invitees: SEATED.map((name, i) => ({ personId: people.get(name)!, role: 'participant' as const, seatNumber: i + 1 }))
    })
    if (!session) throw new Error('sessions:create was refused')
    acknowledge({ k: 'plan', session: session.id })
    planned = session.id
  }
  const view = await call('sessions:start', { id: planned })
  if (!view) throw new Error('sessions:start was refused')
  acknowledge({ k: 'start', session: planned })
  return { view, seq: 0 }
}

/** A speaking action that makes sense now (core may still refuse it: then nothing is acknowledged). */
function speakingAction(view: LiveView): LiveAction | null {
  const { state, attendance } = view
  const study = view.session.agenda.find((segment) => segment.kind === 'study')
  const table = view.session.agenda.find((segment) => segment.kind === 'roundtable')
  if (!study || !table) return null
  if (state.phase === null) return { type: 'phase', segmentId: study.id }
  const present = attendance.filter((entry) => !entry.absent)
  const seated = present.filter((entry) => entry.seatNumber !== null)
  const options: [number, () => LiveAction][] = []
  if (state.current) {
    options.push([5, () => ({ type: 'pass' })], [1, () => ({ type: 'skip' })], [1, () => ({ type: 'defer' })], [0.5, () => ({ type: 'decline' })])
    options.push([1, () => ({ type: 'applause' })])
    options.push(state.pausedAt === null ? [0.5, () => ({ type: 'pause' })] : [3, () => ({ type: 'resume' })])
  }
  if (present.length > 0) {
    options.push([1, () => ({ type: 'raise_hand', personId: random.pick(present).personId })])
    options.push([0.5, () => ({ type: 'speak_again', personId: random.pick(present).personId })])
  }
  if (state.phase === study.id) options.push([state.turns.length > 0 ? 1 : 0, () => ({ type: 'phase', segmentId: table.id })])
  if (state.phase === table.id && !roundInProgress(state)) {
    if (seated.length > 0) options.push([4, () => ({ type: 'round', startPersonId: random.pick(seated).personId })])
    options.push([0.5, () => ({ type: 'free' })])
    if (state.turns.length > 10) options.push([0.3, () => ({ type: 'phase', segmentId: null })])
  }
  return weighted(options)?.() ?? null
}

function weighted<T>(options: [number, T][]): T | null {
  const total = options.reduce((sum, [weight]) => sum + weight, 0)
  let draw = random.next() * total
  for (const [weight, value] of options) {
    if (weight <= 0) continue
    draw -= weight
    if (draw < 0) return value
  }
  return null
}

async function main(): Promise<void> {
  const people = await cast()
  let { view, seq } = await liveSession(people)
  const openDecisions: { session: string; text: string }[] = []
  for (;;) {
    // Between operations the event loop turns, as it does between clicks in the app: the backups core
    // takes in the background (the daily one, the one after 结束场次) run meanwhile, and may be killed too.
    await new Promise((resolve) => setImmediate(resolve))
    const sessionId = view.session.id
    const { state, attendance } = view
    const unchecked = attendance.filter((entry) => entry.checkedInAt === null && !entry.absent)
    const present = attendance.filter((entry) => !entry.absent)
    const busy = new Set([state.current?.personId, ...state.queue.map((entry) => entry.personId)])
    const mayBeAbsent = unchecked.filter((entry) => entry.invited && entry.role === 'participant' && !busy.has(entry.personId))
    const onList = new Set(attendance.map((entry) => entry.personId))
    const walkIns = WALK_INS.map((name) => people.get(name)!).filter((id) => !onList.has(id))

    const operations: [number, () => Promise<LiveView | null>][] = [
      [8, async () => {
        const action = speakingAction(view)
        const next = action && (await call('live:act', { sessionId, action }))
        if (next) acknowledge({ k: 'act', session: sessionId, seq: ++seq, type: action.type })
        return null // it answers with the speaking state only: the whole view is read below
      }],
      [unchecked.length > 0 ? 3 : 0, async () => {
        const person = random.pick(unchecked).personId
        const next = await call('live:checkIn', { sessionId, personId: person, present: true })
        if (next) acknowledge({ k: 'checkIn', session: sessionId, person })
        return null
      }],
      [mayBeAbsent.length > 0 && present.length > 5 ? 0.3 : 0, async () => {
        const person = random.pick(mayBeAbsent).personId
        const reason = uniqueText('请假')
        const next = await call('live:checkIn', { sessionId, personId: person, present: false, reason })
        if (next) acknowledge({ k: 'absent', session: sessionId, person, reason })
        return null
      }],
      [unchecked.length > 0 ? 0.3 : 0, async () => {
        const next = await call('live:checkInEveryone', { sessionId })
        if (next) acknowledge({ k: 'everyone', session: sessionId })
        return next
      }],
      [walkIns.length > 0 ? 0.4 : 0, async () => {
        const person = random.pick(walkIns)
        const next = await call('live:addWalkIn', { sessionId, personId: person, seatNumber: null })
        if (next) acknowledge({ k: 'walkIn', session: sessionId, person })
        return next
      }],
      [present.length > 0 ? 4 : 0, async () => {
        const speaker = state.current && present.some((entry) => entry.personId === state.current!.personId) ? state.current.personId : random.pick(present).personId
        const text = uniqueText('发言')
        const remark = await call('remarks:create', { sessionId, speakerId: speaker, turnId: state.current?.id ?? null, text, starred: random.chance(0.2) })
        if (remark) acknowledge({ k: 'remark', session: sessionId, text })
        return null
      }],
      [1, async () => {
        const text = uniqueText('决议')
        const decision = await call('decisions:create', { sessionId, text, ownerName: random.pick(SEATED) })
        if (decision) {
          acknowledge({ k: 'decision', session: sessionId, text })
          openDecisions.push({ session: sessionId, text })
        }
        return null
      }],
      [openDecisions.length > 0 ? 0.5 : 0, async () => {
        const { session, text } = openDecisions.splice(random.int(0, openDecisions.length - 1), 1)[0]!
        const decisions = (await call('decisions:list', { sessionId: session })) ?? []
        const decision = decisions.find((candidate) => candidate.text === text)
        if (decision && (await call('decisions:update', { id: decision.id, status: 'done' }))) acknowledge({ k: 'done', text })
        return null
      }],
      [state.turns.length >= 12 ? (state.phase === null || state.phase === 'closing' ? 3 : 0.4) : 0, async () => {
        const ended = await call('sessions:end', { id: sessionId })
        if (ended) acknowledge({ k: 'end', session: sessionId, seq: ++seq })
        return ended
      }]
    ]
    const next = await weighted(operations)!()
    if (next?.session.status === 'live') view = next
    else if (next?.session.status === 'ended') ({ view, seq } = await liveSession(people))
    else view = (await call('live:get', { sessionId })) ?? view
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`driver failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(3)
})
