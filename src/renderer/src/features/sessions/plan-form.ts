import type { SessionPlan } from '@shared/contract'
import type { AttendanceRole, SeatLayout, SegmentKind, SessionDetail, Settings } from '@shared/domain'
import { applyRoles, lecturersOf } from '@shared/roles'
import { chinaTimeToUtc, formatIsoDate, formatTime, MINUTE_MS } from '../../format'

/** The planner's editable state; converted to the contract's SessionPlan on save. */
export interface PlanForm {
  title: string
  themeId: string | null
  date: string
  startTime: string
  endTime: string
  venue: string
  hostId: string | null
  recorderId: string | null
  organiserUnit: string
  /** Per-speaker limit in minutes; null for none. */
  speakerLimitMinutes: number | null
  agenda: AgendaItem[]
  /** In seat order: the seated ones take seats 1, 2, 3 … in this order. */
  invitees: InviteeItem[]
  /** 座位布局: the shape the seats are drawn in (seat numbers stay the speaking order). */
  seatLayout: SeatLayout
}

export interface AgendaItem {
  /** Only for React lists; not stored. */
  key: string
  kind: SegmentKind
  title: string
  lecturerId: string | null
  topic: string
  plannedMinutes: number
}

export interface InviteeItem {
  personId: string
  role: AttendanceRole
  seated: boolean
}

let nextKey = 0
export const newKey = (): string => `item-${++nextKey}`

export function emptyPlan(settings: Settings, now: number): PlanForm {
  return {
    title: '',
    themeId: null,
    date: formatIsoDate(now + 7 * 24 * 60 * MINUTE_MS),
    startTime: '14:30',
    endTime: '16:30',
    venue: settings.defaultVenue,
    hostId: null,
    recorderId: null,
    organiserUnit: settings.organisationName,
    speakerLimitMinutes: 3,
    agenda: [
      { key: newKey(), kind: 'study', title: '', lecturerId: null, topic: '', plannedMinutes: 30 },
      { key: newKey(), kind: 'roundtable', title: '', lecturerId: null, topic: '', plannedMinutes: 60 }
    ],
    invitees: [],
    seatLayout: 'round'
  }
}

export function planFromSession(session: SessionDetail): PlanForm {
  return {
    title: session.title,
    themeId: session.themeId,
    date: formatIsoDate(session.plannedStart),
    startTime: formatTime(session.plannedStart),
    endTime: formatTime(session.plannedEnd),
    venue: session.venue,
    hostId: session.hostId,
    recorderId: session.recorderId,
    organiserUnit: session.organiserUnit,
    speakerLimitMinutes: session.speakerLimitSeconds === null ? null : session.speakerLimitSeconds / 60,
    agenda: session.agenda.map(({ kind, title, lecturerId, topic, plannedMinutes }) => ({
      key: newKey(),
      kind,
      title,
      lecturerId,
      topic,
      plannedMinutes
    })),
    invitees: session.invitees.map(({ personId, role, seatNumber }) => ({ personId, role, seated: seatNumber !== null })),
    seatLayout: session.seatLayout
  }
}

export function toSessionPlan(form: PlanForm): SessionPlan {
  let seat = 0
  return {
    title: form.title,
    themeId: form.themeId,
    plannedStart: chinaTimeToUtc(form.date, form.startTime),
    plannedEnd: chinaTimeToUtc(form.date, form.endTime),
    venue: form.venue,
    hostId: form.hostId,
    recorderId: form.recorderId,
    organiserUnit: form.organiserUnit,
    speakerLimitSeconds: form.speakerLimitMinutes ? Math.round(form.speakerLimitMinutes * 60) : null,
    agenda: form.agenda.map(({ kind, title, lecturerId, topic, plannedMinutes }) => ({
      kind,
      title,
      lecturerId: kind === 'study' ? lecturerId : null,
      topic: kind === 'study' ? topic : '',
      plannedMinutes
    })),
    invitees: form.invitees.map(({ personId, role, seated }) => ({ personId, role, seatNumber: seated ? ++seat : null })),
    seatLayout: form.seatLayout
  }
}

/** Fields the form checks itself before sending, because an empty date cannot even become a time. */
export function missingWhen(form: PlanForm): Partial<Record<'date' | 'startTime' | 'endTime', 'required'>> {
  const missing: Partial<Record<'date' | 'startTime' | 'endTime', 'required'>> = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) missing.date = 'required'
  if (!/^\d{2}:\d{2}$/.test(form.startTime)) missing.startTime = 'required'
  if (!/^\d{2}:\d{2}$/.test(form.endTime)) missing.endTime = 'required'
  return missing
}

/** Planned session length in minutes (0 when the times are not set or inverted). */
export function sessionMinutes(form: PlanForm): number {
  const minutes = (chinaTimeToUtc(form.date, form.endTime) - chinaTimeToUtc(form.date, form.startTime)) / MINUTE_MS
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 0
}

export const agendaMinutes = (form: PlanForm): number => form.agenda.reduce((sum, item) => sum + (item.plannedMinutes || 0), 0)

/**
 * Host, recorder and lecturers belong on the attendance list with their role, as core will store them
 * (the rule lives in src/shared/roles.ts): added when missing (the recorder off the table, at the side
 * desk), upgraded when listed with a lesser role; someone who no longer holds the role they were given
 * goes back to being a participant.
 */
export function withRolesApplied(form: PlanForm): PlanForm {
  const invitees = applyRoles(
    form.invitees,
    { hostId: form.hostId, recorderId: form.recorderId, lecturerIds: lecturersOf(form.agenda) },
    (personId, role) => ({ personId, role, seated: role !== 'recorder' })
  )
  return { ...form, invitees }
}

/** Moves an item of a list from one index to another (for agenda order and seat order). */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return list
  const copy = [...list]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item!)
  return copy
}

/** Swaps the people on two seats; `from` and `to` count seated invitees only. */
export function swapSeats(invitees: InviteeItem[], from: number, to: number): InviteeItem[] {
  const seatedIndexes = invitees.flatMap((invitee, index) => (invitee.seated ? [index] : []))
  const a = seatedIndexes[from]
  const b = seatedIndexes[to]
  if (a === undefined || b === undefined) return invitees
  const copy = [...invitees]
  ;[copy[a], copy[b]] = [copy[b]!, copy[a]!]
  return copy
}

/**
 * 复制为新场次: the source's plan as a new, unsaved one — its title marked as a copy, a week from today at the
 * same time of day, without the people archived since (they can no longer be invited).
 */
export function copyOfPlan(source: PlanForm, title: string, archived: ReadonlySet<string>, now: number): PlanForm {
  const active = (personId: string | null): string | null => (personId && !archived.has(personId) ? personId : null)
  return {
    ...source,
    title,
    date: formatIsoDate(now + 7 * 24 * 60 * MINUTE_MS),
    hostId: active(source.hostId),
    recorderId: active(source.recorderId),
    agenda: source.agenda.map((item) => ({ ...item, key: newKey(), lecturerId: active(item.lecturerId) })),
    invitees: source.invitees.filter((invitee) => !archived.has(invitee.personId))
  }
}
