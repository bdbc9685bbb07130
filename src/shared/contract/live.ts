import { z } from 'zod'
import type { AttendanceEntry, LiveProgress, LiveView, SessionDetail } from '../domain'
import { LIMITS } from '../limits'
import { byId, bySession, channel, idSchema, text } from './schema'

/** What the console can do; a round names its starting seat and core works out the order from the seats. */
export const liveActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('phase'), segmentId: idSchema.nullable() }),
  z.strictObject({ type: z.literal('round'), startPersonId: idSchema }),
  z.strictObject({ type: z.literal('free') }),
  z.strictObject({ type: z.literal('pass') }),
  z.strictObject({ type: z.literal('skip') }),
  z.strictObject({ type: z.literal('defer') }),
  z.strictObject({ type: z.literal('decline') }),
  z.strictObject({ type: z.literal('raise_hand'), personId: idSchema }),
  z.strictObject({ type: z.literal('speak_again'), personId: idSchema }),
  z.strictObject({ type: z.literal('applause') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') })
])
export type LiveAction = z.input<typeof liveActionSchema>

/** Running a session live (现场): start and end, the microphone, check-in, walk-ins, the projector. */
export const liveContract = {
  /** 开始场次: planned → live. */
  'sessions:start': channel(byId).returns<LiveView>(),
  /** 结束场次: the last turn ends; live → ended. */
  'sessions:end': channel(byId).returns<LiveView>(),

  'live:get': channel(bySession).returns<LiveView>(),
  'live:act': channel(z.strictObject({ sessionId: idSchema, action: liveActionSchema })).returns<LiveProgress>(),
  /** 撤销: takes back the last speaking action, again and again. */
  'live:undo': channel(bySession).returns<LiveView>(),
  /** 签到: present, or absent with a reason. Answers with that person's entry on the list as it now is. */
  'live:checkIn': channel(
    z.strictObject({ sessionId: idSchema, personId: idSchema, present: z.boolean(), reason: text(LIMITS.shortText).default('') })
  ).returns<AttendanceEntry>(),
  /** 全部出席: everyone still 未签到 is checked in. */
  'live:checkInEveryone': channel(bySession).returns<LiveView>(),
  /** A volunteer's service hours, corrected before export (half hours); null: computed from their own time. */
  'attendance:setServiceHours': channel(
    z.strictObject({
      sessionId: idSchema,
      personId: idSchema,
      hours: z.number().min(0.5).max(24).refine((hours) => Number.isInteger(hours * 2), { params: { reason: 'half_hours' } }).nullable()
    })
  ).returns<SessionDetail>(),
  /** A walk-in from the directory, seated at the first free seat unless one is given. */
  'live:addWalkIn': channel(
    z.strictObject({ sessionId: idSchema, personId: idSchema, seatNumber: z.number().int().min(1).max(LIMITS.seats).nullable().default(null) })
  ).returns<LiveView>(),
  /** Several walk-ins at once, chosen together from the directory: all seated at the next free seats, in order, or none. */
  'live:addWalkIns': channel(
    z.strictObject({
      sessionId: idSchema,
      personIds: z
        .array(idSchema)
        .min(1)
        .max(LIMITS.seats)
        .refine((ids) => new Set(ids).size === ids.length, { params: { reason: 'duplicate_person' } })
    })
  ).returns<LiveView>(),
  /** 投屏: a second window where the platform has one; otherwise the caller opens `#/projector/<id>` itself. */
  'projector:open': channel(bySession).returns<{ opened: boolean }>()
} as const
