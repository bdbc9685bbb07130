import fc from 'fast-check'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { markOf, tallyAttendance, type AttendanceTally } from '../../../src/shared/attendance'
import type { InputOf } from '../../../src/shared/contract'
import type { AttendanceEntry, LiveView } from '../../../src/shared/domain'
import type { Minutes } from '../../../src/shared/minutes'
import type { Result } from '../../../src/shared/result'
import type { Turn } from '../../../src/shared/speaking'
import { onCleanup, runCleanups, T0, testCore } from '../../helpers'

/**
 * DESIGN §9, "one truth for attendance and the record", as a property: random sessions are driven through
 * core's channels only (a real SQLite file, a clock we move by random steps), with namesakes in the
 * directory, check-ins, absences, walk-ins, people left 未签到, lectures, rounds, raised hands, undo, and
 * remarks written at any moment (for the speaker, as notes, for someone else, after the round, after the
 * end), some deleted and restored. At audits during the session and after it, live:get, sessions:get,
 * minutes:get and the printed 会议记录 (minutes:print) must agree with a model the test keeps itself:
 *  1. expected − absent − unmarked + walk-ins = present, each person counted once, in every channel;
 *  2. every remark not deleted is in the 会议记录 exactly once, in time order, under its own turn or
 *     lecture (a note at the time it was written); deleted ones are not;
 *  3. no two people share a label, a person has one label everywhere, namesakes carry their place;
 *  4. volunteers are exactly the host, recorder and lecturers who are present; the people served are the
 *     other present people; hours are whole half hours, at least half an hour;
 *  5. whoever spoke is counted present.
 * 1–4 and 5 are two properties over the same sessions, so 1–4 keep guarding while 5 fails (today it does:
 * core lets a person be marked absent who holds, held or waits for the microphone, and gives it to a lecturer
 * marked absent; the minimal cases are spelled out at the end of the file).
 */

afterEach(runCleanups)

/**
 * A database file in memory-backed storage where the system has it (/dev/shm): still a real SQLite file
 * with core's settings, but each commit's fsync costs nothing, so a few hundred sessions fit in seconds.
 */
function databaseFile(): string {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'roundtable-truth-'))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'roundtable.sqlite')
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HALF_HOUR = 30 * MINUTE

// ---------------------------------------------------------------------------------------------------------
// The directory: namesakes from different villages, from the same village with different units, from the
// very same place, and with no place at all.

interface PersonSpec {
  name: string
  village?: string
  organisation?: string
  categories: string[]
}

const DIRECTORY: PersonSpec[] = [
  { name: '王芳', village: '温集新村', categories: ['党员'] },
  { name: '王芳', village: '郑家村', organisation: '郑家村委会', categories: ['群众'] },
  { name: '王芳', village: '郑家村', organisation: '郑家镇卫生院', categories: ['干部', '党员'] },
  { name: '李强', organisation: '郑家镇党委', categories: ['干部'] },
  { name: '李强', village: '温集新村', categories: [] },
  { name: '张伟', village: '温集新村', organisation: '温集新村委会', categories: ['青年'] },
  { name: '张伟', village: '温集新村', organisation: '温集新村委会', categories: ['企业职工', '群众'] },
  { name: '周敏', categories: ['村民代表'] },
  { name: '周敏', categories: [] },
  { name: '刘建国', village: '郑家村', categories: ['党员'] },
  { name: '陈静', organisation: '郑家镇便民服务中心', categories: ['志愿者'] },
  { name: '赵海云', organisation: '理论宣讲志愿服务队', categories: ['志愿者', '党员'] },
  { name: '翟自恩', organisation: '郑家镇辖区企业', categories: ['企业职工'] },
  { name: '温乐义', village: '温集新村', categories: ['群众'] },
  { name: '任肖彤', organisation: '郑家镇党委', categories: ['干部'] },
  { name: '李芳', organisation: '党员暖心志愿服务队', categories: ['志愿者'] }
]
const N = DIRECTORY.length
const REASONS = ['外出务工', '生病住院', '家中有事', '']
const TAGS = ['观点', '建议', '问题', '金句']

// ---------------------------------------------------------------------------------------------------------
// Abstract commands: indices are taken modulo whatever the command can apply to at that moment.

type Simple = 'free' | 'pass' | 'skip' | 'defer' | 'decline' | 'applause' | 'pause' | 'resume'
/**
 * Whose remark, bound to which turn: the current speaker's turn (a lecture during 学习研讨); a note with no
 * turn; someone else with the current turn; a turn seen earlier (after the round, or taken back by undo);
 * a turn id that names nothing.
 */
type RemarkTarget = 'current' | 'note' | 'other' | 'past' | 'bogus'

type Command =
  /** A study segment (by index), 圆桌时间, the 其他 segment (圆桌时间 if there is none), or 总结 (null). */
  | { kind: 'phase'; segment: number | 'roundtable' | 'other' | null }
  | { kind: 'round'; who: number }
  | { kind: 'simple'; type: Simple }
  | { kind: 'hand'; type: 'raise_hand' | 'speak_again'; who: number }
  | { kind: 'undo' }
  | { kind: 'checkIn'; who: number; present: boolean; reason: number }
  | { kind: 'walkIn'; who: number; seat: number | null }
  | { kind: 'everyone' }
  | { kind: 'remark'; target: RemarkTarget; who: number; tags: string[] }
  | { kind: 'delete'; which: number }
  | { kind: 'restore'; which: number }
  | { kind: 'reassign'; which: number; who: number }
  | { kind: 'decision'; who: number | null }
  | { kind: 'audit' }

interface Step {
  command: Command
  /** How far the clock moves before the command (at least 1 ms, so every call has its own time). */
  gap: number
}

interface PlanSpec {
  host: number
  recorder: number
  lecturers: number[]
  other: boolean
  invitees: { person: number; seated: boolean; role: 'participant' | 'guest' }[]
}

interface Scenario {
  plan: PlanSpec
  before: Step[]
  during: Step[]
  after: Step[]
}

const who = fc.nat({ max: 999 })
const gapArb = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 999 }), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 90 }).map((s) => s * SECOND), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 25 }).map((m) => m * MINUTE), weight: 2 }
)
const step = (command: fc.Arbitrary<Command>): fc.Arbitrary<Step> => fc.record({ command, gap: gapArb })

const checkInArb = fc.record({ kind: fc.constant('checkIn' as const), who, present: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)), reason: fc.nat({ max: REASONS.length - 1 }) })
const walkInArb = fc.record({ kind: fc.constant('walkIn' as const), who, seat: fc.option(fc.integer({ min: 1, max: 14 }), { freq: 3 }) })
const everyoneArb = fc.constant({ kind: 'everyone' as const })
const remarkArb = fc.record({
  kind: fc.constant('remark' as const),
  target: fc.constantFrom<RemarkTarget>('current', 'current', 'current', 'note', 'other', 'past', 'bogus'),
  who,
  tags: fc.subarray(TAGS, { maxLength: 2 })
})
const deleteArb = fc.record({ kind: fc.constant('delete' as const), which: who })
const restoreArb = fc.record({ kind: fc.constant('restore' as const), which: who })
const reassignArb = fc.record({ kind: fc.constant('reassign' as const), which: who, who })
const decisionArb = fc.record({ kind: fc.constant('decision' as const), who: fc.option(who, { freq: 4 }) })
const auditArb = fc.constant({ kind: 'audit' as const })

const beforeArb = fc.oneof(
  { arbitrary: checkInArb, weight: 6 },
  { arbitrary: walkInArb, weight: 2 },
  { arbitrary: everyoneArb, weight: 2 },
  { arbitrary: remarkArb, weight: 1 },
  { arbitrary: auditArb, weight: 1 }
)

