import { describe, expect, it } from 'vitest'
import {
  apply,
  initialState,
  isRefusal,
  replay,
  roundOrder,
  roundOutcomes,
  speakingMs,
  type AgendaInfo,
  type RefusalReason,
  type SeatedPerson,
  type SpeakingAction,
  type SpeakingEvent,
  type SpeakingState,
  type Turn
} from '../../../src/shared/speaking'

/**
 * Example-based tests of every rule of the speaking-order reducer (src/shared/speaking.ts), one small story
 * each. People are 'A'…'F' (sitting in that order), the lecturers 'L1' and 'L2'.
 */

const AGENDA: AgendaInfo[] = [
  { id: 'study-1', kind: 'study', lecturerId: 'L1' },
  { id: 'study-2', kind: 'study', lecturerId: 'L2' },
  { id: 'table', kind: 'roundtable', lecturerId: null },
  { id: 'other', kind: 'other', lecturerId: null }
]

const SECOND = 1000
const T = 1_000_000

/** A session driven event by event with its own clock; `do` fails the test on a refusal, `refuse` on an acceptance. */
class Story {
  state: SpeakingState = initialState
  now = T
  readonly events: SpeakingEvent[] = []
  private n = 0

  constructor(readonly agenda: AgendaInfo[] = AGENDA) {}

  wait(ms: number): this {
    this.now += ms
    return this
  }

  event(action: SpeakingAction): SpeakingEvent {
    return { ...action, id: `e${++this.n}`, at: this.now }
  }

  do(action: SpeakingAction): SpeakingState {
    const event = this.event(action)
    const next = apply(this.state, event, this.agenda)
    if (isRefusal(next)) throw new Error(`${action.type} was refused: ${next.refused}`)
    this.state = next
    this.events.push(event)
    return next
  }

  /** Each action in turn. */
  run(...actions: SpeakingAction[]): SpeakingState {
    for (const action of actions) this.do(action)
    return this.state
  }

  refuse(action: SpeakingAction): RefusalReason {
    const before = structuredClone(this.state)
    const next = apply(this.state, this.event(action), this.agenda)
    if (!isRefusal(next)) throw new Error(`${action.type} was accepted`)
    expect(this.state).toEqual(before)
    return next.refused
  }

  /** The id of the last event applied (a turn's id is the event that first gave the microphone). */
  get lastId(): string {
    return this.events.at(-1)!.id
  }

  get current(): Turn {
    const current = this.state.current
    if (!current) throw new Error('nobody holds the microphone')
    return current
  }

  turnOf(personId: string, kind: Turn['kind'] = 'round'): Turn[] {
    return this.state.turns.filter((turn) => turn.personId === personId && turn.kind === kind)
  }

  speaking(now = this.now): number {
    return speakingMs(this.current, this.state.pausedAt, now)
  }
}

const phase = (segmentId: string | null): SpeakingAction => ({ type: 'phase', segmentId })
const round = (...order: string[]): SpeakingAction => ({ type: 'round', order })
const PASS: SpeakingAction = { type: 'pass' }
const SKIP: SpeakingAction = { type: 'skip' }
const DEFER: SpeakingAction = { type: 'defer' }
const DECLINE: SpeakingAction = { type: 'decline' }
const APPLAUSE: SpeakingAction = { type: 'applause' }
const PAUSE: SpeakingAction = { type: 'pause' }
const RESUME: SpeakingAction = { type: 'resume' }
const FREE: SpeakingAction = { type: 'free' }
const END: SpeakingAction = { type: 'end' }
const hand = (personId: string): SpeakingAction => ({ type: 'raise_hand', personId })
const again = (personId: string): SpeakingAction => ({ type: 'speak_again', personId })

const queueOf = (state: SpeakingState): string[] => state.queue.map((entry) => entry.personId)

/** A story already in 圆桌时间 with a round of `order` under way. */
function inRound(...order: string[]): Story {
  const story = new Story()
  story.run(phase('table'))
  story.wait(SECOND).do(round(...order))
  return story
}

describe('the initial state', () => {
  it('has no phase, nobody speaking, nothing queued and is not ended', () => {
    expect(initialState).toEqual({
      phase: null,
      mode: 'idle',
      round: 0,
      current: null,
      queue: [],
      turns: [],
      pausedAt: null,
      phases: [],
      ended: false
    })
    expect(replay([], AGENDA)).toEqual(initialState)
  })
})

