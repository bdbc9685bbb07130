import { existsSync } from 'node:fs'
import { contract, isChannel, type Channel, type OutputOf } from '../shared/contract'
import type { ChangeEvent } from '../shared/events'
import { fail, ok, type Result } from '../shared/result'
import type { CoreContext, Platform } from './context'
import { AppFailure } from './errors'
import { handlers, isAsyncHandler } from './handlers'
import { seedDemo } from './demo/demo'
import { openDatabase } from './store/database'
import { toFieldIssues } from './validation'

export interface CoreOptions {
  databaseFile: string
  appVersion: string
  now?: () => number
  /** Where unexpected errors are reported (the message to the caller stays generic). */
  log?: (message: string, error: unknown) => void
  /** Create the 示例场次 when this call creates the database file (the app and the web bridge do; tests choose). */
  seedDemo?: boolean
  platform?: Platform
}

export interface Core {
  /** Validates `input` against the channel's schema, runs the handler, never throws (never rejects). */
  invoke<C extends Channel>(channel: C | string, input: unknown): Promise<Result<OutputOf<C>>>
  subscribe(listener: (event: ChangeEvent) => void): () => void
  close(): void
}

export function createCore(options: CoreOptions): Core {
  // The demo belongs to a first run only: never to an existing archive, whatever opened it before.
  const firstRun = !existsSync(options.databaseFile)
  const db = openDatabase(options.databaseFile)
  const listeners = new Set<(event: ChangeEvent) => void>()
  const log = options.log ?? ((message, error) => console.error(message, error))
  const ctx: CoreContext = {
    db,
    now: options.now ?? Date.now,
    emit: () => undefined,
    databaseFile: options.databaseFile,
    appVersion: options.appVersion,
    platform: options.platform ?? {}
  }

  if (options.seedDemo && firstRun) db.transaction(() => seedDemo(ctx))()

  function notify(event: ChangeEvent): void {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch (error) {
        log('[core] a change listener failed', error)
      }
    }
  }

  async function invoke<C extends Channel>(channel: C | string, raw: unknown): Promise<Result<OutputOf<C>>> {
    if (!isChannel(channel)) return fail('unknown_channel', `There is no channel named ${String(channel).slice(0, 100)}`)
    const parsed = contract[channel].input.safeParse(raw ?? {})
    if (!parsed.success) {
      return fail('invalid_input', `Invalid input for ${channel}`, toFieldIssues(parsed.error, raw))
    }
    // Events are collected per call, so an async handler's events are not mixed with another call's.
    const events: ChangeEvent[] = []
    const callCtx: CoreContext = { ...ctx, emit: (event) => void events.push(event) }
    try {
      const handler = handlers[channel] as (ctx: CoreContext, input: unknown) => OutputOf<C> | Promise<OutputOf<C>>
      // A synchronous handler runs as one transaction: if it fails halfway, nothing is left behind.
      const value = isAsyncHandler(handler)
        ? await handler(callCtx, parsed.data)
        : db.transaction(() => handler(callCtx, parsed.data) as OutputOf<C>)()
      for (const event of events) notify(event)
      return ok(value)
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.code, error.message, error.issues)
      log(`[core] ${channel} failed`, error)
      return fail('internal', 'Something went wrong inside the app; nothing was changed.')
    }
  }

  return {
    invoke,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    close() {
      listeners.clear()
      if (db.open) db.close()
    }
  }
}
