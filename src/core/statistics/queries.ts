import { VOLUNTEER_ROLES } from '../../shared/roles'
import type { ReadContext } from '../context'
import { sql } from '../store/sql'
import { IS_PRESENT, IS_SPOKEN_TURN, OF_CHOSEN_PLACES, WITH_SCOPE, type ScopeParams } from './scope'

/**
 * The statistics' SQL: each function answers one part of the page with rows aggregated by SQLite, so a
 * ten-year archive (hundreds of thousands of remarks) is counted where it lies, never loaded.
 */

/** A person as the labels of src/shared/people.ts need them. */
export interface PersonRow {
  id: string
  name: string
  village: string
  organisation: string
}

const CHINA_OFFSET_SECONDS = 8 * 3600
const VOLUNTEER_ROLES_JSON = JSON.stringify(VOLUNTEER_ROLES)
const NOT_VOLUNTEER = '(a.role NOT IN (SELECT value FROM json_each(@volunteerRoles)))'
const AS_VOLUNTEER = '(a.role IN (SELECT value FROM json_each(@volunteerRoles)))'

/**
 * A person's sessions in order, most recent last, without a window function (which costs more than the rest
 * of 参加但未发言 on a ten-year archive): the session's day (ms since 1970), zero-padded so that text order is time order, then
 * its id for sessions on the same day. The largest key of a set is its most recent session.
 */
const RECENCY_KEY = "printf('%016d', h.day_at) || a.session_id"
const SESSION_OF_KEY = (key: string) => `substr(${key}, 17)`
const DAY_OF_KEY = (key: string) => `CAST(substr(${key}, 1, 16) AS INTEGER)`

export interface MonthRow {
  month: string
  held: number
  live: number
  cancelled: number
  planned: number
}

/** Sessions in scope by China month ('YYYY-MM'), only the months that have some. */
export function sessionsByMonth(ctx: ReadContext, scope: ScopeParams): MonthRow[] {
  return sql<MonthRow, ScopeParams & { offset: number }>(
    ctx.db,
    `${WITH_SCOPE}
     SELECT strftime('%Y-%m', day_at / 1000 + @offset, 'unixepoch') AS month,
            sum(status = 'ended') AS held, sum(status = 'live') AS live, sum(status = 'cancelled') AS cancelled, sum(status = 'planned') AS planned
     FROM scope GROUP BY month ORDER BY month`
  ).all({ ...scope, offset: CHINA_OFFSET_SECONDS })
}

export interface ThemeRow {
  themeId: string
  name: string
  sessions: number
}

/** The themes of the held sessions in scope, with their number of sessions. */
export function themesHeld(ctx: ReadContext, scope: ScopeParams): ThemeRow[] {
  return sql<ThemeRow, ScopeParams>(
    ctx.db,
    `${WITH_SCOPE}
     SELECT t.id AS themeId, t.title AS name, count(*) AS sessions
     FROM held h JOIN sessions s ON s.id = h.id JOIN themes t ON t.id = s.theme_id
     GROUP BY t.id`
  ).all(scope)
}

export interface ParticipationRow extends PersonRow {
  invited: number
  present: number
  presentInvited: number
  absent: number
  walkIns: number
  turnsSpoken: number
  remarks: number
}

/**
 * Per person of the chosen places: their attendance, spoken turns and remarks over the held sessions in scope.
 * Each part is counted on its own and the counts put side by side (whoever spoke or was written down counts,
 * on the list or not).
 */