const duringArb = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('phase' as const),
      segment: fc.oneof(
        { arbitrary: fc.constant('roundtable' as const), weight: 4 },
        { arbitrary: fc.nat({ max: 1 }), weight: 3 },
        { arbitrary: fc.constant('other' as const), weight: 1 },
        { arbitrary: fc.constant(null), weight: 1 }
      )
    }),
    weight: 4
  },
  { arbitrary: fc.record({ kind: fc.constant('round' as const), who }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('simple' as const),
      type: fc.constantFrom<Simple>('pass', 'pass', 'pass', 'pass', 'skip', 'defer', 'decline', 'free', 'applause', 'pause', 'resume')
    }),
    weight: 10
  },
  { arbitrary: fc.record({ kind: fc.constant('hand' as const), type: fc.constantFrom('raise_hand' as const, 'speak_again' as const), who }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 2 },
  { arbitrary: checkInArb, weight: 3 },
  { arbitrary: walkInArb, weight: 1 },
  { arbitrary: everyoneArb, weight: 1 },
  { arbitrary: remarkArb, weight: 9 },
  { arbitrary: deleteArb, weight: 2 },
  { arbitrary: restoreArb, weight: 1 },
  { arbitrary: reassignArb, weight: 1 },
  { arbitrary: decisionArb, weight: 1 },
  { arbitrary: auditArb, weight: 1 }
)

const afterArb = fc.oneof(
  { arbitrary: remarkArb, weight: 5 },
  { arbitrary: deleteArb, weight: 2 },
  { arbitrary: restoreArb, weight: 1 },
  { arbitrary: reassignArb, weight: 1 },
  { arbitrary: decisionArb, weight: 2 },
  { arbitrary: checkInArb, weight: 1 },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 1 }
)

const planArb: fc.Arbitrary<PlanSpec> = fc.record({
  host: fc.nat({ max: N - 1 }),
  recorder: fc.nat({ max: N - 1 }),
  lecturers: fc.array(fc.nat({ max: N - 1 }), { minLength: 1, maxLength: 2 }),
  other: fc.boolean(),
  invitees: fc.uniqueArray(
    fc.record({
      person: fc.nat({ max: N - 1 }),
      seated: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
      role: fc.constantFrom('participant' as const, 'guest' as const)
    }),
    { selector: (invitee) => invitee.person, minLength: 2, maxLength: 11 }
  )
})

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  plan: planArb,
  before: fc.array(step(beforeArb), { maxLength: 8, size: 'max' }),
  during: fc.array(step(duringArb), { minLength: 1, maxLength: 40, size: 'max' }),
  after: fc.array(step(afterArb), { maxLength: 6, size: 'max' })
})

// ---------------------------------------------------------------------------------------------------------
// The model the test keeps of one session.

interface PersonModel extends PersonSpec {
  id: string
  index: number
}

interface Mark {
  invited: boolean
  checkedInAt: number | null
  absent: boolean
  reason: string
}

interface RemarkModel {
  id: string
  serial: number
  text: string
  speakerId: string
  /** The turn it is stored under, as core must have decided (core keeps a turn only if it is the speaker's). */
  turnId: string | null
  tags: string[]
  createdAt: number
  deleted: boolean
}

interface DecisionModel {
  text: string
  ownerId: string | null
}

/** An error result core may give for a command (anything else is unexpected and fails the property). */
type Allowed = { code: 'conflict' } | { code: 'invalid_input'; issue: string }

class SessionRun {
  now = T0 - 45 * MINUTE
  readonly core: Core
  readonly trace: string[] = []
  people: PersonModel[] = []
  sessionId = ''
  hostId = ''
  recorderId = ''
  lecturerIds: string[] = []
  marks = new Map<string, Mark>()
  remarks: RemarkModel[] = []
  decisions: DecisionModel[] = []
  /** Every turn ever seen, undone ones included (for remarks bound to a turn that is gone). */
  seenTurns = new Map<string, Turn>()
  view!: LiveView
  serial = 0
  audits = 0

  /** What the audits check: the documents (1–4), or whoever spoke (5). */
  constructor(readonly check: 'documents' | 'speakers') {
    this.core = testCore({ databaseFile: databaseFile(), now: () => this.now })
  }

  person(id: string): PersonModel {
    const person = this.people.find((candidate) => candidate.id === id)
    if (!person) throw new Error(`unknown person ${id}`)
    return person
  }

  /** For the trace: the directory index and name. */
  who(id: string): string {
    const person = this.person(id)
    return `#${person.index} ${person.name}`
  }

  async must<T>(label: string, result: Promise<Result<T>>): Promise<T> {
    const outcome = await result
    if (!outcome.ok) throw new Error(`${label}: unexpected ${JSON.stringify(outcome.error)}`)
    return outcome.value
  }

  /** The value, or null when core refused in one of the `allowed` ways (the trace says so). */
  async may<T>(label: string, result: Promise<Result<T>>, allowed: Allowed[]): Promise<T | null> {
    const outcome = await result
    if (outcome.ok) return outcome.value
    const error = outcome.error
    const fits = allowed.some((allow) =>
      allow.code === 'conflict' ? error.code === 'conflict' : error.code === 'invalid_input' && (error.issues ?? []).some((issue) => issue.code === allow.issue)
    )
    if (!fits) throw new Error(`${label}: unexpected ${JSON.stringify(error)}`)
    this.trace.push(`  → refused: ${error.code} ${(error.issues ?? []).map((issue) => issue.code).join(',')}`)
    return null
  }

  async setUp(plan: PlanSpec): Promise<void> {
    for (const [index, spec] of DIRECTORY.entries()) {
      const created = await this.must('people:create', this.core.invoke('people:create', { ...spec }))
      this.people.push({ ...spec, id: created.id, index })
    }
    const id = (index: number) => this.people[index]!.id
    this.hostId = id(plan.host)
    this.recorderId = id(plan.recorder)
    this.lecturerIds = plan.lecturers.map(id)
    let seat = 0
    const input: InputOf<'sessions:create'> = {
      title: '思想圆桌派',
      plannedStart: T0,
      plannedEnd: T0 + 2 * 60 * MINUTE,
      venue: '郑家镇新时代文明实践所',
      hostId: this.hostId,
      recorderId: this.recorderId,
      agenda: [
        ...this.lecturerIds.map((lecturerId, i) => ({ kind: 'study' as const, title: `学习${i + 1}`, lecturerId, topic: `专题${i + 1}`, plannedMinutes: 20 })),
        { kind: 'roundtable' as const, plannedMinutes: 60 },
        ...(plan.other ? [{ kind: 'other' as const, title: '合影', plannedMinutes: 5 }] : [])
      ],
      invitees: plan.invitees.map((invitee) => ({ personId: id(invitee.person), role: invitee.role, seatNumber: invitee.seated ? ++seat : null }))
    }
    const session = await this.must('sessions:create', this.core.invoke('sessions:create', input))
    this.sessionId = session.id
    const invited = new Set([...input.invitees!.map((invitee) => invitee.personId), this.hostId, this.recorderId, ...this.lecturerIds])
    for (const personId of invited) this.marks.set(personId, { invited: true, checkedInAt: null, absent: false, reason: '' })
    this.trace.push(
      `plan: host ${this.who(this.hostId)}, recorder ${this.who(this.recorderId)}, lecturers ${this.lecturerIds.map((l) => this.who(l)).join(' / ')}, ` +
        `invitees ${input.invitees!.map((invitee) => `${this.who(invitee.personId)}@${invitee.seatNumber ?? '-'}`).join(', ')}${plan.other ? ', with an 其他 segment' : ''}`
    )
    await this.refresh()
  }

