import { attendanceGroups, serviceHours, servedPeople, tallyAttendance, volunteersOf } from '../../shared/attendance'
import type { AttendanceEntry, LiveView, Remark } from '../../shared/domain'
import type { Minutes, MinutesSpeaker, MinutesVolunteer, RecordEntry } from '../../shared/minutes'
import { fullPlaceOf, nameLabels, type NamedPerson } from '../../shared/people'
import { VOLUNTEER_ROLES } from '../../shared/roles'
import { speakingMs, type Turn } from '../../shared/speaking'
import type { ReadContext } from '../context'
import { listDecisions } from '../decisions/decisions'
import { liveView } from '../live/live'
import { listRemarks } from '../remarks/remarks'
import { getSettings } from '../settings/settings'
import { sql } from '../store/sql'
import { phoneOf } from '../people/people'

const SUGGESTION_TAGS = ['建议', '问题']
const UNCATEGORISED = '其他'

/** The minutes model of a session: pure reading, the same data for every document and format. */
export function buildMinutes(ctx: ReadContext, sessionId: string): Minutes {
  const view = liveView(ctx, sessionId)
  const { session, state, attendance } = view
  const settings = getSettings(ctx)
  const remarks = listRemarks(ctx, sessionId)
  const decisions = listDecisions(ctx, { sessionId })
  const names = peopleNames(ctx, attendance, [...remarks.map((remark) => remark.speakerId), ...decisions.flatMap((d) => (d.ownerId ? [d.ownerId] : []))])

  const startsAt = session.startedAt ?? session.plannedStart
  const endsAt = session.endedAt ?? session.plannedEnd

  const spoken = state.turns.filter((turn) => turn.kind !== 'study' && turn.outcome === 'spoken')
  const totalSpeakingMs = spoken.reduce((sum, turn) => sum + speakingMs(turn, null, turn.endedAt ?? view.now), 0)
  return {
    sessionId,
    title: session.title,
    theme: session.themeTitle,
    organiser: session.organiserUnit || settings.organisationName,
    startsAt,
    endsAt,
    venue: session.venue,
    host: session.hostId ? names.label(session.hostId) : null,
    contactPhone: session.hostId ? phoneOf(ctx, session.hostId) : '',
    recorder: session.recorderId ? names.label(session.recorderId) : null,
    attendance: attendanceOf(ctx, attendance, settings.categories, names),
    agenda: session.agenda.map(({ id, kind, title, lecturerId, lecturerName, topic, plannedMinutes }) => ({
      id,
      kind,
      title,
      lecturer: lecturerId ? names.label(lecturerId) : lecturerName,
      topic,
      plannedMinutes
    })),
    study: studyOf(view, names),
    speakers: speakersOf(spoken, remarks, state.turns, names, view.now),
    record: recordOf(state.turns, remarks, phaseTimeline(ctx, sessionId), session.agenda, session.endedAt, names, view.now),
    suggestions: remarks.flatMap((remark) =>
      remark.tags.filter((tag) => SUGGESTION_TAGS.includes(tag)).slice(0, 1).map((tag) => ({ speaker: names.label(remark.speakerId), tag, text: remark.text }))
    ),
    decisions: decisions.map((decision) => ({
      text: decision.text,
      owner: decision.ownerId ? names.label(decision.ownerId) : decision.ownerName,
      dueDate: decision.dueDate,
      done: decision.status === 'done'
    })),
    summary: session.summary,
    volunteers: volunteersWithHours(attendance, startsAt, endsAt, names),
    served: servedPeople(attendance).length,
    statistics: {
      speakers: new Set(spoken.map((turn) => turn.personId)).size,
      turns: spoken.length,
      totalSpeakingMs,
      averageSpeakingMs: spoken.length ? Math.round(totalSpeakingMs / spoken.length) : 0,
      applause: spoken.reduce((sum, turn) => sum + turn.applause, 0)
    }
  }
}


/** Who was there, by category, and who came unplanned, was absent (with reasons) or was never marked. */
function attendanceOf(ctx: ReadContext, attendance: AttendanceEntry[], categories: string[], names: Names): Minutes['attendance'] {
  const groups = attendanceGroups(attendance)
  return {
    ...tallyAttendance(attendance),
    groups: byCategory(ctx, groups.present, categories).map(({ category, people }) => ({
      category,
      names: people.map((entry) => names.label(entry.personId))
    })),
    walkInNames: groups.walkIns.map((entry) => names.label(entry.personId)),
    absentees: groups.absent.map((entry) => ({ name: names.label(entry.personId), reason: entry.absentReason })),
    unmarkedNames: groups.unmarked.map((entry) => names.label(entry.personId))
  }
}

