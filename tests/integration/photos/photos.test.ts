import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { volunteerRecordPhotos } from '../../../src/core/photos/photos'
import { uuidv7 } from '../../../src/core/store/ids'
import type { SessionStatus } from '../../../src/shared/domain'
import { PHOTO_MAX_BASE64, PHOTO_MAX_BYTES, PHOTOS_PER_SESSION, type SessionPhoto } from '../../../src/shared/photos'
import { chartPng, jpegBytes, landscapeJpeg, pngBytes } from '../../fixtures/images'
import { DAY, errorOf, HOUR, issuesOf, recordEvents, refusedWithoutTrace, runCleanups, T0, tempDatabaseFile, testCore, valueOf, withDatabase } from '../../helpers'

/**
 * 活动照片 through core's channels on a real SQLite file, with real JPEG and PNG bytes: adding (core checks
 * the bytes itself), captions, the photos chosen for the 志愿服务活动记录 (at most four), order, deleting,
 * refusals that leave no trace, and photos carried by a backup and its restore.
 */

afterEach(runCleanups)

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')
const JPEG = landscapeJpeg(64, 48)
const PNG = chartPng(48, 32)

async function sessionIn(core: Core, status: SessionStatus, title = '思想圆桌派'): Promise<string> {
  const { id } = valueOf(await core.invoke('sessions:create', { title, plannedStart: T0, plannedEnd: T0 + 2 * HOUR }))
  if (status === 'live' || status === 'ended') valueOf(await core.invoke('sessions:start', { id }))
  if (status === 'ended') valueOf(await core.invoke('sessions:end', { id }))
  if (status === 'cancelled') valueOf(await core.invoke('sessions:cancel', { id }))
  return id
}

async function add(core: Core, sessionId: string, bytes: Uint8Array = JPEG, caption = ''): Promise<SessionPhoto> {
  return valueOf(await core.invoke('photos:add', { sessionId, contentBase64: b64(bytes), caption }))
}