  async refresh(): Promise<void> {
    this.view = await this.must('live:get', this.core.invoke('live:get', { sessionId: this.sessionId }))
    for (const turn of this.view.state.turns) this.seenTurns.set(turn.id, turn)
    this.expectMarks(this.view.attendance)
  }

  /** After a speaking action core wrote: whoever has spoken and is still 未签到 is checked in as of their turn. */
  speakersCheckedIn(view: Pick<LiveView, 'state'>): void {
    for (const turn of view.state.turns) {
      const mark = this.marks.get(turn.personId)
      if (turn.outcome === 'spoken' && mark && mark.checkedInAt === null && !mark.absent) mark.checkedInAt = turn.startedAt
    }
  }

  expectMarks(attendance: AttendanceEntry[]): void {
    const actual = Object.fromEntries(
      attendance.map((entry) => [entry.personId, { invited: entry.invited, checkedInAt: entry.checkedInAt, absent: entry.absent, reason: entry.absent ? entry.absentReason : '' }])
    )
    expect(actual, 'the attendance list core keeps is the one the test expects').toStrictEqual(Object.fromEntries(this.marks))
  }

  // -------------------------------------------------------------------------------------------------------

  async run(step: Step): Promise<void> {
    this.now += step.gap
    const command = step.command
    const sessionId = this.sessionId
    const { state, attendance } = this.view
    const current = state.current
    switch (command.kind) {
      case 'phase': {
        const agenda = this.view.session.agenda
        const studies = agenda.filter((candidate) => candidate.kind === 'study')
        const roundtable = agenda.find((candidate) => candidate.kind === 'roundtable')!
        const segment =
          command.segment === null ? null
          : command.segment === 'roundtable' ? roundtable
          : command.segment === 'other' ? (agenda.find((candidate) => candidate.kind === 'other') ?? roundtable)
          : studies[command.segment % studies.length]!
        this.trace.push(`phase ${segment ? `${segment.kind} ${segment.title}` : '总结'}`)
        await this.act({ type: 'phase', segmentId: segment?.id ?? null })
        return
      }
      case 'round': {
        const candidates = attendance.filter((entry) => markOf(entry) === 'present' && entry.seatNumber !== null)
        if (candidates.length === 0) return
        const start = candidates[command.who % candidates.length]!
        this.trace.push(`round from ${this.who(start.personId)}`)
        await this.act({ type: 'round', startPersonId: start.personId })
        return
      }
      case 'simple': {
        const needsSpeaker = command.type !== 'free'
        if (needsSpeaker && !current) return
        this.trace.push(command.type)
        await this.act({ type: command.type })
        return
      }
      case 'hand': {
        const person = attendance[command.who % attendance.length]!
        this.trace.push(`${command.type} ${this.who(person.personId)}${person.absent ? ' (absent)' : ''}`)
        await this.act({ type: command.type, personId: person.personId }, person.absent ? [{ code: 'invalid_input', issue: 'absent' }] : [])
        return
      }
      case 'undo': {
        this.trace.push('undo')
        const view = await this.may('live:undo', this.core.invoke('live:undo', { sessionId }), [{ code: 'conflict' }])
        if (view) this.speakersCheckedIn(view)
        break
      }
      case 'checkIn': {
        const person = attendance[command.who % attendance.length]!
        const reason = REASONS[command.reason]!
        this.trace.push(`checkIn ${this.who(person.personId)} ${command.present ? 'present' : `absent (${reason})`}`)
        const allowed: Allowed[] = [{ code: 'conflict' }]
        if (!person.invited && !command.present) allowed.push({ code: 'invalid_input', issue: 'walk_in_absent' })
        const view = await this.may(
          'live:checkIn',
          this.core.invoke('live:checkIn', { sessionId, personId: person.personId, present: command.present, reason }),
          allowed
        )
        if (view) {
          expect(person.invited || command.present, 'a walk-in cannot be marked absent').toBe(true)
          // Present again keeps the first check-in time.
          const checkedInAt = command.present ? (this.marks.get(person.personId)?.checkedInAt ?? this.now) : null
          this.marks.set(person.personId, { invited: person.invited, checkedInAt, absent: !command.present, reason: command.present ? '' : reason })
        }
        break
      }
      case 'walkIn': {
        const onList = new Set(attendance.map((entry) => entry.personId))
        const candidates = this.people.filter((person) => !onList.has(person.id))
        if (candidates.length === 0) return
        const person = candidates[command.who % candidates.length]!
        const taken = command.seat !== null && attendance.some((entry) => entry.seatNumber === command.seat)
        this.trace.push(`walkIn ${this.who(person.id)} seat ${command.seat ?? 'auto'}`)
        const allowed: Allowed[] = [{ code: 'conflict' }, ...(taken ? [{ code: 'invalid_input' as const, issue: 'duplicate_seat' }] : [])]
        const view = await this.may('live:addWalkIn', this.core.invoke('live:addWalkIn', { sessionId, personId: person.id, seatNumber: command.seat }), allowed)
        if (view) {
          expect(taken, 'a walk-in never takes a seat that is taken').toBe(false)
          this.marks.set(person.id, { invited: false, checkedInAt: this.now, absent: false, reason: '' })
        }
        break
      }
      case 'everyone': {
        this.trace.push('checkInEveryone')
        const view = await this.may('live:checkInEveryone', this.core.invoke('live:checkInEveryone', { sessionId }), [{ code: 'conflict' }])
        // Once the session has started, 全部出席 says they were there from the start.
        const from = Math.min(this.now, this.view.session.startedAt ?? this.now)
        if (view) for (const mark of this.marks.values()) if (mark.checkedInAt === null && !mark.absent) mark.checkedInAt = from
        break
      }
      case 'remark':
        await this.remark(command)
        break
      case 'delete':
      case 'restore': {
        const pool = this.remarks.filter((remark) => remark.deleted === (command.kind === 'restore'))
        if (pool.length === 0) return
        const remark = pool[command.which % pool.length]!
        this.trace.push(`${command.kind} 【${remark.serial}】`)
        const channel = command.kind === 'delete' ? 'remarks:delete' : 'remarks:restore'
        const result = await this.may(channel, this.core.invoke(channel, { id: remark.id }), command.kind === 'restore' ? this.speakerRule(remark.speakerId) : [{ code: 'conflict' }])
        if (result && command.kind === 'restore') this.spokeAt(remark.speakerId)
        if (result) {
          expect(result.deletedAt !== null).toBe(command.kind === 'delete')
          remark.deleted = command.kind === 'delete'
        }
        break
      }
      case 'reassign': {
        const pool = this.remarks.filter((remark) => !remark.deleted)
        if (pool.length === 0) return
        const remark = pool[command.which % pool.length]!
        const speaker = this.people[command.who % N]!
        this.trace.push(`reassign 【${remark.serial}】 to ${this.who(speaker.id)}`)
        const result = await this.may(
          'remarks:update',
          this.core.invoke('remarks:update', { id: remark.id, speakerId: speaker.id }),
          speaker.id === remark.speakerId ? [{ code: 'conflict' }] : this.speakerRule(speaker.id)
        )
        if (result) {
          if (speaker.id !== remark.speakerId) {
            this.spokeAt(speaker.id)
            // Re-assigned: it now belongs to the new speaker's turn begun last by the time it was written, if any.
            const theirs = state.turns.filter((turn) => turn.personId === speaker.id && turn.startedAt <= remark.createdAt)
            remark.turnId = theirs.sort((a, b) => b.startedAt - a.startedAt)[0]?.id ?? null
            remark.speakerId = speaker.id
          }
          expect(result.turnId, `【${remark.serial}】's turn after re-assigning`).toBe(this.stored(remark, state.turns))
        }
        break
      }
      case 'decision': {
        const owner = command.who === null ? null : this.people[command.who % N]!
        const text = `〔议定${this.decisions.length + 1}〕落实${owner?.name ?? '村委'}的建议`
        this.trace.push(`decision ${text} owner ${owner ? this.who(owner.id) : '(typed name)'}`)
        const result = await this.may(
          'decisions:create',
          this.core.invoke('decisions:create', { sessionId, text, ownerId: owner?.id ?? null, ownerName: owner ? '' : '村委会', dueDate: '2025-09-30' }),
          [{ code: 'conflict' }]
        )
        if (result) this.decisions.push({ text, ownerId: owner?.id ?? null })
        break
      }
      case 'audit':
        this.trace.push('audit')
        await this.audit()
        break
    }
    await this.refresh()
  }

