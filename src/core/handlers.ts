import type { Contract } from '../shared/contract'
import { backupsHandlers } from './backup/handlers'
import { decisionsHandlers } from './decisions/handlers'
import { demoHandlers } from './demo/handlers'
import type { HandlersFor } from './handler-kinds'
import { ledgerHandlers } from './ledger/handlers'
import { liveHandlers } from './live/handlers'
import { minutesHandlers } from './minutes/handlers'
import { packsHandlers } from './packs/handlers'
import { peopleHandlers } from './people/handlers'
import { photosHandlers } from './photos/handlers'
import { remarksHandlers } from './remarks/handlers'
import { searchHandlers } from './search/handlers'
import { sessionsHandlers } from './sessions/handlers'
import { statisticsHandlers } from './statistics/handlers'
import { appHandlers } from './settings/handlers'
import { themesHandlers } from './themes/handlers'

export { isAsyncHandler } from './handler-kinds'

/**
 * Every domain's handlers, one per channel of the contract (src/shared/contract); each domain's folder
 * holds its own `handlers.ts`. `satisfies` makes a channel without a handler a compile error.
 */
export const handlers = {
  ...appHandlers,
  ...demoHandlers,
  ...backupsHandlers,
  ...peopleHandlers,
  ...themesHandlers,
  ...sessionsHandlers,
  ...liveHandlers,
  ...remarksHandlers,
  ...decisionsHandlers,
  ...photosHandlers,
  ...minutesHandlers,
  ...packsHandlers,
  ...ledgerHandlers,
  ...searchHandlers,
  ...statisticsHandlers
} satisfies HandlersFor<Contract>
