/**
 * The speaking order of a live session, event-sourced (DESIGN.md §3): `speaking_events` is the source of
 * truth and `replay` is a pure reducer from those events to who holds the microphone, who is next, and
 * every turn so far. The same code runs in core (to check an action and materialise `turns`) and in the
 * renderer. No clock is read here: every time comes from the events.
 */

export type SpeakingAction =
  /** Enter an agenda segment (学习研讨 / 圆桌时间 / other), or 总结 when `segmentId` is null. */
  | ({ type: 'phase'; segmentId: string | null } & Handover)
  /** Start a round in 圆桌时间: the present people in seat order from the chosen seat. */
  | { type: 'round'; order: string[] }
  /** After a round: free discussion, fed by raised hands and 再次发言. */
  | { type: 'free' }
  /** 传递话筒: the current speaker has spoken; the next one gets the microphone. */
  | ({ type: 'pass' } & Handover)
  /** 跳过: the current speaker is passed over. */
  | ({ type: 'skip' } & Handover)
  /** 暂缓: the current speaker comes back at the end of the round. */
  | ({ type: 'defer' } & Handover)
  /** 不发言: the current speaker does not wish to speak. */
  | ({ type: 'decline' } & Handover)
  /** 举手插话: this person speaks right after the current speaker. */
  | { type: 'raise_hand'; personId: string }
  /** 再次发言: this person speaks again, at the end of the queue. */
  | { type: 'speak_again'; personId: string }
  | { type: 'applause' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** 结束场次: the last turn ends. */
  | { type: 'end' }

/**
 * An action that hands the microphone on carries who was marked 缺席 at that moment, so the mic never
 * lands on someone who is not there (a lecturer, or someone waiting in the round), and a replay decides
 * the same way years later. Events written before this field existed mean nobody.
 */
export interface Handover {
  absent?: string[]
}

export type SpeakingActionType = SpeakingAction['type']

/** An action as stored: `speaking_events` rows that are not undone, in `seq` order. */
export type SpeakingEvent = SpeakingAction & { id: string; at: number }

export type TurnKind = 'study' | 'round' | 'raised_hand' | 'again'
export type TurnOutcome = 'speaking' | 'spoken' | 'skipped' | 'deferred' | 'declined'

export interface Turn {
  /** The id of the event that first gave this person the microphone for this turn. */
  id: string
  personId: string
  segmentId: string | null
  /** The round in 圆桌时间 (1, 2, …); 0 outside rounds (study, free discussion). */
  round: number
  kind: TurnKind
  outcome: TurnOutcome
  startedAt: number
  endedAt: number | null
  /** Time the timer was paused, up to `endedAt` (or up to the last event while still speaking). */
  pausedMs: number
  applause: number
}

export interface QueueEntry {
  personId: string
  kind: TurnKind
  /** A deferred round turn coming back keeps its turn. */
  turnId?: string
}

export type Mode = 'idle' | 'study' | 'round' | 'free'

export interface PhaseTime {
  /** A segment id, or 'closing' for 总结. */
  key: string
  startedAt: number
  endedAt: number | null
}

export interface SpeakingState {
  /** The agenda segment in progress; 'closing' for 总结; null before the first phase. */
  phase: string | null
  mode: Mode
  round: number
  /** The turn that holds the microphone. */
  current: Turn | null
  /** Who speaks next, in order. */
  queue: QueueEntry[]
  /** Every turn so far, in the order they began (the current one included). */
  turns: Turn[]
  /** When the current speaker's timer was paused; null while it runs. */
  pausedAt: number | null
  /** First start and last end of each phase, in the order first entered. */
  phases: PhaseTime[]
  ended: boolean
}

export interface AgendaInfo {
  id: string
  kind: 'study' | 'roundtable' | 'other'
  lecturerId: string | null
}

/** Why an action cannot be taken now; the UI disables what would be refused. */
export type RefusalReason =
  | 'session_ended'
  | 'unknown_segment'
  | 'not_roundtable'
  | 'empty_round'
  | 'duplicate_in_round'
  | 'round_in_progress'
  | 'nobody_speaking'
  | 'already_paused'
  | 'not_paused'
  | 'not_in_a_phase'

export const initialState: SpeakingState = {
  phase: null,
  mode: 'idle',
  round: 0,
  current: null,
  queue: [],
  turns: [],
  pausedAt: null,
  phases: [],
  ended: false
}

/** Replays the log. Events that would be refused are ignored, so a log is never unreadable. */
export function replay(events: SpeakingEvent[], agenda: AgendaInfo[]): SpeakingState {
  let state = initialState
  for (const event of events) {
    const next = apply(state, event, agenda)
    if (!isRefusal(next)) state = next
  }
  return state
}

export const isRefusal = (value: SpeakingState | { refused: RefusalReason }): value is { refused: RefusalReason } =>
  'refused' in value

/** One step of the reducer: the state after `event`, or why it cannot happen now. Never mutates `state`. */
export function apply(state: SpeakingState, event: SpeakingEvent, agenda: AgendaInfo[]): SpeakingState | { refused: RefusalReason } {
  if (state.ended) return { refused: 'session_ended' }
  switch (event.type) {
    case 'phase':
      return enterPhase(state, event, agenda)
    case 'round': {
      if (state.phase === null) return { refused: 'not_in_a_phase' }
      const segment = agenda.find((candidate) => candidate.id === state.phase)
      if (segment?.kind !== 'roundtable') return { refused: 'not_roundtable' }
      if (event.order.length === 0) return { refused: 'empty_round' }
      if (new Set(event.order).size !== event.order.length) return { refused: 'duplicate_in_round' }
      if (roundInProgress(state)) return { refused: 'round_in_progress' }
      const closed = closeCurrent(state, event.at, 'spoken')
      const round = state.round + 1
      const [first, ...rest] = event.order
      return giveMicrophone(
        { ...closed, mode: 'round', round, queue: rest.map((personId) => ({ personId, kind: 'round' as const })) },
        { personId: first!, kind: 'round' },
        event
      )
    }
    case 'free': {
      if (state.phase === null) return { refused: 'not_in_a_phase' }
      const segment = agenda.find((candidate) => candidate.id === state.phase)
      if (segment?.kind !== 'roundtable') return { refused: 'not_roundtable' }
      if (roundInProgress(state)) return { refused: 'round_in_progress' }
      return { ...closeCurrent(state, event.at, 'spoken'), mode: 'free', queue: [] }
    }
    case 'pass':
    case 'skip':
    case 'decline':
      if (!state.current) return { refused: 'nobody_speaking' }
      return next(closeCurrent(state, event.at, OUTCOME[event.type]), event)
    case 'defer': {
      if (!state.current) return { refused: 'nobody_speaking' }
      const deferred = state.current
      const closed = closeCurrent(state, event.at, deferred.kind === 'round' ? 'deferred' : 'skipped')
      // Only a round turn comes back at the end of the round; anyone else is simply passed over.
      const queue =
        deferred.kind === 'round'
          ? [...closed.queue, { personId: deferred.personId, kind: 'round' as const, turnId: deferred.id }]
          : closed.queue
      return next({ ...closed, queue }, event)
    }
    case 'raise_hand':
    case 'speak_again': {
      if (state.phase === null) return { refused: 'not_in_a_phase' }
      const entry: QueueEntry = { personId: event.personId, kind: event.type === 'raise_hand' ? 'raised_hand' : 'again' }
      if (!state.current) return giveMicrophone(state, entry, event)
      // Raised hands speak right after the current speaker, first come first served among themselves.
      const handsFirst = state.queue.findIndex((waiting) => waiting.kind !== 'raised_hand')
      const at = event.type === 'raise_hand' ? (handsFirst < 0 ? state.queue.length : handsFirst) : state.queue.length
      return { ...state, queue: [...state.queue.slice(0, at), entry, ...state.queue.slice(at)] }
    }
    case 'applause':
      if (!state.current) return { refused: 'nobody_speaking' }
      return withCurrent(state, { ...state.current, applause: state.current.applause + 1 })
    case 'pause':
      if (!state.current) return { refused: 'nobody_speaking' }
      if (state.pausedAt !== null) return { refused: 'already_paused' }
      return { ...state, pausedAt: event.at }
    case 'resume': {
      if (!state.current) return { refused: 'nobody_speaking' }
      if (state.pausedAt === null) return { refused: 'not_paused' }
      const pausedMs = state.current.pausedMs + Math.max(0, event.at - state.pausedAt)
      return { ...withCurrent(state, { ...state.current, pausedMs }), pausedAt: null }
    }
    case 'end': {
      const closed = closeCurrent(state, event.at, 'spoken')
      return { ...closePhase(closed, event.at), queue: [], mode: 'idle', ended: true }
    }
  }
}

const OUTCOME = { pass: 'spoken', skip: 'skipped', decline: 'declined' } as const

/**
 * A round is in progress while someone of its order holds the mic or waits; raised hands and
 * 再次发言 after its last speaker do not keep it open.
 */
export function roundInProgress(state: SpeakingState): boolean {
  return state.mode === 'round' && (state.current?.kind === 'round' || state.queue.some((waiting) => waiting.kind === 'round'))
}

function enterPhase(state: SpeakingState, event: SpeakingEvent & { type: 'phase' }, agenda: AgendaInfo[]): SpeakingState | { refused: RefusalReason } {
  const segment = event.segmentId === null ? null : agenda.find((candidate) => candidate.id === event.segmentId)
  if (event.segmentId !== null && !segment) return { refused: 'unknown_segment' }
  const key = event.segmentId ?? 'closing'
  // Leaving a phase ends whoever is speaking and forgets who was still waiting.
  const left = closePhase({ ...closeCurrent(state, event.at, 'spoken'), queue: [] }, event.at)
  const known = left.phases.some((phase) => phase.key === key)
  const phases = known
    ? left.phases.map((phase) => (phase.key === key ? { ...phase, endedAt: null } : phase))
    : [...left.phases, { key, startedAt: event.at, endedAt: null }]
  const entered: SpeakingState = { ...left, phase: key, phases, mode: 'idle' }
  // A study segment gives the microphone to its lecturer at once, timed against the planned minutes
  // (unless the lecturer is absent: then nobody holds it until someone is given it).
  if (segment?.kind === 'study' && segment.lecturerId && !event.absent?.includes(segment.lecturerId)) {
    return giveMicrophone({ ...entered, mode: 'study' }, { personId: segment.lecturerId, kind: 'study' }, event)
  }
  return entered
}

function closePhase(state: SpeakingState, at: number): SpeakingState {
  if (state.phase === null) return state
  return {
    ...state,
    phases: state.phases.map((phase) => (phase.key === state.phase ? { ...phase, endedAt: Math.max(at, phase.startedAt) } : phase))
  }
}

/** Ends the current turn (adding any paused time still running) with `outcome`. */
function closeCurrent(state: SpeakingState, at: number, outcome: TurnOutcome): SpeakingState {
  if (!state.current) return state
  const endedAt = Math.max(at, state.current.startedAt)
  const stillPaused = state.pausedAt === null ? 0 : Math.max(0, endedAt - state.pausedAt)
  const ended: Turn = { ...state.current, outcome, endedAt, pausedMs: state.current.pausedMs + stillPaused }
  return { ...withCurrent(state, ended), current: null, pausedAt: null }
}

/**
 * The first in the queue who is here gets the microphone; those marked absent since they were queued
 * leave the queue (a deferred turn of theirs stays 暂缓). With nobody waiting, nobody holds it.
 */
function next(state: SpeakingState, event: SpeakingEvent & Handover): SpeakingState {
  const queue = event.absent?.length ? state.queue.filter((waiting) => !event.absent!.includes(waiting.personId)) : state.queue
  const first = queue[0]
  if (!first) return { ...state, queue }
  return giveMicrophone({ ...state, queue: queue.slice(1) }, first, event)
}

function giveMicrophone(state: SpeakingState, entry: QueueEntry, event: SpeakingEvent): SpeakingState {
  const returning = entry.turnId ? state.turns.find((turn) => turn.id === entry.turnId) : undefined
  if (returning) {
    // A deferred speaker's turn starts afresh when they come back.
    const resumed: Turn = { ...returning, outcome: 'speaking', startedAt: event.at, endedAt: null, pausedMs: 0 }
    const turns = [...state.turns.filter((turn) => turn.id !== resumed.id), resumed]
    return { ...state, turns, current: resumed, pausedAt: null }
  }
  const turn: Turn = {
    id: event.id,
    personId: entry.personId,
    segmentId: state.phase === 'closing' ? null : state.phase,
    round: entry.kind === 'round' ? state.round : 0,
    kind: entry.kind,
    outcome: 'speaking',
    startedAt: event.at,
    endedAt: null,
    pausedMs: 0,
    applause: 0
  }
  return { ...state, turns: [...state.turns, turn], current: turn, pausedAt: null }
}

function withCurrent(state: SpeakingState, turn: Turn): SpeakingState {
  // The current turn is the last one (giveMicrophone puts it there): looked for from the end, and the list
  // copied as it is rather than rebuilt turn by turn (a press is timed in milliseconds, a session has hundreds).
  const turns = state.turns.slice()
  let at = turns.length - 1
  while (at >= 0 && turns[at]!.id !== turn.id) at--
  if (at >= 0) turns[at] = turn
  return {
    ...state,
    current: state.current && state.current.id === turn.id ? turn : state.current,
    turns
  }
}

/** Speaking time of a turn at `now`: never negative, paused time excluded. */
export function speakingMs(turn: Turn, pausedAt: number | null, now: number): number {
  const end = turn.endedAt ?? now
  const pausedNow = turn.endedAt === null && pausedAt !== null ? Math.max(0, end - pausedAt) : 0
  return Math.max(0, end - turn.startedAt - turn.pausedMs - pausedNow)
}

export interface SeatedPerson {
  personId: string
  seatNumber: number | null
  absent: boolean
}

/** The order of a round: seated people who are not absent, clockwise from the chosen seat. */
export function roundOrder(people: SeatedPerson[], startPersonId: string): string[] {
  const seated = people
    .filter((person) => person.seatNumber !== null && !person.absent)
    .sort((a, b) => a.seatNumber! - b.seatNumber!)
    .map((person) => person.personId)
  return fromSeat(seated, startPersonId)
}

/**
 * `roundOrder` from those already chosen (seated, not absent) in seat order: clockwise from the chosen seat
 * (core reads them so from the archive; the list as a whole is not read for a round).
 */
export function fromSeat(seated: string[], startPersonId: string): string[] {
  const start = seated.indexOf(startPersonId)
  if (start < 0) return seated
  return [...seated.slice(start), ...seated.slice(0, start)]
}

/** In the current round: the outcome of each person's round turn so far (for the seat map). */
export function roundOutcomes(state: SpeakingState): Map<string, TurnOutcome> {
  const outcomes = new Map<string, TurnOutcome>()
  if (state.mode !== 'round') return outcomes
  for (const turn of state.turns) if (turn.kind === 'round' && turn.round === state.round) outcomes.set(turn.personId, turn.outcome)
  return outcomes
}
