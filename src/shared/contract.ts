import { z } from 'zod'
import { LANGUAGES, type AppInfo, type Person, type SearchHit, type SessionDetail, type SessionSummary, type Settings, type Theme } from './domain'
import { LIMITS } from './limits'

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
const text = (max: number) => z.string().trim().max(max)

export const settingsPatchSchema = z
  .strictObject({
    language: z.enum(LANGUAGES),
    organisationName: text(LIMITS.shortText),
    defaultVenue: text(LIMITS.mediumText)
  })
  .partial()

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

  'themes:list': channel(none).returns<Theme[]>(),
  'themes:get': channel(byId).returns<Theme>(),

  'sessions:list': channel(
    z.strictObject({ when: z.enum(['upcoming', 'past', 'all']).optional() })
  ).returns<SessionSummary[]>(),
  'sessions:get': channel(byId).returns<SessionDetail>(),

  'search:query': channel(
    z.strictObject({ text: text(LIMITS.query).min(1) })
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
