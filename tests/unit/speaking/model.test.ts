import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  apply,
  initialState,
  isRefusal,
  replay,
  roundOrder,
  speakingMs,
  type AgendaInfo,
  type QueueEntry,
  type RefusalReason,
  type SeatedPerson,
  type SpeakingAction,
  type SpeakingEvent,
  type SpeakingState,
  type Turn
} from '../../../src/shared/speaking'

/**
 * Model-based test of the speaking-order reducer: random command sequences (every action type, plus undo)
 * on a small agenda (study, study, roundtable) with 3–9 people and a clock that only moves forward (gaps of
 * 0 ms included). Each step is checked against a small model of the rules, and the invariants below are
 * checked after every step.
 */

const AGENDA: AgendaInfo[] = [
  { id: 'study-1', kind: 'study', lecturerId: 'L1' },
  { id: 'study-2', kind: 'study', lecturerId: 'L2' },
  { id: 'table', kind: 'roundtable', lecturerId: null }
]
const LECTURERS = ['L1', 'L2']
const T0 = Date.UTC(2025, 7, 21, 6, 0)
const HOUR = 3_600_000

type Simple = 'free' | 'pass' | 'skip' | 'defer' | 'decline' | 'applause' | 'pause' | 'resume' | 'end'

type Command =
  | { kind: 'phase'; segment: number | null }
  | { kind: 'bad_phase' }
  /** A round as core builds it: the seated, present people clockwise from `start`. */
  | { kind: 'round'; start: number }
  /** Any order at all (possibly empty or with duplicates), to reach the reducer's own refusals. */
  | { kind: 'raw_round'; order: number[] }
  | { kind: 'simple'; type: Simple }
  | { kind: 'person'; type: 'raise_hand' | 'speak_again'; who: number }
  | { kind: 'undo' }

type Step = { command: Command; gap: number }

interface Scenario {
  seating: SeatedPerson[]
  steps: Step[]
}

const gapArb = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 2_000 }), weight: 3 },
  { arbitrary: fc.integer({ min: 2_000, max: 10 * 60_000 }), weight: 2 }
)

const simple = (type: Simple, weight: number) => ({ arbitrary: fc.constant<Command>({ kind: 'simple', type }), weight })

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.constantFrom<Command>({ kind: 'phase', segment: 0 }, { kind: 'phase', segment: 1 }, { kind: 'phase', segment: null }), weight: 3 },
  { arbitrary: fc.constant<Command>({ kind: 'phase', segment: 2 }), weight: 4 },
  { arbitrary: fc.constant<Command>({ kind: 'bad_phase' }), weight: 1 },
  { arbitrary: fc.nat({ max: 10 }).map((start): Command => ({ kind: 'round', start })), weight: 6 },
  { arbitrary: fc.array(fc.nat({ max: 10 }), { maxLength: 4 }).map((order): Command => ({ kind: 'raw_round', order })), weight: 1 },
  simple('pass', 12),
  simple('defer', 6),
  simple('skip', 3),
  simple('decline', 3),
  simple('free', 2),
  simple('applause', 2),
  simple('pause', 3),
  simple('resume', 3),
  simple('end', 1),
  {
    arbitrary: fc
      .record({ type: fc.constantFrom('raise_hand' as const, 'speak_again' as const), who: fc.nat({ max: 10 }) })
      .map((p): Command => ({ kind: 'person', ...p })),
    weight: 4
  },
  { arbitrary: fc.constant<Command>({ kind: 'undo' }), weight: 5 }
)

/** 3–9 people with distinct seat numbers (gaps allowed), now and then an unseated or an absent one. */
const seatingArb: fc.Arbitrary<SeatedPerson[]> = fc.integer({ min: 3, max: 9 }).chain((n) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: n, maxLength: n }),
      fc.array(fc.constantFrom('seated', 'seated', 'seated', 'seated', 'seated', 'seated', 'absent', 'unseated'), { minLength: n, maxLength: n })
    )
    .map(([seats, flags]) =>
      seats.map((seat, i) => ({
        personId: `P${i + 1}`,
        seatNumber: flags[i] === 'unseated' ? null : seat,
        absent: flags[i] === 'absent'
      }))
    )
)

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seating: seatingArb,
  steps: fc.array(fc.record({ command: commandArb, gap: gapArb }), { minLength: 1, maxLength: 60 })
})

