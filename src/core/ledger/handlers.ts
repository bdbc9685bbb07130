import type { ledgerContract } from '../../shared/contract/ledger'
import { runsItsOwnTransactions, type HandlersFor } from '../handler-kinds'
import { exportVolunteerHours } from './volunteer-hours'
import { exportYearLedger } from './year-ledger'

/** Async: they await the workbook and the save dialog, and write nothing but the folder remembered. */
export const ledgerHandlers = {
  'ledger:exportYear': runsItsOwnTransactions(exportYearLedger),
  'ledger:exportVolunteerHours': runsItsOwnTransactions(exportVolunteerHours)
} satisfies HandlersFor<typeof ledgerContract>
