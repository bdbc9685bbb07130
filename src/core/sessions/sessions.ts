import type { SessionDetail, SessionStatus, SessionSummary } from '../../shared/domain'
import type { CoreContext } from '../context'
import { notFound } from '../errors'

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
  recorder_id: string | null
  organiser_unit: string
  speaker_limit_seconds: number | null
  summary: string
  is_demo: number
  created_at: number
  updated_at: number
}

const SELECT_SESSION = `
  SELECT s.*, t.title AS theme_title FROM sessions s LEFT JOIN themes t ON t.id = s.theme_id`

export function listSessions(ctx: CoreContext, options: { when?: 'upcoming' | 'past' | 'all' }): SessionSummary[] {
  const when = options.when ?? 'all'
  // Upcoming: not yet over, soonest first. Past: over, latest first.
  const sql =
    when === 'upcoming'
      ? `${SELECT_SESSION} WHERE s.planned_end >= ? ORDER BY s.planned_start ASC`
      : when === 'past'
        ? `${SELECT_SESSION} WHERE s.planned_end < ? ORDER BY s.planned_start DESC`
        : `${SELECT_SESSION} WHERE ? IS NOT NULL ORDER BY s.planned_start DESC`
  return (ctx.db.prepare(sql).all(ctx.now()) as SessionRow[]).map(toSummary)
}

export function getSession({ db }: CoreContext, id: string): SessionDetail {
  const row = db.prepare(`${SELECT_SESSION} WHERE s.id = ?`).get(id) as SessionRow | undefined
  if (!row) throw notFound('session', id)
  return {
    ...toSummary(row),
    hostId: row.host_id,
    recorderId: row.recorder_id,
    organiserUnit: row.organiser_unit,
    speakerLimitSeconds: row.speaker_limit_seconds,
    summary: row.summary,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
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