describe('adding photos', () => {
  it('stores a JPEG and a PNG with their size read from the file, in the order added, and announces it', async () => {
    const core = testCore({ now: () => T0 })
    const sessionId = await sessionIn(core, 'ended')
    const events = recordEvents(core)
    const first = await add(core, sessionId, JPEG, '  圆桌时间，大家发言  ')
    const second = await add(core, sessionId, PNG)
    expect(first).toMatchObject({ sessionId, position: 0, caption: '圆桌时间，大家发言', mime: 'image/jpeg', width: 64, height: 48, size: JPEG.length, inVolunteerRecord: false })
    expect(second).toMatchObject({ position: 1, caption: '', mime: 'image/png', width: 48, height: 32, size: PNG.length })
    expect(events).toEqual([
      { name: 'photos:changed', id: sessionId },
      { name: 'photos:changed', id: sessionId }
    ])
    expect(valueOf(await core.invoke('photos:list', { sessionId }))).toEqual([first, second])
    // The bytes come back exactly as sent.
    const content = valueOf(await core.invoke('photos:get', { id: second.id }))
    expect(content).toEqual({ id: second.id, mime: 'image/png', contentBase64: b64(PNG) })
  })

  it('takes photos on a planned, live or ended session, and refuses a cancelled one without a trace', async () => {
    const core = testCore({ now: () => T0 })
    for (const status of ['planned', 'live', 'ended'] as const) {
      const sessionId = await sessionIn(core, status, status)
      expect((await add(core, sessionId)).sessionId).toBe(sessionId)
    }
    const cancelled = await sessionIn(core, 'cancelled', '取消的')
    const error = await refusedWithoutTrace(core, 'photos:add', { sessionId: cancelled, contentBase64: b64(JPEG) })
    expect(error.code).toBe('conflict')
    expect(issuesOf(error)).toEqual([{ path: ['sessionId'], code: 'session_cancelled' }])
    expect(errorOf(await core.invoke('photos:add', { sessionId: uuidv7(T0), contentBase64: b64(JPEG) })).code).toBe('not_found')
  })

  it('refuses what is not a JPEG or PNG, a broken header, too many pixels and too many bytes, writing nothing', async () => {
    const core = testCore({ now: () => T0 })
    const sessionId = await sessionIn(core, 'ended')
    const refused = async (bytes: Uint8Array) => issuesOf(await refusedWithoutTrace(core, 'photos:add', { sessionId, contentBase64: b64(bytes) }))
    expect(await refused(Buffer.from('GIF89a\x01\x00\x01\x00'))).toEqual([{ path: ['contentBase64'], code: 'photo_not_image' }])
    expect(await refused(Buffer.from('%PDF-1.7 not a photo'))).toEqual([{ path: ['contentBase64'], code: 'photo_not_image' }])
    // Cut short after the signature: the size cannot be read.
    expect(await refused(PNG.subarray(0, 20))).toEqual([{ path: ['contentBase64'], code: 'photo_unreadable' }])
    expect(await refused(JPEG.subarray(0, 30))).toEqual([{ path: ['contentBase64'], code: 'photo_unreadable' }])
    // Over 1920 px on either side (the page resizes first; core does not trust it).
    expect(await refused(jpegBytes(1921, 8, () => [0, 0, 0]))).toEqual([{ path: ['contentBase64'], code: 'photo_too_many_pixels' }])
    expect(await refused(pngBytes(4, 2000, () => [0, 0, 0]))).toEqual([{ path: ['contentBase64'], code: 'photo_too_many_pixels' }])
    // Over the byte limit (a valid PNG header, then padding): refused by its length before it is decoded.
    const tooBig = Buffer.concat([PNG.subarray(0, 33), Buffer.alloc(PHOTO_MAX_BYTES)])
    expect(await refused(tooBig)).toEqual([{ path: ['contentBase64'], code: 'photo_too_large' }])
    // Exactly at the limit is taken.
    const atLimit = Buffer.concat([PNG.subarray(0, 33), Buffer.alloc(PHOTO_MAX_BYTES - 33)])
    expect(b64(atLimit).length).toBe(PHOTO_MAX_BASE64)
    const taken = await add(core, sessionId, atLimit)
    expect(taken.size).toBe(PHOTO_MAX_BYTES)
    valueOf(await core.invoke('photos:delete', { id: taken.id }))
    // Not base64 at all: refused by the contract.
    for (const contentBase64 of ['not base64!', 'abc', '====']) {
      expect(issuesOf(await refusedWithoutTrace(core, 'photos:add', { sessionId, contentBase64 }))).toEqual([{ path: ['contentBase64'], code: 'photo_unreadable' }])
    }
    expect(valueOf(await core.invoke('photos:list', { sessionId }))).toEqual([])
  })

  it(`refuses a photo past the ${PHOTOS_PER_SESSION} a session holds`, async () => {
    const core = testCore({ now: () => T0 })
    const sessionId = await sessionIn(core, 'ended')
    const tiny = pngBytes(1, 1, () => [255, 255, 255])
    for (let i = 0; i < PHOTOS_PER_SESSION; i++) await add(core, sessionId, tiny)
    const error = await refusedWithoutTrace(core, 'photos:add', { sessionId, contentBase64: b64(tiny) })
    expect(issuesOf(error)).toEqual([{ path: ['sessionId'], code: 'photos_full' }])
  })
})

