import { chinaTimeToUtc, DAY_MS } from '../../shared/china-time'
import type { LedgerPeriod } from '../../shared/contract/ledger'
import type { ReadContext } from '../context'
import { WITH_SCOPE, type ScopeParams } from '../statistics/scope'
import { sql } from '../store/sql'

/**
 * The sessions a period's files speak of, in the order they were held: the 统计 page's own scope (one SQL
 * text, src/core/statistics/scope.ts), so a file and the page always count the same sessions. That is, the
 * sessions whose day (of their actual start, else their planned start: the day their 会议纪要 bears) lies
 * in the period, on the chosen themes, with someone from the chosen villages or units on their list.
 *
 * Of those, only the sessions held, which here means ended. A planned session has no attendance, turns or
 * hours to report, and a cancelled one did not take place: neither belongs in a record of what was done. A
 * session still live is left out too until it ends: its figures are not final, and a ledger filed tonight
 * must not change by tomorrow.
 */
export function sessionsInPeriod(ctx: ReadContext, period: LedgerPeriod): string[] {
  const scope: ScopeParams = {
    since: chinaTimeToUtc(period.from),
    until: chinaTimeToUtc(period.to) + DAY_MS,
    themes: period.themeIds?.length ? JSON.stringify(period.themeIds) : null,
    places: period.villages?.length ? JSON.stringify(period.villages) : null
  }
  return sql<{ id: string }, ScopeParams>(ctx.db, `${WITH_SCOPE} SELECT id FROM held ORDER BY day_at, id`)
    .all(scope)
    .map((row) => row.id)
}
