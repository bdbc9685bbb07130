import { fullPlaceOf, labelsByPersonId } from '../../shared/people'
import { isVolunteerRole, type VolunteerRole } from '../../shared/roles'
import type { Minutes } from '../../shared/minutes'
import type { ReadContext } from '../context'
import { getSettings } from '../settings/settings'
import { getSession } from '../sessions/sessions'
import { sql } from '../store/sql'
import { phoneOf } from '../people/people'

/**
 * What the documents printed before a session (签到表, 会议通知) say: the plan alone — never what happened,
 * so they read the same for a session planned a minute ago, one under way, and one long over.
 */
export interface BeforeSession {
  title: string
  theme: string | null
  /** The planned times: what the notice announced and the sheet was printed for. */
  startsAt: number
  endsAt: number
  venue: string
  /** 落款: the session's organiser, else the organisation of the settings. */
  organiser: string
  /** The host: whom to ask for leave, and the notice's 联系人. */
  host: { name: string; phone: string } | null
  speakerLimitSeconds: number | null
  /** Everyone invited, in seat order, then the unseated by pinyin (the order of the session's list). */
  invitees: BeforeSessionInvitee[]
  /** The settings' categories, in their order: how the notice groups its participants. */
  categories: string[]
  agenda: Minutes['agenda']
}

export interface BeforeSessionInvitee {
  /** A label from nameLabels: namesakes on the session are told apart, as in every other document. */
  name: string
  /** Village and unit, for the 单位（村） column. */
  place: string
  /** 身份: the role the session gives them (主持人, 记录人, 宣讲志愿者)… */
  role: VolunteerRole | null
  /** …else their first category in the settings' order ('' when they have none). */
  category: string
}

/** Reads a session's plan for the documents printed before it. */
export function readBeforeSession(ctx: ReadContext, sessionId: string): BeforeSession {
  const session = getSession(ctx, sessionId)
  const settings = getSettings(ctx)
  // Labels over everyone on the session's list, as the session page and the minutes make them.
  const labels = labelsByPersonId(session.attendance)
  const label = (personId: string | null, fallback: string | null): string => (personId && labels.get(personId)) || fallback || ''
  const categories = categoriesOf(ctx, session.invitees.map((invitee) => invitee.personId))
  const firstCategory = (personId: string): string => {
    const own = categories.get(personId) ?? []
    return settings.categories.find((category) => own.includes(category)) ?? own[0] ?? ''
  }
  return {
    title: session.title,
    theme: session.themeTitle,
    startsAt: session.plannedStart,
    endsAt: session.plannedEnd,
    venue: session.venue,
    organiser: session.organiserUnit || settings.organisationName,
    host: session.hostId ? { name: label(session.hostId, session.hostName), phone: phoneOf(ctx, session.hostId) } : null,
    speakerLimitSeconds: session.speakerLimitSeconds,
    invitees: session.invitees.map((invitee) => ({
      name: label(invitee.personId, invitee.name),
      place: fullPlaceOf(invitee),
      role: isVolunteerRole(invitee.role) ? invitee.role : null,
      category: firstCategory(invitee.personId)
    })),
    categories: settings.categories,
    agenda: session.agenda.map(({ id, kind, title, lecturerId, lecturerName, topic, plannedMinutes }) => ({
      id,
      kind,
      title,
      lecturer: lecturerId ? label(lecturerId, lecturerName) : lecturerName,
      topic,
      plannedMinutes
    }))
  }
}

/** Each person's categories (in the order the minutes read them: the table's key). */
function categoriesOf(ctx: ReadContext, personIds: string[]): Map<string, string[]> {
  const rows = sql<{ person_id: string; category: string }, [string]>(
    ctx.db,
    'SELECT person_id, category FROM person_categories WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY person_id, category'
  ).all(JSON.stringify(personIds))
  const categories = new Map<string, string[]>()
  for (const row of rows) categories.set(row.person_id, [...(categories.get(row.person_id) ?? []), row.category])
  return categories
}

