import { z } from 'zod'
import type { ExportOutcome } from '../domain'
import { LIMITS } from '../limits'
import { channel, idSchema, isoDate, required, rule } from './schema'

/**
 * The period and filters of an export, read exactly as the 统计 page reads its own (statistics:get), so a
 * file and the page always speak of the same sessions.
 */
const periodSchema = z
  .strictObject({
    /** China dates 'YYYY-MM-DD', both days included; a session's day is that of its actual start, else its planned start. */
    from: isoDate,
    to: isoDate,
    /** Only sessions with someone from these villages or units on their list (empty or absent: all). */
    villages: z.array(required(LIMITS.shortText)).max(LIMITS.listPage).optional(),
    /** Only sessions on these themes (empty or absent: all). */
    themeIds: z.array(idSchema).max(LIMITS.listPage).optional()
  })
  .superRefine((period, ctx) => {
    if (period.to < period.from) ctx.addIssue(rule('period_reversed', ['to']))
  })

export type LedgerPeriod = z.output<typeof periodSchema>

/**
 * What an export answers: where the file went (or its bytes, through the web bridge), as every export does,
 * and how many sessions it covers, so the page can say that a period held none (the file then has its
 * header row alone).
 */
export type LedgerExportOutcome = ExportOutcome & { sessions: number }

/** The town's files of a period: the 年度台账 and the 志愿服务时长汇总 (.xlsx), made and saved in one call. */
export const ledgerContract = {
  /** 年度台账: one row per session held (ended) in the period, every figure from its 会议纪要 (minutes:get). */
  'ledger:exportYear': channel(periodSchema).returns<LedgerExportOutcome>(),
  /**
   * 志愿服务时长汇总: one row per volunteer and session held, with the hours of the 志愿服务活动记录, for a
   * volunteer system's bulk import; a second sheet totals each volunteer.
   */
  'ledger:exportVolunteerHours': channel(periodSchema).returns<LedgerExportOutcome>()
} as const
