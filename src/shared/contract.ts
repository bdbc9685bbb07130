import { z } from 'zod'
import {
  ATTENDANCE_ROLES,
  DECISION_STATUSES,
  IMPORT_FIELDS,
  LANGUAGES,
  PRINTABLE_DOCUMENTS,
  SEGMENT_KINDS,
  type AppInfo,
  type BackupInfo,
  type DemoRemovalPlan,
  type Decision,
  type ExportedFile,
  type ImportOutcome,
  type ImportPreview,
  type LiveView,
  type Person,
  type PrintableDocument,
  type PrintableHtml,
  type Remark,
  type RemarkDraft,
  type SearchHit,
  type SessionDetail,
  type SessionSummary,
  type Settings,
  type Theme
} from './domain'
import { LIMITS } from './limits'
import type { Minutes } from './minutes'

/**
 * The one contract: channel `domain:verb` -> zod input schema -> result type.
 * Core implements every channel (a missing handler is a compile error); IPC and HTTP carry it unchanged.
 */
const channel = <I extends z.ZodType>(input: I) => ({
  returns: <O>() => ({ input, output: undefined as unknown as O })
})

// UUIDv7 as text; the version nibble is not enforced so imported archives with v4 ids still resolve.
export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
const none = z.strictObject({})
const byId = z.strictObject({ id: idSchema })
/** Control characters (NUL, escape, …) are never text a person typed; a line has no line breaks or tabs either. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LINE_CONTROLS = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- as above, newline and tab allowed
const PROSE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const withoutControls = (schema: z.ZodString, controls: RegExp) =>
  schema.refine((value) => !controls.test(value), { params: { reason: 'control_characters' } })
/** One line of text (a name, a title, a place). */
const text = (max: number) => withoutControls(z.string().trim().max(max), LINE_CONTROLS)
const required = (max: number) => withoutControls(z.string().trim().max(max).min(1), LINE_CONTROLS)
/** Text that may run over several lines (a remark, a note, a summary): newlines and tabs are kept. */
const prose = (max: number) => withoutControls(z.string().trim().max(max), PROSE_CONTROLS)
const requiredProse = (max: number) => withoutControls(z.string().trim().max(max).min(1), PROSE_CONTROLS)

/** Times a session can have: 2000–2100 (a typo of a century must not reach the calendar or Date). */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1)
export const LATEST_TIME = Date.UTC(2100, 0, 1)
const time = () =>
  z
    .number()
    .int()
    .refine((ms) => ms >= EARLIEST_TIME && ms <= LATEST_TIME, { params: { reason: 'date_out_of_range' } })
/** A business rule broken; `reason` becomes the issue's code, translated as `validation.<reason>`. */
export const rule = (reason: string, path: (string | number)[]) => ({ code: 'custom' as const, path, params: { reason } })

const labelList = z
  .array(required(LIMITS.tag))
  .max(LIMITS.tags)
  .refine((list) => new Set(list).size === list.length, { params: { reason: 'duplicate_value' } })

export const settingsPatchSchema = z
  .strictObject({
    language: z.enum(LANGUAGES),
    organisationName: text(LIMITS.shortText),
    defaultVenue: text(LIMITS.mediumText),
    categories: labelList,
    remarkTags: labelList
  })
  .partial()

// Phone numbers as villagers write them: digits with spaces, dashes, brackets, a leading + or area code in brackets.
export const PHONE_PATTERN = /^\+?[0-9(][0-9 ()-]*$/
const phone = z.preprocess(
  // A phone field left blank (or holding only spaces) means no phone.
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  text(30).regex(PHONE_PATTERN).nullable()
)

export const personSchema = z.strictObject({
  name: required(LIMITS.name),
  gender: z.enum(['male', 'female']).nullable().default(null),
  organisation: text(LIMITS.shortText).default(''),
  village: text(LIMITS.shortText).default(''),
  categories: z.array(required(LIMITS.tag)).max(LIMITS.tags).default([]),
  phone: phone.default(null),
  note: prose(LIMITS.note).default('')
})

export const themeSchema = z.strictObject({
  title: required(LIMITS.shortText),
  description: prose(LIMITS.note).default(''),
  materials: prose(LIMITS.longText).default(''),
  references: z.array(required(LIMITS.mediumText)).max(50).default([]),
  tags: z.array(required(LIMITS.tag)).max(LIMITS.tags).default([])
})

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
  invitees: z.array(inviteeSchema).max(LIMITS.seats).default([])
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

/** A roster file as bytes (base64), small enough to cross the web bridge's 1 MiB body limit. */
const rosterFile = {
  fileName: required(LIMITS.mediumText),
  contentBase64: z.string().min(1).max(LIMITS.importBase64)
}
const mappingSchema = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((field) => [field, z.number().int().min(0).max(200).nullable()])) as Record<
    (typeof IMPORT_FIELDS)[number],
    z.ZodNullable<z.ZodNumber>
  >
)

