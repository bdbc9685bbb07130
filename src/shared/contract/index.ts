import type { z } from 'zod'
import { appContract } from './app'
import { backupsContract } from './backups'
import { decisionsContract } from './decisions'
import { demoContract } from './demo'
import { ledgerContract } from './ledger'
import { liveContract } from './live'
import { minutesContract } from './minutes'
import { packsContract } from './packs'
import { peopleContract } from './people'
import { photosContract } from './photos'
import { remarksContract } from './remarks'
import { searchContract } from './search'
import { sessionsContract } from './sessions'
import { statisticsContract } from './statistics'
import { themesContract } from './themes'

/**
 * The one contract: channel `domain:verb` -> zod input schema -> result type, put together from each
 * domain's part (one file per domain in this folder). Core implements every channel (a missing handler is
 * a compile error); IPC and HTTP carry it unchanged.
 *
 * To add a channel: add it to its domain's file here, and its handler to src/core/<domain>/handlers.ts.
 */
type ChannelDef = { input: z.ZodType; output: unknown }
type Part = Readonly<Record<string, ChannelDef>>

/** Merges the domains' parts; a channel name defined twice is a mistake, refused when the module loads. */
export function combineContracts<Parts extends readonly Part[]>(...parts: Parts): UnionToIntersection<Parts[number]> {
  const combined: Record<string, ChannelDef> = {}
  for (const part of parts) {
    for (const [name, definition] of Object.entries(part)) {
      if (Object.hasOwn(combined, name)) throw new Error(`The channel ${name} is defined twice in the contract.`)
      combined[name] = definition
    }
  }
  return combined as UnionToIntersection<Parts[number]>
}
type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never

export const contract = combineContracts(
  appContract,
  demoContract,
  backupsContract,
  peopleContract,
  themesContract,
  sessionsContract,
  liveContract,
  remarksContract,
  decisionsContract,
  photosContract,
  minutesContract,
  packsContract,
  ledgerContract,
  searchContract,
  statisticsContract
)

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller sends (before zod's defaults and trimming). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after validation). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
export type OutputOf<C extends Channel> = Contract[C]['output']

export const CHANNELS = Object.keys(contract) as Channel[]
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name)

export { settingsPatchSchema } from './app'
export { liveActionSchema, type LiveAction } from './live'
export { PHONE_PATTERN, personSchema } from './people'
export { EARLIEST_TIME, idSchema, LATEST_TIME, rule } from './schema'
export { sessionPlanSchema, sessionUpdateSchema, type SessionPlan } from './sessions'
export { themeSchema } from './themes'