describe('captions, the 志愿服务活动记录, order and deleting', () => {
  it('edits the caption, and chooses at most four photos for the 志愿服务活动记录 (a fifth is refused)', async () => {
    const core = testCore({ now: () => T0 })
    const sessionId = await sessionIn(core, 'ended')
    const photos: SessionPhoto[] = []
    for (let i = 0; i < 6; i++) photos.push(await add(core, sessionId, landscapeJpeg(16 + 8 * i, 16), `照片${i + 1}`))
    expect(valueOf(await core.invoke('photos:update', { id: photos[0]!.id, caption: '主持人开场' }))).toMatchObject({ caption: '主持人开场', inVolunteerRecord: false })
    for (const photo of photos.slice(0, 4)) {
      expect(valueOf(await core.invoke('photos:update', { id: photo.id, inVolunteerRecord: true })).inVolunteerRecord).toBe(true)
    }
    const fifth = await refusedWithoutTrace(core, 'photos:update', { id: photos[4]!.id, inVolunteerRecord: true, caption: '不会保存' })
    expect(fifth.code).toBe('conflict')
    expect(issuesOf(fifth)).toEqual([{ path: ['inVolunteerRecord'], code: 'volunteer_photos_full' }])
    // Choosing one that is chosen already, or editing a chosen one's caption, is fine.
    valueOf(await core.invoke('photos:update', { id: photos[3]!.id, inVolunteerRecord: true, caption: '合影' }))
    // Unchoose one: then another can be chosen.
    valueOf(await core.invoke('photos:update', { id: photos[1]!.id, inVolunteerRecord: false }))
    valueOf(await core.invoke('photos:update', { id: photos[5]!.id, inVolunteerRecord: true }))
    const listed = valueOf(await core.invoke('photos:list', { sessionId }))
    expect(listed.filter((photo) => photo.inVolunteerRecord).map((photo) => photo.caption)).toEqual(['主持人开场', '照片3', '合影', '照片6'])

    // What the documents will put on the page: the chosen ones' bytes, in the session's order.
    valueOf(await core.invoke('photos:move', { id: photos[5]!.id, position: 0 }))
    const chosen = withDatabase(core.databaseFile, (db) => volunteerRecordPhotos({ db } as never, sessionId))
    expect(chosen.map((photo) => photo.caption)).toEqual(['照片6', '主持人开场', '照片3', '合影'])
    expect(chosen[0]!.bytes.equals(landscapeJpeg(56, 16))).toBe(true)
    expect(chosen[0]).toMatchObject({ mime: 'image/jpeg', width: 56, height: 16 })
  })

  it('moves a photo and renumbers the others; deletes one (with its bytes)', async () => {
    const core = testCore({ now: () => T0 })
    const sessionId = await sessionIn(core, 'live')
    const [a, b, c] = [await add(core, sessionId, JPEG, 'A'), await add(core, sessionId, PNG, 'B'), await add(core, sessionId, JPEG, 'C')]
    const order = (photos: SessionPhoto[]) => photos.map((photo) => `${photo.position}${photo.caption}`)
    expect(order(valueOf(await core.invoke('photos:move', { id: c!.id, position: 0 })))).toEqual(['0C', '1A', '2B'])
    expect(order(valueOf(await core.invoke('photos:move', { id: c!.id, position: 99 })))).toEqual(['0A', '1B', '2C'])
    expect(order(valueOf(await core.invoke('photos:move', { id: a!.id, position: 1 })))).toEqual(['0B', '1A', '2C'])
    const events = recordEvents(core)
    expect(valueOf(await core.invoke('photos:delete', { id: b!.id }))).toEqual({ id: b!.id })
    expect(events).toEqual([{ name: 'photos:changed', id: sessionId }])
    expect(order(valueOf(await core.invoke('photos:list', { sessionId })))).toEqual(['1A', '2C'])
    expect(errorOf(await core.invoke('photos:get', { id: b!.id })).code).toBe('not_found')
    // A photo added now goes last.
    expect((await add(core, sessionId, PNG, 'D')).position).toBe(3)
    for (const channel of ['photos:delete', 'photos:get'] as const) {
      expect((await refusedWithoutTrace(core, channel, { id: b!.id })).code).toBe('not_found')
    }
    expect((await refusedWithoutTrace(core, 'photos:update', { id: b!.id, caption: 'x' })).code).toBe('not_found')
    expect((await refusedWithoutTrace(core, 'photos:update', { id: a!.id, caption: 'x'.repeat(201) })).code).toBe('invalid_input')
  })

  it('goes with its session (the foreign key cascades), and a demo session the user added photos to is kept by 删除示例数据', async () => {
    const core = testCore({ now: () => T0, seedDemo: true })
    const [demo] = valueOf(await core.invoke('sessions:list', { when: 'all' }))
    const photo = await add(core, demo!.id, JPEG, '示例')
    // A demo session with the user's photos is theirs now: kept.
    valueOf(await core.invoke('demo:remove', {}))
    expect(valueOf(await core.invoke('photos:list', { sessionId: demo!.id }))).toHaveLength(1)
    // The foreign key cascades when a session row goes.
    withDatabase(core.databaseFile, (db) => {
      db.pragma('foreign_keys = ON')
      db.prepare('DELETE FROM sessions WHERE id = ?').run(demo!.id)
      expect(db.prepare('SELECT count(*) AS n FROM session_photos WHERE id = ?').get(photo.id)).toEqual({ n: 0 })
    })
  })
})

describe('photos in backups', () => {
  it('a backup carries the photos, and restoring it brings them back byte for byte', async () => {
    const clock = { now: T0 }
    const core = testCore({ databaseFile: tempDatabaseFile(), now: () => clock.now })
    const sessionId = await sessionIn(core, 'ended')
    const kept = await add(core, sessionId, JPEG, '合影')
    valueOf(await core.invoke('photos:update', { id: kept.id, inVolunteerRecord: true }))
    const { backup } = valueOf(await core.invoke('backups:create', { chooseFile: false }))
    clock.now += DAY
    valueOf(await core.invoke('photos:delete', { id: kept.id }))
    await add(core, sessionId, PNG, '后来加的')
    valueOf(await core.invoke('backups:restore', { name: backup.name }))
    const photos = valueOf(await core.invoke('photos:list', { sessionId }))
    expect(photos).toEqual([{ ...kept, inVolunteerRecord: true }])
    expect(valueOf(await core.invoke('photos:get', { id: kept.id })).contentBase64).toBe(b64(JPEG))
    await core.idle()
  })
})
