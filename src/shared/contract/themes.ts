import { z } from 'zod'
import type { Theme } from '../domain'
import { LIMITS } from '../limits'
import { byId, channel, idSchema, none, prose, required } from './schema'

export const themeSchema = z.strictObject({
  title: required(LIMITS.shortText),
  description: prose(LIMITS.note).default(''),
  materials: prose(LIMITS.longText).default(''),
  references: z.array(required(LIMITS.mediumText)).max(50).default([]),
  tags: z.array(required(LIMITS.tag)).max(LIMITS.tags).default([])
})

/** The theme library (主题): what sessions study and discuss. */
export const themesContract = {
  'themes:list': channel(none).returns<Theme[]>(),
  'themes:get': channel(byId).returns<Theme>(),
  'themes:create': channel(themeSchema).returns<Theme>(),
  'themes:update': channel(themeSchema.extend({ id: idSchema })).returns<Theme>(),
  /** Only for themes no session uses. */
  'themes:delete': channel(byId).returns<{ id: string }>()
} as const