describe('phase', () => {
  it('entering a study segment gives the microphone to its lecturer at once', () => {
    const story = new Story()
    const state = story.do(phase('study-1'))
    expect(state.phase).toBe('study-1')
    expect(state.mode).toBe('study')
    expect(state.queue).toEqual([])
    expect(state.current).toEqual({
      id: story.lastId,
      personId: 'L1',
      segmentId: 'study-1',
      round: 0,
      kind: 'study',
      outcome: 'speaking',
      startedAt: T,
      endedAt: null,
      pausedMs: 0,
      applause: 0
    })
    expect(state.turns).toEqual([state.current])
    expect(state.phases).toEqual([{ key: 'study-1', startedAt: T, endedAt: null }])
  })

  it('the next phase ends the current turn as spoken and forgets who was still waiting', () => {
    const story = new Story()
    story.do(phase('study-1'))
    story.wait(5 * SECOND).do(hand('A'))
    story.do(again('B'))
    expect(queueOf(story.state)).toEqual(['A', 'B'])
    const lecture = story.current.id

    story.wait(10 * SECOND).do(phase('study-2'))
    expect(story.state.turns.find((turn) => turn.id === lecture)).toMatchObject({ outcome: 'spoken', endedAt: T + 15 * SECOND })
    expect(story.state.queue).toEqual([])
    expect(story.current).toMatchObject({ personId: 'L2', kind: 'study', segmentId: 'study-2', startedAt: T + 15 * SECOND })
    expect(story.state.phases).toEqual([
      { key: 'study-1', startedAt: T, endedAt: T + 15 * SECOND },
      { key: 'study-2', startedAt: T + 15 * SECOND, endedAt: null }
    ])
  })

  it('圆桌时间 starts idle: nobody holds the microphone until a round or a raised hand', () => {
    const story = new Story()
    story.do(phase('study-1'))
    const state = story.wait(SECOND).do(phase('table'))
    expect(state).toMatchObject({ phase: 'table', mode: 'idle', current: null, queue: [], round: 0 })
    expect(state.turns).toHaveLength(1)
    expect(state.turns[0]).toMatchObject({ outcome: 'spoken', endedAt: T + SECOND })
  })

  it('总结 (segmentId null) is the phase "closing"; turns in it belong to no segment', () => {
    const story = inRound('A', 'B')
    story.wait(SECOND).do(phase(null))
    expect(story.state).toMatchObject({ phase: 'closing', mode: 'idle', current: null, queue: [] })
    expect(story.state.phases.map((p) => p.key)).toEqual(['table', 'closing'])
    story.wait(SECOND).do(hand('C'))
    expect(story.current).toMatchObject({ personId: 'C', segmentId: null, kind: 'raised_hand', round: 0 })
  })

  it('an unknown segment is refused', () => {
    const story = new Story()
    expect(story.refuse(phase('nowhere'))).toBe('unknown_segment')
  })

  it('a phase entered again keeps its first start; leaving sets its last end', () => {
    const story = new Story()
    story.do(phase('table'))
    story.wait(10 * SECOND).do(phase('study-1'))
    story.wait(10 * SECOND).do(phase('table'))
    expect(story.state.phases).toEqual([
      { key: 'table', startedAt: T, endedAt: null },
      { key: 'study-1', startedAt: T + 10 * SECOND, endedAt: T + 20 * SECOND }
    ])
    story.wait(10 * SECOND).do(phase(null))
    expect(story.state.phases).toEqual([
      { key: 'table', startedAt: T, endedAt: T + 30 * SECOND },
      { key: 'study-1', startedAt: T + 10 * SECOND, endedAt: T + 20 * SECOND },
      { key: 'closing', startedAt: T + 30 * SECOND, endedAt: null }
    ])
  })

  it('entering the phase already in progress restarts its lecturer with a new turn', () => {
    const story = new Story()
    story.do(phase('study-1'))
    const first = story.current.id
    story.wait(SECOND).do(phase('study-1'))
    expect(story.current.id).not.toBe(first)
    expect(story.state.turns.map((turn) => turn.outcome)).toEqual(['spoken', 'speaking'])
    expect(story.state.phases).toEqual([{ key: 'study-1', startedAt: T, endedAt: null }])
  })

  it('an "other" segment gives nobody the microphone', () => {
    const story = new Story()
    expect(story.do(phase('other'))).toMatchObject({ phase: 'other', mode: 'idle', current: null })
  })
})