/** A deliberately round-heavy mix: straight into 圆桌时间, then mostly passing, deferring and raised hands. */
const roundHeavyArb: fc.Arbitrary<Scenario> = fc.record({
  seating: seatingArb,
  steps: fc
    .array(
      fc.record({
        command: fc.oneof(
          { arbitrary: fc.nat({ max: 10 }).map((start): Command => ({ kind: 'round', start })), weight: 2 },
          simple('pass', 10),
          simple('defer', 8),
          simple('skip', 2),
          simple('decline', 2),
          simple('free', 1),
          simple('pause', 1),
          simple('resume', 1),
          {
            arbitrary: fc
              .record({ type: fc.constantFrom('raise_hand' as const, 'speak_again' as const), who: fc.nat({ max: 10 }) })
              .map((p): Command => ({ kind: 'person', ...p })),
            weight: 2
          },
          { arbitrary: fc.constant<Command>({ kind: 'undo' }), weight: 3 }
        ),
        gap: gapArb
      }),
      { minLength: 1, maxLength: 60 }
    )
    .map((steps): Step[] => [{ command: { kind: 'phase', segment: 2 }, gap: 0 }, ...steps])
})

// ---------------------------------------------------------------------------------------------------------
// The model

/** What the rules say about refusing `action` in `state`, independently of how the reducer is written. */
function expectedRefusal(state: SpeakingState, action: SpeakingAction): RefusalReason | null {
  if (state.ended) return 'session_ended'
  const segment = AGENDA.find((candidate) => candidate.id === state.phase)
  const roundInProgress = state.mode === 'round' && (state.current !== null || state.queue.length > 0)
  switch (action.type) {
    case 'phase':
      return action.segmentId === null || AGENDA.some((s) => s.id === action.segmentId) ? null : 'unknown_segment'
    case 'round':
      if (state.phase === null) return 'not_in_a_phase'
      if (segment?.kind !== 'roundtable') return 'not_roundtable'
      if (action.order.length === 0) return 'empty_round'
      if (new Set(action.order).size !== action.order.length) return 'duplicate_in_round'
      return roundInProgress ? 'round_in_progress' : null
    case 'free':
      if (state.phase === null) return 'not_in_a_phase'
      if (segment?.kind !== 'roundtable') return 'not_roundtable'
      return roundInProgress ? 'round_in_progress' : null
    case 'pass':
    case 'skip':
    case 'defer':
    case 'decline':
    case 'applause':
      return state.current ? null : 'nobody_speaking'
    case 'pause':
      return !state.current ? 'nobody_speaking' : state.pausedAt !== null ? 'already_paused' : null
    case 'resume':
      return !state.current ? 'nobody_speaking' : state.pausedAt === null ? 'not_paused' : null
    case 'raise_hand':
    case 'speak_again':
      return state.phase === null ? 'not_in_a_phase' : null
    case 'end':
      return null
  }
}

