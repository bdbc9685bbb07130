import type { DemoRemovalPlan } from '../domain'
import { channel, none } from './schema'

/** The 示例场次 a new archive starts with, and taking it away again. */
export const demoContract = {
  /** What 删除示例数据 would keep because the user has used it (for the confirmation). */
  'demo:plan': channel(none).returns<DemoRemovalPlan>(),
  'demo:remove': channel(none).returns<{ removed: boolean; kept: DemoRemovalPlan }>()
} as const