describe('round', () => {
  it('gives the microphone to the first of the order and queues the rest as round turns', () => {
    const story = inRound('C', 'D', 'A', 'B')
    expect(story.state.mode).toBe('round')
    expect(story.state.round).toBe(1)
    expect(story.current).toMatchObject({ personId: 'C', kind: 'round', round: 1, segmentId: 'table', outcome: 'speaking', id: story.lastId })
    expect(story.state.queue).toEqual([
      { personId: 'D', kind: 'round' },
      { personId: 'A', kind: 'round' },
      { personId: 'B', kind: 'round' }
    ])
  })

  it('pass, skip and decline end the turn as spoken, skipped and declined; the next in the queue gets the microphone', () => {
    const story = inRound('A', 'B', 'C', 'D')
    story.wait(SECOND).do(PASS)
    expect(story.current).toMatchObject({ personId: 'B', startedAt: T + 2 * SECOND, id: story.lastId })
    story.wait(SECOND).do(SKIP)
    story.wait(SECOND).do(DECLINE)
    story.wait(SECOND).do(PASS)
    expect(story.state.current).toBeNull()
    expect(story.state.queue).toEqual([])
    expect(story.state.mode).toBe('round')
    expect(story.state.turns.map((turn) => [turn.personId, turn.outcome, turn.startedAt - T, turn.endedAt! - T])).toEqual([
      ['A', 'spoken', 1 * SECOND, 2 * SECOND],
      ['B', 'skipped', 2 * SECOND, 3 * SECOND],
      ['C', 'declined', 3 * SECOND, 4 * SECOND],
      ['D', 'spoken', 4 * SECOND, 5 * SECOND]
    ])
  })

  it('a second round after the first is complete is round 2', () => {
    const story = inRound('A', 'B')
    story.run(PASS, PASS)
    story.wait(SECOND).do(round('B', 'A'))
    expect(story.state.round).toBe(2)
    expect(story.current).toMatchObject({ personId: 'B', round: 2 })
    expect(story.turnOf('A').map((turn) => turn.round)).toEqual([1])
  })

  it('is refused before any phase, outside 圆桌时间, with an empty order or a duplicate', () => {
    const story = new Story()
    expect(story.refuse(round('A'))).toBe('not_in_a_phase')
    story.do(phase('study-1'))
    expect(story.refuse(round('A'))).toBe('not_roundtable')
    story.do(phase('other'))
    expect(story.refuse(round('A'))).toBe('not_roundtable')
    story.do(phase(null))
    expect(story.refuse(round('A'))).toBe('not_roundtable')
    story.do(phase('table'))
    expect(story.refuse(round())).toBe('empty_round')
    expect(story.refuse(round('A', 'B', 'A'))).toBe('duplicate_in_round')
  })

  it('is refused while a round is in progress, whether someone speaks or someone still waits', () => {
    const story = inRound('A', 'B')
    expect(story.refuse(round('A', 'B'))).toBe('round_in_progress')
    story.do(PASS)
    expect(story.refuse(round('A', 'B'))).toBe('round_in_progress')
    expect(story.refuse(FREE)).toBe('round_in_progress')
  })

  it('is no longer in progress once its own people are done, even while a raised hand or 再次发言 speaks', () => {
    const story = inRound('A', 'B')
    story.do(again('A'))
    story.run(PASS, PASS) // B spoke; A speaks again
    expect(story.current).toMatchObject({ personId: 'A', kind: 'again' })
    expect(story.do(FREE)).toMatchObject({ mode: 'free', current: null })
    expect(story.turnOf('A', 'again')[0]).toMatchObject({ outcome: 'spoken' })
  })

  it('in free discussion or idle, a round ends whoever speaks as spoken', () => {
    const story = new Story()
    story.do(phase('table'))
    story.wait(SECOND).do(hand('E'))
    story.wait(SECOND).do(round('A', 'B'))
    expect(story.turnOf('E', 'raised_hand')[0]).toMatchObject({ outcome: 'spoken', endedAt: T + 2 * SECOND })
    expect(story.current.personId).toBe('A')
  })

  it('roundOutcomes shows each person of the current round, and nothing outside a round', () => {
    const story = inRound('A', 'B', 'C')
    story.run(SKIP, DEFER)
    expect(roundOutcomes(story.state)).toEqual(
      new Map([
        ['A', 'skipped'],
        ['B', 'deferred'],
        ['C', 'speaking']
      ])
    )
    story.run(PASS, PASS, FREE)
    expect(roundOutcomes(story.state)).toEqual(new Map())
  })
})