/** Checks the effect of one accepted action on who speaks and who waits. */
function checkTransition(before: SpeakingState, event: SpeakingEvent, after: SpeakingState): void {
  const at = event.at
  const endedTurn = (): Turn | undefined => after.turns.find((turn) => turn.id === before.current?.id)
  /** Who gets the microphone when the current turn ends and `queue` is waiting. */
  const expectNext = (queue: QueueEntry[]): void => {
    const [first, ...rest] = queue
    expect(after.queue).toStrictEqual(rest)
    if (!first) {
      expect(after.current).toBeNull()
      return
    }
    expect(after.current).toMatchObject({ personId: first.personId, kind: first.kind, outcome: 'speaking', startedAt: at, endedAt: null, pausedMs: 0 })
    expect(after.current!.id).toBe(first.turnId ?? event.id)
  }
  const sameExcept = (fields: Partial<SpeakingState>): void => expect(after).toStrictEqual({ ...before, ...fields })

  switch (event.type) {
    case 'pass':
    case 'skip':
    case 'decline':
      expect(endedTurn()).toMatchObject({ outcome: { pass: 'spoken', skip: 'skipped', decline: 'declined' }[event.type], endedAt: at })
      expectNext(before.queue)
      break
    case 'defer': {
      const current = before.current!
      if (current.kind === 'round') {
        if (before.queue.length > 0) expect(endedTurn()).toMatchObject({ outcome: 'deferred', endedAt: at })
        expectNext([...before.queue, { personId: current.personId, kind: 'round', turnId: current.id }])
      } else {
        expect(endedTurn()).toMatchObject({ outcome: 'skipped', endedAt: at })
        expectNext(before.queue)
      }
      break
    }
    case 'raise_hand':
    case 'speak_again': {
      const entry: QueueEntry = { personId: event.personId, kind: event.type === 'raise_hand' ? 'raised_hand' : 'again' }
      if (before.current) {
        sameExcept({ queue: event.type === 'raise_hand' ? [entry, ...before.queue] : [...before.queue, entry] })
      } else {
        expect(after.current).toStrictEqual({
          id: event.id,
          personId: event.personId,
          segmentId: before.phase === 'closing' ? null : before.phase,
          round: 0,
          kind: entry.kind,
          outcome: 'speaking',
          startedAt: at,
          endedAt: null,
          pausedMs: 0,
          applause: 0
        })
        expect(after.queue).toStrictEqual([])
      }
      break
    }
    case 'applause':
      expect(after.current!.applause).toBe(before.current!.applause + 1)
      expect({ ...after, current: null, turns: [] }).toStrictEqual({ ...before, current: null, turns: [] })
      break
    case 'pause':
      sameExcept({ pausedAt: at })
      break
    case 'resume': {
      const current = { ...before.current!, pausedMs: before.current!.pausedMs + at - before.pausedAt! }
      sameExcept({ pausedAt: null, current, turns: before.turns.map((turn) => (turn.id === current.id ? current : turn)) })
      break
    }
    case 'phase': {
      if (before.current) expect(endedTurn()).toMatchObject({ outcome: 'spoken', endedAt: at })
      const key = event.segmentId ?? 'closing'
      expect(after.phase).toBe(key)
      expect(after.queue).toStrictEqual([])
      const lecturer = AGENDA.find((segment) => segment.id === event.segmentId)?.lecturerId
      if (lecturer) {
        expect(after.mode).toBe('study')
        expect(after.current).toMatchObject({ id: event.id, personId: lecturer, kind: 'study', segmentId: key, startedAt: at, round: 0 })
      } else {
        expect(after.mode).toBe('idle')
        expect(after.current).toBeNull()
      }
      break
    }
    case 'round':
      if (before.current) expect(endedTurn()).toMatchObject({ outcome: 'spoken', endedAt: at })
      expect(after.mode).toBe('round')
      expect(after.round).toBe(before.round + 1)
      expect(after.current).toMatchObject({ id: event.id, personId: event.order[0], kind: 'round', round: after.round, startedAt: at })
      expect(after.queue).toStrictEqual(event.order.slice(1).map((personId) => ({ personId, kind: 'round' })))
      break
    case 'free':
      if (before.current) expect(endedTurn()).toMatchObject({ outcome: 'spoken', endedAt: at })
      expect(after).toMatchObject({ mode: 'free', current: null, queue: [], round: before.round, phase: before.phase })
      break
    case 'end':
      if (before.current) expect(endedTurn()).toMatchObject({ outcome: 'spoken', endedAt: at })
      expect(after).toMatchObject({ ended: true, current: null, queue: [], mode: 'idle', pausedAt: null })
      expect(after.phases.every((phase) => phase.endedAt !== null)).toBe(true)
      break
  }
  // Nothing but the current turn, the turn it ended and the turn it began changes.
  const touched = new Set([before.current?.id, after.current?.id])
  const untouched = (state: SpeakingState) => state.turns.filter((turn) => !touched.has(turn.id))
  expect(untouched(after)).toStrictEqual(untouched(before))
}

