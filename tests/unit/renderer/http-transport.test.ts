import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpTransport } from '../../../src/renderer/src/api/http-transport'
import { BATCH_PATH, MAX_BATCH_CALLS, MAX_BATCHED_INPUT_CHARS } from '../../../src/shared/bridge-batch'
import { EVENTS_SEEN_HEADER } from '../../../src/shared/bridge-events'
import type { ChangeEvent } from '../../../src/shared/events'

// The transport's side of POST /api/batch (the bridge's side: tests/integration/server/bridge.test.ts; both in the
// browser: tests/e2e/console.spec.ts). A stand-in for fetch notes each request and answers as the bridge does:
// each call's Result (here the channel and input it was given back), or a status for the whole request.
interface Sent {
  path: string
  body: unknown
}
let status = 200
/** The events the bridge says it had sent when it took the calls (shared/bridge-events.ts). */
let eventsSeen = 0
let sent: Sent[] = []
const answerOf = (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })
const bridgeFetch = async (path: string, init: { body: string; headers: Record<string, string> }) => {
  const body = JSON.parse(init.body) as unknown
  sent.push({ path, body })
  expect(init.headers.Authorization).toBe('Bearer the-token')
  const value =
    path === BATCH_PATH ? (body as { channel: string; input: unknown }[]).map((call) => answerOf(call.channel, call.input)) : answerOf(path.slice('/api/'.length), body)
  return { status, headers: new Headers({ [EVENTS_SEEN_HEADER]: String(eventsSeen) }), json: async () => value }
}
vi.stubGlobal('fetch', bridgeFetch)

afterEach(() => {
  vi.stubGlobal('fetch', bridgeFetch)
  status = 200
  eventsSeen = 0
  sent = []
})

const api = createHttpTransport('the-token')

describe('the web bridge’s transport: calls made together go in one request', () => {
  it('sends the calls of one run of code as one batch, and answers each call with its own Result, in order', async () => {
    const results = await Promise.all([api.invoke('settings:get', {}), api.invoke('app:info', {}), api.invoke('live:get', { sessionId: 's1' })])
    expect(sent).toEqual([
      {
        path: BATCH_PATH,
        body: [
          { channel: 'settings:get', input: {} },
          { channel: 'app:info', input: {} },
          { channel: 'live:get', input: { sessionId: 's1' } }
        ]
      }
    ])
    expect(results).toEqual([answerOf('settings:get', {}), answerOf('app:info', {}), answerOf('live:get', { sessionId: 's1' })])
  })

  it('sends a call made alone, and one with a large input, to its own channel', async () => {
    expect(await api.invoke('settings:get', {})).toEqual(answerOf('settings:get', {}))
    const name = '郑'.repeat(MAX_BATCHED_INPUT_CHARS)
    await Promise.all([api.invoke('settings:update', { organisationName: name }), api.invoke('settings:get', {})])
    expect(sent.map((request) => request.path)).toEqual(['/api/settings:get', '/api/settings:update', '/api/settings:get'])
  })

  it('calls made after an await go in a request of their own', async () => {
    await api.invoke('settings:get', {})
    await Promise.all([api.invoke('app:info', {}), api.invoke('firstRun:get', {})])
    expect(sent.map((request) => request.path)).toEqual(['/api/settings:get', BATCH_PATH])
  })

  it('sends more calls than a batch holds in several batches', async () => {
    const count = MAX_BATCH_CALLS + 3
    const results = await Promise.all(Array.from({ length: count }, (_, index) => api.invoke('sessions:get', { id: `s${index}` })))
    expect(results).toEqual(Array.from({ length: count }, (_, index) => answerOf('sessions:get', { id: `s${index}` })))
    expect(sent.map((request) => [request.path, (request.body as unknown[]).length])).toEqual([
      [BATCH_PATH, MAX_BATCH_CALLS],
      [BATCH_PATH, 3]
    ])
  })

  it('gives every call of a batch the failure of the whole request: a refused token, no bridge', async () => {
    status = 401
    const refused = await Promise.all([api.invoke('settings:get', {}), api.invoke('app:info', {})])
    expect(refused.map((result) => !result.ok && result.error.code)).toEqual(['unauthorized', 'unauthorized'])
    status = 200
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    const unreachable = await Promise.all([api.invoke('settings:get', {}), api.invoke('app:info', {})])
    expect(unreachable.map((result) => !result.ok && result.error.code)).toEqual(['network', 'network'])
  })
})

// A stand-in for the browser's EventSource: the streams the transport opened, to send them what the bridge would
// (tests/integration/server/bridge.test.ts checks the bridge's side; tests/e2e/events.spec.ts both in Chromium).
class FakeStream {
  static opened: FakeStream[] = []
  closed = false
  onmessage: ((message: MessageEvent<string>) => void) | null = null
  private readonly named = new Map<string, ((message: MessageEvent<string>) => void)[]>()
  constructor(readonly url: string) {
    FakeStream.opened.push(this)
  }
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void): void {
    this.named.set(type, [...(this.named.get(type) ?? []), listener])
  }
  close(): void {
    this.closed = true
  }
  /** The `after` the stream was opened with (null: from now). */
  get after(): string | null {
    return new URL(this.url, 'http://bridge').searchParams.get('after')
  }
  /** Change event number `id`, as the bridge numbers them. */
  change(id: number, event: ChangeEvent): void {
    if (!this.closed) this.onmessage?.({ data: JSON.stringify(event), lastEventId: String(id) } as MessageEvent<string>)
  }
  send(type: 'ready' | 'resync', data: number): void {
    if (this.closed) return
    for (const listener of this.named.get(type) ?? []) listener({ data: String(data) } as MessageEvent<string>)
  }
}
vi.stubGlobal('EventSource', FakeStream)

