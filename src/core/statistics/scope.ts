import { chinaTimeToUtc, DAY_MS } from '../../shared/china-time'
import type { ParsedInputOf } from '../../shared/contract'

/**
 * Which sessions and people a statistics query looks at, as SQL every query of this folder starts with, and
 * the parameters that fill it. One text, so every figure of the page answers for the same sessions.
 *
 * - `scope`: the sessions of the period (by the China day of their actual start, else their planned start;
 *   both ends of the period included), of the chosen themes, with someone of the chosen places on the list;
 * - `held`: those of them that have ended, with `day_at`, the time the period is judged by (as the 年度台账,
 *   src/core/ledger/period.ts: a session still live has no final figures yet).
 */
export interface ScopeParams {
  /** From this time (UTC ms, included). */
  since: number
  /** Before this time (UTC ms): the China midnight after the period's last day. */
  until: number
  /** JSON array of theme ids, or null for every theme. */
  themes: string | null
  /** JSON array of villages and units, or null for everyone. */
  places: string | null
}

export type StatisticsQuery = ParsedInputOf<'statistics:get'>

/** The parameters of the period asked for. */
export function scopeOf(query: StatisticsQuery): ScopeParams {
  return {
    since: chinaTimeToUtc(query.from),
    until: chinaTimeToUtc(query.to) + DAY_MS,
    themes: query.themeIds?.length ? JSON.stringify(query.themeIds) : null,
    places: query.villages?.length ? JSON.stringify(query.villages) : null
  }
}

/**
 * The same scope with no start: the sessions up to the period's end. 参加但未发言 and 久未参加 look back at a
 * person's last N sessions, which may lie before the period began.
 */
export const historyOf = (scope: ScopeParams): ScopeParams => ({ ...scope, since: Number.MIN_SAFE_INTEGER })

/** A person `p` of one of the chosen places: their village or their unit is one of them. */
export const OF_CHOSEN_PLACES = `(@places IS NULL
  OR p.village IN (SELECT value FROM json_each(@places))
  OR p.organisation IN (SELECT value FROM json_each(@places)))`

/** The session's day: when it began, else when it was planned to. */
const DAY_AT = 'coalesce(s.started_at, s.planned_start)'

/** `WITH scope, held` (see above); a query goes on with `, more AS (…)` or its SELECT. */
export const WITH_SCOPE = `
  WITH scope AS MATERIALIZED (
    SELECT s.id, s.status, s.theme_id, ${DAY_AT} AS day_at
    FROM sessions s
    WHERE ${DAY_AT} >= @since AND ${DAY_AT} < @until
      AND (@themes IS NULL OR s.theme_id IN (SELECT value FROM json_each(@themes)))
      -- Not correlated: the sessions of the chosen places' people are found once, not once for every session.
      AND (@places IS NULL OR s.id IN (
        SELECT a.session_id FROM people p JOIN attendance a ON a.person_id = p.id WHERE ${OF_CHOSEN_PLACES}))
  ),
  held AS MATERIALIZED (SELECT id, day_at FROM scope WHERE status = 'ended')`

/**
 * 出席 in SQL over an attendance row `a`: checked in and not marked absent (markOf in src/shared/attendance.ts,
 * which the documents use; the tests hold the two to the same answers).
 */
export const IS_PRESENT = '(a.absent = 0 AND a.checked_in_at IS NOT NULL)'

/** A spoken turn `t` of 圆桌时间, as the 会议纪要 counts them (a lecture is not a turn here). */
export const IS_SPOKEN_TURN = "(t.kind <> 'study' AND t.outcome = 'spoken')"
