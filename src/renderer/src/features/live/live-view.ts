import type { LiveAction } from '@shared/contract'
import type { AgendaSegment, AttendanceEntry, LiveView, SegmentKind } from '@shared/domain'
import { roundInProgress, roundOutcomes, type QueueEntry, type Turn, type TurnKind } from '@shared/speaking'
import { markOf, tallyAttendance, type AttendanceTally } from '@shared/attendance'
import { fullPlaceOf } from '@shared/people'
import { ownClosing } from '@shared/agenda'
import { labelOn } from '../../common/person-labels'
import type { SeatTone } from '../seating/seat-tone'
import type { Command } from './shortcuts'

/** What the console and the projector derive from a LiveView; pure, so both show the same thing. */

export const personOf = (view: LiveView, personId: string | undefined): AttendanceEntry | undefined =>
  personId === undefined ? undefined : view.attendance.find((entry) => entry.personId === personId)

/** Village and unit, shown under a name (the projector, 现在发言). */
export const placeOf = (entry: AttendanceEntry | undefined): string => (entry ? fullPlaceOf(entry) : '')

/** The line under a speaker's name: their village and unit, unless the name already carries the place. */
export function placeLine(view: LiveView, entry: AttendanceEntry | undefined): string {
  return entry && nameOf(view, entry.personId) === entry.name.trim() ? fullPlaceOf(entry) : ''
}

/** A person's name as the session shows it: with their place when a namesake is on the list (src/shared/people.ts). */
export const nameOf = (view: LiveView, personId: string | undefined): string => labelOn(view.attendance, personId)

/** The agenda's own closing part, if it has one (the rule: src/shared/agenda.ts). */
export const closingSegment = (view: LiveView): AgendaSegment | undefined => ownClosing(view.session.agenda)

/** The phases in order: each agenda segment, then 总结 ('closing') unless the agenda ends with its own. */
export function phaseKeys(view: LiveView): string[] {
  const segments = view.session.agenda.map((segment) => segment.id)
  return closingSegment(view) ? segments : [...segments, 'closing']
}

/** What names a phase on the stepper, the table's centre and the projector: a segment's own title (其他), else its kind. */
export type PhaseKey = 'live.phases.closing' | `planner.agenda.kinds.${SegmentKind}`
export type PhaseName = { text: string } | { key: PhaseKey }

/** The name of phase `key` (a segment id or 'closing'); null: not a phase of this session. */
export function phaseName(view: LiveView, key: string | null): PhaseName | null {
  if (key === 'closing') return { key: 'live.phases.closing' }
  const segment = view.session.agenda.find((candidate) => candidate.id === key)
  if (!segment) return null
  return segment.kind === 'other' && segment.title.trim() ? { text: segment.title.trim() } : { key: `planner.agenda.kinds.${segment.kind}` }
}

/** A phase name in words, with the translator given. */
export const phaseText = (name: PhaseName, t: (key: PhaseKey) => string): string => ('text' in name ? name.text : t(name.key))

export function currentPhaseIndex(view: LiveView): number {
  return view.state.phase === null ? -1 : phaseKeys(view).indexOf(view.state.phase)
}

export const currentSegment = (view: LiveView) => view.session.agenda.find((segment) => segment.id === view.state.phase)

/** The speaking limit of a turn: a lecturer has the segment's planned minutes, others the per-speaker limit. */
export function limitMsOf(view: LiveView, turn: Turn | null): number | null {
  if (!turn) return null
  if (turn.kind === 'study') {
    const segment = view.session.agenda.find((candidate) => candidate.id === turn.segmentId)
    return segment && segment.plannedMinutes > 0 ? segment.plannedMinutes * 60_000 : null
  }
  return view.session.speakerLimitSeconds === null ? null : view.session.speakerLimitSeconds * 1000
}

/** In 圆桌时间 with no round running: a round (or free discussion) can start. */
export function canStartRound(view: LiveView): boolean {
  return isLive(view) && currentSegment(view)?.kind === 'roundtable' && !roundInProgress(view.state)
}

/** The first present person at the table: where a round starts unless the facilitator chooses. */
export function defaultStartSeat(view: LiveView): string | undefined {
  return view.attendance.find((entry) => entry.seatNumber !== null && !entry.absent)?.personId
}

export function seatTone(view: LiveView, entry: AttendanceEntry, next: QueueEntry | undefined): SeatTone {
  if (entry.absent) return 'absent'
  if (view.state.current?.personId === entry.personId) return 'current'
  if (next?.personId === entry.personId) return 'next'
  const outcome = roundOutcomes(view.state).get(entry.personId)
  if (outcome && outcome !== 'speaking') return outcome
  // 未签到 is never shown as present, before or after 开始场次 (DESIGN §9).
  return markOf(entry) === 'present' ? 'present' : 'unmarked'
}