/** The lectures held, with their actual times. */
function studyOf({ session, state, attendance }: LiveView, names: Names): Minutes['study'] {
  return (
    session.agenda
      // A lecture whose lecturer was absent did not take place as planned: it is not reported as held.
      .filter((segment) => segment.kind === 'study' && !attendance.some((entry) => entry.personId === segment.lecturerId && entry.absent))
      .map((segment) => {
        const phase = state.phases.find((candidate) => candidate.key === segment.id)
        return {
          lecturer: segment.lecturerId ? names.label(segment.lecturerId) : (segment.lecturerName ?? ''),
          place: segment.lecturerId ? names.place(segment.lecturerId) : '',
          topic: segment.topic,
          startedAt: phase?.startedAt ?? null,
          endedAt: phase?.endedAt ?? null
        }
      })
  )
}

/** The volunteers in role order, each with the hours the record states (corrected, else computed). */
function volunteersWithHours(attendance: AttendanceEntry[], startsAt: number, endsAt: number, names: Names): MinutesVolunteer[] {
  return volunteersOf(attendance)
    .sort((a, b) => VOLUNTEER_ROLES.indexOf(a.role as never) - VOLUNTEER_ROLES.indexOf(b.role as never))
    .map((entry): MinutesVolunteer => {
      const computedHours = serviceHours(entry.checkedInAt, startsAt, endsAt)
      return {
        personId: entry.personId,
        name: names.label(entry.personId),
        role: entry.role as MinutesVolunteer['role'],
        checkedInAt: entry.checkedInAt,
        hours: entry.serviceHours ?? computedHours,
        computedHours,
        corrected: entry.serviceHours !== null
      }
    })
}

interface Names {
  /** The person's name, with their place where a namesake is on the session. */
  label: (personId: string) => string
  /** Village and unit, unless the label already carries the place. */
  place: (personId: string) => string
}

/** Labels over everyone the session's documents may name: its list, remark speakers and decision owners. */
function peopleNames(ctx: ReadContext, attendance: AttendanceEntry[], others: string[]): Names {
  const people = new Map<string, NamedPerson>(attendance.map((entry) => [entry.personId, { ...entry, id: entry.personId }]))
  const missing = [...new Set(others)].filter((id) => !people.has(id))
  if (missing.length) {
    const rows = sql<NamedPerson, [string]>(
      ctx.db,
      'SELECT id, name, village, organisation FROM people WHERE id IN (SELECT value FROM json_each(?))'
    ).all(JSON.stringify(missing))
    for (const row of rows) people.set(row.id, row)
  }
  const labels = nameLabels(people.values())
  return {
    label: (personId) => labels.get(personId) ?? '',
    place: (personId) => {
      const person = people.get(personId)
      return person && labels.get(personId) === person.name.trim() ? fullPlaceOf(person) : ''
    }
  }
}

/** 出席 by category, in the order of the settings' categories. */
function byCategory(ctx: ReadContext, present: AttendanceEntry[], categories: string[]): { category: string; people: AttendanceEntry[] }[] {
  const groups = new Map<string, AttendanceEntry[]>()
  const categoryOf = sql<{ category: string }, [string]>(ctx.db, 'SELECT category FROM person_categories WHERE person_id = ?')
  for (const entry of present) {
    const own = categoryOf.all(entry.personId).map((c) => c.category)
    const category = categories.find((candidate) => own.includes(candidate)) ?? own[0] ?? UNCATEGORISED
    groups.set(category, [...(groups.get(category) ?? []), entry])
  }
  const order = [...categories, UNCATEGORISED]
  const rank = (category: string) => (order.includes(category) ? order.indexOf(category) : order.length)
  return [...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([category, people]) => ({ category, people }))
}

/**
 * The summary's 交流发言: each spoken turn of 圆桌时间 with its remarks. A remark with no turn (or whose
 * turn was not spoken) joins the same person's first entry, or comes last; lecture remarks are not here.
 */
function speakersOf(spoken: Turn[], remarks: Remark[], turns: Turn[], names: Names, now: number): MinutesSpeaker[] {
  const speakers = spoken.map((turn) => ({ personId: turn.personId, turnId: turn.id, ...speakerOf(turn, names, now) }))
  const lectures = new Set(turns.filter((turn) => turn.kind === 'study').map((turn) => turn.id))
  const placed = new Set(spoken.map((turn) => turn.id))
  for (const remark of remarks) {
    if (remark.turnId && lectures.has(remark.turnId)) continue
    const line = { text: remark.text, tags: remark.tags, starred: remark.starred, forMinutes: remark.forMinutes }
    const own = remark.turnId && placed.has(remark.turnId) ? speakers.find((speaker) => speaker.turnId === remark.turnId) : speakers.find((speaker) => speaker.personId === remark.speakerId)
    if (own) own.remarks.push(line)
    else
      speakers.push({
        personId: remark.speakerId,
        turnId: '',
        name: names.label(remark.speakerId),
        place: names.place(remark.speakerId),
        startedAt: null,
        speakingMs: 0,
        applause: 0,
        remarks: [line]
      })
  }
  return speakers.map(({ personId: _personId, turnId: _turnId, ...speaker }) => speaker)
}