  async act(action: InputOf<'live:act'>['action'], allowed: Allowed[] = []): Promise<void> {
    const view = await this.may('live:act', this.core.invoke('live:act', { sessionId: this.sessionId, action }), [{ code: 'conflict' }, ...allowed])
    if (view) {
      expect(allowed.filter((allow) => allow.code !== 'conflict'), 'core took an action it should have refused').toHaveLength(0)
      this.speakersCheckedIn(view)
    }
    await this.refresh()
  }

  /** The turn a remark is under now: its stored turn while that turn exists (an undo takes the turn back). */
  stored(remark: RemarkModel, turns: Turn[]): string | null {
    return remark.turnId !== null && turns.some((turn) => turn.id === remark.turnId) ? remark.turnId : null
  }

  async remark(command: Command & { kind: 'remark' }): Promise<void> {
    const { current, turns } = this.view.state
    let speakerId: string
    let turnId: string | null
    switch (command.target) {
      case 'current':
        if (!current) return
        speakerId = current.personId
        turnId = current.id
        break
      case 'note':
        speakerId = this.people[command.who % N]!.id
        turnId = null
        break
      case 'other': {
        const ref = current ?? turns.at(-1)
        if (!ref) return
        const others = this.people.filter((person) => person.id !== ref.personId)
        speakerId = others[command.who % others.length]!.id
        turnId = ref.id
        break
      }
      case 'past': {
        const seen = [...this.seenTurns.values()]
        if (seen.length === 0) return
        const turn = seen[command.who % seen.length]!
        speakerId = turn.personId
        turnId = turn.id
        break
      }
      case 'bogus':
        speakerId = this.people[command.who % N]!.id
        turnId = 'no-such-turn'
        break
    }
    const serial = ++this.serial
    const text = `【${serial}】${this.person(speakerId).name}谈乡村振兴`
    this.trace.push(`remark 【${serial}】 (${command.target}) by ${this.who(speakerId)} turn ${turnId ?? 'none'}${command.tags.length ? ` tags ${command.tags.join(',')}` : ''}`)
    const created = await this.may(
      'remarks:create',
      this.core.invoke('remarks:create', { sessionId: this.sessionId, speakerId, turnId, text, tags: command.tags }),
      this.speakerRule(speakerId)
    )
    if (!created) {
      const mark = this.marks.get(speakerId)
      expect(this.view.session.status === 'planned' || !mark || mark.absent, 'remarks are refused before the start, or for someone absent or not on the list').toBe(true)
      return
    }
    this.spokeAt(speakerId)
    // A turn is kept only when it is this speaker's turn in this session (a remark is never mis-attributed).
    const kept = turnId !== null && turns.some((turn) => turn.id === turnId && turn.personId === speakerId) ? turnId : null
    expect(created.turnId, `the turn 【${serial}】 is stored under`).toBe(kept)
    expect(created.createdAt).toBe(this.now)
    this.remarks.push({ id: created.id, serial, text, speakerId, turnId: kept, tags: command.tags, createdAt: this.now, deleted: false })
  }

  /** What core may refuse a remark's speaker for: not on the list, or marked absent (DESIGN §9). */
  speakerRule(speakerId: string): Allowed[] {
    const mark = this.marks.get(speakerId)
    return [{ code: 'conflict' }, ...(!mark ? [{ code: 'invalid_input' as const, issue: 'not_on_list' }] : []), ...(mark?.absent ? [{ code: 'invalid_input' as const, issue: 'absent' }] : [])]
  }

  /** A remark's speaker still 未签到 is checked in as of now (speaking is being there). */
  spokeAt(speakerId: string): void {
    const mark = this.marks.get(speakerId)
    if (mark && mark.checkedInAt === null && !mark.absent) mark.checkedInAt = this.now
  }

  async start(): Promise<void> {
    this.now += MINUTE
    this.trace.push('sessions:start')
    await this.must('sessions:start', this.core.invoke('sessions:start', { id: this.sessionId }))
    await this.refresh()
  }

  async end(): Promise<void> {
    this.now += MINUTE
    this.trace.push('sessions:end')
    const view = await this.must('sessions:end', this.core.invoke('sessions:end', { id: this.sessionId }))
    this.speakersCheckedIn(view)
    await this.refresh()
  }

  // -------------------------------------------------------------------------------------------------------
  // The audit: every channel against the model and against each other.

  async audit(): Promise<void> {
    this.audits++
    const sessionId = this.sessionId
    const live = await this.must('live:get', this.core.invoke('live:get', { sessionId }))
    this.expectMarks(live.attendance)
    if (this.check === 'speakers') {
      // 5. Whoever spoke was there.
      for (const turn of live.state.turns.filter((candidate) => candidate.outcome === 'spoken')) {
        const entry = live.attendance.find((candidate) => candidate.personId === turn.personId)
        expect(entry && markOf(entry), `${this.who(turn.personId)} spoke (${turn.kind} turn at ${turn.startedAt}) and is counted present`).toBe('present')
      }
      return
    }
    const detail = await this.must('sessions:get', this.core.invoke('sessions:get', { id: sessionId }))
    const minutes = await this.must('minutes:get', this.core.invoke('minutes:get', { sessionId }))
    const printed = await this.must('minutes:print', this.core.invoke('minutes:print', { sessionId, document: 'record' }))
    const labels = new LabelBook(this)
    this.auditAttendanceCounts(live, detail.attendance, minutes)
    this.auditRecord(live, minutes, labels)
    this.auditPrintedRecord(minutes, printed.html)
    this.auditOtherLabels(live, minutes, labels)
    this.auditVolunteers(live, minutes, labels)
    this.auditAttendanceNames(minutes, labels)
    labels.expectNamesakesTold(this.universe())
  }

  present(): string[] {
    return [...this.marks].filter(([, mark]) => mark.checkedInAt !== null && !mark.absent).map(([id]) => id)
  }

