import { z } from 'zod'
import type { SearchHit } from '../domain'
import { LIMITS } from '../limits'
import { channel, idSchema, required, time } from './schema'

/** 搜索 across remarks, sessions, decisions, themes and people. */
export const searchContract = {
  'search:query': channel(
    z.strictObject({
      text: required(LIMITS.query),
      /** Remarks (and sessions) from this time on, and before `to`. */
      from: time().optional(),
      to: time().optional(),
      /** Only remarks by this speaker. */
      personId: idSchema.optional(),
      /** Only remarks with this tag. */
      tag: required(LIMITS.tag).optional(),
      limit: z.number().int().min(1).max(200).default(50)
    })
  ).returns<SearchHit[]>()
} as const
