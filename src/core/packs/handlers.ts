import type { packsContract } from '../../shared/contract/packs'
import { runsItsOwnTransactions, type HandlersFor } from '../handler-kinds'
import { choosePackFile } from './choose-file'
import { exportPack } from './export'
import { importPack, previewPack } from './import'

/** 归档包: files read and written outside a transaction; the import merges in one transaction of its own. */
export const packsHandlers = {
  'packs:chooseFile': runsItsOwnTransactions(choosePackFile),
  'packs:export': runsItsOwnTransactions(exportPack),
  'packs:preview': runsItsOwnTransactions(previewPack),
  'packs:import': runsItsOwnTransactions(importPack)
} satisfies HandlersFor<typeof packsContract>
