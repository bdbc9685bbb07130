import { describe, expect, it } from 'vitest'
import type { AttendanceEntry, LiveView, SessionDetail } from '../../../src/shared/domain'
import { replay, type SpeakingAction, type SpeakingEvent } from '../../../src/shared/speaking'
import {
  attendanceCounts,
  canRun,
  canStartRound,
  commandAction,
  closingSegment,
  kindLabelKey,
  limitMsOf,
  matchesFind,
  nameOf,
  phaseKeys,
  phaseName,
  phaseText,
  pickFor,
  queueLabelKey,
  seatTone
} from '../../../src/renderer/src/features/live/live-view'
import { commandFor, KEYS, type Command } from '../../../src/renderer/src/features/live/shortcuts'

const STUDY = 'seg-study'
const TABLE = 'seg-table'
const person = (personId: string, seatNumber: number | null, patch: Partial<AttendanceEntry> = {}): AttendanceEntry => ({
  personId,
  name: personId,
  organisation: '',
  village: '温集新村',
  role: 'participant',
  seatNumber,
  invited: true,
  checkedInAt: 1,
  absent: false,
  absentReason: '',
  serviceHours: null,
  ...patch
})

const session = {
  id: 'session',
  status: 'live',
  speakerLimitSeconds: 180,
  agenda: [
    { id: STUDY, position: 0, kind: 'study', title: '', lecturerId: 'lecturer', lecturerName: 'lecturer', topic: '', plannedMinutes: 30 },
    { id: TABLE, position: 1, kind: 'roundtable', title: '', lecturerId: null, lecturerName: null, topic: '', plannedMinutes: 60 }
  ]
} as unknown as SessionDetail

const attendance = [person('a', 1), person('b', 2, { absent: true, checkedInAt: null }), person('c', 3), person('walkin', 4, { invited: false })]

let clock = 0
function view(actions: SpeakingAction[]): LiveView {
  const events = actions.map((action, index) => ({ ...action, id: `e${index}`, at: (clock += 1000) }) as SpeakingEvent)
  const agenda = session.agenda.map(({ id, kind, lecturerId }) => ({ id, kind, lecturerId }))
  return { session, attendance, state: replay(events, agenda), lastAction: events.at(-1)?.type ?? null, now: clock }
}

describe('what a key does against the state it meets', () => {
  it('Space starts the round at the chosen (or first present) seat, then passes the mic', () => {
    const atTable = view([{ type: 'phase', segmentId: TABLE }])
    expect(canStartRound(atTable)).toBe(true)
    expect(commandAction('pass', atTable, null)).toEqual({ type: 'round', startPersonId: 'a' })
    expect(commandAction('pass', atTable, 'c')).toEqual({ type: 'round', startPersonId: 'c' })
    // An absent start seat falls back to the first present person.
    expect(commandAction('pass', atTable, 'b')).toEqual({ type: 'round', startPersonId: 'a' })
    const speaking = view([{ type: 'phase', segmentId: TABLE }, { type: 'round', order: ['a', 'c'] }])
    expect(commandAction('pass', speaking, null)).toEqual({ type: 'pass' })
    expect(canStartRound(speaking)).toBe(false)
  })

  it('does nothing where the action makes no sense', () => {
    const before = view([])
    for (const command of ['pass', 'skip', 'defer', 'decline', 'applause', 'pause', 'free', 'undo', 'previousPhase'] as const) {
      expect(commandAction(command, before, null)).toBeNull()
    }
    expect(commandAction('nextPhase', before, null)).toEqual({ type: 'phase', segmentId: STUDY })
  })

  it('P pauses and resumes; PgDn reaches 总结 and stops there; Ctrl+Z undoes the last step', () => {
    const study = view([{ type: 'phase', segmentId: STUDY }])
    expect(commandAction('pause', study, null)).toEqual({ type: 'pause' })
    expect(commandAction('pause', view([{ type: 'phase', segmentId: STUDY }, { type: 'pause' }]), null)).toEqual({ type: 'resume' })
    expect(commandAction('nextPhase', study, null)).toEqual({ type: 'phase', segmentId: TABLE })
    const closing = view([{ type: 'phase', segmentId: null }])
    expect(commandAction('nextPhase', closing, null)).toBeNull()
    expect(commandAction('previousPhase', closing, null)).toEqual({ type: 'phase', segmentId: TABLE })
    expect(commandAction('undo', study, null)).toBe('undo')
  })
})

