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

/** One part of a person's participation (`participationByPerson`): 1 their attendance, 2 their spoken turns, 3 their remarks. */
interface PartRow {
  part: 1 | 2 | 3
  id: string
  a: number
  b: number
  c: number
  d: number
  e: number
}

/** A person id `column` of one of the chosen places (their village or unit is one of them). */
const CHOSEN = (column: string) => `(@places IS NULL OR +${column} IN (SELECT p.id FROM people p WHERE ${OF_CHOSEN_PLACES}))`

/**
 * Per person of the chosen places: their attendance, spoken turns and remarks over the held sessions in scope.
 * Each part is counted on its own and the counts put side by side (whoever spoke or was written down counts,
 * on the list or not). One statement hands over the three parts, each already summed per person, and they are
 * added up here, rather than by a further GROUP BY over all three joined to people; in person id order.
 */
export function participationByPerson(ctx: ReadContext, scope: ScopeParams): ParticipationRow[] {
  const parts = sql<PartRow, ScopeParams>(
    ctx.db,
    `${WITH_SCOPE},
     -- Remarks by session and speaker first: the index (session_id, deleted_at, speaker_id) hands them over in that
     -- order, so they are counted as they stream by, and only these few rows are sorted by speaker.
     said AS (
       SELECT r.speaker_id, count(*) AS n FROM remarks r WHERE r.deleted_at IS NULL AND r.session_id IN (SELECT id FROM held)
       GROUP BY r.session_id, r.speaker_id
     )
     SELECT 1 AS part, a.person_id AS id, sum(a.invited) AS a, sum(${IS_PRESENT}) AS b, sum(a.invited = 1 AND ${IS_PRESENT}) AS c,
            sum(a.invited = 1 AND a.absent = 1) AS d, sum(a.invited = 0 AND ${IS_PRESENT}) AS e
     FROM attendance a WHERE a.session_id IN (SELECT id FROM held) AND ${CHOSEN('a.person_id')} GROUP BY a.person_id
     UNION ALL
     SELECT 2, t.person_id, count(*), 0, 0, 0, 0
     FROM turns t WHERE ${IS_SPOKEN_TURN} AND t.session_id IN (SELECT id FROM held) AND ${CHOSEN('t.person_id')} GROUP BY t.person_id
     UNION ALL
     SELECT 3, speaker_id, sum(n), 0, 0, 0, 0 FROM said WHERE ${CHOSEN('speaker_id')} GROUP BY speaker_id`
  ).all(scope)
  const byPerson = new Map<string, ParticipationRow>()
  for (const { part, id, a, b, c, d, e } of parts) {
    let row = byPerson.get(id)
    if (!row) {
      row = { id, invited: 0, present: 0, presentInvited: 0, absent: 0, walkIns: 0, turnsSpoken: 0, remarks: 0 }
      byPerson.set(id, row)
    }
    if (part === 1) {
      row.invited += a
      row.present += b
      row.presentInvited += c
      row.absent += d
      row.walkIns += e
    } else if (part === 2) row.turnsSpoken += a
    else row.remarks += a
  }
  return [...byPerson.keys()].sort(byId).map((id) => byPerson.get(id)!)
}

/** Ids in text order (as SQLite's GROUP BY hands them over). */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

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

/**
 * A row of `listEntries`: a held session in scope up to the period's end (`personId` null: its id, day and
 * place in time), or one place on its list (the session by its place in time only: thousands of rows).
 */
interface ListRow {
  /** Null for a session's own row. */
  personId: string | null
  /** The session's place among the held sessions, by day then id (what orders a person's sessions). */
  seq: number
  /** The session's id (a session's row), else null. */
  sessionId: string | null
  /** The session's day (a session's row); for a place on the list: present (1) or not (0). */
  value: number
  /** For a visit (present, as a participant or guest): 1 when they spoke (a spoken turn or a remark), else 0; null otherwise. */
  spoke: number | null
}

/**
 * What both follow-up lists are counted from, read once: the held sessions in scope up to the period's end,
 * and per person (not archived) of the chosen places every invitation to one of them and every one they were
 * present at, with whether they spoke there when it was a visit (see `followUps`).
 */
