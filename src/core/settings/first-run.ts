import type { z } from 'zod'
import type { firstRunPatchSchema } from '../../shared/contract/app'
import type { FirstRun, TourProgress, WelcomeState } from '../../shared/domain'
import type { CoreContext, ReadContext } from '../context'
import { sql } from '../store/sql'
import { readSetting, writeSetting } from './settings'

/** Rows of the settings table (key → JSON) that are the app's notes, not preferences. */
const WELCOME_KEY = 'welcome'
const TOUR_KEY = 'tour'

export const TOUR_NOT_STARTED: TourProgress = { status: 'notStarted', step: 'plan', sessionId: null }

/**
 * The welcome shows on a new archive until it is finished or dismissed. An archive without the note (made
 * before there was a welcome) shows it only while nobody has planned a session of their own in it: whoever
 * already works with the app is not greeted as new.
 */
export function getFirstRun(ctx: ReadContext): FirstRun {
  const welcome = readSetting<WelcomeState>(ctx, WELCOME_KEY) ?? (hasOwnSessions(ctx) ? 'dismissed' : 'pending')
  const tour = { ...TOUR_NOT_STARTED, ...readSetting<TourProgress>(ctx, TOUR_KEY) }
  // The session it showed may be gone (删除示例数据): the walk-through then finds another.
  if (tour.sessionId !== null && !sessionExists(ctx, tour.sessionId)) tour.sessionId = null
  return { welcome, tour, tourSession: tourSession(ctx) }
}

export function updateFirstRun(ctx: CoreContext, patch: z.output<typeof firstRunPatchSchema>): FirstRun {
  if (patch.welcome !== undefined) writeSetting(ctx, WELCOME_KEY, patch.welcome)
  if (patch.tour !== undefined) writeSetting(ctx, TOUR_KEY, patch.tour)
  ctx.emit({ name: 'settings:changed' })
  return getFirstRun(ctx)
}

const hasOwnSessions = ({ db }: ReadContext): boolean => sql<{ 1: number }>(db, 'SELECT 1 FROM sessions WHERE is_demo = 0 LIMIT 1').get() !== undefined

const sessionExists = ({ db }: ReadContext, id: string): boolean => sql<{ 1: number }, [string]>(db, 'SELECT 1 FROM sessions WHERE id = ?').get(id) !== undefined

const tourSession = ({ db }: ReadContext): string | null =>
  sql<{ id: string }>(
    db,
    `SELECT id FROM sessions WHERE status != 'cancelled'
     ORDER BY is_demo DESC, status = 'live' DESC, status = 'planned' DESC,
       CASE WHEN status = 'planned' THEN planned_start ELSE -planned_start END
     LIMIT 1`
  ).get()?.id ?? null
