/**
 * 活动照片 (photos of a session): the limits core enforces and the page resizes to, shared so both say the
 * same numbers, and the sizing arithmetic the page uses.
 */

/** The longer side of a stored photo, in pixels. */
export const PHOTO_MAX_SIDE = 1920
/**
 * The most bytes one stored photo may have. Its base64 (4/3 as long: 960 000 characters) crosses the web
 * bridge's 1 MiB request limit with room for the rest of the request.
 */
export const PHOTO_MAX_BYTES = 720_000
export const PHOTO_MAX_BASE64 = (PHOTO_MAX_BYTES / 3) * 4
/** Photos one session may hold (about 35 MB at most), so the archive and its backups stay movable. */
export const PHOTOS_PER_SESSION = 60
/** The 志愿服务活动记录 shows 2–4 photos: at most this many are chosen. */
export const VOLUNTEER_RECORD_PHOTOS = 4

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png'] as const
export type PhotoMime = (typeof PHOTO_MIME_TYPES)[number]

/** A photo as listed (no bytes: those come one at a time through photos:get). */
export interface SessionPhoto {
  id: string
  sessionId: string
  /** 0, 1, 2 … in the order the session shows them. */
  position: number
  caption: string
  mime: PhotoMime
  width: number
  height: number
  /** The stored file's size in bytes. */
  size: number
  /** Chosen for the 志愿服务活动记录. */
  inVolunteerRecord: boolean
  createdAt: number
}

/** One photo's bytes, to show. */
export interface PhotoContent {
  id: string
  mime: PhotoMime
  contentBase64: string
}

/**
 * The size to draw a `width` × `height` image at so its longer side is at most `maxSide` (never enlarged),
 * in whole pixels, each at least 1.
 */
export function fitWithin(width: number, height: number, maxSide = PHOTO_MAX_SIDE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`An image has no size: ${width}×${height}`)
  const scale = Math.min(1, maxSide / Math.max(width, height))
  if (scale === 1) return { width: Math.round(width), height: Math.round(height) }
  return {
    width: Math.max(1, Math.min(maxSide, Math.round(width * scale))),
    height: Math.max(1, Math.min(maxSide, Math.round(height * scale)))
  }
}

/** The JPEG qualities tried in turn until the encoded photo fits PHOTO_MAX_BYTES (then the side is reduced). */
export const JPEG_QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45] as const