const bySession = z.strictObject({ sessionId: idSchema })
const EXPORT_FORMATS: Record<PrintableDocument | 'turns', string[]> = {
  minutes: ['docx', 'pdf', 'markdown', 'text'],
  record: ['docx', 'pdf'],
  volunteer: ['docx', 'pdf'],
  turns: ['csv']
}
const printableSchema = z.strictObject({ sessionId: idSchema, document: z.enum(PRINTABLE_DOCUMENTS) })
/** A calendar date as 'YYYY-MM-DD' (a real date: 2025-02-30 is refused). */
/** A China date 'YYYY-MM-DD' between 2000 and 2099. */
const isoDate = z.iso
  .date()
  .refine((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || (date >= '2000-01-01' && date < '2100-01-01'), { params: { reason: 'date_out_of_range' } })

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

export const contract = {
  'app:info': channel(none).returns<AppInfo>(),

  'settings:get': channel(none).returns<Settings>(),
  'settings:update': channel(settingsPatchSchema).returns<Settings>(),

  'people:list': channel(
    z.strictObject({
      includeArchived: z.boolean().optional(),
      limit: z.number().int().min(1).max(LIMITS.listPage).optional()
    })
  ).returns<Person[]>(),
  'people:get': channel(byId).returns<Person>(),
  'people:create': channel(personSchema).returns<Person>(),
  'people:update': channel(personSchema.extend({ id: idSchema })).returns<Person>(),
  'people:archive': channel(z.strictObject({ id: idSchema, archived: z.boolean() })).returns<Person>(),
  /** Only for people without any history; the others are archived. */
  'people:delete': channel(byId).returns<{ id: string }>(),
  'people:importPreview': channel(z.strictObject({ ...rosterFile, mapping: mappingSchema.optional() })).returns<ImportPreview>(),
  'people:importCommit': channel(
    z.strictObject({
      ...rosterFile,
      mapping: mappingSchema,
      onDuplicate: z.enum(['skip', 'update']),
      skipInvalid: z.boolean().default(false)
    })
  ).returns<ImportOutcome>(),
  'people:export': channel(
    z.strictObject({ format: z.enum(['xlsx', 'csv']), includeArchived: z.boolean().default(false) })
  ).returns<ExportedFile>(),

  'themes:list': channel(none).returns<Theme[]>(),
  'themes:get': channel(byId).returns<Theme>(),
  'themes:create': channel(themeSchema).returns<Theme>(),
  'themes:update': channel(themeSchema.extend({ id: idSchema })).returns<Theme>(),
  /** Only for themes no session uses. */
  'themes:delete': channel(byId).returns<{ id: string }>(),

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
  /** A new planned session with the same theme, agenda, invitees and seats, a week from today. */
  'sessions:duplicate': channel(byId).returns<SessionDetail>(),
  'sessions:cancel': channel(byId).returns<SessionDetail>(),

  /** 开始场次: planned → live. */
  'sessions:start': channel(byId).returns<LiveView>(),
  /** 结束场次: the last turn ends; live → ended. */
  'sessions:end': channel(byId).returns<LiveView>(),

  'live:get': channel(bySession).returns<LiveView>(),
  'live:act': channel(z.strictObject({ sessionId: idSchema, action: liveActionSchema })).returns<LiveView>(),
  /** 撤销: takes back the last speaking action, again and again. */
  'live:undo': channel(bySession).returns<LiveView>(),
  /** 签到: present, or absent with a reason. */
  'live:checkIn': channel(
    z.strictObject({ sessionId: idSchema, personId: idSchema, present: z.boolean(), reason: text(LIMITS.shortText).default('') })
  ).returns<LiveView>(),
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
  /** 投屏: a second window where the platform has one; otherwise the caller opens `#/projector/<id>` itself. */
  'projector:open': channel(bySession).returns<{ opened: boolean }>(),

  /** What 删除示例数据 would keep because the user has used it (for the confirmation). */
  'demo:plan': channel(none).returns<DemoRemovalPlan>(),
  'demo:remove': channel(none).returns<{ removed: boolean; kept: DemoRemovalPlan }>(),

  /** 备份: the backups in the folder beside the database, newest first. */
  'backups:list': channel(none).returns<BackupInfo[]>(),
  /** 备份 now, to the backups folder; with `chooseFile`, also to a file the user picks (a USB stick). */
  'backups:create': channel(z.strictObject({ chooseFile: z.boolean().default(false) })).returns<{ backup: BackupInfo; savedTo: string | null }>(),
  /** 恢复: the current file is set aside (never deleted), the backup takes its place, and the archive reopens. */
  'backups:restore': channel(z.strictObject({ name: required(200) })).returns<{ restored: BackupInfo; setAside: string }>(),

  'remarks:list': channel(bySession).returns<Remark[]>(),
  'remarks:create': channel(
    z.strictObject({
      sessionId: idSchema,
      speakerId: idSchema,
      turnId: z.string().max(100).nullable().default(null),
      text: requiredProse(LIMITS.remark),
      tags: z.array(required(LIMITS.tag)).max(LIMITS.tags).default([]),
      starred: z.boolean().default(false)
    })
  ).returns<Remark>(),
  /** Edit, re-assign to another speaker (speakerId), tag or star. */
  'remarks:update': channel(
    z.strictObject({
      id: idSchema,
      text: requiredProse(LIMITS.remark).optional(),
      speakerId: idSchema.optional(),
      tags: z.array(required(LIMITS.tag)).max(LIMITS.tags).optional(),
      starred: z.boolean().optional()
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
      text: withoutControls(z.string().max(LIMITS.remark), PROSE_CONTROLS),
      tags: z.array(required(LIMITS.tag)).max(LIMITS.tags).default([]),
      starred: z.boolean().default(false)
    })
  ).returns<RemarkDraft | null>(),

  /** 总结: the host's closing summary of a live or ended session. */
  'sessions:setSummary': channel(z.strictObject({ id: idSchema, summary: prose(LIMITS.longText) })).returns<SessionDetail>(),

  'decisions:list': channel(
    z.strictObject({
      sessionId: idSchema.optional(),
      status: z.enum(DECISION_STATUSES).optional(),
      ownerId: idSchema.optional(),
      /** Due on or before this date ('YYYY-MM-DD'). */
      dueBy: isoDate.optional()
    })
  ).returns<Decision[]>(),
  'decisions:create': channel(
    z.strictObject({
      sessionId: idSchema,
      text: requiredProse(LIMITS.note),
      ownerId: idSchema.nullable().default(null),
      ownerName: text(LIMITS.name).default(''),
      dueDate: isoDate.nullable().default(null)
    })
  ).returns<Decision>(),
  'decisions:update': channel(
    z.strictObject({
      id: idSchema,
      text: requiredProse(LIMITS.note).optional(),
      ownerId: idSchema.nullable().optional(),
      ownerName: text(LIMITS.name).optional(),
      dueDate: isoDate.nullable().optional(),
      status: z.enum(DECISION_STATUSES).optional()
    })
  ).returns<Decision>(),
  'decisions:delete': channel(byId).returns<{ id: string }>(),

  /** The minutes model every document is drawn from (for browser companions and checks; the preview shows minutes:print). */
  'minutes:get': channel(bySession).returns<Minutes>(),
  'minutes:export': channel(
    z
      .strictObject({
        sessionId: idSchema,
        document: z.enum([...PRINTABLE_DOCUMENTS, 'turns']),
        format: z.enum(['docx', 'pdf', 'markdown', 'text', 'csv'])
      })
      // 会议纪要 as .docx, PDF, Markdown or text; 会议记录 and 志愿服务活动记录 as .docx or PDF; the turns as a CSV table.
      // PDF is made by the desktop app; the web bridge answers 'unavailable' and the page prints minutes:print.
      .refine((input) => EXPORT_FORMATS[input.document].includes(input.format), { params: { reason: 'format_not_available' }, path: ['format'] })
  ).returns<ExportedFile>(),
  /** A document as one HTML page to print (or save as PDF from the browser's print dialog). */
  'minutes:print': channel(printableSchema).returns<PrintableHtml>(),
  /** 打印 in the desktop app: the system's print dialog for that page ('unavailable' through the web bridge). */
  'minutes:sendToPrinter': channel(printableSchema).returns<{ printed: boolean }>(),
  /** Saves a file through the desktop's save dialog; { saved: false } where there is none (download instead). */
  'files:save': channel(
    z.strictObject({ fileName: required(LIMITS.mediumText), contentBase64: z.string().max(50_000_000) })
  ).returns<{ saved: boolean; path: string | null }>(),
  /** 打开所在文件夹: a file saved by files:save in this run, shown in the file manager (desktop only). */
  'files:reveal': channel(z.strictObject({ path: required(4096) })).returns<{ path: string }>(),

  'search:query': channel(
    z.strictObject({
      text: required(LIMITS.query),
      /** Remarks (and sessions) from this time on, and before `to`. */
      from: time().optional(),
      to: time().optional(),
      /** Only remarks by this speaker. */
      personId: idSchema.optional(),
      /** Only remarks with this tag. */
      tag: required(LIMITS.tag).optional(),
      limit: z.number().int().min(1).max(200).default(50)
    })
  ).returns<SearchHit[]>()
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller sends (before zod's defaults and trimming). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after validation). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
export type OutputOf<C extends Channel> = Contract[C]['output']

export const CHANNELS = Object.keys(contract) as Channel[]
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name)