describe('defer (暂缓)', () => {
  it('comes back at the end of the round and resumes the same turn', () => {
    const story = inRound('A', 'B', 'C')
    const turnA = story.current.id
    story.wait(3 * SECOND).do(APPLAUSE)
    story.do(DEFER)
    expect(story.state.turns.find((turn) => turn.id === turnA)).toMatchObject({ outcome: 'deferred', endedAt: T + 4 * SECOND })
    expect(story.state.queue).toEqual([
      { personId: 'C', kind: 'round' },
      { personId: 'A', kind: 'round', turnId: turnA }
    ])
    expect(story.current.personId).toBe('B')
    story.wait(SECOND).do(PASS)
    story.wait(SECOND).do(PASS)

    // A is back with the very same turn, started afresh, now the last turn begun.
    expect(story.current).toEqual({
      id: turnA,
      personId: 'A',
      segmentId: 'table',
      round: 1,
      kind: 'round',
      outcome: 'speaking',
      startedAt: T + 6 * SECOND,
      endedAt: null,
      pausedMs: 0,
      applause: 1
    })
    expect(story.state.turns.map((turn) => turn.personId)).toEqual(['B', 'C', 'A'])
    expect(story.turnOf('A')).toHaveLength(1)

    story.wait(SECOND).do(PASS)
    expect(story.state).toMatchObject({ current: null, queue: [], mode: 'round' })
    expect(story.turnOf('A')).toEqual([expect.objectContaining({ id: turnA, outcome: 'spoken', endedAt: T + 7 * SECOND })])
  })

  it('a person deferred twice still has one turn in the round and comes back each time', () => {
    const story = inRound('A', 'B', 'C')
    const turnA = story.current.id
    story.do(DEFER) // B C A*
    story.do(PASS) // C A*
    story.do(PASS) // A*
    expect(story.current.id).toBe(turnA)
    story.do(DEFER) // A is alone: straight back to A
    expect(story.current).toMatchObject({ id: turnA, personId: 'A', outcome: 'speaking' })
    expect(story.state.queue).toEqual([])
    story.do(PASS)
    expect(story.turnOf('A')).toEqual([expect.objectContaining({ id: turnA, outcome: 'spoken' })])
    expect(story.state.turns).toHaveLength(3)
  })

  it('a person deferred twice, with others deferring in between, comes back after them', () => {
    const story = inRound('A', 'B', 'C')
    const [turnA] = [story.current.id]
    story.do(DEFER) // B C A*
    const turnB = story.current.id
    story.do(DEFER) // C A* B*
    story.do(PASS) // A* B*
    expect(story.current.id).toBe(turnA)
    story.do(DEFER) // B* A*
    expect(story.current.id).toBe(turnB)
    expect(story.state.queue).toEqual([{ personId: 'A', kind: 'round', turnId: turnA }])
    story.do(PASS)
    expect(story.current.id).toBe(turnA)
    story.do(PASS)
    expect(story.state.turns.map((turn) => [turn.personId, turn.outcome])).toEqual([
      ['C', 'spoken'],
      ['B', 'spoken'],
      ['A', 'spoken']
    ])
  })

  it('two deferrals come back in the order they deferred', () => {
    const story = inRound('A', 'B', 'C', 'D')
    story.run(DEFER, DEFER, PASS, PASS)
    expect(story.current.personId).toBe('A')
    story.do(PASS)
    expect(story.current.personId).toBe('B')
  })

  it('on a turn outside a round (a lecturer, a raised hand) it is a skip: nobody comes back', () => {
    const study = new Story()
    study.do(phase('study-1'))
    study.do(hand('A'))
    study.do(DEFER)
    expect(study.state.turns[0]).toMatchObject({ personId: 'L1', outcome: 'skipped' })
    expect(study.current.personId).toBe('A')
    study.do(DEFER)
    expect(study.state.turns[1]).toMatchObject({ personId: 'A', outcome: 'skipped', kind: 'raised_hand' })
    expect(study.state).toMatchObject({ current: null, queue: [] })

    const round = inRound('A', 'B')
    round.do(hand('E'))
    round.do(PASS)
    round.do(DEFER) // E's raised hand: skipped, B is next
    expect(round.turnOf('E', 'raised_hand')[0]).toMatchObject({ outcome: 'skipped' })
    expect(round.current.personId).toBe('B')
    expect(round.state.queue).toEqual([])
  })

  it('with nobody speaking is refused', () => {
    const story = new Story()
    story.do(phase('table'))
    expect(story.refuse(DEFER)).toBe('nobody_speaking')
  })

  it('a deferred turn left waiting when the phase changes stays deferred', () => {
    const story = inRound('A', 'B')
    story.do(DEFER)
    story.do(phase(null))
    expect(story.turnOf('A')).toEqual([expect.objectContaining({ outcome: 'deferred' })])
    expect(story.turnOf('B')).toEqual([expect.objectContaining({ outcome: 'spoken' })])
    expect(story.state.queue).toEqual([])
  })
})