export function participationByPerson(ctx: ReadContext, scope: ScopeParams): ParticipationRow[] {
  return sql<ParticipationRow, ScopeParams>(
    ctx.db,
    `${WITH_SCOPE},
     -- Remarks by session and speaker first: the index (session_id, deleted_at, speaker_id) hands them over in that
     -- order, so they are counted as they stream by, and only these few rows are sorted by speaker.
     said AS (
       SELECT r.speaker_id, count(*) AS n FROM remarks r WHERE r.deleted_at IS NULL AND r.session_id IN (SELECT id FROM held)
       GROUP BY r.session_id, r.speaker_id
     ),
     counts AS (
       SELECT a.person_id, sum(a.invited) AS invited, sum(${IS_PRESENT}) AS present, sum(a.invited = 1 AND ${IS_PRESENT}) AS present_invited,
              sum(a.invited = 1 AND a.absent = 1) AS absent, sum(a.invited = 0 AND ${IS_PRESENT}) AS walk_ins, 0 AS turns, 0 AS remarks
       FROM attendance a WHERE a.session_id IN (SELECT id FROM held) GROUP BY a.person_id
       UNION ALL
       SELECT t.person_id, 0, 0, 0, 0, 0, count(*), 0
       FROM turns t WHERE ${IS_SPOKEN_TURN} AND t.session_id IN (SELECT id FROM held) GROUP BY t.person_id
       UNION ALL
       SELECT speaker_id, 0, 0, 0, 0, 0, 0, sum(n) FROM said GROUP BY speaker_id
     )
     SELECT p.id, p.name, p.village, p.organisation, sum(c.invited) AS invited, sum(c.present) AS present,
            sum(c.present_invited) AS presentInvited, sum(c.absent) AS absent, sum(c.walk_ins) AS walkIns,
            sum(c.turns) AS turnsSpoken, sum(c.remarks) AS remarks
     FROM counts c JOIN people p ON p.id = c.person_id
     WHERE ${OF_CHOSEN_PLACES}
     GROUP BY p.id`
  ).all(scope)
}

export interface SilentRow extends PersonRow {
  streak: number
  lastSessionId: string
  lastDayAt: number
}

/**
 * 参加但未发言: per person (not archived) of the chosen places, how many of their most recent held sessions in
 * a row they were present at, as a participant or guest, without a spoken turn or a remark; those with at
 * least `n`, whose most recent such session lies in the period (`since` on; `history` reaches back before it).
 */
export function silentStreaks(ctx: ReadContext, history: ScopeParams, since: number, n: number): SilentRow[] {
  return sql<SilentRow, ScopeParams & { from: number; n: number; volunteerRoles: string }>(
    ctx.db,
    `${WITH_SCOPE},
     spoken AS (SELECT DISTINCT t.session_id, t.person_id FROM turns t WHERE ${IS_SPOKEN_TURN} AND t.session_id IN (SELECT id FROM held)),
     visits AS MATERIALIZED (
       SELECT a.person_id, h.day_at, ${RECENCY_KEY} AS at,
              CASE WHEN sp.session_id IS NOT NULL THEN 1 ELSE EXISTS (
                SELECT 1 FROM remarks r WHERE r.session_id = a.session_id AND r.deleted_at IS NULL AND r.speaker_id = a.person_id) END AS spoke
       FROM attendance a JOIN held h ON h.id = a.session_id
       LEFT JOIN spoken sp ON sp.session_id = a.session_id AND sp.person_id = a.person_id
       WHERE ${IS_PRESENT} AND ${NOT_VOLUNTEER}
     ),
     last_spoke AS (SELECT person_id, max(at) AS at FROM visits WHERE spoke GROUP BY person_id),
     -- The run: their visits after the last one where they spoke.
     streaks AS (
       SELECT v.person_id, count(*) AS streak, ${SESSION_OF_KEY('max(v.at)')} AS last_session_id, max(v.day_at) AS last_day_at
       FROM visits v LEFT JOIN last_spoke ls ON ls.person_id = v.person_id
       WHERE ls.at IS NULL OR v.at > ls.at
       GROUP BY v.person_id
     )
     SELECT p.id, p.name, p.village, p.organisation, st.streak, st.last_session_id AS lastSessionId, st.last_day_at AS lastDayAt
     FROM streaks st JOIN people p ON p.id = st.person_id
     WHERE st.streak >= @n AND st.last_day_at >= @from AND p.archived_at IS NULL AND ${OF_CHOSEN_PLACES}`
  ).all({ ...history, from: since, n, volunteerRoles: VOLUNTEER_ROLES_JSON })
}

export interface NotSeenRow extends PersonRow {
  missed: number
  lastSeenSessionId: string | null
  lastSeenDayAt: number | null
}

/**
 * 久未参加: per person (not archived) of the chosen places, how many of their most recent invitations to held
 * sessions in a row they were not present at (a walk-in in between shows they came, and ends the run); those
 * with at least `n` whose most recent missed invitation lies in the period, with when they were last present.
 */
