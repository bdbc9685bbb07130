import type { Channel, InputOf, OutputOf } from './contract'
import type { ChangeEvent, ChangeEventName } from './events'
import type { Result } from './result'

/** What both transports offer the renderer: the preload's `window.api` and the HTTP client. */
export interface RoundtableApi {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>
  /** Returns an unsubscribe function. */
  listen(name: ChangeEventName, callback: (event: ChangeEvent) => void): () => void
}

/** The IPC channel that carries change events from main to the preload. */
export const EVENT_CHANNEL = 'roundtable:event'
