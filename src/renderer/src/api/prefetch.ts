import type { Channel, InputOf, OutputOf } from '@shared/contract'
import { CHANGE_EVENT_NAMES } from '@shared/events'
import type { Result } from '@shared/result'
import { api } from './index'

/**
 * Reads asked for before the page that shows them has loaded, so that the page's code, its data and the
 * data that data leads to arrive together rather than one after the other (the live console opened from its
 * address: the session and its remarks are asked for with the page's code, issue 16's time to interactive).
 *
 * The first `useChannel` of the same channel and input takes the answer instead of asking again. An answer
 * is taken once, and dropped if core announces any change before it is taken (it could be older than the
 * change: the page then asks afresh) or if no page has taken it within a few seconds.
 */
const KEPT_MS = 5000

interface Early {
  answer: Promise<Result<unknown>>
  /** When it was asked for (performance.now()). */
  requestedAt: number
  stopListening: () => void
  timer: ReturnType<typeof setTimeout>
}

const early = new Map<string, Early>()

const keyOf = (channel: Channel, inputKey: string): string => `${channel} ${inputKey}`

function drop(key: string): void {
  const entry = early.get(key)
  if (!entry) return
  early.delete(key)
  entry.stopListening()
  clearTimeout(entry.timer)
}

export function prefetch<C extends Channel>(channel: C, input: InputOf<C>): void {
  const key = keyOf(channel, JSON.stringify(input))
  if (early.has(key)) return
  const unsubscribes = CHANGE_EVENT_NAMES.map((name) => api.listen(name, () => drop(key)))
  early.set(key, {
    answer: api.invoke(channel, input),
    requestedAt: performance.now(),
    stopListening: () => unsubscribes.forEach((unsubscribe) => unsubscribe()),
    timer: setTimeout(() => drop(key), KEPT_MS)
  })
}

/** The answer asked for early for this channel and input (`JSON.stringify`ed), once; else undefined. */
export function takePrefetched<C extends Channel>(channel: C, inputKey: string): { answer: Promise<Result<OutputOf<C>>>; requestedAt: number } | undefined {
  const key = keyOf(channel, inputKey)
  const entry = early.get(key)
  if (!entry) return undefined
  drop(key)
  return { answer: entry.answer as Promise<Result<OutputOf<C>>>, requestedAt: entry.requestedAt }
}