describe('raise_hand (举手插话) and speak_again (再次发言)', () => {
  it('a raised hand is inserted right after the current speaker, then the round goes on', () => {
    const story = inRound('A', 'B', 'C')
    story.do(hand('E'))
    expect(story.state.queue).toEqual([
      { personId: 'E', kind: 'raised_hand' },
      { personId: 'B', kind: 'round' },
      { personId: 'C', kind: 'round' }
    ])
    expect(story.current.personId).toBe('A')
    story.wait(SECOND).do(PASS)
    expect(story.current).toMatchObject({ personId: 'E', kind: 'raised_hand', round: 0, segmentId: 'table' })
    story.do(PASS)
    expect(story.current).toMatchObject({ personId: 'B', kind: 'round', round: 1 })
  })

  it('raised hands go right after the current speaker, first come first served among themselves', () => {
    const story = inRound('A', 'B')
    story.do(hand('E'))
    story.do(hand('F'))
    expect(queueOf(story.state)).toEqual(['E', 'F', 'B'])
  })

  it('a raised hand is inserted ahead of a deferred speaker too', () => {
    const story = inRound('A', 'B')
    story.do(DEFER)
    story.do(hand('E'))
    expect(queueOf(story.state)).toEqual(['E', 'A'])
  })

  it('speak again is queued at the end, behind the round and any deferral', () => {
    const story = inRound('A', 'B', 'C')
    story.do(DEFER) // B speaks; C, A* wait
    story.do(again('B'))
    expect(story.state.queue).toEqual([
      { personId: 'C', kind: 'round' },
      { personId: 'A', kind: 'round', turnId: story.state.turns[0]!.id },
      { personId: 'B', kind: 'again' }
    ])
    story.run(PASS, PASS, PASS)
    expect(story.current).toMatchObject({ personId: 'B', kind: 'again', round: 0 })
    expect(story.turnOf('B', 'round')).toHaveLength(1)
  })

  it('with nobody holding the microphone, either gives it at once', () => {
    const story = new Story()
    story.do(phase('table'))
    story.wait(SECOND).do(hand('A'))
    expect(story.current).toMatchObject({ personId: 'A', kind: 'raised_hand', startedAt: T + SECOND, id: story.lastId })
    story.do(PASS)
    story.wait(SECOND).do(again('A'))
    expect(story.current).toMatchObject({ personId: 'A', kind: 'again', startedAt: T + 2 * SECOND })
    expect(story.state.queue).toEqual([])
  })

  it('before any phase both are refused', () => {
    const story = new Story()
    expect(story.refuse(hand('A'))).toBe('not_in_a_phase')
    expect(story.refuse(again('A'))).toBe('not_in_a_phase')
  })
})

describe('free discussion', () => {
  it('after a round, raised hands and speak again take turns outside any round', () => {
    const story = inRound('A', 'B')
    story.run(PASS, PASS)
    expect(story.do(FREE)).toMatchObject({ mode: 'free', current: null, queue: [], round: 1 })
    story.do(hand('C'))
    story.do(again('A'))
    story.do(hand('B'))
    expect(story.current.personId).toBe('C')
    expect(queueOf(story.state)).toEqual(['B', 'A'])
    story.run(PASS, PASS, PASS)
    expect(story.state.turns.slice(2).map((turn) => [turn.personId, turn.kind, turn.round])).toEqual([
      ['C', 'raised_hand', 0],
      ['B', 'raised_hand', 0],
      ['A', 'again', 0]
    ])
  })

  it('ends whoever speaks and clears the queue', () => {
    const story = new Story()
    story.do(phase('table'))
    story.do(hand('A'))
    story.do(again('B'))
    story.wait(SECOND).do(FREE)
    expect(story.state).toMatchObject({ mode: 'free', current: null, queue: [] })
    expect(story.state.turns[0]).toMatchObject({ outcome: 'spoken', endedAt: T + SECOND })
  })

  it('is refused before any phase and outside 圆桌时间', () => {
    const story = new Story()
    expect(story.refuse(FREE)).toBe('not_in_a_phase')
    story.do(phase('study-2'))
    expect(story.refuse(FREE)).toBe('not_roundtable')
  })
})

