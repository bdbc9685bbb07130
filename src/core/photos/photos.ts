import type { ParsedInputOf } from '../../shared/contract'
import {
  PHOTO_MAX_BYTES,
  PHOTO_MAX_SIDE,
  PHOTOS_PER_SESSION,
  VOLUNTEER_RECORD_PHOTOS,
  type PhotoContent,
  type PhotoMime,
  type SessionPhoto
} from '../../shared/photos'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure, notFound } from '../errors'
import { requireStatus } from '../sessions/sessions'
import { uuidv7 } from '../store/ids'
import { sql } from '../store/sql'
import { readImageHeader } from './image-header'

/** A photo as SQLite answers it: the flag is 0 or 1. */
type PhotoRow = Omit<SessionPhoto, 'inVolunteerRecord'> & { inVolunteerRecord: number }

const SELECT_PHOTO = `SELECT id, session_id AS sessionId, position, caption, mime, width, height, length(bytes) AS size,
    in_volunteer_record AS inVolunteerRecord, created_at AS createdAt
  FROM session_photos`

/** A session that is planned, live or ended may have photos; a cancelled one may not. */
const PHOTO_STATUSES = ['planned', 'live', 'ended'] as const

export function listPhotos(ctx: ReadContext, sessionId: string): SessionPhoto[] {
  requireSession(ctx, sessionId)
  return sql<PhotoRow, [string]>(ctx.db, `${SELECT_PHOTO} WHERE session_id = ? ORDER BY position, id`).all(sessionId).map(toPhoto)
}

export function getPhoto(ctx: ReadContext, id: string): SessionPhoto {
  const row = sql<PhotoRow, [string]>(ctx.db, `${SELECT_PHOTO} WHERE id = ?`).get(id)
  if (!row) throw notFound('photo', id)
  return toPhoto(row)
}

export function photoContent(ctx: ReadContext, id: string): PhotoContent {
  const row = sql<{ mime: PhotoMime; bytes: Buffer }, [string]>(ctx.db, 'SELECT mime, bytes FROM session_photos WHERE id = ?').get(id)
  if (!row) throw notFound('photo', id)
  return { id, mime: row.mime, contentBase64: row.bytes.toString('base64') }
}

/**
 * The photos chosen for the 志愿服务活动记录, in the session's order, with their bytes: what a document
 * puts on its page.
 */
export function volunteerRecordPhotos(
  ctx: ReadContext,
  sessionId: string
): { id: string; caption: string; mime: PhotoMime; width: number; height: number; bytes: Buffer }[] {
  return sql<{ id: string; caption: string; mime: PhotoMime; width: number; height: number; bytes: Buffer }, [string]>(
    ctx.db,
    `SELECT id, caption, mime, width, height, bytes FROM session_photos
     WHERE session_id = ? AND in_volunteer_record = 1 ORDER BY position, id`
  ).all(sessionId)
}

/** Checks the bytes as an image (the page is never trusted) and adds the photo after the session's others. */
export function addPhoto(ctx: CoreContext, input: ParsedInputOf<'photos:add'>): SessionPhoto {
  requireStatus(ctx, input.sessionId, [...PHOTO_STATUSES], 'sessionId')
  const bytes = Buffer.from(input.contentBase64, 'base64')
  const refuse = (code: string, message: string, params?: Record<string, number>): never => {
    throw new AppFailure('invalid_input', message, [{ path: ['contentBase64'], code, message, ...(params ? { params } : {}) }])
  }
  if (bytes.length > PHOTO_MAX_BYTES) refuse('photo_too_large', `over ${PHOTO_MAX_BYTES} bytes`, { max: Math.floor(PHOTO_MAX_BYTES / 1000) })
  const header = readImageHeader(bytes)
  if (header === 'unknown') return refuse('photo_not_image', 'not a JPEG or PNG image')
  if (header === 'unreadable') return refuse('photo_unreadable', 'the image header cannot be read')
  if (header.width > PHOTO_MAX_SIDE || header.height > PHOTO_MAX_SIDE) {
    refuse('photo_too_many_pixels', `${header.width}×${header.height} is over ${PHOTO_MAX_SIDE} px a side`, { max: PHOTO_MAX_SIDE })
  }
  const { count, last } = sql<{ count: number; last: number | null }, [string]>(
    ctx.db,
    'SELECT count(*) AS count, max(position) AS last FROM session_photos WHERE session_id = ?'
  ).get(input.sessionId)!
  if (count >= PHOTOS_PER_SESSION) {
    throw new AppFailure('conflict', `A session holds at most ${PHOTOS_PER_SESSION} photos.`, [
      { path: ['sessionId'], code: 'photos_full', message: 'too many photos', params: { max: PHOTOS_PER_SESSION } }
    ])
  }
  const id = uuidv7(ctx.now())
  sql<never, [string, string, number, string, PhotoMime, number, number, Buffer, number]>(
    ctx.db,
    `INSERT INTO session_photos (id, session_id, position, caption, mime, width, height, bytes, in_volunteer_record, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`
  ).run(id, input.sessionId, (last ?? -1) + 1, input.caption, header.mime, header.width, header.height, bytes, ctx.now())
  ctx.emit({ name: 'photos:changed', id: input.sessionId })
  return getPhoto(ctx, id)
}

