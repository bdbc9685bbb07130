import type { ChangeEvent } from '../shared/events'

/**
 * Core's change events, numbered 1, 2, 3 … as the bridge saw them, with the last few kept: a page's event stream
 * can start from an event it names (a reconnect's Last-Event-ID, or the number its first answers carried) and get
 * the ones it missed, instead of showing what it read before them until something else changes.
 */
export interface EventLog {
  /** Numbers the event, keeps it, and hands it to every listener. */
  append(event: ChangeEvent): void
  /** The number of the last event (0 before the first). */
  last(): number
  /** The events after `id`, in order; null when some of them are no longer kept (or `id` is not one of ours). */
  after(id: number): { id: number; event: ChangeEvent }[] | null
  subscribe(listener: (id: number, event: ChangeEvent) => void): () => void
  listenerCount(): number
}

/** How many events are kept: far more than a page misses while its stream reconnects (a second). */
export const KEPT_EVENTS = 1000

export function createEventLog(kept = KEPT_EVENTS): EventLog {
  let lastId = 0
  const recent: { id: number; event: ChangeEvent }[] = []
  const listeners = new Set<(id: number, event: ChangeEvent) => void>()
  return {
    append(event) {
      lastId += 1
      recent.push({ id: lastId, event })
      if (recent.length > kept) recent.shift()
      for (const listener of listeners) listener(lastId, event)
    },
    last: () => lastId,
    after(id) {
      if (!Number.isSafeInteger(id) || id < 0 || id > lastId) return null
      const oldestKept = recent[0]?.id ?? lastId + 1
      if (id + 1 < oldestKept) return null
      return recent.filter((entry) => entry.id > id)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    listenerCount: () => listeners.size
  }
}