describe('applause', () => {
  it('counts on the current turn, in current and in turns alike', () => {
    const story = inRound('A', 'B')
    story.run(APPLAUSE, APPLAUSE)
    expect(story.current.applause).toBe(2)
    story.do(PASS)
    story.do(APPLAUSE)
    expect(story.state.turns.map((turn) => turn.applause)).toEqual([2, 1])
    expect(story.current.applause).toBe(1)
  })

  it('with nobody speaking is refused', () => {
    const story = new Story()
    expect(story.refuse(APPLAUSE)).toBe('nobody_speaking')
  })
})

describe('pause and resume', () => {
  it('paused time is excluded from the speaking time', () => {
    const story = inRound('A', 'B') // A starts at T+1s
    const start = story.now
    story.wait(10 * SECOND).do(PAUSE)
    expect(story.state.pausedAt).toBe(start + 10 * SECOND)
    expect(story.speaking()).toBe(10 * SECOND)
    story.wait(15 * SECOND)
    expect(story.speaking()).toBe(10 * SECOND) // frozen while paused
    story.do(RESUME)
    expect(story.state.pausedAt).toBeNull()
    expect(story.current.pausedMs).toBe(15 * SECOND)
    expect(story.speaking()).toBe(10 * SECOND)
    expect(story.speaking(story.now + 5 * SECOND)).toBe(15 * SECOND)

    story.wait(5 * SECOND).do(PAUSE)
    story.wait(7 * SECOND).do(RESUME)
    story.wait(3 * SECOND).do(PASS)
    const turnA = story.state.turns[0]!
    expect(turnA).toMatchObject({ pausedMs: 22 * SECOND, startedAt: start, endedAt: start + 40 * SECOND })
    expect(speakingMs(turnA, null, story.now + 999 * SECOND)).toBe(18 * SECOND)
  })

  it('a turn ending while paused counts the pause up to its end', () => {
    const story = inRound('A', 'B')
    story.wait(10 * SECOND).do(PAUSE)
    story.wait(20 * SECOND).do(PASS)
    const turnA = story.state.turns[0]!
    expect(turnA).toMatchObject({ pausedMs: 20 * SECOND, endedAt: turnA.startedAt + 30 * SECOND })
    expect(speakingMs(turnA, story.state.pausedAt, story.now)).toBe(10 * SECOND)
    // The next speaker's timer runs.
    expect(story.state.pausedAt).toBeNull()
    expect(story.current).toMatchObject({ personId: 'B', pausedMs: 0 })
    expect(story.speaking(story.now + 4 * SECOND)).toBe(4 * SECOND)
  })

  it('pausing at the very moment a turn ends adds no paused time', () => {
    const story = inRound('A', 'B')
    story.wait(10 * SECOND).do(PAUSE)
    story.do(PASS) // same millisecond
    expect(story.state.turns[0]).toMatchObject({ pausedMs: 0, endedAt: T + 11 * SECOND })
    expect(speakingMs(story.state.turns[0]!, null, story.now)).toBe(10 * SECOND)
  })

  it('pause and resume in the same millisecond add nothing', () => {
    const story = inRound('A', 'B')
    story.wait(SECOND).run(PAUSE, RESUME)
    expect(story.current.pausedMs).toBe(0)
    expect(story.speaking()).toBe(SECOND)
  })

  it('a paused turn ended by a new phase, by free discussion or by end counts its pause up to then', () => {
    for (const ending of [phase(null), FREE, END]) {
      const story = new Story()
      story.do(phase('table'))
      story.do(hand('A'))
      story.wait(2 * SECOND).do(PAUSE)
      story.wait(3 * SECOND).do(ending)
      expect(story.state.turns[0]).toMatchObject({ outcome: 'spoken', pausedMs: 3 * SECOND, endedAt: T + 5 * SECOND })
      expect(story.state.pausedAt).toBeNull()
    }
  })

  it('refuses what makes no sense', () => {
    const story = new Story()
    story.do(phase('table'))
    expect(story.refuse(PAUSE)).toBe('nobody_speaking')
    expect(story.refuse(RESUME)).toBe('nobody_speaking')
    story.do(hand('A'))
    expect(story.refuse(RESUME)).toBe('not_paused')
    story.do(PAUSE)
    expect(story.refuse(PAUSE)).toBe('already_paused')
  })

  it('a deferred turn that comes back starts afresh, without its earlier paused time', () => {
    const story = inRound('A', 'B')
    story.wait(SECOND).do(PAUSE)
    story.wait(SECOND).do(DEFER)
    expect(story.state.turns[0]).toMatchObject({ pausedMs: SECOND, outcome: 'deferred' })
    story.wait(SECOND).do(PASS)
    expect(story.current).toMatchObject({ personId: 'A', pausedMs: 0, startedAt: story.now })
    expect(story.state.pausedAt).toBeNull()
  })
})