export function notSeenStreaks(ctx: ReadContext, history: ScopeParams, since: number, n: number): NotSeenRow[] {
  return sql<NotSeenRow, ScopeParams & { from: number; n: number }>(
    ctx.db,
    `${WITH_SCOPE},
     entries AS MATERIALIZED (
       SELECT a.person_id, h.day_at, ${RECENCY_KEY} AS at, ${IS_PRESENT} AS present
       FROM attendance a JOIN held h ON h.id = a.session_id
       WHERE a.invited = 1 OR ${IS_PRESENT}
     ),
     last_seen AS (SELECT person_id, max(at) AS at FROM entries WHERE present GROUP BY person_id),
     -- The run: their entries after the last one they were present at (the same for each row of a person).
     streaks AS (
       SELECT e.person_id, count(*) AS missed, max(e.day_at) AS last_day_at, ls.at AS seen_at
       FROM entries e LEFT JOIN last_seen ls ON ls.person_id = e.person_id
       WHERE ls.at IS NULL OR e.at > ls.at
       GROUP BY e.person_id
     )
     SELECT p.id, p.name, p.village, p.organisation, st.missed, ${SESSION_OF_KEY('st.seen_at')} AS lastSeenSessionId,
            ${DAY_OF_KEY('st.seen_at')} AS lastSeenDayAt
     FROM streaks st JOIN people p ON p.id = st.person_id
     WHERE st.missed >= @n AND st.last_day_at >= @from AND p.archived_at IS NULL AND ${OF_CHOSEN_PLACES}`
  ).all({ ...history, from: since, n })
}

export interface DecisionRow {
  ownerId: string | null
  typedOwner: string
  open: number
  done: number
  overdue: number
}

/** The decisions of the sessions in scope by owner (a directory person, else the name as typed). */
export function decisionsByOwner(ctx: ReadContext, scope: ScopeParams, today: string): DecisionRow[] {
  return sql<DecisionRow, ScopeParams & { today: string }>(
    ctx.db,
    `${WITH_SCOPE}
     SELECT d.owner_id AS ownerId, CASE WHEN d.owner_id IS NULL THEN trim(d.owner_name) ELSE '' END AS typedOwner,
            sum(d.status = 'open') AS open, sum(d.status = 'done') AS done,
            sum(d.status = 'open' AND d.due_date IS NOT NULL AND d.due_date < @today) AS overdue
     FROM decisions d JOIN scope s ON s.id = d.session_id
     GROUP BY ownerId, typedOwner`
  ).all({ ...scope, today })
}

export interface ServiceRow {
  personId: string
  checkedInAt: number | null
  serviceHours: number | null
  startsAt: number
  endsAt: number
}

/**
 * The volunteers' attendance rows of the held sessions in scope (one per volunteer and session: a few per
 * session), with the session's times, for the record's hours rule in src/shared/attendance.ts.
 */
export function volunteerService(ctx: ReadContext, scope: ScopeParams): ServiceRow[] {
  return sql<ServiceRow, ScopeParams & { volunteerRoles: string }>(
    ctx.db,
    `${WITH_SCOPE}
     SELECT a.person_id AS personId, a.checked_in_at AS checkedInAt, a.service_hours AS serviceHours,
            coalesce(s.started_at, s.planned_start) AS startsAt, coalesce(s.ended_at, s.planned_end) AS endsAt
     FROM attendance a JOIN held h ON h.id = a.session_id JOIN sessions s ON s.id = a.session_id JOIN people p ON p.id = a.person_id
     WHERE ${IS_PRESENT} AND ${AS_VOLUNTEER} AND ${OF_CHOSEN_PLACES}`
  ).all({ ...scope, volunteerRoles: VOLUNTEER_ROLES_JSON })
}

/** Everyone named, with every namesake in the directory: a label carries the place wherever one could be meant. */
export function peopleWithNamesakes(ctx: ReadContext, ids: readonly string[]): PersonRow[] {
  return sql<PersonRow, [string]>(
    ctx.db,
    `SELECT id, name, village, organisation FROM people
     WHERE trim(name) IN (SELECT trim(name) FROM people WHERE id IN (SELECT value FROM json_each(?)))
     ORDER BY id`
  ).all(JSON.stringify(ids))
}

/** Every village and unit of the directory, for the filter to choose from. */
export function allPlaces(ctx: ReadContext): string[] {
  return sql<{ place: string }>(
    ctx.db,
    `SELECT village AS place FROM people WHERE village <> '' UNION SELECT organisation FROM people WHERE organisation <> ''`
  )
    .all()
    .map((row) => row.place)
}
