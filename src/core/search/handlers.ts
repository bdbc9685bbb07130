import type { searchContract } from '../../shared/contract/search'
import type { HandlersFor } from '../handler-kinds'
import { search } from './search'

export const searchHandlers = {
  'search:query': (ctx, query) => search(ctx, query)
} satisfies HandlersFor<typeof searchContract>