describe('end', () => {
  it('ends the current turn as spoken, closes the phase, and is final', () => {
    const story = inRound('A', 'B', 'C')
    story.do(hand('E'))
    story.wait(4 * SECOND).do(END)
    expect(story.state).toMatchObject({ ended: true, current: null, queue: [], mode: 'idle', pausedAt: null })
    expect(story.state.turns).toEqual([expect.objectContaining({ personId: 'A', outcome: 'spoken', endedAt: T + 5 * SECOND })])
    expect(story.state.phases).toEqual([{ key: 'table', startedAt: T, endedAt: T + 5 * SECOND }])
  })

  it('every action afterwards is refused', () => {
    const story = inRound('A', 'B')
    story.do(END)
    const all: SpeakingAction[] = [
      phase('study-1'),
      phase(null),
      round('A'),
      FREE,
      PASS,
      SKIP,
      DEFER,
      DECLINE,
      hand('A'),
      again('A'),
      APPLAUSE,
      PAUSE,
      RESUME,
      END
    ]
    for (const action of all) expect(story.refuse(action)).toBe('session_ended')
  })

  it('may end a session that never entered a phase', () => {
    const story = new Story()
    expect(story.do(END)).toEqual({ ...initialState, ended: true })
  })
})

describe('pass, skip and decline with nobody speaking', () => {
  it('are refused', () => {
    const story = new Story()
    for (const action of [PASS, SKIP, DECLINE]) expect(story.refuse(action)).toBe('nobody_speaking')
    story.do(phase('table'))
    for (const action of [PASS, SKIP, DECLINE]) expect(story.refuse(action)).toBe('nobody_speaking')
  })
})

describe('replay', () => {
  it('rebuilds exactly the state built step by step', () => {
    const story = new Story()
    story.do(phase('study-1'))
    story.wait(60 * SECOND).do(hand('A'))
    story.wait(60 * SECOND).do(PASS)
    story.wait(60 * SECOND).do(phase('table'))
    story.wait(SECOND).do(round('A', 'B', 'C'))
    story.run(APPLAUSE, DEFER, PAUSE)
    story.wait(SECOND).run(RESUME, SKIP, hand('E'), PASS, PASS)
    story.run(again('C'), PASS, PASS, FREE, hand('B'), END)
    expect(replay(story.events, AGENDA)).toEqual(story.state)
  })

  it('passes over events that would be refused, so a log is never unreadable', () => {
    const e = (action: SpeakingAction, n: number): SpeakingEvent => ({ ...action, id: `x${n}`, at: T + n })
    const events = [e(PASS, 1), e(phase('table'), 2), e(round('A', 'A'), 3), e(round('A'), 4), e(PAUSE, 5), e(PAUSE, 6), e(RESUME, 7)]
    const state = replay(events, AGENDA)
    expect(state.current).toMatchObject({ id: 'x4', personId: 'A', pausedMs: 2 })
    expect(replay([e(phase('table'), 2), e(round('A'), 4), e(PAUSE, 5), e(RESUME, 7)], AGENDA)).toEqual(state)
  })

  it('apply never changes the state it is given', () => {
    const story = inRound('A', 'B')
    story.do(PAUSE)
    const frozen = deepFreeze(structuredClone(story.state))
    for (const action of [PASS, SKIP, DEFER, DECLINE, hand('E'), again('E'), APPLAUSE, RESUME, phase(null), END]) {
      expect(() => apply(frozen, story.event(action), AGENDA)).not.toThrow()
    }
  })
})

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

