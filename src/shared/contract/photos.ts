import { z } from 'zod'
import { LIMITS } from '../limits'
import { PHOTO_MAX_BASE64, type PhotoContent, type SessionPhoto } from '../photos'
import { byId, bySession, channel, idSchema, text } from './schema'

/**
 * Plain base64 (what btoa and Buffer write) of at most PHOTO_MAX_BYTES; a longer one is refused as
 * `photo_too_large` (a sentence a person can act on, not a count of characters) before anything else is looked at.
 */
const photoBase64 = z
  .string()
  .min(1)
  .refine((value) => value.length <= PHOTO_MAX_BASE64, { params: { reason: 'photo_too_large' }, abort: true })
  .refine((value) => value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value), { params: { reason: 'photo_unreadable' } })

const caption = text(LIMITS.mediumText)

/** 活动照片: photos of a session, stored in the archive; 2–4 of them chosen for the 志愿服务活动记录. */
export const photosContract = {
  /** The session's photos in order, without their bytes. */
  'photos:list': channel(bySession).returns<SessionPhoto[]>(),
  /** One photo's bytes, to show. */
  'photos:get': channel(byId).returns<PhotoContent>(),
  /** A JPEG or PNG of at most 1920 px a side (the page resizes it first), added at the end. */
  'photos:add': channel(z.strictObject({ sessionId: idSchema, contentBase64: photoBase64, caption: caption.default('') })).returns<SessionPhoto>(),
  'photos:update': channel(
    z.strictObject({ id: idSchema, caption: caption.optional(), inVolunteerRecord: z.boolean().optional() })
  ).returns<SessionPhoto>(),
  /** Moves a photo to `position` (0 = first) among its session's; answers the session's photos in their new order. */
  'photos:move': channel(z.strictObject({ id: idSchema, position: z.number().int().min(0).max(10_000) })).returns<SessionPhoto[]>(),
  'photos:delete': channel(byId).returns<{ id: string }>()
} as const
