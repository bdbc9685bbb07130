import { z } from 'zod'
import type { Remark, RemarkDraft } from '../domain'
import { LIMITS } from '../limits'
import { byId, bySession, channel, idSchema, requiredProse, tags, untrimmedProse } from './schema'

/** What speakers said (发言), as the note-taker records it, and the box being typed into (the draft). */
export const remarksContract = {
  'remarks:list': channel(bySession).returns<Remark[]>(),
  'remarks:create': channel(
    z.strictObject({
      sessionId: idSchema,
      speakerId: idSchema,
      turnId: z.string().max(100).nullable().default(null),
      text: requiredProse(LIMITS.remark),
      tags: tags().default([]),
      starred: z.boolean().default(false),
      forMinutes: z.boolean().default(false)
    })
  ).returns<Remark>(),
  /** Edit, re-assign to another speaker (speakerId), tag, star or mark 入纪要. */
  'remarks:update': channel(
    z.strictObject({
      id: idSchema,
      text: requiredProse(LIMITS.remark).optional(),
      speakerId: idSchema.optional(),
      tags: tags().optional(),
      starred: z.boolean().optional(),
      forMinutes: z.boolean().optional()
    })
  ).returns<Remark>(),
  /** Deleted remarks are kept aside, so 撤销 can bring them back. */
  'remarks:delete': channel(byId).returns<Remark>(),
  'remarks:restore': channel(byId).returns<Remark>(),
  'drafts:get': channel(bySession).returns<RemarkDraft | null>(),
  /** An empty box removes the draft. */
  'drafts:save': channel(
    z.strictObject({
      sessionId: idSchema,
      speakerId: idSchema.nullable(),
      turnId: z.string().max(100).nullable().default(null),
      text: untrimmedProse(LIMITS.remark),
      tags: tags().default([]),
      starred: z.boolean().default(false),
      forMinutes: z.boolean().default(false)
    })
  ).returns<RemarkDraft | null>()
} as const
