import { z } from 'zod'
import { DECISION_STATUSES, type Decision } from '../domain'
import { LIMITS } from '../limits'
import { byId, channel, idSchema, isoDate, requiredProse, text } from './schema'

/** What a session decided (议定事项), who follows it up and by when. */
export const decisionsContract = {
  'decisions:list': channel(
    z.strictObject({
      sessionId: idSchema.optional(),
      status: z.enum(DECISION_STATUSES).optional(),
      ownerId: idSchema.optional(),
      /** Due on or before this date ('YYYY-MM-DD'). */
      dueBy: isoDate.optional()
    })
  ).returns<Decision[]>(),
  'decisions:create': channel(
    z.strictObject({
      sessionId: idSchema,
      text: requiredProse(LIMITS.note),
      ownerId: idSchema.nullable().default(null),
      ownerName: text(LIMITS.name).default(''),
      dueDate: isoDate.nullable().default(null)
    })
  ).returns<Decision>(),
  'decisions:update': channel(
    z.strictObject({
      id: idSchema,
      text: requiredProse(LIMITS.note).optional(),
      ownerId: idSchema.nullable().optional(),
      ownerName: text(LIMITS.name).optional(),
      dueDate: isoDate.nullable().optional(),
      status: z.enum(DECISION_STATUSES).optional()
    })
  ).returns<Decision>(),
  'decisions:delete': channel(byId).returns<{ id: string }>()
} as const
