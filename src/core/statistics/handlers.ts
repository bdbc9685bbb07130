import type { statisticsContract } from '../../shared/contract/statistics'
import { runsItsOwnTransactions, type HandlersFor } from '../handler-kinds'
import { exportBriefPdf, printBrief, statisticsBrief } from './brief'
import { computeStatistics } from './statistics'

export const statisticsHandlers = {
  'statistics:get': (ctx, query) => computeStatistics(ctx, query),
  'statistics:print': (ctx, query) => statisticsBrief(ctx, query),
  'statistics:exportPdf': runsItsOwnTransactions(exportBriefPdf),
  'statistics:sendToPrinter': runsItsOwnTransactions(printBrief)
} satisfies HandlersFor<typeof statisticsContract>
