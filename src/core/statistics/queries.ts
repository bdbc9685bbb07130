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

export interface ParticipationRow {
  id: string
  invited: number
  present: number
  presentInvited: number
  absent: number
  walkIns: number
  turnsSpoken: number
  remarks: number
}

/** A person id `column` of one of the chosen places (their village or unit is one of them). */
const CHOSEN = (column: string) => `(@places IS NULL OR +${column} IN (SELECT p.id FROM people p WHERE ${OF_CHOSEN_PLACES}))`

/** A ParticipationRow as the statement hands it over: its fields in that order. */
type ParticipationTuple = [string, number, number, number, number, number, number, number]

/**
 * Per person of the chosen places: their attendance, spoken turns and remarks over the held sessions in scope,
 * in person id order. Each is counted from its own table and the three put side by side (whoever spoke or was
 * written down counts, on the list or not); remarks come from remark_counts (migration 12: kept by triggers,
 * a row per session and speaker), not counted one by one.
 *
 * SQLite hands the rows over as one JSON text: on a ten-year archive (3,000 people) building that many row
 * objects cost more than the counting itself, and JSON.parse builds arrays far faster.
 */
export function participationByPerson(ctx: ReadContext, scope: ScopeParams): ParticipationRow[] {
  const json = sql<{ rows: string }, ScopeParams>(
    ctx.db,
    `${WITH_SCOPE},
     -- Each part summed per person first: three sorts of a few thousand rows each, rather than one of them all.
     parts (id, invited, present, present_invited, absent, walk_in, turns, remarks) AS (
       SELECT a.person_id, sum(a.invited), sum(${IS_PRESENT}), sum(a.invited = 1 AND ${IS_PRESENT}), sum(a.invited = 1 AND a.absent = 1),
              sum(a.invited = 0 AND ${IS_PRESENT}), 0, 0
       FROM attendance a WHERE a.session_id IN (SELECT id FROM held) AND ${CHOSEN('a.person_id')} GROUP BY a.person_id
       UNION ALL
       SELECT t.person_id, 0, 0, 0, 0, 0, count(*), 0
       FROM turns t WHERE ${IS_SPOKEN_TURN} AND t.session_id IN (SELECT id FROM held) AND ${CHOSEN('t.person_id')} GROUP BY t.person_id
       UNION ALL
       SELECT c.speaker_id, 0, 0, 0, 0, 0, 0, sum(c.remarks)
       FROM remark_counts c WHERE c.session_id IN (SELECT id FROM held) AND ${CHOSEN('c.speaker_id')} GROUP BY c.speaker_id
     ),
     per_person AS (
       SELECT id, sum(invited) AS invited, sum(present) AS present, sum(present_invited) AS present_invited, sum(absent) AS absent,
              sum(walk_in) AS walk_ins, sum(turns) AS turns, sum(remarks) AS remarks
       FROM parts GROUP BY id ORDER BY id
     )
     SELECT json_group_array(json_array(id, invited, present, present_invited, absent, walk_ins, turns, remarks)) AS rows FROM per_person`
  ).get(scope)!
  return (JSON.parse(json.rows) as ParticipationTuple[]).map(
    ([id, invited, present, presentInvited, absent, walkIns, turnsSpoken, remarks]): ParticipationRow => ({
      id,
      invited,
      present,
      presentInvited,
      absent,
      walkIns,
      turnsSpoken,
      remarks
    })
  )
}

export interface SilentRow {
  id: string
  streak: number
  lastSessionId: string
  lastDayAt: number
}

export interface NotSeenRow {
  id: string
  missed: number
  lastSeenSessionId: string | null
  lastSeenDayAt: number | null
}

/** A person's two runs (see `followUps`), with the sessions that end them. */
interface RunsRow {
  id: string
  silent: number
  silentSessionId: string | null
  silentDayAt: number | null
  missed: number
  missedDayAt: number | null
  lastSeenSessionId: string | null
  lastSeenDayAt: number | null
}

/**
 * The two follow-up lists, per person (not archived) of the chosen places, counted over their list entries:
 * every invitation to a held session in scope up to the period's end (`history` reaches back before the
 * period, as a person's last N sessions may), and every such session they were present at.
 * - 参加但未发言 (`silent`): how many of their most recent held sessions in a row they were present at, as a
 *   participant or guest, without a spoken turn or a remark; those with at least `silentN`, whose most recent
 *   such session lies in the period (from `since`);
 * - 久未参加 (`notSeen`): how many of their most recent invitations to held sessions in a row they were not
 *   present at (a walk-in in between shows they came, and ends the run); those with at least `absentN` whose
 *   most recent missed invitation lies in the period, with when they were last present.
 *
 * Each run is the entries after the last one where they spoke (were present), in the sessions' order (by
 * day, then id). SQLite counts the runs itself and hands over only the people on a list: on a ten-year
 * archive that is a few dozen rows instead of every entry (12,000), which took longer to hand over than to
 * count. In person id order.
 */
