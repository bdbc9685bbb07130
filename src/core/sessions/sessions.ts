import type { ParsedInputOf } from '../../shared/contract'
import type { AgendaSegment, AttendanceRole, SeatLayout, SessionDetail, SessionStatus, SessionSummary } from '../../shared/domain'
import { applyRoles, lecturersOf } from '../../shared/roles'
import type { FieldIssue } from '../../shared/result'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure, notFound } from '../errors'
import { missingPeople } from '../people/people'
import { uuidv7 } from '../store/ids'
import { sql } from '../store/sql'
import { readAttendance } from './attendance'
import { likePattern } from '../store/like'
import { chinaTimeOfDay, DAY_MS, startOfChinaDay } from '../../shared/china-time'

export type SessionPlanFields = ParsedInputOf<'sessions:create'>

interface SessionRow {
  id: string
  title: string
  theme_id: string | null
  theme_title: string | null
  planned_start: number
  planned_end: number
  venue: string
  status: SessionStatus
  host_id: string | null
  host_name: string | null
  recorder_id: string | null
  recorder_name: string | null
  organiser_unit: string
  speaker_limit_seconds: number | null
  seat_layout: SeatLayout
  summary: string
  is_demo: number
  source_laptop: string | null
  started_at: number | null
  ended_at: number | null
  created_at: number
  updated_at: number
}

const SELECT_SESSION = `
  SELECT s.*, t.title AS theme_title, h.name AS host_name, r.name AS recorder_name
  FROM sessions s
  LEFT JOIN themes t ON t.id = s.theme_id
  LEFT JOIN people h ON h.id = s.host_id
  LEFT JOIN people r ON r.id = s.recorder_id`

type SessionQuery = ParsedInputOf<'sessions:list'>

export function listSessions(ctx: ReadContext, options: SessionQuery): SessionSummary[] {
  const when = options.when ?? 'all'
  const where: string[] = []
  const params: Record<string, string | number> = {}
  if (when !== 'all') params.now = ctx.now()
  // Upcoming: running now, or planned and not yet over; soonest first. Past (往期): ended or cancelled
  // (even when held before their planned time), or planned and over without having run; latest first.
  if (when === 'upcoming') where.push("(s.status = 'live' OR (s.status = 'planned' AND s.planned_end >= @now))")
  if (when === 'past') where.push("(s.status IN ('ended', 'cancelled') OR (s.status = 'planned' AND s.planned_end < @now))")
  if (options.from !== undefined) where.push('s.planned_start >= @from')
  if (options.to !== undefined) where.push('s.planned_start < @to')
  if (options.from !== undefined) params.from = options.from
  if (options.to !== undefined) params.to = options.to
  if (options.query) {
    params.q = likePattern(options.query)
    where.push(`(s.title LIKE @q ESCAPE '\\' OR s.venue LIKE @q ESCAPE '\\' OR t.title LIKE @q ESCAPE '\\')`)
  }
  const order = when === 'upcoming' || options.from !== undefined ? 'ASC' : 'DESC'
  // Built from the filters given: at most 24 different texts, each compiled once.
  const text = `${SELECT_SESSION} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.planned_start ${order}`
  return sql<SessionRow, Record<string, string | number>>(ctx.db, text).all(params).map(toSummary)
}

