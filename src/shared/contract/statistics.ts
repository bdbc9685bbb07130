import { z } from 'zod'
import { LIMITS } from '../limits'
import type { ExportOutcome, PrintableHtml } from '../domain'
import type { Statistics } from '../statistics'
import { channel, idSchema, isoDate, required, rule } from './schema'

/** How far back the 参加但未发言 and 久未参加 lists may look (their N). */
export const MAX_STATISTICS_N = 20

export const statisticsQuerySchema = z
  .strictObject({
    /** The period, China dates 'YYYY-MM-DD', both days included. */
    from: isoDate,
    to: isoDate,
    /** Only sessions with someone from these villages or units on the list, and only their people (empty: all). */
    villages: z.array(required(LIMITS.shortText)).max(LIMITS.listPage).optional(),
    /** Only sessions on these themes (empty: all). */
    themeIds: z.array(idSchema).max(LIMITS.listPage).optional(),
    /** 参加但未发言 in their last N sessions. */
    silentN: z.number().int().min(1).max(MAX_STATISTICS_N).default(3),
    /** 久未参加: absent from their last N invitations. */
    absentN: z.number().int().min(1).max(MAX_STATISTICS_N).default(3)
  })
  .superRefine((query, ctx) => {
    if (query.to < query.from) ctx.addIssue(rule('period_reversed', ['to']))
  })

/** 统计: the town's view over a period, every figure computed in core (see src/shared/statistics.ts). */
export const statisticsContract = {
  'statistics:get': channel(statisticsQuerySchema).returns<Statistics>(),
  /** 统计简报: the same figures on one A4 page, as HTML to print (or save as PDF from a browser's print dialog). */
  'statistics:print': channel(statisticsQuerySchema).returns<PrintableHtml>(),
  /** The 统计简报 as PDF, saved where the save dialog says (desktop; the web bridge answers 'unavailable'). */
  'statistics:exportPdf': channel(statisticsQuerySchema).returns<ExportOutcome>(),
  /** 打印 in the desktop app: the system's print dialog for the 统计简报. */
  'statistics:sendToPrinter': channel(statisticsQuerySchema).returns<{ printed: boolean }>()
} as const