export function followUps(
  ctx: ReadContext,
  history: ScopeParams,
  since: number,
  silentN: number,
  absentN: number
): { silent: SilentRow[]; notSeen: NotSeenRow[] } {
  const rows = sql<RunsRow, ScopeParams & { volunteerRoles: string; periodStart: number; silentN: number; absentN: number }>(
    ctx.db,
    `${WITH_SCOPE},
     ordered AS MATERIALIZED (SELECT id, day_at, row_number() OVER (ORDER BY day_at, id) AS seq FROM held),
     -- An entry: a session on their list, or one they came to. spoke only for a visit as a participant or
     -- guest (a volunteer is there to serve): 1 with a spoken turn or a remark there, else 0.
     entries AS MATERIALIZED (
       SELECT a.person_id AS person, h.seq, ${IS_PRESENT} AS present,
              CASE WHEN NOT (${IS_PRESENT} AND ${NOT_VOLUNTEER}) THEN NULL
                   WHEN EXISTS (SELECT 1 FROM turns t WHERE t.session_id = a.session_id AND t.person_id = a.person_id AND ${IS_SPOKEN_TURN}) THEN 1
                   ELSE EXISTS (SELECT 1 FROM remark_counts c WHERE c.session_id = a.session_id AND c.speaker_id = a.person_id)
              END AS spoke
       -- Session by session (CROSS JOIN keeps that order), the people's filter checked on each row (the unary +
       -- keeps SQLite from looking attendance up person by person instead, a row at a time).
       FROM ordered h CROSS JOIN attendance a ON a.session_id = h.id
       WHERE (a.invited = 1 OR ${IS_PRESENT})
         AND +a.person_id IN (SELECT p.id FROM people p WHERE p.archived_at IS NULL AND ${OF_CHOSEN_PLACES})
     ),
     -- Where each person's runs begin: after the last session they spoke at, after the last they came to (0: none).
     marked AS (
       SELECT person, seq, spoke,
              coalesce(max(CASE WHEN spoke = 1 THEN seq END) OVER byPerson, 0) AS last_spoke,
              coalesce(max(CASE WHEN present = 1 THEN seq END) OVER byPerson, 0) AS last_seen
       FROM entries WINDOW byPerson AS (PARTITION BY person)
     ),
     runs AS (
       SELECT person, last_seen,
              sum(spoke IS NOT NULL AND seq > last_spoke) AS silent,
              max(CASE WHEN spoke IS NOT NULL AND seq > last_spoke THEN seq END) AS silent_last,
              sum(seq > last_seen) AS missed,
              max(CASE WHEN seq > last_seen THEN seq END) AS missed_last
       FROM marked GROUP BY person
     )
     SELECT r.person AS id, r.silent, sl.id AS silentSessionId, sl.day_at AS silentDayAt,
            r.missed, ml.day_at AS missedDayAt, ls.id AS lastSeenSessionId, ls.day_at AS lastSeenDayAt
     FROM runs r
     LEFT JOIN ordered sl ON sl.seq = r.silent_last
     LEFT JOIN ordered ml ON ml.seq = r.missed_last
     LEFT JOIN ordered ls ON ls.seq = r.last_seen
     WHERE (r.silent >= @silentN AND sl.day_at >= @periodStart) OR (r.missed >= @absentN AND ml.day_at >= @periodStart)
     ORDER BY r.person`
  ).all({ ...history, volunteerRoles: VOLUNTEER_ROLES_JSON, periodStart: since, silentN, absentN })
  const silent: SilentRow[] = []
  const notSeen: NotSeenRow[] = []
  for (const row of rows) {
    if (row.silent >= silentN && row.silentDayAt !== null && row.silentDayAt >= since) {
      silent.push({ id: row.id, streak: row.silent, lastSessionId: row.silentSessionId!, lastDayAt: row.silentDayAt })
    }
    if (row.missed >= absentN && row.missedDayAt !== null && row.missedDayAt >= since) {
      notSeen.push({ id: row.id, missed: row.missed, lastSeenSessionId: row.lastSeenSessionId, lastSeenDayAt: row.lastSeenDayAt })
    }
  }
  return { silent, notSeen }
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