export function getSession(ctx: ReadContext, id: string): SessionDetail {
  const row = sql<SessionRow, [string]>(ctx.db, `${SELECT_SESSION} WHERE s.id = ?`).get(id)
  if (!row) throw notFound('session', id)
  const attendance = readAttendance(ctx, id)
  return {
    ...toSummary(row),
    hostId: row.host_id,
    hostName: row.host_name,
    recorderId: row.recorder_id,
    recorderName: row.recorder_name,
    organiserUnit: row.organiser_unit,
    speakerLimitSeconds: row.speaker_limit_seconds,
    seatLayout: row.seat_layout,
    summary: row.summary,
    isDemo: row.is_demo === 1,
    sourceLaptop: row.source_laptop,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    agenda: readAgenda(ctx, id),
    invitees: attendance
      .filter((entry) => entry.invited)
      .map(({ personId, name, organisation, village, role, seatNumber }) => ({ personId, name, organisation, village, role, seatNumber })),
    attendance,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export function createSession(ctx: CoreContext, plan: SessionPlanFields, isDemo = false): SessionDetail {
  checkReferences(ctx, plan)
  const id = uuidv7(ctx.now())
  sql<never, SessionColumns & { id: string; isDemo: number; now: number }>(
    ctx.db,
    `INSERT INTO sessions (id, theme_id, title, planned_start, planned_end, venue, host_id, recorder_id,
       organiser_unit, speaker_limit_seconds, seat_layout, is_demo, created_at, updated_at)
     VALUES (@id, @themeId, @title, @plannedStart, @plannedEnd, @venue, @hostId, @recorderId,
       @organiserUnit, @speakerLimitSeconds, @seatLayout, @isDemo, @now, @now)`
  ).run({ ...sessionColumns(plan), id, isDemo: isDemo ? 1 : 0, now: ctx.now() })
  writeAgendaAndInvitees(ctx, id, plan)
  announce(ctx, id)
  return getSession(ctx, id)
}

/** Replaces the whole plan. Only a planned session can be re-planned; a live or ended one is history. */
export function updateSession(ctx: CoreContext, id: string, plan: SessionPlanFields): SessionDetail {
  requireStatus(ctx, id, ['planned'])
  checkReferences(ctx, plan)
  sql<never, SessionColumns & { id: string; now: number }>(
    ctx.db,
    `UPDATE sessions SET theme_id = @themeId, title = @title, planned_start = @plannedStart, planned_end = @plannedEnd,
       venue = @venue, host_id = @hostId, recorder_id = @recorderId, organiser_unit = @organiserUnit,
       speaker_limit_seconds = @speakerLimitSeconds, seat_layout = @seatLayout, updated_at = @now
     WHERE id = @id`
  ).run({ ...sessionColumns(plan), id, now: ctx.now() })
  sql<never, [string]>(ctx.db, 'DELETE FROM agenda_segments WHERE session_id = ?').run(id)
  sql<never, [string]>(ctx.db, 'DELETE FROM attendance WHERE session_id = ?').run(id)
  writeAgendaAndInvitees(ctx, id, plan)
  announce(ctx, id)
  return getSession(ctx, id)
}

export function cancelSession(ctx: CoreContext, id: string): SessionDetail {
  requireStatus(ctx, id, ['planned'])
  sql<never, [number, string]>(ctx.db, "UPDATE sessions SET status = 'cancelled', updated_at = ? WHERE id = ?").run(ctx.now(), id)
  announce(ctx, id)
  return getSession(ctx, id)
}

/** 总结: written by the host during the closing part or after the session. */
export function setSummary(ctx: CoreContext, id: string, summary: string): SessionDetail {
  requireStatus(ctx, id, ['live', 'ended'])
  sql<never, [string, number, string]>(ctx.db, 'UPDATE sessions SET summary = ?, updated_at = ? WHERE id = ?').run(summary, ctx.now(), id)
  announce(ctx, id)
  return getSession(ctx, id)
}

/** A template: same theme, agenda, invitees, seats and seat layout, at the same time of day a week from today (China time). */
export function duplicateSession(ctx: CoreContext, id: string): SessionDetail {
  const source = getSession(ctx, id)
  const plannedStart = startOfChinaDay(ctx.now()) + 7 * DAY_MS + chinaTimeOfDay(source.plannedStart)
  const archived = new Set(
    sql<{ id: string }>(ctx.db, 'SELECT id FROM people WHERE archived_at IS NOT NULL')
      .all()
      .map((row) => row.id)
  )
  const active = (personId: string | null): string | null => (personId && !archived.has(personId) ? personId : null)
  return createSession(ctx, {
    title: source.title,
    themeId: source.themeId,
    plannedStart,
    plannedEnd: plannedStart + (source.plannedEnd - source.plannedStart),
    venue: source.venue,
    hostId: active(source.hostId),
    recorderId: active(source.recorderId),
    organiserUnit: source.organiserUnit,
    speakerLimitSeconds: source.speakerLimitSeconds,
    seatLayout: source.seatLayout,
    agenda: source.agenda.map(({ kind, title, lecturerId, topic, plannedMinutes }) => ({
      kind,
      title,
      lecturerId: active(lecturerId),
      topic,
      plannedMinutes
    })),
    invitees: source.invitees
      .filter((invitee) => active(invitee.personId))
      .map(({ personId, role, seatNumber }) => ({ personId, role, seatNumber }))
  })
}

function announce(ctx: ReadContext, id: string): void {
  ctx.emit({ name: 'sessions:changed', id })
  ctx.emit({ name: 'session:changed', id })
}

/** Refuses (conflict, `session_<status>` at `field`) unless the session is in one of `allowed`. */
export function requireStatus(ctx: ReadContext, id: string, allowed: SessionStatus[], field = 'id'): void {
  const row = sql<{ status: SessionStatus }, [string]>(ctx.db, 'SELECT status FROM sessions WHERE id = ?').get(id)
  if (!row) throw notFound('session', id)
  if (!allowed.includes(row.status)) {
    throw new AppFailure('conflict', `The session is ${row.status}.`, [
      { path: [field], code: `session_${row.status}`, message: `session is ${row.status}` }
    ])
  }
}

/** Every person and theme the plan names must exist; each missing one is reported at its field. */
function checkReferences(ctx: ReadContext, plan: SessionPlanFields): void {
  const issues: FieldIssue[] = []
  const missing = missingPeople(ctx, [
    ...[plan.hostId, plan.recorderId].filter((id): id is string => id !== null),
    ...plan.agenda.map((segment) => segment.lecturerId).filter((id): id is string => id !== null),
    ...plan.invitees.map((invitee) => invitee.personId)
  ])
  const report = (path: (string | number)[], code = 'person_not_found'): void =>
    void issues.push({ path, code, message: `${path.join('.')} does not exist` })
  if (plan.hostId && missing.has(plan.hostId)) report(['hostId'])
  if (plan.recorderId && missing.has(plan.recorderId)) report(['recorderId'])
  plan.agenda.forEach((segment, index) => {
    if (segment.lecturerId && missing.has(segment.lecturerId)) report(['agenda', index, 'lecturerId'])
  })
  plan.invitees.forEach((invitee, index) => {
    if (missing.has(invitee.personId)) report(['invitees', index, 'personId'])
  })
  if (plan.themeId && !sql<{ 1: number }, [string]>(ctx.db, 'SELECT 1 FROM themes WHERE id = ?').get(plan.themeId)) report(['themeId'], 'theme_not_found')
  if (issues.length > 0) throw new AppFailure('invalid_input', 'The plan names people or a theme that do not exist.', issues)
}

/** Host, recorder and lecturers always appear on the attendance list, with their strongest role (src/shared/roles.ts). */
function writeAgendaAndInvitees(ctx: CoreContext, sessionId: string, plan: SessionPlanFields): void {
  const insertSegment = sql<never, [string, string, number, AgendaSegment['kind'], string, string | null, string, number]>(
    ctx.db,
    `INSERT INTO agenda_segments (id, session_id, position, kind, title, lecturer_id, topic, planned_minutes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  plan.agenda.forEach((segment, position) =>
    insertSegment.run(uuidv7(ctx.now()), sessionId, position, segment.kind, segment.title, segment.lecturerId, segment.topic, segment.plannedMinutes)
  )

  const attendance = applyRoles(
    plan.invitees,
    { hostId: plan.hostId, recorderId: plan.recorderId, lecturerIds: lecturersOf(plan.agenda) },
    (personId, role) => ({ personId, role, seatNumber: null })
  )

  const insertAttendance = sql<never, [string, string, string, AttendanceRole, number | null]>(
    ctx.db,
    'INSERT INTO attendance (id, session_id, person_id, role, seat_number, invited) VALUES (?, ?, ?, ?, ?, 1)'
  )
  for (const { personId, role, seatNumber } of attendance) {
    insertAttendance.run(uuidv7(ctx.now()), sessionId, personId, role, seatNumber)
  }
}

type SessionColumns = ReturnType<typeof sessionColumns>

function sessionColumns(plan: SessionPlanFields) {
  return {
    themeId: plan.themeId,
    title: plan.title,
    plannedStart: plan.plannedStart,
    plannedEnd: plan.plannedEnd,
    venue: plan.venue,
    hostId: plan.hostId,
    recorderId: plan.recorderId,
    organiserUnit: plan.organiserUnit,
    speakerLimitSeconds: plan.speakerLimitSeconds,
    seatLayout: plan.seatLayout
  }
}

interface AgendaRow {
  id: string
  position: number
  kind: AgendaSegment['kind']
  title: string
  lecturer_id: string | null
  lecturer_name: string | null
  topic: string
  planned_minutes: number | null
}

function readAgenda({ db }: ReadContext, sessionId: string): AgendaSegment[] {
  const rows = sql<AgendaRow, [string]>(
    db,
    `SELECT g.id, g.position, g.kind, g.title, g.lecturer_id, p.name AS lecturer_name, g.topic, g.planned_minutes
     FROM agenda_segments g LEFT JOIN people p ON p.id = g.lecturer_id
     WHERE g.session_id = ? ORDER BY g.position`
  ).all(sessionId)
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    lecturerId: row.lecturer_id,
    lecturerName: row.lecturer_name,
    topic: row.topic,
    plannedMinutes: row.planned_minutes ?? 0
  }))
}

function toSummary(row: SessionRow): SessionSummary {
  return {
    id: row.id,
    title: row.title,
    themeId: row.theme_id,
    themeTitle: row.theme_title,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    venue: row.venue,
    status: row.status
  }
}
