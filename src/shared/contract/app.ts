import { z } from 'zod'
import { APP_FOLDERS, FONT_SIZES, LANGUAGES, TOUR_STATUSES, TOUR_STEPS, WELCOME_STATES, type AppInfo, type FirstRun, type Settings } from '../domain'
import { LIMITS } from '../limits'
import { channel, idSchema, labelList, none, text } from './schema'

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

/** The welcome and the walk-through: each part replaced whole when given. */
export const firstRunPatchSchema = z
  .strictObject({
    welcome: z.enum(WELCOME_STATES),
    tour: z.strictObject({
      status: z.enum(TOUR_STATUSES),
      step: z.enum(TOUR_STEPS),
      sessionId: idSchema.nullable()
    })
  })
  .partial()

/** The app itself: what it is, and its settings. */
export const appContract = {
  'app:info': channel(none).returns<AppInfo>(),
  /** Opens one of the app's own folders in the system's file manager (desktop app only); never a path from the page. */
  'app:openFolder': channel(z.strictObject({ folder: z.enum(APP_FOLDERS) })).returns<{ path: string }>(),

  'settings:get': channel(none).returns<Settings>(),
  'settings:update': channel(settingsPatchSchema).returns<Settings>(),

  /** The welcome of a new archive and the walk-through's progress (kept in the archive: a restart resumes it). */
  'firstRun:get': channel(none).returns<FirstRun>(),
  'firstRun:update': channel(firstRunPatchSchema).returns<FirstRun>()
} as const