function listEntries(ctx: ReadContext, history: ScopeParams): ListRow[] {
  return sql<ListRow, ScopeParams & { volunteerRoles: string }>(
    ctx.db,
    `${WITH_SCOPE},
     ordered AS MATERIALIZED (SELECT id, day_at, row_number() OVER (ORDER BY day_at, id) AS seq FROM held),
     spoken AS (SELECT DISTINCT t.session_id, t.person_id FROM turns t WHERE ${IS_SPOKEN_TURN} AND t.session_id IN (SELECT id FROM held))
     SELECT NULL AS personId, seq, id AS sessionId, day_at AS value, NULL AS spoke FROM ordered
     UNION ALL
     SELECT a.person_id, h.seq, NULL, ${IS_PRESENT},
            CASE WHEN NOT (${IS_PRESENT} AND ${NOT_VOLUNTEER}) THEN NULL
                 WHEN sp.session_id IS NOT NULL THEN 1
                 ELSE EXISTS (SELECT 1 FROM remarks r WHERE r.session_id = a.session_id AND r.deleted_at IS NULL AND r.speaker_id = a.person_id)
            END
     -- Session by session (CROSS JOIN keeps that order), the people's filter checked on each row (the unary +
     -- keeps SQLite from looking attendance up person by person instead, a row at a time).
     FROM ordered h CROSS JOIN attendance a ON a.session_id = h.id
     LEFT JOIN spoken sp ON sp.session_id = a.session_id AND sp.person_id = a.person_id
     WHERE (a.invited = 1 OR ${IS_PRESENT})
       AND +a.person_id IN (SELECT p.id FROM people p WHERE p.archived_at IS NULL AND ${OF_CHOSEN_PLACES})`
  ).all({ ...history, volunteerRoles: VOLUNTEER_ROLES_JSON })
}

/**
 * The two follow-up lists, per person (not archived) of the chosen places, from one reading of their list
 * entries (`history` reaches back before the period; `since` is the period's start):
 * - 参加但未发言 (`silent`): how many of their most recent held sessions in a row they were present at, as a
 *   participant or guest, without a spoken turn or a remark; those with at least `silentN`, whose most recent
 *   such session lies in the period;
 * - 久未参加 (`notSeen`): how many of their most recent invitations to held sessions in a row they were not
 *   present at (a walk-in in between shows they came, and ends the run); those with at least `absentN` whose
 *   most recent missed invitation lies in the period, with when they were last present.
 * Each run is the entries after the last one where they spoke (were present); in person id order.
 */
export function followUps(
  ctx: ReadContext,
  history: ScopeParams,
  since: number,
  silentN: number,
  absentN: number
): { silent: SilentRow[]; notSeen: NotSeenRow[] } {
  interface Runs {
    /** The seq of the last session where they spoke, of the last they were present at (0: none; seq starts at 1). */
    lastSpoke: number
    lastSeen: number
    silent: number
    silentLast: number
    missed: number
    missedLast: number
  }
  const rows = listEntries(ctx, history)
  const sessions: { id: string; dayAt: number }[] = []
  const byPerson = new Map<string, Runs>()
  for (const row of rows) {
    if (row.personId === null) {
      sessions[row.seq] = { id: row.sessionId!, dayAt: row.value }
      continue
    }
    let runs = byPerson.get(row.personId)
    if (!runs) {
      runs = { lastSpoke: 0, lastSeen: 0, silent: 0, silentLast: 0, missed: 0, missedLast: 0 }
      byPerson.set(row.personId, runs)
    }
    if (row.spoke === 1 && row.seq > runs.lastSpoke) runs.lastSpoke = row.seq
    if (row.value === 1 && row.seq > runs.lastSeen) runs.lastSeen = row.seq
  }
  for (const row of rows) {
    if (row.personId === null) continue
    const runs = byPerson.get(row.personId)!
    if (row.spoke !== null && row.seq > runs.lastSpoke) {
      runs.silent += 1
      if (row.seq > runs.silentLast) runs.silentLast = row.seq
    }
    if (row.seq > runs.lastSeen) {
      runs.missed += 1
      if (row.seq > runs.missedLast) runs.missedLast = row.seq
    }
  }
  const silent: SilentRow[] = []
  const notSeen: NotSeenRow[] = []
  for (const id of [...byPerson.keys()].sort(byId)) {
    const runs = byPerson.get(id)!
    // The most recent session of a run is its latest day too (sessions are in order of day first).
    const silentLast = sessions[runs.silentLast]
    if (runs.silent >= silentN && silentLast && silentLast.dayAt >= since) {
      silent.push({ id, streak: runs.silent, lastSessionId: silentLast.id, lastDayAt: silentLast.dayAt })
    }
    const missedLast = sessions[runs.missedLast]
    if (runs.missed >= absentN && missedLast && missedLast.dayAt >= since) {
      const seen = sessions[runs.lastSeen]
      notSeen.push({ id, missed: runs.missed, lastSeenSessionId: seen?.id ?? null, lastSeenDayAt: seen?.dayAt ?? null })
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