function speakerOf(turn: Turn, names: Names, now: number): MinutesSpeaker {
  return {
    name: names.label(turn.personId),
    place: names.place(turn.personId),
    startedAt: turn.startedAt,
    speakingMs: speakingMs(turn, null, turn.endedAt ?? now),
    applause: turn.applause,
    remarks: []
  }
}

/**
 * The 会议记录's timeline (DESIGN §9): lectures and spoken turns at the time they began, with the remarks
 * written in them; a turn that was skipped, deferred or declined only when something was written in it;
 * a remark with no turn of its own as a note at the time it was written. Sorted by time, so every remark
 * appears once, under the turn or lecture it was written in.
 */
function recordOf(
  turns: Turn[],
  remarks: Remark[],
  phases: PhaseEntry[],
  agenda: { id: string; topic: string }[],
  endedAt: number | null,
  names: Names,
  now: number
): RecordEntry[] {
  const byTurn = new Map<string, Remark[]>()
  const loose: Remark[] = []
  const known = new Set(turns.map((turn) => turn.id))
  for (const remark of remarks) {
    if (remark.turnId && known.has(remark.turnId)) byTurn.set(remark.turnId, [...(byTurn.get(remark.turnId) ?? []), remark])
    else loose.push(remark)
  }
  const lines = (list: Remark[]) => [...list].sort((a, b) => a.createdAt - b.createdAt).map(({ id, text, createdAt }) => ({ id, text, at: createdAt }))
  // A deferred (暂缓) turn starts afresh when its speaker comes back; what they said before deferring
  // stands at the time it was said, marked 暂缓, not after the speakers who came in between.
  const earlier: RecordEntry[] = []
  for (const turn of turns) {
    const written = byTurn.get(turn.id) ?? []
    const before = written.filter((remark) => remark.createdAt < turn.startedAt)
    if (before.length === 0) continue
    byTurn.set(turn.id, written.filter((remark) => remark.createdAt >= turn.startedAt))
    if (byTurn.get(turn.id)!.length === 0) byTurn.delete(turn.id)
    const at = Math.min(...before.map((remark) => remark.createdAt))
    earlier.push({
      kind: 'turn',
      turnKind: turn.kind,
      outcome: 'deferred',
      speaker: names.label(turn.personId),
      place: names.place(turn.personId),
      topic: '',
      at,
      speakingMs: null,
      section: turn.segmentId ?? sectionAt(at, phases, endedAt),
      remarks: lines(before)
    })
  }
  const entries: RecordEntry[] = [
    ...earlier,
    ...turns
      .filter((turn) => turn.outcome === 'spoken' || turn.outcome === 'speaking' || byTurn.has(turn.id))
      .map(
        (turn): RecordEntry => ({
          kind: turn.kind === 'study' ? 'lecture' : 'turn',
          turnKind: turn.kind,
          outcome: turn.outcome,
          speaker: names.label(turn.personId),
          place: names.place(turn.personId),
          topic: turn.kind === 'study' ? (agenda.find((segment) => segment.id === turn.segmentId)?.topic ?? '') : '',
          at: turn.startedAt,
          speakingMs: speakingMs(turn, null, turn.endedAt ?? now),
          section: turn.segmentId ?? sectionAt(turn.startedAt, phases, endedAt),
          remarks: lines(byTurn.get(turn.id) ?? [])
        })
      ),
    ...loose.map(
      (remark): RecordEntry => ({
        kind: 'note',
        turnKind: null,
        outcome: null,
        speaker: names.label(remark.speakerId),
        place: names.place(remark.speakerId),
        topic: '',
        at: remark.createdAt,
        speakingMs: null,
        section: sectionAt(remark.createdAt, phases, endedAt),
        remarks: lines([remark])
      })
    )
  ]
  // A stable sort: turns keep their speaking order when they began in the same millisecond.
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at - b.entry.at || a.index - b.index).map(({ entry }) => entry)
}

/** Each time a part of the session was entered, in order (a part entered again counts again). */
interface PhaseEntry {
  key: string
  at: number
}

function phaseTimeline({ db }: ReadContext, sessionId: string): PhaseEntry[] {
  const rows = sql<{ payload: string; at: number }, [string]>(
    db,
    "SELECT payload, at FROM speaking_events WHERE session_id = ? AND type = 'phase' AND undone_at IS NULL ORDER BY seq"
  ).all(sessionId)
  return rows.map((row) => ({ key: (JSON.parse(row.payload) as { segmentId: string | null }).segmentId ?? 'closing', at: row.at }))
}

/** The part of the session a moment falls in: the last part entered by then; 'after' once the session has ended. */
function sectionAt(at: number, phases: PhaseEntry[], endedAt: number | null): string {
  if (endedAt !== null && at > endedAt) return 'after'
  return phases.filter((phase) => phase.at <= at).at(-1)?.key ?? 'before'
}
