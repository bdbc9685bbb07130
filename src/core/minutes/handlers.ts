import type { minutesContract } from '../../shared/contract/minutes'
import { revealFile } from '../files/save'
import { runsItsOwnTransactions, type HandlersFor } from '../handler-kinds'
import { exportDocument, printDocument, sendToPrinter } from './export'
import { buildMinutes } from './model'

export const minutesHandlers = {
  'minutes:get': (ctx, { sessionId }) => buildMinutes(ctx, sessionId),
  'minutes:export': runsItsOwnTransactions(exportDocument),
  'minutes:print': (ctx, input) => printDocument(ctx, input),
  'minutes:sendToPrinter': runsItsOwnTransactions(sendToPrinter),
  'files:reveal': (ctx, input) => revealFile(ctx, input)
} satisfies HandlersFor<typeof minutesContract>
