import type { ChangeEvent } from '@shared/events'
import { EVENTS_AFTER_PARAM, READY_EVENT, RESYNC_EVENT } from '@shared/bridge-events'

/** The web bridge's change events, for the HTTP transport's listeners. */
export interface EventStream {
  listen(listener: (event: ChangeEvent) => void): () => void
  /** An answer core gave when `seen` events had been sent: the page may need the ones after it. */
  answered(seen: number): void
}

/**
 * Change events without gaps (shared/bridge-events.ts). One EventSource while anyone listens; it holds every event
 * after `streamFrom` (known once it is ready). An answer older than that opens it again from the answer; one that
 * comes before the stream is ready is kept in `oldestUncovered` until it is. Events opened again are not handed out
 * twice: those already handed out form one run of numbers, (`delivered.after`, `delivered.upTo`].
 */
export function createEventStream(token: string, onResync: () => void): EventStream {
  const listeners = new Set<(event: ChangeEvent) => void>()
  let source: EventSource | null = null
  let streamFrom: number | null = null
  let oldestUncovered: number | null = null
  let delivered: { after: number; upTo: number } | null = null
  let closing: ReturnType<typeof setTimeout> | null = null

  function open(after: number | null): void {
    source?.close()
    streamFrom = null
    let resynced = false
    const stream = new EventSource(`/events?token=${encodeURIComponent(token)}${after === null ? '' : `&${EVENTS_AFTER_PARAM}=${after}`}`)
    stream.onmessage = (message: MessageEvent<string>) => {
      const id = Number(message.lastEventId)
      if (delivered && id > delivered.after && id <= delivered.upTo) return
      delivered = delivered ? { after: Math.min(delivered.after, id - 1), upTo: Math.max(delivered.upTo, id) } : { after: id - 1, upTo: id }
      const event = JSON.parse(message.data) as ChangeEvent
      for (const listener of listeners) listener(event)
    }
    stream.addEventListener(READY_EVENT, (message: MessageEvent<string>) => {
      // Sent again after each reconnect, once the browser's Last-Event-ID has been replayed: still complete from the start.
      if (streamFrom !== null) return
      // After a resync the stream holds what comes from now only (the page is loading again).
      streamFrom = resynced || after === null ? Number(message.data) : after
      const uncovered = oldestUncovered
      oldestUncovered = null
      if (uncovered !== null && uncovered < streamFrom) open(uncovered)
    })
    stream.addEventListener(RESYNC_EVENT, () => {
      resynced = true
      onResync()
    })
    source = stream
  }

  function close(): void {
    source?.close()
    source = null
    streamFrom = null
    delivered = null
  }

  return {
    listen(listener) {
      listeners.add(listener)
      if (closing) clearTimeout(closing)
      closing = null
      if (!source) open(oldestUncovered)
      return () => {
        listeners.delete(listener)
        // Closed a moment later, not at once: a page that stops listening and listens again as it draws (an effect
        // run again) keeps its stream, and the events on their way.
        if (listeners.size === 0 && source && !closing) {
          closing = setTimeout(() => {
            closing = null
            if (listeners.size === 0) close()
          }, 0)
        }
      }
    },
    answered(seen) {
      if (!Number.isSafeInteger(seen)) return
      if (source && streamFrom !== null) {
        if (seen < streamFrom) open(seen)
      } else oldestUncovered = oldestUncovered === null ? seen : Math.min(oldestUncovered, seen)
    }
  }
}