  /** 1. The arithmetic, the same in every channel and as the model counts it. */
  auditAttendanceCounts(live: LiveView, listed: AttendanceEntry[], minutes: Minutes): void {
    const marks = [...this.marks.values()]
    const model: AttendanceTally = {
      expected: marks.filter((mark) => mark.invited).length,
      present: marks.filter((mark) => mark.checkedInAt !== null && !mark.absent).length,
      absent: marks.filter((mark) => mark.invited && mark.absent).length,
      unmarked: marks.filter((mark) => mark.invited && !mark.absent && mark.checkedInAt === null).length,
      walkIns: marks.filter((mark) => !mark.invited && mark.checkedInAt !== null).length
    }
    const { groups, walkInNames, absentees, unmarkedNames, ...counts } = minutes.attendance
    expect(counts, 'minutes:get counts').toStrictEqual(model)
    expect(tallyAttendance(live.attendance), 'live:get counts').toStrictEqual(model)
    expect(tallyAttendance(listed), 'sessions:get counts').toStrictEqual(model)
    expect(listed, 'sessions:get and live:get list the same people alike').toStrictEqual(live.attendance)
    expect(counts.expected - counts.absent - counts.unmarked + counts.walkIns, '应到 − 缺席 − 未签到 + 列席 = 实到').toBe(counts.present)
    const presentNames = groups.flatMap((group) => group.names)
    expect(presentNames.length, '出席 names').toBe(counts.present - counts.walkIns)
    expect(walkInNames.length, '列席 names').toBe(counts.walkIns)
    expect(absentees.length, '缺席 names').toBe(counts.absent)
    expect(unmarkedNames.length, '未签到 names').toBe(counts.unmarked)
    expect(presentNames.length + walkInNames.length + absentees.length + unmarkedNames.length, 'everyone on the list is named').toBe(this.marks.size)
  }

  /** 2. The 会议记录 as data: every remark once, in time order, under its own turn or as a note at its time. */
  auditRecord(live: LiveView, minutes: Minutes, labels: LabelBook): void {
    const turns = live.state.turns
    const turnAt = new Map(turns.map((turn) => [turn.startedAt, turn]))
    expect(turnAt.size, 'every turn began at its own time').toBe(turns.length)
    const byId = new Map(this.remarks.map((remark) => [remark.id, remark]))
    const kept = this.remarks.filter((remark) => !remark.deleted)
    const ids = minutes.record.flatMap((entry) => entry.remarks.map((line) => line.id))
    expect([...ids].sort(), 'the record has every remark not deleted, and only those').toStrictEqual(kept.map((remark) => remark.id).sort())
    expect(new Set(ids).size, 'each remark once').toBe(ids.length)
    const earlier = new Set<Minutes['record'][number]>()
    minutes.record.forEach((entry, index) => {
      const previous = minutes.record[index - 1]
      if (previous) expect(entry.at, `record entry ${index} is in time order`).toBeGreaterThanOrEqual(previous.at)
      const lines = entry.remarks.map((line) => {
        const remark = byId.get(line.id)!
        expect(line, `【${remark.serial}】 as written`).toStrictEqual({ id: remark.id, text: remark.text, at: remark.createdAt })
        return remark
      })
      expect(lines.map((remark) => remark.createdAt), 'remarks in an entry in the order written').toStrictEqual(lines.map((remark) => remark.createdAt).sort((a, b) => a - b))
      if (entry.kind === 'note') {
        expect(lines, 'a note holds one remark').toHaveLength(1)
        const remark = lines[0]!
        expect(this.stored(remark, turns), `【${remark.serial}】 has no turn of its own`).toBeNull()
        expect(entry.at, `【${remark.serial}】 stands at the time it was written`).toBe(remark.createdAt)
        if (live.session.endedAt !== null && remark.createdAt > live.session.endedAt) expect(entry.section, `【${remark.serial}】 was added afterwards`).toBe('after')
        labels.learn(entry.speaker, remark.speakerId, `record note 【${remark.serial}】`)
        return
      }
      // What a speaker said before deferring (暂缓) stands at the time it was said, marked 暂缓, when their turn
      // began afresh on their return: the entry is at its first remark, and every remark in it was written in
      // that turn before it began again.
      if (!turnAt.has(entry.at) && entry.outcome === 'deferred') {
        const owners = new Set(lines.map((remark) => this.stored(remark, turns)))
        expect(owners.size, `record entry ${index}: one turn's words from before it was deferred`).toBe(1)
        const turn = turns.find((candidate) => candidate.id === [...owners][0])!
        expect(entry.at).toBe(Math.min(...lines.map((remark) => remark.createdAt)))
        expect(lines.every((remark) => remark.createdAt < turn.startedAt), 'said before the turn began again').toBe(true)
        labels.learn(entry.speaker, turn.personId, `record entry ${index} (deferred)`)
        earlier.add(entry)
        return
      }
      const turn = turnAt.get(entry.at)
      expect(turn, `record entry ${index} (${entry.kind} of ${entry.speaker}) is a turn`).toBeDefined()
      expect(entry.kind, 'a lecture is a lecture').toBe(turn!.kind === 'study' ? 'lecture' : 'turn')
      expect([entry.turnKind, entry.outcome]).toStrictEqual([turn!.kind, turn!.outcome])
      for (const remark of lines) expect(this.stored(remark, turns), `【${remark.serial}】 is under its own turn`).toBe(turn!.id)
      labels.learn(entry.speaker, turn!.personId, `record ${entry.kind} at ${entry.at}`)
    })
    // Words written in a turn before it began again stand in their 暂缓 entry (checked above); the turn itself
    // is in the record when it was spoken, or when something was written in it since it began.
    const writtenSince = (turn: (typeof turns)[number]) => kept.some((remark) => this.stored(remark, turns) === turn.id && remark.createdAt >= turn.startedAt)
    const shown = turns.filter((turn) => turn.outcome === 'spoken' || turn.outcome === 'speaking' || writtenSince(turn))
    expect(
      minutes.record.filter((entry) => entry.kind !== 'note' && !earlier.has(entry)).map((entry) => entry.at).sort((a, b) => a - b),
      'every spoken turn, and every turn something was written in, is in the record once'
    ).toStrictEqual(shown.map((turn) => turn.startedAt).sort((a, b) => a - b))
  }

  /** 2. The printed 会议记录: each remark's text once, in the record's order, under its speaker's line; deleted ones not at all. */
  auditPrintedRecord(minutes: Minutes, html: string): void {
    const body = html.slice(html.indexOf('<body>'), html.indexOf('</body>'))
    const lines = body
      .split('\n')
      .map((line) => unescapeHtml(line.replace(/<[^>]*>/g, '')))
      .filter((line) => line !== '')
    const text = lines.join('\n')
    const serials = [...text.matchAll(/【(\d+)】/g)].map((match) => Number(match[1]))
    const bySerial = new Map(this.remarks.map((remark) => [remark.id, remark.serial]))
    expect(serials, 'the printed record has each remark not deleted once, in the record’s order').toStrictEqual(
      minutes.record.flatMap((entry) => entry.remarks.map((line) => bySerial.get(line.id)!))
    )
    for (const entry of minutes.record) {
      const first = entry.remarks[0]
      if (!first) continue
      const at = lines.indexOf(first.text)
      expect(at, `${first.text} is a paragraph of its own`).toBeGreaterThan(0)
      expect(lines[at - 1]!.startsWith(`${entry.speaker}`), `${first.text} is printed under ${entry.speaker}: "${lines[at - 1]}"`).toBe(true)
    }
    const counts = text.match(/应到(\d+)人，实到(\d+)人(?:（含列席(\d+)人）)?，缺席(\d+)人(?:，未签到(\d+)人)?。/)
    expect(counts, 'the printed record counts attendance').not.toBeNull()
    const { expected, present, walkIns, absent, unmarked } = minutes.attendance
    expect(counts!.slice(1).map((n) => Number(n ?? 0))).toStrictEqual([expected, present, walkIns, absent, unmarked])
  }