describe('speakingMs', () => {
  const turn = (fields: Partial<Turn>): Turn => ({
    id: 't',
    personId: 'A',
    segmentId: 'table',
    round: 1,
    kind: 'round',
    outcome: 'speaking',
    startedAt: 1000,
    endedAt: null,
    pausedMs: 0,
    applause: 0,
    ...fields
  })

  it('counts from the start to now while speaking, to the end once ended', () => {
    expect(speakingMs(turn({}), null, 5000)).toBe(4000)
    expect(speakingMs(turn({ endedAt: 3000, outcome: 'spoken' }), null, 99_000)).toBe(2000)
  })

  it('excludes time paused so far and the pause still running', () => {
    expect(speakingMs(turn({ pausedMs: 500 }), 4000, 9000)).toBe(2500)
    // The state's pausedAt belongs to the current turn only; an ended turn ignores it.
    expect(speakingMs(turn({ endedAt: 3000, outcome: 'spoken', pausedMs: 500 }), 2000, 9000)).toBe(1500)
  })

  it('is never negative: a clock behind the start, a pause before the start, more pause than time', () => {
    expect(speakingMs(turn({}), null, 0)).toBe(0)
    expect(speakingMs(turn({}), 500, 400)).toBe(0)
    expect(speakingMs(turn({ pausedMs: 10_000 }), null, 5000)).toBe(0)
    expect(speakingMs(turn({ endedAt: 2000, pausedMs: 5000, outcome: 'spoken' }), null, 5000)).toBe(0)
    expect(speakingMs(turn({}), 0, 5000)).toBe(0)
  })
})

describe('roundOrder', () => {
  const seat = (personId: string, seatNumber: number | null, absent = false): SeatedPerson => ({ personId, seatNumber, absent })

  it('goes clockwise by seat number from the chosen seat and wraps around', () => {
    const people = [seat('D', 4), seat('A', 1), seat('C', 3), seat('B', 2)]
    expect(roundOrder(people, 'A')).toEqual(['A', 'B', 'C', 'D'])
    expect(roundOrder(people, 'C')).toEqual(['C', 'D', 'A', 'B'])
    expect(roundOrder(people, 'D')).toEqual(['D', 'A', 'B', 'C'])
  })

  it('leaves out the absent and the unseated, and gaps between seats do not matter', () => {
    const people = [seat('A', 1), seat('B', 3, true), seat('C', 7), seat('L', null), seat('D', 12), seat('E', 20, true)]
    expect(roundOrder(people, 'C')).toEqual(['C', 'D', 'A'])
    expect(roundOrder(people, 'D')).toEqual(['D', 'A', 'C'])
  })

  it('from someone not in the order (absent or unseated) starts at the first seat', () => {
    const people = [seat('B', 2), seat('A', 1, true), seat('C', 3), seat('L', null)]
    expect(roundOrder(people, 'A')).toEqual(['B', 'C'])
    expect(roundOrder(people, 'L')).toEqual(['B', 'C'])
    expect(roundOrder(people, 'nobody')).toEqual(['B', 'C'])
  })

  it('is empty when nobody is seated and present', () => {
    expect(roundOrder([], 'A')).toEqual([])
    expect(roundOrder([seat('A', 1, true), seat('B', null)], 'A')).toEqual([])
  })

  it('does not reorder the list it is given', () => {
    const people = [seat('B', 2), seat('A', 1)]
    roundOrder(people, 'A')
    expect(people.map((p) => p.personId)).toEqual(['B', 'A'])
  })
})

describe('a handover carries who is absent (DESIGN §9: no absent speaker in the record)', () => {
  it('skips someone marked absent while waiting in the round; their deferred turn stays 暂缓', () => {
    const story = new Story()
    story.do({ type: 'phase', segmentId: 'table' })
    story.do({ type: 'round', order: ['A', 'B', 'C', 'D'] })
    story.do({ type: 'defer' }) // A comes back at the end of the round
    const afterB = story.do({ type: 'pass', absent: ['C'] }) // B spoke; C was marked absent meanwhile
    expect(afterB.current?.personId).toBe('D')
    const end = story.do({ type: 'pass', absent: ['A', 'C'] }) // A too has gone: nobody is left
    expect(end.current).toBeNull()
    expect(end.queue).toEqual([])
    expect(end.turns.map((turn) => [turn.personId, turn.outcome])).toEqual([
      ['A', 'deferred'],
      ['B', 'spoken'],
      ['D', 'spoken']
    ])
  })

  it('does not hand the mic to an absent lecturer; an event without the field (written before it existed) does', () => {
    const story = new Story()
    expect(story.do({ type: 'phase', segmentId: 'study-1', absent: ['L1'] }).current).toBeNull()
    expect(story.do({ type: 'phase', segmentId: 'study-2' }).current?.personId).toBe('L2')
    // Replaying the same log decides the same way.
    expect(replay(story.events, AGENDA)).toEqual(story.state)
  })
})
