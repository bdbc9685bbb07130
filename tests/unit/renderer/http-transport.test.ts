import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpTransport } from '../../../src/renderer/src/api/http-transport'
import { BATCH_PATH, MAX_BATCH_CALLS, MAX_BATCHED_INPUT_CHARS } from '../../../src/shared/bridge-batch'

// The transport's side of POST /api/batch (the bridge's side: tests/integration/server/bridge.test.ts; both in the
// browser: tests/e2e/console.spec.ts). A stand-in for fetch notes each request and answers as the bridge does:
// each call's Result (here the channel and input it was given back), or a status for the whole request.
interface Sent {
  path: string
  body: unknown
}
let status = 200
let sent: Sent[] = []
const answerOf = (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })
vi.stubGlobal('fetch', async (path: string, init: { body: string; headers: Record<string, string> }) => {
  const body = JSON.parse(init.body) as unknown
  sent.push({ path, body })
  expect(init.headers.Authorization).toBe('Bearer the-token')
  const value =
    path === BATCH_PATH ? (body as { channel: string; input: unknown }[]).map((call) => answerOf(call.channel, call.input)) : answerOf(path.slice('/api/'.length), body)
  return { status, json: async () => value }
})

afterEach(() => {
  status = 200
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