describe('which buttons can be pressed', () => {
  const COMMANDS = Object.keys(KEYS) as Command[]
  const states = {
    before: view([]),
    study: view([{ type: 'phase', segmentId: STUDY }]),
    atTable: view([{ type: 'phase', segmentId: TABLE }]),
    speaking: view([{ type: 'phase', segmentId: TABLE }, { type: 'round', order: ['a', 'c'] }]),
    paused: view([{ type: 'phase', segmentId: TABLE }, { type: 'round', order: ['a', 'c'] }, { type: 'pause' }]),
    closing: view([{ type: 'phase', segmentId: null }])
  }

  const enabledIn = (state: LiveView, startSeat: string | null = null): Command[] => COMMANDS.filter((command) => canRun(command, state, startSeat))

  it('enables the buttons whose key would act, and only those', () => {
    expect(enabledIn(states.before)).toEqual(['decision', 'nextPhase'])
    // The lecturer speaks; the first phase has none before it.
    expect(enabledIn(states.study)).toEqual(['pass', 'skip', 'defer', 'decline', 'raiseHand', 'speakAgain', 'applause', 'pause', 'undo', 'decision', 'nextPhase'])
    // At 圆桌时间 before the round: Space starts it (from any present seat), F starts free discussion.
    expect(enabledIn(states.atTable)).toEqual(['pass', 'raiseHand', 'speakAgain', 'undo', 'free', 'decision', 'nextPhase', 'previousPhase'])
    expect(enabledIn(states.atTable, 'b')).toEqual(enabledIn(states.atTable))
    // While the round runs, free discussion waits for its end.
    expect(enabledIn(states.paused)).toEqual(['pass', 'skip', 'defer', 'decline', 'raiseHand', 'speakAgain', 'applause', 'pause', 'undo', 'decision', 'nextPhase', 'previousPhase'])
    expect(enabledIn(states.closing)).toEqual(['raiseHand', 'speakAgain', 'undo', 'decision', 'previousPhase'])
  })

  it('after 结束场次 (and before 开始场次) nothing can be pressed: not 举手插话, not 再次发言, not a 议定事项 key', () => {
    const ended = { ...states.closing, session: { ...session, status: 'ended' as const }, lastAction: 'end' as const }
    expect(enabledIn(ended)).toEqual([])
    expect(enabledIn({ ...states.atTable, session: { ...session, status: 'ended' as const } })).toEqual([])
    expect(enabledIn({ ...states.before, session: { ...session, status: 'planned' as const } })).toEqual([])
    expect(pickFor('raiseHand', ended)).toBeNull()
    expect(canStartRound({ ...states.atTable, session: { ...session, status: 'ended' as const } })).toBe(false)
  })

  it('says the same as commandAction for every key it decides', () => {
    for (const state of Object.values(states)) {
      for (const command of COMMANDS.filter((command) => command !== 'raiseHand' && command !== 'speakAgain' && command !== 'decision')) {
        expect(canRun(command, state, null)).toBe(commandAction(command, state, null) !== null)
      }
    }
  })

  it('撤销 has something to undo after any step but the end of the session', () => {
    expect(canRun('undo', states.before, null)).toBe(false)
    expect(canRun('undo', states.speaking, null)).toBe(true)
    expect(canRun('undo', { ...states.speaking, lastAction: 'end' }, null)).toBe(false)
  })

  it('H and E open their picker once the session is in a phase', () => {
    expect([pickFor('raiseHand', states.before), canRun('raiseHand', states.before, null), canRun('speakAgain', states.before, null)]).toEqual([null, false, false])
    expect([pickFor('raiseHand', states.study), pickFor('speakAgain', states.study)]).toEqual(['raise_hand', 'speak_again'])
    expect([canRun('raiseHand', states.closing, null), canRun('speakAgain', states.speaking, null)]).toEqual([true, true])
  })

  it('names why a speaker is waiting or speaking out of turn', () => {
    expect(['study', 'round', 'raised_hand', 'again'].map((kind) => kindLabelKey(kind as 'study'))).toEqual([null, null, 'live.queue.raisedHand', 'live.queue.again'])
    expect(queueLabelKey({ personId: 'a', kind: 'round', turnId: 't1' })).toBe('live.queue.deferred')
    expect(queueLabelKey({ personId: 'a', kind: 'raised_hand' })).toBe('live.queue.raisedHand')
    expect(queueLabelKey({ personId: 'a', kind: 'round' })).toBeNull()
  })
})

describe('the seat map and the counts', () => {
  it('marks the speaker, the next, the outcomes of this round, and the absent', () => {
    const v = view([{ type: 'phase', segmentId: TABLE }, { type: 'round', order: ['a', 'c', 'walkin'] }, { type: 'skip' }])
    const tones = Object.fromEntries(attendance.map((entry) => [entry.personId, seatTone(v, entry, v.state.queue[0])]))
    expect(tones).toEqual({ a: 'skipped', b: 'absent', c: 'current', walkin: 'next' })
  })

  it('counts 应到 from the invited, 实到 from those checked in and not absent (the walk-in included), by the shared rule', () => {
    expect(attendanceCounts(view([]))).toEqual({ expected: 3, present: 3, absent: 1, unmarked: 0, walkIns: 1 })
  })

  it('shows a seat 未签到, never present, before and after the start', () => {
    const unmarked = person('u', 5, { checkedInAt: null })
    const live = { ...view([]), attendance: [...attendance, unmarked] }
    expect(seatTone(live, unmarked, undefined)).toBe('unmarked')
    expect(seatTone({ ...live, session: { ...session, status: 'planned' } }, unmarked, undefined)).toBe('unmarked')
    expect(seatTone(live, attendance[0]!, undefined)).toBe('present')
  })

  it('names namesakes with their place', () => {
    const twins = [person('x', 1, { name: '王明', village: '温集新村' }), person('y', 2, { name: '王明', village: '郑家村' }), person('z', 3, { name: '李芳' })]
    const live = { ...view([]), attendance: twins }
    expect(['x', 'y', 'z'].map((id) => nameOf(live, id))).toEqual(['王明（温集新村）', '王明（郑家村）', '李芳'])
  })

  it('times a lecturer against the segment and others against the per-speaker limit', () => {
    const study = view([{ type: 'phase', segmentId: STUDY }])
    expect(limitMsOf(study, study.state.current)).toBe(30 * 60_000)
    const round = view([{ type: 'phase', segmentId: TABLE }, { type: 'round', order: ['a'] }])
    expect(limitMsOf(round, round.state.current)).toBe(180_000)
    expect(limitMsOf(round, null)).toBeNull()
  })
})

