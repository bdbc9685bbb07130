import type { demoContract } from '../../shared/contract/demo'
import type { HandlersFor } from '../handler-kinds'
import { demoRemovalPlan, removeDemo } from './demo'

export const demoHandlers = {
  'demo:plan': (ctx) => demoRemovalPlan(ctx),
  'demo:remove': (ctx) => removeDemo(ctx)
} satisfies HandlersFor<typeof demoContract>