  /** 3. The other places that name a person: host, recorder, lecturers, speakers, suggestions, decision owners. */
  auditOtherLabels(live: LiveView, minutes: Minutes, labels: LabelBook): void {
    if (minutes.host !== null) labels.learn(minutes.host, this.hostId, 'host')
    else throw new Error('the minutes name no host')
    if (minutes.recorder !== null) labels.learn(minutes.recorder, this.recorderId, 'recorder')
    else throw new Error('the minutes name no recorder')
    const studies = minutes.agenda.filter((item) => item.kind === 'study')
    expect(studies).toHaveLength(this.lecturerIds.length)
    // A lecture whose lecturer is absent is not reported as held; the agenda still names it.
    const held = this.lecturerIds.filter((lecturerId) => !this.marks.get(lecturerId)?.absent)
    expect(minutes.study).toHaveLength(held.length)
    this.lecturerIds.forEach((lecturerId, i) => labels.learn(studies[i]!.lecturer ?? '', lecturerId, `agenda lecturer ${i + 1}`))
    held.forEach((lecturerId, i) => labels.learn(minutes.study[i]!.lecturer, lecturerId, `study lecturer ${i + 1}`))
    const byText = new Map(this.remarks.filter((remark) => !remark.deleted).map((remark) => [remark.text, remark]))
    const turnAt = new Map(live.state.turns.map((turn) => [turn.startedAt, turn]))
    minutes.speakers.forEach((speaker, index) => {
      let personId: string
      if (speaker.startedAt !== null) {
        const turn = turnAt.get(speaker.startedAt)
        expect(turn && turn.kind !== 'study' && turn.outcome === 'spoken', `交流发言 ${index} (${speaker.name}) is a spoken turn`).toBe(true)
        personId = turn!.personId
      } else {
        const first = byText.get(speaker.remarks[0]?.text ?? '')
        expect(first, `交流发言 ${index} (${speaker.name}) without a turn holds remarks`).toBeDefined()
        personId = first!.speakerId
      }
      labels.learn(speaker.name, personId, `交流发言 ${index}`)
      for (const line of speaker.remarks) {
        const remark = byText.get(line.text)
        expect(remark && remark.speakerId, `${line.text} is under its own speaker in 交流发言`).toBe(personId)
      }
    })
    for (const suggestion of minutes.suggestions) {
      const remark = byText.get(suggestion.text)
      expect(remark, `意见建议 ${suggestion.text} is a remark not deleted`).toBeDefined()
      expect(remark!.tags).toContain(suggestion.tag)
      labels.learn(suggestion.speaker, remark!.speakerId, `意见建议 ${suggestion.text}`)
    }
    expect(minutes.decisions.map((decision) => decision.text).sort()).toStrictEqual(this.decisions.map((decision) => decision.text).sort())
    for (const decision of minutes.decisions) {
      const model = this.decisions.find((candidate) => candidate.text === decision.text)!
      if (model.ownerId) labels.learn(decision.owner, model.ownerId, `议定事项 ${decision.text}`)
    }
  }

  /** 4. Volunteers: exactly the host, recorder and lecturers who are present; everyone else present is served. */
  auditVolunteers(live: LiveView, minutes: Minutes, labels: LabelBook): void {
    const present = new Set(this.present())
    const serving = [this.hostId, this.recorderId, ...this.lecturerIds]
    const expected = [...new Set(serving)].filter((id) => present.has(id))
    expect(minutes.volunteers.map((volunteer) => volunteer.personId).sort(), 'the volunteers').toStrictEqual(expected.sort())
    expect(minutes.served, 'the people served: present, not volunteers').toBe(present.size - expected.length)
    const startsAt = live.session.startedAt ?? live.session.plannedStart
    const endsAt = live.session.endedAt ?? live.session.plannedEnd
    for (const volunteer of minutes.volunteers) {
      labels.learn(volunteer.name, volunteer.personId, `volunteer ${volunteer.role}`)
      const role = volunteer.personId === this.hostId ? 'host' : volunteer.personId === this.recorderId ? 'recorder' : 'lecturer'
      expect(volunteer.role, `${volunteer.name}'s role`).toBe(role)
      expect(Number.isInteger(volunteer.hours * 2) && volunteer.hours >= 0.5, `${volunteer.name} served ${volunteer.hours} h`).toBe(true)
      // From their own check-in (no earlier than an hour before the start, no later than the end) to the end.
      const checkedInAt = this.marks.get(volunteer.personId)!.checkedInAt
      const from = checkedInAt === null ? startsAt : Math.min(Math.max(checkedInAt, startsAt - 2 * HALF_HOUR), endsAt)
      expect(volunteer.hours, `${volunteer.name}'s hours from their own time`).toBe(Math.max(1, Math.round((endsAt - from) / HALF_HOUR)) / 2)
    }
  }

  /** 1 and 3. Each group of the attendance names exactly the people the model puts there, each under their one label. */
  auditAttendanceNames(minutes: Minutes, labels: LabelBook): void {
    const groupOf = (mark: Mark): 'present' | 'walkIns' | 'absent' | 'unmarked' =>
      mark.absent ? 'absent' : mark.checkedInAt === null ? 'unmarked' : mark.invited ? 'present' : 'walkIns'
    const { attendance } = minutes
    const named = {
      present: attendance.groups.flatMap((group) => group.names),
      walkIns: attendance.walkInNames,
      absent: attendance.absentees.map((absentee) => absentee.name),
      unmarked: attendance.unmarkedNames
    }
    for (const group of ['present', 'walkIns', 'absent', 'unmarked'] as const) {
      const people = [...this.marks].filter(([, mark]) => groupOf(mark) === group).map(([id]) => id)
      labels.match(named[group], people, group)
    }
    for (const absentee of attendance.absentees) {
      const reasons = labels.classOf(absentee.name).map((personId) => this.marks.get(personId)!.reason)
      expect(reasons, `${absentee.name}'s reason`).toContain(absentee.reason)
    }
    // 出席 by category: a person with several is listed under the first in settings order.
    const settingsOrder = ['党员', '入党积极分子', '群众', '干部', '志愿者', '企业职工', '青年', '其他']
    const categoryOf = (personId: string): string => {
      const own = this.person(personId).categories
      return settingsOrder.find((candidate) => own.includes(candidate)) ?? own[0] ?? '其他'
    }
    const expectedGroups = new Map<string, number>()
    for (const [personId, mark] of this.marks) if (groupOf(mark) === 'present') expectedGroups.set(categoryOf(personId), (expectedGroups.get(categoryOf(personId)) ?? 0) + 1)
    expect(new Map(attendance.groups.map((group) => [group.category, group.names.length])), '出席 by category').toStrictEqual(expectedGroups)
    for (const group of attendance.groups) {
      for (const name of group.names) {
        expect(labels.classOf(name).map(categoryOf), `${name} is listed under ${group.category}`).toContain(group.category)
      }
    }
  }

  /** Everyone the documents may name: the list, the speakers of remarks not deleted, the decisions' owners. */
  universe(): Set<string> {
    return new Set([
      ...this.marks.keys(),
      ...this.remarks.filter((remark) => !remark.deleted).map((remark) => remark.speakerId),
      ...this.decisions.flatMap((decision) => (decision.ownerId ? [decision.ownerId] : []))
    ])
  }
}

/** Which label stands for which person, learned from every place the documents name someone. */
class LabelBook {
  private readonly toPerson = new Map<string, { id: string; where: string }>()
  private readonly toLabel = new Map<string, { label: string; where: string }>()
  private readonly ambiguous = new Map<string, string[]>()

  constructor(private readonly run: SessionRun) {}

