import type { RoundtableApi } from '@shared/api'
import { BATCH_PATH, MAX_BATCH_CALLS, MAX_BATCHED_INPUT_CHARS } from '@shared/bridge-batch'
import { EVENTS_SEEN_HEADER } from '@shared/bridge-events'
import { fail, type Result } from '@shared/result'
import { createEventStream } from './event-stream'

/** A call waiting to be sent with the others made with it. */
interface Waiting {
  channel: string
  /** Its input, as JSON. */
  body: string
  answer: (result: Result<unknown>) => void
}

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

/**
 * The contract over HTTP, for the web bridge (`npm run serve`, the e2e suite, browser companions). `onResync`: what
 * to do when the bridge no longer has the events this page missed (load the page again).
 */
export function createHttpTransport(token: string, onResync: () => void = () => window.location.reload()): RoundtableApi {
  const events = createEventStream(token, onResync)

  /**
   * Calls made together (in one run of the page's code, sent as it ends: shared/bridge-batch.ts): a page's reads as
   * it opens are one request, not one each. A call made alone goes as before, to /api/<channel>; so does one whose input
   * is large (an imported photo, a pasted document).
   */
  let waiting: Waiting[] = []
  function send(): void {
    const calls = waiting
    waiting = []
    for (let start = 0; start < calls.length; start += MAX_BATCH_CALLS) {
      const batch = calls.slice(start, start + MAX_BATCH_CALLS)
      if (batch.length === 1) void post(`/api/${batch[0]!.channel}`, batch[0]!.body).then((answer) => batch[0]!.answer(answer as Result<unknown>))
      else void postBatch(batch)
    }
  }

  /** POSTs `body` (JSON) to `path`: the JSON answered, or the transport's failure (no bridge, a refused token). */
  async function post(path: string, body: string): Promise<unknown> {
    let response: Response
    try {
      response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body })
    } catch {
      return transportError('network')
    }
    if (response.status === 401) return transportError('unauthorized')
    const seen = response.headers.get(EVENTS_SEEN_HEADER)
    if (seen !== null) events.answered(Number(seen))
    try {
      return (await response.json()) as unknown
    } catch {
      return transportError('network')
    }
  }

  async function postBatch(batch: Waiting[]): Promise<void> {
    const answer = await post(BATCH_PATH, `[${batch.map((call) => `{"channel":${JSON.stringify(call.channel)},"input":${call.body}}`).join(',')}]`)
    // Each call's Result, in order; else what went wrong with the whole request, for each call.
    const each = (index: number): Result<unknown> =>
      Array.isArray(answer) && answer.length === batch.length ? (answer[index] as Result<unknown>) : isFailure(answer) ? answer : transportError('network')
    batch.forEach((call, index) => call.answer(each(index)))
  }

  return {
    invoke(channel, input) {
      const body = JSON.stringify(input ?? {})
      if (body.length > MAX_BATCHED_INPUT_CHARS) return post(`/api/${channel}`, body) as ReturnType<RoundtableApi['invoke']>
      return new Promise((answer) => {
        if (waiting.length === 0) queueMicrotask(send)
        waiting.push({ channel, body, answer: answer as (result: Result<unknown>) => void })
      })
    },
    listen(name, callback) {
      return events.listen((event) => {
        if (event.name === name) callback(event)
      })
    }
  }
}

const isFailure = (value: unknown): value is Result<never> => typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false

function transportError(code: 'network' | 'unauthorized'): Result<never> {
  return fail(code, code === 'network' ? 'The web bridge cannot be reached.' : 'The token was refused.')
}