/** The invariants that hold after every step. */
function checkInvariants(state: SpeakingState, events: SpeakingEvent[], now: number): void {
  // At most one current speaker: the current turn is the only one speaking, and the last one begun.
  const speaking = state.turns.filter((turn) => turn.outcome === 'speaking')
  if (state.current) {
    expect(speaking).toStrictEqual([state.current])
    expect(state.turns.at(-1)).toStrictEqual(state.current)
  } else {
    expect(speaking).toStrictEqual([])
    expect(state.queue).toStrictEqual([]) // nobody waits while nobody holds the microphone
    expect(state.pausedAt).toBeNull()
  }
  expect(new Set(state.turns.map((turn) => turn.id)).size).toBe(state.turns.length)
  const eventIds = new Set(events.map((event) => event.id))
  for (const turn of state.turns) expect(eventIds.has(turn.id)).toBe(true)

  // No negative durations, now or at any later time.
  let previousStart = -Infinity
  for (const turn of state.turns) {
    expect(turn.startedAt).toBeGreaterThanOrEqual(previousStart) // in the order they began
    previousStart = turn.startedAt
    expect(turn.startedAt).toBeLessThanOrEqual(now)
    expect(turn.pausedMs).toBeGreaterThanOrEqual(0)
    expect(turn.applause).toBeGreaterThanOrEqual(0)
    expect(turn.endedAt === null).toBe(turn.outcome === 'speaking')
    if (turn.endedAt !== null) {
      expect(turn.endedAt).toBeGreaterThanOrEqual(turn.startedAt)
      expect(turn.endedAt).toBeLessThanOrEqual(now)
      expect(turn.pausedMs).toBeLessThanOrEqual(turn.endedAt - turn.startedAt)
    } else {
      expect(turn.pausedMs).toBeLessThanOrEqual((state.pausedAt ?? now) - turn.startedAt)
    }
    let previous = 0
    for (const later of [now, now + 1, now + HOUR]) {
      const ms = speakingMs(turn, state.pausedAt, later)
      expect(ms).toBeGreaterThanOrEqual(previous) // never runs backwards either
      expect(ms).toBeLessThanOrEqual((turn.endedAt ?? later) - turn.startedAt)
      previous = ms
    }
    // Round turns, and only they, have a round number.
    expect(turn.round > 0).toBe(turn.kind === 'round')
    if (turn.kind === 'study') expect(AGENDA.find((segment) => segment.id === turn.segmentId)?.lecturerId).toBe(turn.personId)
  }
  if (state.pausedAt !== null) {
    expect(state.pausedAt).toBeGreaterThanOrEqual(state.current!.startedAt)
    expect(state.pausedAt).toBeLessThanOrEqual(now)
  }

  // Within a completed round, everyone of that round's order has exactly one round turn, none left deferred.
  const rounds = events.filter((event): event is SpeakingEvent & { type: 'round' } => event.type === 'round')
  expect(state.round).toBe(rounds.length)
  if (state.mode === 'round') {
    const order = rounds.at(-1)!.order
    const roundTurns = state.turns.filter((turn) => turn.kind === 'round' && turn.round === state.round)
    if (!state.current && state.queue.length === 0) {
      expect(roundTurns.map((turn) => turn.personId).sort()).toStrictEqual([...order].sort())
      for (const turn of roundTurns) expect(['spoken', 'skipped', 'declined']).toContain(turn.outcome)
    } else {
      // Meanwhile: nobody has two round turns, and each is either begun or still waiting.
      const waiting = state.queue.filter((entry) => entry.kind === 'round' && !entry.turnId).map((entry) => entry.personId)
      expect([...roundTurns.map((turn) => turn.personId), ...waiting].sort()).toStrictEqual([...order].sort())
    }
  }
  // Deferred turns in the queue point at their own turn, left deferred.
  for (const entry of state.queue) {
    if (entry.turnId === undefined) continue
    expect(state.turns.find((turn) => turn.id === entry.turnId)).toMatchObject({ personId: entry.personId, outcome: 'deferred', kind: 'round' })
  }

  // Modes and phases.
  const segment = AGENDA.find((candidate) => candidate.id === state.phase)
  if (state.mode === 'study') expect(segment?.kind).toBe('study')
  if (state.mode === 'round' || state.mode === 'free') expect(segment?.kind).toBe('roundtable')
  expect(new Set(state.phases.map((phase) => phase.key)).size).toBe(state.phases.length)
  const open = state.phases.filter((phase) => phase.endedAt === null).map((phase) => phase.key)
  expect(open).toStrictEqual(state.ended || state.phase === null ? [] : [state.phase])
  for (const phase of state.phases) if (phase.endedAt !== null) expect(phase.endedAt).toBeGreaterThanOrEqual(phase.startedAt)
  if (state.ended) expect(state).toMatchObject({ current: null, queue: [], mode: 'idle', pausedAt: null })
}