describe('keys', () => {
  const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
    commandFor({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods })

  it('maps the keys shown on screen', () => {
    expect([key(' '), key('ArrowRight'), key('s'), key('S'), key('d'), key('h'), key('a'), key('p'), key('y'), key('Y'), key('z', { ctrlKey: true })]).toEqual([
      'pass',
      'pass',
      'skip',
      'skip',
      'defer',
      'raiseHand',
      'applause',
      'pause',
      'decision',
      'decision',
      'undo'
    ])
  })

  it('leaves other keys and browser shortcuts alone', () => {
    expect([key('x'), key('s', { ctrlKey: true }), key('ArrowLeft', { altKey: true }), key('z', { ctrlKey: true, shiftKey: true })]).toEqual([
      null,
      null,
      null,
      null
    ])
  })
})

describe('the phases and their names', () => {
  const withAgenda = (agenda: { id: string; kind: 'study' | 'roundtable' | 'other'; title: string }[]): LiveView => ({
    ...view([]),
    session: { ...session, agenda: agenda.map((segment, position) => ({ ...segment, position, lecturerId: null, lecturerName: null, topic: '', plannedMinutes: 10 })) }
  })
  const t = (key: string): string => ({ 'live.phases.closing': '总结', 'planner.agenda.kinds.other': '其他', 'planner.agenda.kinds.roundtable': '圆桌时间' })[key] ?? key

  it('an agenda ending with its own 主持人总结 (kind 其他) has no second built-in 总结, and the segment shows its title', () => {
    const v = withAgenda([
      { id: 's1', kind: 'study', title: '' },
      { id: 'rt', kind: 'roundtable', title: '' },
      { id: 'sum', kind: 'other', title: '主持人总结' }
    ])
    expect(closingSegment(v)?.id).toBe('sum')
    expect(phaseKeys(v)).toEqual(['s1', 'rt', 'sum'])
    expect(phaseText(phaseName(v, 'sum')!, t)).toBe('主持人总结')
    expect(phaseText(phaseName(v, 'rt')!, t)).toBe('圆桌时间')
    // PgDn at the last segment goes nowhere: it is the closing.
    const atSummary = { ...v, state: { ...v.state, phase: 'sum' } }
    expect(commandAction('nextPhase', atSummary, null)).toBeNull()
  })

  it('any other agenda gets the built-in 总结 after it; an untitled 其他 is called 其他', () => {
    const v = withAgenda([
      { id: 'rt', kind: 'roundtable', title: '' },
      { id: 'photo', kind: 'other', title: '合影' },
      { id: 'misc', kind: 'other', title: '' }
    ])
    expect(closingSegment(v)).toBeUndefined()
    expect(phaseKeys(v)).toEqual(['rt', 'photo', 'misc', 'closing'])
    expect(phaseText(phaseName(v, 'photo')!, t)).toBe('合影')
    expect(phaseText(phaseName(v, 'misc')!, t)).toBe('其他')
    expect(phaseText(phaseName(v, 'closing')!, t)).toBe('总结')
    expect(phaseName(v, null)).toBeNull()
  })
})

describe('type-to-find on the check-in list', () => {
  const list = [
    person('x', 1, { name: '王明', village: '温集新村' }),
    person('y', 2, { name: '王明', village: '郑家村' }),
    person('z', 12, { name: '李 芳', village: '', organisation: '党员暖心志愿服务队' })
  ]
  const v = { ...view([]), attendance: list }
  const found = (typed: string) => list.filter((entry) => matchesFind(v, entry, typed)).map((entry) => entry.personId)

  it('finds by a part of the name, of the village or unit, or by the seat number; spaces and case do not matter', () => {
    expect(found('')).toEqual(['x', 'y', 'z'])
    expect(found('王')).toEqual(['x', 'y'])
    expect(found('郑家')).toEqual(['y'])
    expect(found('李芳')).toEqual(['z'])
    expect(found(' 暖心 ')).toEqual(['z'])
    expect(found('12')).toEqual(['z'])
    expect(found('1')).toEqual(['x'])
    expect(found('张')).toEqual([])
  })
})