/**
 * Type-to-find on the check-in list: whether a row matches what was typed — a part of the name as the session
 * shows it, of the village or unit, or the seat number. Spaces and letter case do not matter; empty matches all.
 */
export function matchesFind(view: LiveView, entry: AttendanceEntry, typed: string): boolean {
  const query = typed.replace(/\s+/g, '').toLowerCase()
  if (!query) return true
  const haystack = [nameOf(view, entry.personId), entry.name, fullPlaceOf(entry)].join('\n').replace(/[ \t\u3000]+/g, '').toLowerCase()
  return haystack.includes(query) || String(entry.seatNumber ?? '') === query
}

/** 应到, 实到, 缺席, 未签到 and 列席, by the one rule in src/shared/attendance.ts. */
/** Only a live session takes the console's keys: before 开始场次 and after 结束场次 nothing can act. */
export const isLive = (view: LiveView): boolean => view.session.status === 'live'

export const attendanceCounts = (view: LiveView): AttendanceTally => tallyAttendance(view.attendance)

/** The word after a speaker's name for a turn out of the round order (举手插话, 再次发言); null for any other. */
export const kindLabelKey = (kind: TurnKind) => (kind === 'raised_hand' ? 'live.queue.raisedHand' : kind === 'again' ? 'live.queue.again' : null)

/** The word after a waiting name: a deferred turn coming back says so (暂缓), else as `kindLabelKey`. */
export const queueLabelKey = (entry: QueueEntry) => (entry.turnId ? 'live.queue.deferred' : kindLabelKey(entry.kind))

/** H and E: whom they are for is chosen in a picker first (PersonPicker), so they have no `commandAction`. */
export type PickCommand = 'raiseHand' | 'speakAgain'
/** Y opens the 议定事项 form over the console: it acts on no speaker, so it has no `commandAction` either. */
export type FormCommand = 'decision'
/** Every other console key: decided by `commandAction` against the state it meets. */
export type ConsoleCommand = Exclude<Command, PickCommand | FormCommand>

export const isPickCommand = (command: Command): command is PickCommand => command === 'raiseHand' || command === 'speakAgain'

/** The action a picked person is given: 'raise_hand' or 'speak_again'. */
export type PickAction = Extract<LiveAction, { personId: string }>['type']

/** The picker H or E opens: anyone can ask for the mic once the session is in a phase; null: not yet. */
export function pickFor(command: PickCommand, view: LiveView): PickAction | null {
  if (!isLive(view) || view.state.phase === null) return null
  return command === 'raiseHand' ? 'raise_hand' : 'speak_again'
}

/**
 * Whether a key (and its button) can act now: by the very rules that decide what it does, so a button
 * is never enabled for a key that would do nothing, nor disabled for one that would act.
 */
export function canRun(command: Command, view: LiveView, startSeat: string | null): boolean {
  if (command === 'decision') return isLive(view)
  return isPickCommand(command) ? pickFor(command, view) !== null : commandAction(command, view, startSeat) !== null
}

/**
 * What a key means against the state it will meet: Space passes the mic, or starts the round when
 * nobody holds it at the start of 圆桌时间; P pauses or resumes. 'undo' is its own call; null: nothing to do.
 */
export function commandAction(command: ConsoleCommand, view: LiveView, startSeat: string | null): LiveAction | 'undo' | null {
  if (!isLive(view)) return null
  const { state } = view
  const current = state.current
  switch (command) {
    case 'pass': {
      if (current) return { type: 'pass' }
      const start = startSeat && view.attendance.some((entry) => entry.personId === startSeat && !entry.absent) ? startSeat : defaultStartSeat(view)
      return canStartRound(view) && start ? { type: 'round', startPersonId: start } : null
    }
    case 'skip':
    case 'defer':
    case 'decline':
    case 'applause':
      return current ? { type: command } : null
    case 'pause':
      return current ? { type: state.pausedAt === null ? 'pause' : 'resume' } : null
    case 'free':
      return canStartRound(view) ? { type: 'free' } : null
    case 'undo':
      return view.lastAction !== null && view.lastAction !== 'end' ? 'undo' : null
    case 'nextPhase':
    case 'previousPhase': {
      if (command === 'previousPhase' && state.phase === null) return null
      const keys = phaseKeys(view)
      const index = Math.min(keys.length - 1, Math.max(0, currentPhaseIndex(view) + (command === 'nextPhase' ? 1 : -1)))
      const key = keys[index]
      return key && key !== state.phase ? { type: 'phase', segmentId: key === 'closing' ? null : key } : null
    }
  }
}
