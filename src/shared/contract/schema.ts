import { z } from 'zod'
import { LIMITS } from '../limits'

/**
 * The building blocks every domain's channels are made of: ids, text with its limits, times. One rule
 * each, so a title is checked the same way in every channel.
 */

/** A channel: its zod input schema and (as a type only) what it answers. */
export const channel = <I extends z.ZodType>(input: I) => ({
  returns: <O>() => ({ input, output: undefined as unknown as O })
})

// UUIDv7 as text; the version nibble is not enforced so imported archives with v4 ids still resolve.
export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
export const none = z.strictObject({})
export const byId = z.strictObject({ id: idSchema })
export const bySession = z.strictObject({ sessionId: idSchema })

/** Control characters (NUL, escape, …) are never text a person typed; a line has no line breaks or tabs either. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LINE_CONTROLS = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- as above, newline and tab allowed
const PROSE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const withoutControls = (schema: z.ZodString, controls: RegExp) =>
  schema.refine((value) => !controls.test(value), { params: { reason: 'control_characters' } })
/** One line of text (a name, a title, a place). */
export const text = (max: number) => withoutControls(z.string().trim().max(max), LINE_CONTROLS)
export const required = (max: number) => withoutControls(z.string().trim().max(max).min(1), LINE_CONTROLS)
/** Text that may run over several lines (a remark, a note, a summary): newlines and tabs are kept. */
export const prose = (max: number) => withoutControls(z.string().trim().max(max), PROSE_CONTROLS)
export const requiredProse = (max: number) => withoutControls(z.string().trim().max(max).min(1), PROSE_CONTROLS)
/** Prose kept exactly as typed (a draft: its spaces are the note-taker's, not trimmed). */
export const untrimmedProse = (max: number) => withoutControls(z.string().max(max), PROSE_CONTROLS)

/** Times a session can have: 2000–2100 (a typo of a century must not reach the calendar or Date). */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1)
export const LATEST_TIME = Date.UTC(2100, 0, 1)
export const time = () =>
  z
    .number()
    .int()
    .refine((ms) => ms >= EARLIEST_TIME && ms <= LATEST_TIME, { params: { reason: 'date_out_of_range' } })

/** A China date 'YYYY-MM-DD' between 2000 and 2099 (a real date: 2025-02-30 is refused). */
export const isoDate = z.iso
  .date()
  .refine((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || (date >= '2000-01-01' && date < '2100-01-01'), { params: { reason: 'date_out_of_range' } })

/** A business rule broken; `reason` becomes the code, translated as `validation.<reason>`. */
export const rule = (reason: string, path: (string | number)[]) => ({ code: 'custom' as const, path, params: { reason } })

/** Labels a person picks (categories, tags): no blanks, no repeats. */
export const labelList = z
  .array(required(LIMITS.tag))
  .max(LIMITS.tags)
  .refine((list) => new Set(list).size === list.length, { params: { reason: 'duplicate_value' } })

/** Free tags on one record. */
export const tags = () => z.array(required(LIMITS.tag)).max(LIMITS.tags)
