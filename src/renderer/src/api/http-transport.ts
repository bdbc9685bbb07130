import type { RoundtableApi } from '@shared/api'
import type { ChangeEvent } from '@shared/events'
import { fail, type Result } from '@shared/result'

const TOKEN_KEY = 'roundtable.token'

/**
 * The token arrives once in the address (`/?token=…`); keep it for this browser (so a projector tab
 * opened beside the console has it too) and take it out of the address bar, so it is not bookmarked
 * or shown on the projector. A newer token in an address replaces an old one.
 */
export function takeToken(location: Location, storage: Storage, history: History): string {
  const params = new URLSearchParams(location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl)
    params.delete('token')
    const query = params.toString()
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`)
    return fromUrl
  }
  return storage.getItem(TOKEN_KEY) ?? ''
}

/** The contract over HTTP, for the web bridge (`npm run serve`, the e2e suite, browser companions). */
export function createHttpTransport(token: string): RoundtableApi {
  let source: EventSource | null = null
  const listeners = new Set<(event: ChangeEvent) => void>()

  function ensureEventSource(): void {
    if (source) return
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ChangeEvent
      for (const listener of listeners) listener(event)
    }
  }

  return {
    async invoke(channel, input) {
      let response: Response
      try {
        response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {})
        })
      } catch {
        return transportError('network')
      }
      if (response.status === 401) return transportError('unauthorized')
      try {
        return (await response.json()) as Awaited<ReturnType<RoundtableApi['invoke']>>
      } catch {
        return transportError('network')
      }
    },
    listen(name, callback) {
      const listener = (event: ChangeEvent): void => {
        if (event.name === name) callback(event)
      }
      listeners.add(listener)
      ensureEventSource()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    }
  }
}

function transportError(code: 'network' | 'unauthorized'): Result<never> {
  return fail(code, code === 'network' ? 'The web bridge cannot be reached.' : 'The token was refused.')
}