/** The caption, and whether it is one of the (at most four) photos of the 志愿服务活动记录. */
export function updatePhoto(ctx: CoreContext, input: ParsedInputOf<'photos:update'>): SessionPhoto {
  const photo = getPhoto(ctx, input.id)
  requireStatus(ctx, photo.sessionId, [...PHOTO_STATUSES], 'id')
  const chosen = input.inVolunteerRecord ?? photo.inVolunteerRecord
  if (chosen && !photo.inVolunteerRecord) {
    const { count } = sql<{ count: number }, [string]>(
      ctx.db,
      'SELECT count(*) AS count FROM session_photos WHERE session_id = ? AND in_volunteer_record = 1'
    ).get(photo.sessionId)!
    if (count >= VOLUNTEER_RECORD_PHOTOS) {
      throw new AppFailure('conflict', `At most ${VOLUNTEER_RECORD_PHOTOS} photos go into the volunteer record.`, [
        { path: ['inVolunteerRecord'], code: 'volunteer_photos_full', message: 'four photos are chosen already', params: { max: VOLUNTEER_RECORD_PHOTOS } }
      ])
    }
  }
  sql<never, [string, number, string]>(ctx.db, 'UPDATE session_photos SET caption = ?, in_volunteer_record = ? WHERE id = ?').run(
    input.caption ?? photo.caption,
    chosen ? 1 : 0,
    photo.id
  )
  ctx.emit({ name: 'photos:changed', id: photo.sessionId })
  return getPhoto(ctx, photo.id)
}

/** Puts the photo at `position` among its session's (past the end: last), renumbering them 0, 1, 2 … */
export function movePhoto(ctx: CoreContext, { id, position }: ParsedInputOf<'photos:move'>): SessionPhoto[] {
  const photo = getPhoto(ctx, id)
  requireStatus(ctx, photo.sessionId, [...PHOTO_STATUSES], 'id')
  const order = listPhotos(ctx, photo.sessionId)
    .map((each) => each.id)
    .filter((each) => each !== id)
  order.splice(Math.min(position, order.length), 0, id)
  const update = sql<never, [number, string]>(ctx.db, 'UPDATE session_photos SET position = ? WHERE id = ?')
  order.forEach((each, index) => update.run(index, each))
  ctx.emit({ name: 'photos:changed', id: photo.sessionId })
  return listPhotos(ctx, photo.sessionId)
}

export function deletePhoto(ctx: CoreContext, id: string): { id: string } {
  const photo = getPhoto(ctx, id)
  requireStatus(ctx, photo.sessionId, [...PHOTO_STATUSES], 'id')
  sql<never, [string]>(ctx.db, 'DELETE FROM session_photos WHERE id = ?').run(id)
  ctx.emit({ name: 'photos:changed', id: photo.sessionId })
  return { id }
}

function requireSession(ctx: ReadContext, sessionId: string): void {
  if (!sql<{ 1: number }, [string]>(ctx.db, 'SELECT 1 FROM sessions WHERE id = ?').get(sessionId)) throw notFound('session', sessionId)
}

function toPhoto(row: PhotoRow): SessionPhoto {
  return { ...row, inVolunteerRecord: row.inVolunteerRecord === 1 }
}
