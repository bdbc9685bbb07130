import { z } from 'zod'
import { FONT_SIZES, LANGUAGES, type AppInfo, type Settings } from '../domain'
import { LIMITS } from '../limits'
import { channel, labelList, none, text } from './schema'

export const settingsPatchSchema = z
  .strictObject({
    language: z.enum(LANGUAGES),
    fontSize: z.enum(FONT_SIZES),
    organisationName: text(LIMITS.shortText),
    defaultVenue: text(LIMITS.mediumText),
    categories: labelList,
    remarkTags: labelList
  })
  .partial()

/** The app itself: what it is, and its settings. */
export const appContract = {
  'app:info': channel(none).returns<AppInfo>(),

  'settings:get': channel(none).returns<Settings>(),
  'settings:update': channel(settingsPatchSchema).returns<Settings>()
} as const
