import type { decisionsContract } from '../../shared/contract/decisions'
import type { HandlersFor } from '../handler-kinds'
import { createDecision, deleteDecision, listDecisions, updateDecision } from './decisions'

export const decisionsHandlers = {
  'decisions:list': (ctx, filter) => listDecisions(ctx, filter),
  'decisions:create': (ctx, input) => createDecision(ctx, input),
  'decisions:update': (ctx, input) => updateDecision(ctx, input),
  'decisions:delete': (ctx, { id }) => deleteDecision(ctx, id)
} satisfies HandlersFor<typeof decisionsContract>