  learn(label: string, personId: string, where: string): void {
    const person = this.run.person(personId)
    expect(label === person.name || label.startsWith(`${person.name}（`), `${where}: "${label}" is ${this.run.who(personId)}'s name`).toBe(true)
    const known = this.toLabel.get(personId)
    if (known && known.label !== label) throw new Error(`${this.run.who(personId)} is "${known.label}" in ${known.where} but "${label}" in ${where}`)
    const holder = this.toPerson.get(label)
    if (holder && holder.id !== personId) {
      throw new Error(`"${label}" names ${this.run.who(holder.id)} in ${holder.where} and ${this.run.who(personId)} in ${where}`)
    }
    this.toLabel.set(personId, { label, where })
    this.toPerson.set(label, { id: personId, where })
  }

  personOf(label: string): string | undefined {
    return this.toPerson.get(label)?.id
  }

  /**
   * `labels` name exactly `people`, one each: a label already known must be its person's (and that person in
   * this group); the others go to the people not yet known by a label whose name they carry, the one whose
   * place (village, unit) the label tells best. Namesakes the labels cannot tell apart (same name, same
   * place) are matched in any order and remembered as a class (see `classOf`).
   */
  match(labels: string[], people: string[], where: string): void {
    expect(labels.length, `${where}: one name for each person`).toBe(people.length)
    const left = new Set(people)
    const unknown: string[] = []
    for (const label of labels) {
      const personId = this.personOf(label)
      if (personId === undefined) {
        unknown.push(label)
        continue
      }
      if (!left.has(personId)) throw new Error(`${where} names "${label}", which is ${this.run.who(personId)}, who is not in that group (or is named twice)`)
      left.delete(personId)
    }
    const fitting = (label: string): string[] => {
      const scored = [...left]
        .filter((personId) => !this.toLabel.has(personId))
        .map((personId) => ({ personId, score: placeScore(label, this.run.person(personId)) }))
        .filter(({ score }) => score >= 0)
      const best = Math.max(...scored.map(({ score }) => score))
      return scored.filter(({ score }) => score === best).map(({ personId }) => personId)
    }
    // Labels that fit one person first, so a label that fits several never takes someone another one needs.
    const fits = new Map(unknown.map((label) => [label, fitting(label)]))
    for (const label of [...unknown].sort((a, b) => fits.get(a)!.length - fits.get(b)!.length)) {
      const candidates = fitting(label)
      if (candidates.length === 0) throw new Error(`${where} names "${label}", who is none of ${[...left].map((id) => this.run.who(id)).join(', ') || 'nobody'}`)
      if (fits.get(label)!.length > 1) this.ambiguous.set(label, fits.get(label)!)
      this.learn(label, candidates[0]!, `attendance ${where}`)
      left.delete(candidates[0]!)
    }
    for (const personId of left) throw new Error(`${where} does not name ${this.run.who(personId)}, known as "${this.toLabel.get(personId)?.label}"`)
  }

  /** The people a label may stand for: one, unless namesakes of the same place were matched in any order. */
  classOf(label: string): string[] {
    const personId = this.personOf(label)
    return this.ambiguous.get(label) ?? (personId === undefined ? [] : [personId])
  }

  /** Where another person of the same name could be meant, the label carries more than the name. */
  expectNamesakesTold(universe: Set<string>): void {
    for (const [personId, { label, where }] of this.toLabel) {
      expect(universe.has(personId), `${where}: ${this.run.who(personId)} is someone the documents may name`).toBe(true)
      const person = this.run.person(personId)
      const namesake = [...universe].some((other) => other !== personId && this.run.person(other).name === person.name)
      if (namesake) expect(label, `${where}: ${this.run.who(personId)} has a namesake on the session`).not.toBe(person.name)
    }
  }
}

/**
 * How well a label fits a person: −1 when it is not their name; else how many of their village and unit the
 * bracket after the name mentions (a label with a place that is not theirs does not fit).
 */
function placeScore(label: string, person: PersonSpec): number {
  if (label === person.name) return 0
  if (!label.startsWith(`${person.name}（`) || !label.endsWith('）')) return -1
  const said = label.slice(person.name.length + 1, -1)
  const own = [person.village, person.organisation].filter((place): place is string => Boolean(place))
  if (own.length > 0 && !said.includes(own[0]!)) return -1
  return own.filter((place) => said.includes(place)).length
}

const unescapeHtml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!)

// ---------------------------------------------------------------------------------------------------------

