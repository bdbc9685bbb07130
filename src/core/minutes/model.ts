import type { Minutes, MinutesSpeaker } from '../../shared/minutes'
import { speakingMs, type Turn } from '../../shared/speaking'
import type { CoreContext } from '../context'
import { liveView } from '../live/live'
import { readAttendance } from '../sessions/attendance'
import { listDecisions } from '../decisions/decisions'
import { listRemarks } from '../remarks/remarks'
import { getSettings } from '../settings/settings'

const SUGGESTION_TAGS = ['建议', '问题']
const UNCATEGORISED = '其他'
const ROLE_ORDER = ['lecturer', 'host', 'recorder']

/** The minutes model of a session: pure reading, the same data for every document and format. */
export function buildMinutes(ctx: CoreContext, sessionId: string): Minutes {
  const view = liveView(ctx, sessionId)
  const { session, state } = view
  const settings = getSettings(ctx)
  const attendance = readAttendance(ctx, sessionId)
  const people = new Map(attendance.map((entry) => [entry.personId, entry]))
  const placeOf = (personId: string): string => {
    const entry = people.get(personId)
    return entry ? [entry.village, entry.organisation].filter(Boolean).join(' · ') : ''
  }
  const nameOf = (personId: string): string => people.get(personId)?.name ?? ''
  const remarks = listRemarks(ctx, sessionId)
  const row = ctx.db.prepare('SELECT started_at, ended_at FROM sessions WHERE id = ?').get(sessionId) as {
    started_at: number | null
    ended_at: number | null
  }

  const present = attendance.filter((entry) => !entry.absent && (entry.checkedInAt !== null || session.status !== 'planned'))
  const categories = new Map<string, string[]>()
  const categoryOf = ctx.db.prepare('SELECT category FROM person_categories WHERE person_id = ?')
  for (const entry of present) {
    const own = (categoryOf.all(entry.personId) as { category: string }[]).map((c) => c.category)
    const category = settings.categories.find((candidate) => own.includes(candidate)) ?? own[0] ?? UNCATEGORISED
    categories.set(category, [...(categories.get(category) ?? []), entry.name])
  }
  const order = [...settings.categories, UNCATEGORISED]
  const groups = [...categories]
    .sort(([a], [b]) => (order.indexOf(a) < 0 ? 99 : order.indexOf(a)) - (order.indexOf(b) < 0 ? 99 : order.indexOf(b)))
    .map(([category, names]) => ({ category, names }))

  const spoken = state.turns.filter((turn) => turn.kind !== 'study' && turn.outcome === 'spoken')
  const byTurn = new Map<string, typeof remarks>()
  for (const remark of remarks) if (remark.turnId) byTurn.set(remark.turnId, [...(byTurn.get(remark.turnId) ?? []), remark])
  const speakers: MinutesSpeaker[] = spoken.map((turn) => speakerOf(turn, nameOf(turn.personId), placeOf(turn.personId), byTurn.get(turn.id) ?? [], view.now))
  // Remarks not tied to a spoken turn join the speaker's first entry, or come last.
  const placed = new Set(spoken.map((turn) => turn.id))
  for (const remark of remarks.filter((candidate) => !candidate.turnId || !placed.has(candidate.turnId))) {
    const studyTurn = state.turns.find((turn) => turn.id === remark.turnId && turn.kind === 'study')
    if (studyTurn) continue
    const entry = speakers.find((speaker) => speaker.name === remark.speakerName)
    const line = { text: remark.text, tags: remark.tags, starred: remark.starred }
    if (entry) entry.remarks.push(line)
    else speakers.push({ name: remark.speakerName, place: placeOf(remark.speakerId), startedAt: null, speakingMs: 0, applause: 0, remarks: [line] })
  }

  const startsAt = row.started_at ?? session.plannedStart
  const endsAt = row.ended_at ?? session.plannedEnd
  // Volunteers serve the whole session: its length, rounded up to the half hour as service records count it.
  const hours = Math.max(0.5, Math.ceil((endsAt - startsAt) / 1_800_000) / 2)
  const volunteers = attendance
    .filter((entry): entry is typeof entry & { role: 'host' | 'recorder' | 'lecturer' } => ['host', 'recorder', 'lecturer'].includes(entry.role) && !entry.absent)
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
    .map((entry) => ({ name: entry.name, role: entry.role, hours }))
  const totalSpeakingMs = spoken.reduce((sum, turn) => sum + speakingMs(turn, null, turn.endedAt ?? view.now), 0)
  return {
    sessionId,
    title: session.title,
    theme: session.themeTitle,
    organiser: session.organiserUnit || settings.organisationName,
    startsAt,
    endsAt,
    venue: session.venue,
    host: session.hostName,
    recorder: session.recorderName,
    attendance: {
      expected: attendance.filter((entry) => entry.invited).length,
      present: present.length,
      absent: attendance.filter((entry) => entry.absent).length,
      groups,
      absentees: attendance.filter((entry) => entry.absent).map((entry) => ({ name: entry.name, reason: entry.absentReason }))
    },
    agenda: session.agenda.map(({ kind, title, lecturerName, topic, plannedMinutes }) => ({ kind, title, lecturer: lecturerName, topic, plannedMinutes })),
    study: session.agenda
      .filter((segment) => segment.kind === 'study')
      .map((segment) => {
        const phase = state.phases.find((candidate) => candidate.key === segment.id)
        return {
          lecturer: segment.lecturerName ?? '',
          place: segment.lecturerId ? placeOf(segment.lecturerId) : '',
          topic: segment.topic,
          startedAt: phase?.startedAt ?? null,
          endedAt: phase?.endedAt ?? null
        }
      }),
    speakers,
    suggestions: remarks.flatMap((remark) =>
      remark.tags.filter((tag) => SUGGESTION_TAGS.includes(tag)).slice(0, 1).map((tag) => ({ speaker: remark.speakerName, tag, text: remark.text }))
    ),
    decisions: listDecisions(ctx, { sessionId }).map((decision) => ({
      text: decision.text,
      owner: decision.ownerName,
      dueDate: decision.dueDate,
      done: decision.status === 'done'
    })),
    summary: session.summary,
    volunteers,
    statistics: {
      speakers: new Set(spoken.map((turn) => turn.personId)).size,
      turns: spoken.length,
      totalSpeakingMs,
      averageSpeakingMs: spoken.length ? Math.round(totalSpeakingMs / spoken.length) : 0,
      applause: spoken.reduce((sum, turn) => sum + turn.applause, 0)
    }
  }
}

function speakerOf(turn: Turn, name: string, place: string, remarks: { text: string; tags: string[]; starred: boolean }[], now: number): MinutesSpeaker {
  return {
    name,
    place,
    startedAt: turn.startedAt,
    speakingMs: speakingMs(turn, null, turn.endedAt ?? now),
    applause: turn.applause,
    remarks: remarks.map(({ text, tags, starred }) => ({ text, tags, starred }))
  }
}
