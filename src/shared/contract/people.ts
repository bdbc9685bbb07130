import { z } from 'zod'
import { IMPORT_FIELDS, type ExportOutcome, type ImportOutcome, type ImportPreview, type Person } from '../domain'
import { LIMITS } from '../limits'
import { byId, channel, idSchema, prose, required, text } from './schema'

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

/** The directory of people (人员名录) and its roster files. */
export const peopleContract = {
  'people:list': channel(
    z.strictObject({
      includeArchived: z.boolean().optional(),
      limit: z.number().int().min(1).max(LIMITS.listPage).optional()
    })
  ).returns<Person[]>(),
  'people:get': channel(byId).returns<Person>(),
  /**
   * Who a new (or edited) person may already be: the same name and place (村, 单位), or the same phone, by
   * the import's rule. Reads only; `excludeId` leaves out the person being edited.
   */
  'people:findLikelyDuplicates': channel(
    z.strictObject({
      name: text(LIMITS.name),
      organisation: text(LIMITS.shortText).default(''),
      village: text(LIMITS.shortText).default(''),
      phone: phone.default(null),
      excludeId: idSchema.optional()
    })
  ).returns<Person[]>(),
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
  /** Made and saved in one call, as minutes:export: where the desktop saved it (or cancelled), or the bytes to download. */
  'people:export': channel(
    z.strictObject({ format: z.enum(['xlsx', 'csv']), includeArchived: z.boolean().default(false) })
  ).returns<ExportOutcome>()
} as const