/** Runs one scenario; a failure carries the trace of what was done, with names. */
async function runScenario(scenario: Scenario, check: SessionRun['check']): Promise<SessionRun> {
  const run = new SessionRun(check)
  try {
    await run.setUp(scenario.plan)
    for (const step of scenario.before) await run.run(step)
    await run.start()
    for (const step of scenario.during) await run.run(step)
    await run.audit()
    await run.end()
    await run.audit()
    for (const step of scenario.after) await run.run(step)
    await run.audit()
    return run
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}\n--- what was done ---\n${run.trace.join('\n')}`, { cause: error })
  } finally {
    run.core.close()
  }
}

/** Runs the property over `numRuns` random sessions and says how many were generated (shrinking included). */
async function holds(check: SessionRun['check'], numRuns: number): Promise<void> {
  let sessions = 0
  let audits = 0
  try {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        sessions++
        audits += (await runScenario(scenario, check)).audits
      }),
      // A failure found late on a busy machine is still reported, shrunk as far as time allowed.
      { numRuns, plugins: [fc.interruptAfterTimeLimit(100_000)] }
    )
  } finally {
    console.log(`record-truth (${check}): ${sessions} sessions generated, ${audits} audits`)
  }
}

/** A case the property found, pinned: its scenario (as fast-check printed it) holds, and was audited. */
async function holdsIn(scenario: string, check: SessionRun['check']): Promise<void> {
  const run = await runScenario(JSON.parse(scenario) as Scenario, check)
  expect(run.audits).toBeGreaterThan(0)
}

describe('one truth for attendance and the record (DESIGN §9)', () => {
  it('1–4: attendance, the 会议记录, labels and volunteers agree in live:get, sessions:get, minutes:get and the print (property)', async () => {
    await holds('documents', 150)
  }, 120_000)

  it('1–4, a case the property found: what was said before 暂缓 stands at its time when the turn begins again', async () => {
    // Two at the table: the first speaks, is deferred, and gets the microphone back a second later.
    await holdsIn('{"plan":{"host":0,"recorder":0,"lecturers":[0],"other":false,"invitees":[{"person":1,"seated":true,"role":"participant"},{"person":0,"seated":true,"role":"participant"}]},"before":[],"during":[{"command":{"kind":"remark","target":"bogus","who":0,"tags":[]},"gap":60000},{"command":{"kind":"phase","segment":"roundtable"},"gap":60000},{"command":{"kind":"round","who":0},"gap":1000},{"command":{"kind":"remark","target":"current","who":0,"tags":[]},"gap":60000},{"command":{"kind":"simple","type":"defer"},"gap":60000},{"command":{"kind":"simple","type":"pass"},"gap":1000}],"after":[]}', 'documents')
  }, 60_000)

  it('1–4, a case the property found: a turn deferred, written in while away, then skipped on its return', async () => {
    // 王芳 is deferred at once; a remark is then written into her turn; when the microphone comes back to her
    // she is skipped. Her words stand once, at their time, marked 暂缓; the skip adds no entry of its own.
    await holdsIn('{"plan":{"host":0,"recorder":0,"lecturers":[0],"other":false,"invitees":[{"person":0,"seated":true,"role":"participant"},{"person":1,"seated":true,"role":"participant"}]},"before":[{"command":{"kind":"walkIn","who":0,"seat":null},"gap":1000}],"during":[{"command":{"kind":"phase","segment":"roundtable"},"gap":1000},{"command":{"kind":"round","who":0},"gap":1000},{"command":{"kind":"simple","type":"defer"},"gap":1000},{"command":{"kind":"remark","target":"past","who":0,"tags":[]},"gap":1000},{"command":{"kind":"simple","type":"pass"},"gap":1000},{"command":{"kind":"simple","type":"pass"},"gap":1000},{"command":{"kind":"simple","type":"skip"},"gap":1000},{"command":{"kind":"walkIn","who":0,"seat":null},"gap":1000}],"after":[]}', 'documents')
  }, 60_000)

  it('5, a case the property found: 撤销 after 跳过 does not hand the mic back to someone marked absent since', async () => {
    // 王芳 raises her hand and gets the microphone, is skipped, is marked absent, and the skip is undone.
    await holdsIn('{"plan":{"host":0,"recorder":0,"lecturers":[0],"other":false,"invitees":[{"person":0,"seated":true,"role":"participant"},{"person":1,"seated":true,"role":"participant"}]},"before":[],"during":[{"command":{"kind":"phase","segment":"other"},"gap":1000},{"command":{"kind":"hand","type":"raise_hand","who":0},"gap":60000},{"command":{"kind":"simple","type":"skip"},"gap":60000},{"command":{"kind":"checkIn","who":0,"present":false,"reason":0},"gap":1000},{"command":{"kind":"undo"},"gap":1000},{"command":{"kind":"restore","which":0},"gap":1000}],"after":[]}', 'speakers')
  }, 60_000)

  it('5: whoever spoke is counted present (property)', async () => {
    await holds('speakers', 100)
  }, 120_000)
})

/**
 * The smallest sessions the property shrank to, one per way in: 李芳 lectures; 温乐义 (seat 1) and 翟自恩
 * (seat 2) are at the table. The contested step (entering the lecture, marking someone absent) may be
 * refused by core; whatever core does, nobody counted absent may have spoken.
 */
describe('5: whoever spoke is counted present — the cases the property found, fixed', () => {
  async function small() {
    let now = T0 - 10 * MINUTE
    const core = testCore({ databaseFile: databaseFile(), now: () => now })
    const person = async (name: string) => {
      const created = await core.invoke('people:create', { name })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      return created.value.id
    }
    const lecturer = await person('李芳')
    const first = await person('温乐义')
    const second = await person('翟自恩')
    const plan = await core.invoke('sessions:create', {
      title: '思想圆桌派',
      plannedStart: T0,
      plannedEnd: T0 + 2 * 60 * MINUTE,
      agenda: [
        { kind: 'study', lecturerId: lecturer, topic: '乡村振兴', plannedMinutes: 20 },
        { kind: 'roundtable', plannedMinutes: 60 }
      ],
      invitees: [
        { personId: first, seatNumber: 1 },
        { personId: second, seatNumber: 2 }
      ]
    })
    if (!plan.ok) throw new Error(JSON.stringify(plan.error))
    const sessionId = plan.value.id
    const [study, table] = plan.value.agenda.map((segment) => segment.id)
    /** A step that must succeed. */
    const step = async (result: Promise<Result<unknown>>) => {
      now += MINUTE
      const outcome = await result
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error))
    }
    /** A step core must refuse with this rule. */
    const refused = async (result: Promise<Result<unknown>>, code: string) => {
      now += MINUTE
      const outcome = await result
      expect(outcome.ok ? null : outcome.error.issues?.[0]?.code).toBe(code)
    }
    const holder = async () => {
      const view = await core.invoke('live:get', { sessionId })
      return view.ok ? (view.value.state.current?.personId ?? null) : 'error'
    }
    const act = (action: InputOf<'live:act'>['action']) => core.invoke('live:act', { sessionId, action })
    const everyone = () => core.invoke('live:checkInEveryone', { sessionId })
    const start = () => core.invoke('sessions:start', { id: sessionId })
    return {
      lecturer,
      first,
      second,
      study: study!,
      table: table!,
      step,
      refused,
      holder,
      act,
      absent: (personId: string) => core.invoke('live:checkIn', { sessionId, personId, present: false, reason: '外出务工' }),
      everyone,
      start,
      /** Everyone checked in, the session started, 圆桌时间 entered and a round begun at `first`, who holds the mic. */
      async roundUnderWay(): Promise<void> {
        await step(everyone())
        await step(start())
        await step(act({ type: 'phase', segmentId: table! }))
        await step(act({ type: 'round', startPersonId: first }))
      },
      end: () => core.invoke('sessions:end', { id: sessionId }),
      undo: () => core.invoke('live:undo', { sessionId }),
      core,
      sessionId,
      /** Who has a spoken turn but is not counted present. */
      async spokeWithoutBeingThere(): Promise<string[]> {
        const view = await core.invoke('live:get', { sessionId })
        if (!view.ok) throw new Error(JSON.stringify(view.error))
        const { state, attendance } = view.value
        return state.turns
          .filter((turn) => turn.outcome === 'spoken')
          .map((turn) => attendance.find((entry) => entry.personId === turn.personId)!)
          .filter((entry) => markOf(entry) !== 'present')
          .map((entry) => `${entry.name} (${markOf(entry)})`)
      }
    }
  }

  it('a lecturer marked absent before the start: entering the lecture and moving on', async () => {
    const s = await small()
    await s.step(s.absent(s.lecturer))
    await s.step(s.everyone())
    await s.step(s.start())
    // The lecture begins with nobody at the mic: it is not handed to an absent lecturer.
    await s.step(s.act({ type: 'phase', segmentId: s.study }))
    expect(await s.holder()).toBeNull()
    await s.step(s.act({ type: 'phase', segmentId: s.table }))
    await s.step(s.end())
    expect(await s.spokeWithoutBeingThere()).toStrictEqual([])
  })

  it('the person holding the microphone marked absent, then 结束场次', async () => {
    const s = await small()
    await s.roundUnderWay()
    await s.refused(s.absent(s.first), 'has_spoken')
    await s.step(s.end())
    expect(await s.spokeWithoutBeingThere()).toStrictEqual([])
  })

  it('someone who has spoken marked absent afterwards', async () => {
    const s = await small()
    await s.roundUnderWay()
    await s.step(s.act({ type: 'pass' }))
    await s.refused(s.absent(s.first), 'has_spoken')
    expect(await s.spokeWithoutBeingThere()).toStrictEqual([])
  })

  it('someone skipped, then marked absent: 撤销 of the skip is refused, and they stay absent', async () => {
    const s = await small()
    await s.roundUnderWay()
    await s.step(s.act({ type: 'skip' }))
    await s.step(s.absent(s.first))
    await s.refused(s.undo(), 'undo_gives_mic_to_absent')
    // Nothing changed: the second holds the mic, and checking the first in again lets the undo through.
    expect(await s.holder()).toBe(s.second)
    await s.step(s.core.invoke('live:checkIn', { sessionId: s.sessionId, personId: s.first, present: true, reason: '' }))
    await s.step(s.undo())
    expect(await s.holder()).toBe(s.first)
    await s.step(s.end())
    expect(await s.spokeWithoutBeingThere()).toStrictEqual([])
  })

  it('someone waiting in the round marked absent, then given the microphone and passed on', async () => {
    const s = await small()
    await s.roundUnderWay()
    await s.step(s.absent(s.second))
    // The pass leaves them out of the round: nobody holds the mic, nobody spoke for them.
    await s.step(s.act({ type: 'pass' }))
    expect(await s.holder()).toBeNull()
    expect(await s.spokeWithoutBeingThere()).toStrictEqual([])
  })
})