function same<T>(actual: T, expected: T, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toStrictEqual(expected)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

export interface RunStats {
  steps: number
  accepted: number
  refused: number
  undone: number
  completedRounds: number
  deferralsReturned: number
}

function toAction(command: Exclude<Command, { kind: 'undo' }>, seating: SeatedPerson[]): SpeakingAction {
  const everyone = [...seating.map((person) => person.personId), ...LECTURERS]
  const person = (index: number): string => everyone[index % everyone.length]!
  switch (command.kind) {
    case 'phase':
      return { type: 'phase', segmentId: command.segment === null ? null : AGENDA[command.segment]!.id }
    case 'bad_phase':
      return { type: 'phase', segmentId: 'no-such-segment' }
    case 'round':
      return { type: 'round', order: roundOrder(seating, person(command.start)) }
    case 'raw_round':
      return { type: 'round', order: command.order.map(person) }
    case 'simple':
      return { type: command.type }
    case 'person':
      return { type: command.type, personId: person(command.who) }
  }
}

/** Runs one scenario step by step against the reducer, checking everything; returns what it went through. */
function runScenario({ seating, steps }: Scenario, stats: RunStats): void {
  let now = T0
  let n = 0
  let state = deepFreeze(initialState)
  /** Accepted events, each with the state before it (what undo must give back). */
  const log: { event: SpeakingEvent; before: SpeakingState }[] = []
  for (const { command, gap } of steps) {
    now += gap
    stats.steps++
    if (command.kind === 'undo') {
      const last = log.pop()
      if (last) {
        const undone = replay(
          log.map((entry) => entry.event),
          AGENDA
        )
        same(undone, last.before, 'undo restores the state before the undone action')
        state = deepFreeze(undone)
        stats.undone++
      }
    } else {
      const action = toAction(command, seating)
      const event: SpeakingEvent = { ...action, id: `e${++n}`, at: now }
      const next = apply(state, event, AGENDA) // state is frozen: apply may not change it
      const refusal = expectedRefusal(state, action)
      if (isRefusal(next)) {
        expect(next.refused, `${action.type} refused`).toBe(refusal)
        stats.refused++
      } else {
        expect(refusal, `${action.type} accepted`).toBeNull()
        checkTransition(state, event, next)
        const wasRoundDone = state.mode === 'round' && !state.current && state.queue.length === 0
        const returning = next.current && state.queue[0]?.turnId === next.current.id
        if (returning) stats.deferralsReturned++
        log.push({ event, before: state })
        state = deepFreeze(next)
        stats.accepted++
        if (!wasRoundDone && state.mode === 'round' && !state.current && state.queue.length === 0) stats.completedRounds++
      }
    }
    const events = log.map((entry) => entry.event)
    checkInvariants(state, events, now)
    same(replay(events, AGENDA), state, 'replay equals the state built step by step')
  }
}

const newStats = (): RunStats => ({ steps: 0, accepted: 0, refused: 0, undone: 0, completedRounds: 0, deferralsReturned: 0 })

describe('the speaking reducer against a model', () => {
  it('any sequence of actions and undos keeps every invariant (700 sequences)', () => {
    const stats = newStats()
    let runs = 0
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        runs++
        runScenario(scenario, stats)
      }),
      { numRuns: 700 }
    )
    expect(runs).toBeGreaterThanOrEqual(700)
    // The generator reaches the interesting places, not only refusals.
    expect(stats.accepted).toBeGreaterThan(stats.steps / 3)
    expect(stats.completedRounds).toBeGreaterThan(50)
    expect(stats.deferralsReturned).toBeGreaterThan(50)
    expect(stats.undone).toBeGreaterThan(500)
  })

  it('round-heavy sequences: deferrals, raised hands and undos inside rounds keep every invariant (300 sequences)', () => {
    const stats = newStats()
    let runs = 0
    fc.assert(
      fc.property(roundHeavyArb, (scenario) => {
        runs++
        runScenario(scenario, stats)
      }),
      { numRuns: 300 }
    )
    expect(runs).toBeGreaterThanOrEqual(300)
    expect(stats.completedRounds).toBeGreaterThan(150)
    expect(stats.deferralsReturned).toBeGreaterThan(300)
  })

  it('the model itself catches a reducer that breaks a rule (raised hand queued at the end)', () => {
    const state = apply(initialState, { type: 'phase', segmentId: 'table', id: 'a', at: T0 }, AGENDA) as SpeakingState
    const speaking = apply(state, { type: 'round', order: ['P1', 'P2'], id: 'b', at: T0 }, AGENDA) as SpeakingState
    const hand: SpeakingEvent = { type: 'raise_hand', personId: 'P3', id: 'c', at: T0 }
    const wrong: SpeakingState = { ...speaking, queue: [...speaking.queue, { personId: 'P3', kind: 'raised_hand' }] }
    expect(() => checkTransition(speaking, hand, wrong)).toThrow()
    expect(() => checkTransition(speaking, hand, apply(speaking, hand, AGENDA) as SpeakingState)).not.toThrow()
  })
})
