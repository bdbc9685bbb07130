import { z } from 'zod'
import { ATTENDANCE_ROLES, SEAT_LAYOUTS, SEGMENT_KINDS, type SessionDetail, type SessionSummary } from '../domain'
import { LIMITS } from '../limits'
import { byId, channel, idSchema, prose, rule, text, time, required } from './schema'

const segmentSchema = z.strictObject({
  kind: z.enum(SEGMENT_KINDS),
  title: text(LIMITS.shortText).default(''),
  lecturerId: idSchema.nullable().default(null),
  topic: text(LIMITS.mediumText).default(''),
  plannedMinutes: z.number().int().min(0).max(600)
})

const inviteeSchema = z.strictObject({
  personId: idSchema,
  role: z.enum(ATTENDANCE_ROLES).default('participant'),
  seatNumber: z.number().int().min(1).max(LIMITS.seats).nullable().default(null)
})

const sessionFields = {
  title: required(LIMITS.shortText),
  themeId: idSchema.nullable().default(null),
  plannedStart: time(),
  plannedEnd: time(),
  venue: text(LIMITS.mediumText).default(''),
  hostId: idSchema.nullable().default(null),
  recorderId: idSchema.nullable().default(null),
  organiserUnit: text(LIMITS.shortText).default(''),
  speakerLimitSeconds: z.number().int().min(30).max(3600).nullable().default(null),
  agenda: z.array(segmentSchema).max(30).default([]),
  invitees: z.array(inviteeSchema).max(LIMITS.seats).default([]),
  seatLayout: z.enum(SEAT_LAYOUTS).default('round')
}

type SessionPlanShape = z.output<z.ZodObject<typeof sessionFields>>

/** Rules that need more than one field. Rules that need the database (people exist) live in core. */
function checkPlan(plan: SessionPlanShape, ctx: z.RefinementCtx): void {
  if (plan.plannedEnd <= plan.plannedStart) ctx.addIssue(rule('end_before_start', ['plannedEnd']))
  plan.agenda.forEach((segment, index) => {
    if (segment.kind === 'study' && !segment.lecturerId) ctx.addIssue(rule('lecturer_required', ['agenda', index, 'lecturerId']))
  })
  const people = new Set<string>()
  const seats = new Set<number>()
  plan.invitees.forEach((invitee, index) => {
    if (people.has(invitee.personId)) ctx.addIssue(rule('duplicate_person', ['invitees', index, 'personId']))
    people.add(invitee.personId)
    if (invitee.seatNumber !== null) {
      if (seats.has(invitee.seatNumber)) ctx.addIssue(rule('duplicate_seat', ['invitees', index, 'seatNumber']))
      seats.add(invitee.seatNumber)
    }
  })
}

export const sessionPlanSchema = z.strictObject(sessionFields).superRefine(checkPlan)
export const sessionUpdateSchema = z.strictObject({ id: idSchema, ...sessionFields }).superRefine(checkPlan)
export type SessionPlan = z.input<typeof sessionPlanSchema>

/** Planning sessions (场次): the plan, its copies, its cancellation, and the host's summary afterwards. */
export const sessionsContract = {
  'sessions:list': channel(
    z.strictObject({
      when: z.enum(['upcoming', 'past', 'all']).optional(),
      query: text(LIMITS.query).optional(),
      /** Sessions starting in [from, to), for the calendar. */
      from: time().optional(),
      to: time().optional()
    })
  ).returns<SessionSummary[]>(),
  'sessions:get': channel(byId).returns<SessionDetail>(),
  'sessions:create': channel(sessionPlanSchema).returns<SessionDetail>(),
  'sessions:update': channel(sessionUpdateSchema).returns<SessionDetail>(),
  /** A new planned session with the same theme, agenda, invitees, seats and seat layout, a week from today. */
  'sessions:duplicate': channel(byId).returns<SessionDetail>(),
  'sessions:cancel': channel(byId).returns<SessionDetail>(),
  /** 总结: the host's closing summary of a live or ended session. */
  'sessions:setSummary': channel(z.strictObject({ id: idSchema, summary: prose(LIMITS.longText) })).returns<SessionDetail>()
} as const
