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
 * change: the page then asks afresh) or if no page has taken it within a few seconds; one taken as the page
 * is drawn is read again if a change came before the page listened for changes (changeCount).
 */
const KEPT_MS = 5000

interface Early {
  answer: Promise<Result<unknown>>
  /** The answer once it has arrived, for a page drawn after that to start with it (takeArrived). */
  arrived?: Result<unknown>
  /** When it was asked for (performance.now()). */
  requestedAt: number
  stopListening: () => void
  timer: ReturnType<typeof setTimeout>
}

const early = new Map<string, Early>()

/**
 * Change events seen since the first read asked for early (any of them). A page that starts with an answer
 * taken as it is drawn (takeArrived) subscribes to its events only after that draw: it compares this count
 * then, and asks afresh if anything changed in between.
 */
let changesSeen = 0
let counting = false
function countChanges(): void {
  if (counting) return
  counting = true
  for (const name of CHANGE_EVENT_NAMES) api.listen(name, () => void (changesSeen += 1))
}
export const changeCount = (): number => changesSeen

const keyOf = (channel: Channel, inputKey: string): string => `${channel} ${inputKey}`

function drop(key: string): void {
  const entry = early.get(key)
  if (!entry) return
  early.delete(key)
  entry.stopListening()
  clearTimeout(entry.timer)
}

/** Asks for `channel` now, for the first page that reads it; resolves when the answer has arrived. */
export function prefetch<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  const key = keyOf(channel, JSON.stringify(input))
  const asked = early.get(key)
  if (asked) return asked.answer as Promise<Result<OutputOf<C>>>
  countChanges()
  const unsubscribes = CHANGE_EVENT_NAMES.map((name) => api.listen(name, () => drop(key)))
  const entry: Early = {
    answer: api.invoke(channel, input),
    requestedAt: performance.now(),
    stopListening: () => unsubscribes.forEach((unsubscribe) => unsubscribe()),
    timer: setTimeout(() => drop(key), KEPT_MS)
  }
  void entry.answer.then((result) => (entry.arrived = result))
  early.set(key, entry)
  return entry.answer as Promise<Result<OutputOf<C>>>
}

/**
 * The answer asked for early for this channel and input, if it has already arrived, taken (as by
 * takePrefetched); else undefined, and the answer stays for takePrefetched. A page drawn after its data came
 * starts with it, instead of drawing itself empty and again once a promise it was handed resolves.
 */
export function takeArrived<C extends Channel>(
  channel: C,
  inputKey: string
): { result: Result<OutputOf<C>>; requestedAt: number; changesSeen: number } | undefined {
  const key = keyOf(channel, inputKey)
  const entry = early.get(key)
  if (!entry?.arrived) return undefined
  drop(key)
  return { result: entry.arrived as Result<OutputOf<C>>, requestedAt: entry.requestedAt, changesSeen }
}

/** The answer asked for early for this channel and input (`JSON.stringify`ed), once; else undefined. */
export function takePrefetched<C extends Channel>(channel: C, inputKey: string): { answer: Promise<Result<OutputOf<C>>>; requestedAt: number } | undefined {
  const key = keyOf(channel, inputKey)
  const entry = early.get(key)
  if (!entry) return undefined
  drop(key)
  return { answer: entry.answer as Promise<Result<OutputOf<C>>>, requestedAt: entry.requestedAt }
}