describe('the web bridge’s transport: change events without gaps', () => {
  afterEach(() => {
    FakeStream.opened = []
  })
  const openStreams = () => FakeStream.opened.filter((stream) => !stream.closed)
  /** A transport listening to people:changed, with what it heard. */
  function listening(onResync: () => void = () => expect.fail('no resync')) {
    const transport = createHttpTransport('the-token', onResync)
    const heard: string[] = []
    const stop = transport.listen('people:changed', (event) => heard.push(event.id!))
    return { transport, heard, stop }
  }

  it('opens its stream from now when nothing has been read, hands each change to the listeners of its name, and closes it when the last one stops', async () => {
    const { heard, stop } = listening()
    const [stream] = FakeStream.opened
    expect(stream!.url).toBe('/events?token=the-token')
    stream!.send('ready', 4)
    stream!.change(5, { name: 'settings:changed' })
    stream!.change(6, { name: 'people:changed', id: 'p6' })
    expect(heard).toEqual(['p6'])
    stop()
    await expect.poll(() => stream!.closed).toBe(true)
  })

  it('keeps its stream when a page stops listening and listens again as it draws', async () => {
    const { transport, heard, stop } = listening()
    FakeStream.opened[0]!.send('ready', 0)
    stop()
    transport.listen('people:changed', (event) => heard.push(event.id!))
    await new Promise((resolve) => setTimeout(resolve, 5))
    FakeStream.opened[0]!.change(1, { name: 'people:changed', id: 'p1' })
    expect([FakeStream.opened.length, heard]).toEqual([1, ['p1']])
  })

  it('reads answered before the stream was ready, older than where it starts: opened again from the oldest of them', async () => {
    const { transport, heard } = listening()
    eventsSeen = 5
    await transport.invoke('people:list', {})
    eventsSeen = 3
    await transport.invoke('settings:get', {})
    // The stream connected after two changes were made (4 and 5): the second read missed them.
    FakeStream.opened[0]!.send('ready', 5)
    expect(openStreams().map((stream) => stream.after)).toEqual(['3'])
    const [again] = openStreams()
    again!.change(4, { name: 'people:changed', id: 'p4' })
    again!.change(5, { name: 'people:changed', id: 'p5' })
    again!.send('ready', 5)
    expect(heard).toEqual(['p4', 'p5'])
    expect(FakeStream.opened).toHaveLength(2)
  })

  it('reads as old as where the stream starts, or newer, change nothing', async () => {
    const { transport } = listening()
    eventsSeen = 2
    await transport.invoke('people:list', {})
    FakeStream.opened[0]!.send('ready', 2)
    eventsSeen = 6
    await transport.invoke('people:list', {})
    expect(FakeStream.opened).toHaveLength(1)
  })

  it('an answer older than the ready stream: opened again from it, and what the first stream gave is not given twice', async () => {
    const { transport, heard } = listening()
    const [first] = FakeStream.opened
    first!.send('ready', 7)
    first!.change(8, { name: 'people:changed', id: 'p8' })
    // A read core took before the stream connected, answered late.
    eventsSeen = 6
    await transport.invoke('people:list', {})
    expect(FakeStream.opened.map((stream) => [stream.after, stream.closed])).toEqual([
      [null, true],
      ['6', false]
    ])
    const [, again] = FakeStream.opened
    for (const id of [7, 8, 9]) again!.change(id, { name: 'people:changed', id: `p${id}` })
    again!.send('ready', 9)
    expect(heard).toEqual(['p8', 'p7', 'p9'])
    // Ready again after a reconnect (its Last-Event-ID replayed): nothing more to do.
    again!.send('ready', 9)
    expect(FakeStream.opened).toHaveLength(2)
  })

  it('a stream opened after reads were answered starts after the oldest of them', async () => {
    const transport = createHttpTransport('the-token')
    eventsSeen = 8
    await transport.invoke('people:list', {})
    eventsSeen = 9
    await transport.invoke('people:list', {})
    transport.listen('people:changed', () => undefined)
    expect(FakeStream.opened.map((stream) => stream.after)).toEqual(['8'])
  })

  it('loads again when the bridge no longer has the events it missed, and then holds only what comes after', async () => {
    const resync = vi.fn()
    const { transport } = listening(resync)
    eventsSeen = 3
    await transport.invoke('people:list', {})
    FakeStream.opened[0]!.send('ready', 9)
    const [again] = openStreams()
    again!.send('resync', 1012)
    again!.send('ready', 1012)
    expect(resync).toHaveBeenCalledOnce()
    // The stream holds what comes after 1012, not after 3: an answer taken at 500 is not covered.
    eventsSeen = 500
    await transport.invoke('people:list', {})
    expect(openStreams().map((stream) => stream.after)).toEqual(['500'])
  })
})
