import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBridge, MAX_BODY_BYTES } from '../../../src/server/bridge'
import { createEventLog, type EventLog } from '../../../src/server/event-log'
import { EVENTS_SEEN_HEADER } from '../../../src/shared/bridge-events'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'
import { BATCH_PATH, MAX_BATCH_CALLS } from '../../../src/shared/bridge-batch'
import { isChannel } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import { uuidv7 } from '../../../src/core/store/ids'
import { onCleanup, runCleanups, tempDir, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

const TOKEN = 'test-token-0123456789abcdefghijklmn'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json: () => unknown
}

interface RequestOptions {
  method?: string
  headers?: Record<string, string | number>
  body?: string | Buffer
  /** Sends the body in pieces without a Content-Length (chunked). */
  chunks?: Buffer[]
}

function send(port: number, path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (chunk: Buffer) => parts.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown })
        })
        res.on('error', reject)
      }
    )
    // The server may answer (413) and close before it has read everything we send; that is expected.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk)
      req.end()
    } else req.end(options.body)
  })
}

async function startBridge(options: { staticDir?: string; events?: EventLog } = {}) {
  const core = testCore()
  const server = createBridge({ core, token: TOKEN, ...options })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const port = (server.address() as AddressInfo).port

  /** POST /api/<channel> with a JSON body and the bearer token, unless the caller overrides headers. */
  const api = (channel: string, input: unknown, headers: Record<string, string | number> = {}): Promise<Reply> =>
    send(port, `/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(input)
    })
  /** POST `path` with the bearer token and a JSON content type; the body goes as given (not encoded, unlike `api`). */
  const post = (path: string, body: Pick<RequestOptions, 'body' | 'chunks'> = {}): Promise<Reply> =>
    send(port, path, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, ...body })
  const language = async (): Promise<string> => valueOf(await core.invoke('settings:get', {})).language
  return { core, server, port, api, post, language }
}

describe('the API: token', () => {
  it('refuses a request without a token with 401, and writes nothing', async () => {
    const { port, language } = await startBridge()
    const reply = await send(port, '/api/settings:update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: 'en' })
    })
    expect(reply.status).toBe(401)
    expect(await language()).toBe('zh-CN')
  })

  it.each([
    ['a wrong token of the same length', `Bearer ${TOKEN.replace(/.$/, 'X')}`],
    ['a wrong token of another length', 'Bearer nope'],
    ['an empty bearer token', 'Bearer '],
    ['the token without the Bearer scheme', TOKEN],
    ['the token as Basic credentials', `Basic ${TOKEN}`],
    ['the token with a prefix', `Bearer x${TOKEN}`]
  ])('refuses %s with 401', async (_what, authorization) => {
    const { api, language } = await startBridge()
    expect((await api('settings:update', { language: 'en' }, { Authorization: authorization })).status).toBe(401)
    expect(await language()).toBe('zh-CN')
  })

  it('answers a correct bearer token with 200 and the result', async () => {
    const { api, language } = await startBridge()
    const reply = await api('settings:update', { language: 'en' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.json()).toMatchObject({ ok: true, value: { language: 'en' } })
    expect(await language()).toBe('en')
  })

  it('accepts the token in the ?token= query', async () => {
    const { port } = await startBridge()
    const reply = await send(port, `/api/app:info?token=${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } })
    const wrong = await send(port, '/api/app:info?token=wrong', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(wrong.status).toBe(401)
  })
})

describe('the API: DNS rebinding and cross-origin requests', () => {
  it('refuses a foreign Host with 421 even with a valid token', async () => {
    const { api, port, language } = await startBridge()
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`]) {
      const reply = await api('settings:update', { language: 'en' }, { Host: host })
      expect(reply.status, host).toBe(421)
    }
    expect(await language()).toBe('zh-CN')
  })

  it('accepts 127.0.0.1 and localhost as Host', async () => {
    const { api, port } = await startBridge()
    expect((await api('settings:get', {}, { Host: `127.0.0.1:${port}` })).status).toBe(200)
    expect((await api('settings:get', {}, { Host: `localhost:${port}` })).status).toBe(200)
  })

  it.each(['http://evil.example', 'null', 'https://127.0.0.1:PORT', 'http://127.0.0.1:OTHER', 'http://127.0.0.1'])(
    'refuses Origin %s with 403, and writes nothing',
    async (origin) => {
      const { api, port, language } = await startBridge()
      const value = origin.replace('OTHER', String(port + 1)).replace('PORT', String(port))
      const reply = await api('settings:update', { language: 'en' }, { Origin: value })
      expect(reply.status).toBe(403)
      expect(await language()).toBe('zh-CN')
    }
  )

  it('accepts its own origin', async () => {
    const { api, port } = await startBridge()
    expect((await api('settings:update', { language: 'en' }, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200)
    expect((await api('settings:get', {}, { Origin: `http://localhost:${port}` })).status).toBe(200)
  })
})

describe('the API: requests', () => {
  it('refuses a body over 1 MiB with 413 and writes nothing', async () => {
    const { post, language } = await startBridge()
    // Valid JSON that would change the language, padded past the limit.
    const body = `{"language":"en"}${' '.repeat(MAX_BODY_BYTES)}`
    const reply = await post('/api/settings:update', { body })
    expect(reply.status).toBe(413)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await language()).toBe('zh-CN')
  })

  it('refuses a chunked body over 1 MiB (no Content-Length) with 413 and writes nothing', async () => {
    const { post, language } = await startBridge()
    const chunks = [Buffer.from('{"language":"en"}'), ...Array.from({ length: 17 }, () => Buffer.alloc(64 * 1024, 0x20))]
    const reply = await post('/api/settings:update', { chunks })
    expect(reply.status).toBe(413)
    expect(await language()).toBe('zh-CN')
  })

  it('accepts a body of exactly 1 MiB', async () => {
    const { post, language } = await startBridge()
    const json = '{"language":"en"}'
    const reply = await post('/api/settings:update', { body: json + ' '.repeat(MAX_BODY_BYTES - json.length) })
    expect(reply.status).toBe(200)
    expect(await language()).toBe('en')
  })

  it('answers a body that is not JSON with 400 invalid_input', async () => {
    const { post } = await startBridge()
    const reply = await post('/api/settings:update', { body: '{"language": "en"' })
    expect(reply.status).toBe(400)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('treats an empty body as {}', async () => {
    const { post } = await startBridge()
    const reply = await post('/api/settings:get')
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: true, value: { language: 'zh-CN' } })
  })

  it.each(['GET', 'PUT', 'DELETE', 'HEAD'])('answers %s on /api/... with 405', async (method) => {
    const { port, language } = await startBridge()
    const reply = await send(port, '/api/settings:update', {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify({ language: 'en' })
    })
    expect(reply.status).toBe(405)
    expect(await language()).toBe('zh-CN')
  })

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x'], ['']])(
    'answers Content-Type %j with 415 (no simple cross-site requests), and writes nothing',
    async (type) => {
      const { api, language } = await startBridge()
      const reply = await api('settings:update', { language: 'en' }, { 'Content-Type': type })
      expect(reply.status).toBe(415)
      expect(await language()).toBe('zh-CN')
    }
  )

  it('accepts application/json with a charset', async () => {
    const { api } = await startBridge()
    expect((await api('settings:get', {}, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200)
  })

  it('answers an unknown channel with 404 unknown_channel', async () => {
    const { api } = await startBridge()
    const reply = await api('nope:nothing', {})
    expect(reply.status).toBe(404)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('decodes a percent-encoded channel name', async () => {
    const { post } = await startBridge()
    const reply = await post('/api/settings%3Aget', { body: '{}' })
    expect(reply.status).toBe(200)
  })

  it('answers a malformed percent-encoding in the channel name as a client error, not a server failure', async () => {
    const { post } = await startBridge()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    onCleanup(() => error.mockRestore())
    const reply = await post('/api/settings%E0%A4%A', { body: '{}' })
    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.status).toBeLessThan(500)
  })

  it('answers invalid input with 400 and the issues', async () => {
    const { api, language } = await startBridge()
    const reply = await api('settings:update', { language: 'fr', organisationName: 'x'.repeat(101) })
    expect(reply.status).toBe(400)
    expect(reply.json()).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ['language'] }),
          expect.objectContaining({ path: ['organisationName'], code: 'too_big', params: { max: 100 } })
        ])
      }
    })
    expect(await language()).toBe('zh-CN')
  })

  it('answers an unknown id with 404 not_found', async () => {
    const { api } = await startBridge()
    const reply = await api('sessions:get', { id: uuidv7() })
    expect(reply.status).toBe(404)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('the API: several calls in one request (POST /api/batch)', () => {
  it('answers each call with the Result it has alone, in order, each validated and run by core', async () => {
    const { api, post, language } = await startBridge()
    const calls = [
      { channel: 'settings:update', input: { language: 'en' } },
      { channel: 'settings:get', input: {} },
      { channel: 'settings:update', input: { language: 'fr' } },
      { channel: 'nope:nothing', input: {} },
      { channel: 'sessions:get', input: { id: uuidv7() } }
    ]
    const reply = await post(BATCH_PATH, { body: JSON.stringify(calls) })
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    const results = reply.json() as Result<unknown>[]
    expect(results).toHaveLength(5)
    expect(results[0]).toMatchObject({ ok: true, value: { language: 'en' } })
    // The second call sees what the first wrote: one after the other, as separate requests would.
    expect(results[1]).toMatchObject({ ok: true, value: { language: 'en' } })
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(results[4]).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await language()).toBe('en')
    // The same calls one by one answer the same.
    expect((await api('settings:get', {})).json()).toEqual(results[1])
  })

  it('refuses what is not a list of calls with 400 invalid_input, and runs none of it', async () => {
    const { post, language } = await startBridge()
    const tooMany = Array.from({ length: MAX_BATCH_CALLS + 1 }, () => ({ channel: 'settings:get', input: {} }))
    for (const body of ['', '{}', '[]', '[1]', '[{"input":{}}]', JSON.stringify([{ channel: 'settings:update', input: { language: 'en' } }, 'x']), JSON.stringify(tooMany), 'not json']) {
      const reply = await post(BATCH_PATH, { body })
      expect(reply.status, body.slice(0, 40)).toBe(400)
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await language()).toBe('zh-CN')
  })

  it('asks for the token and keeps the body limit, as every API request', async () => {
    const { port, post, language } = await startBridge()
    const calls = JSON.stringify([{ channel: 'settings:update', input: { language: 'en' } }])
    const refused = await send(port, BATCH_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: calls })
    expect(refused.status).toBe(401)
    const tooLarge = await post(BATCH_PATH, { body: JSON.stringify([{ channel: 'settings:update', input: { language: 'en', organisationName: 'x'.repeat(MAX_BODY_BYTES) } }]) })
    expect(tooLarge.status).toBe(413)
    expect(await language()).toBe('zh-CN')
  })

  it('is no channel of the contract: /api/batch names none', () => {
    expect(isChannel(BATCH_PATH.slice('/api/'.length))).toBe(false)
  })
})

describe('an aborted request', () => {
  it('logs one line, not a stack trace, and the bridge goes on answering', async () => {
    const { port, api, server } = await startBridge()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    onCleanup(() => {
      warn.mockRestore()
      error.mockRestore()
    })
    // Half a body, then the page goes away.
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/people:create',
      method: 'POST',
      headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'Content-Length': 1000 }
    })
    req.on('error', () => {})
    const received = once(server, 'request')
    req.write('{"name":"温')
    await received // the bridge is reading the body
    req.destroy()
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1))
    expect(String(warn.mock.calls[0]![0])).toBe('[bridge] POST /api/people:create: the request was aborted')
    expect(error).not.toHaveBeenCalled()
    expect((await api('settings:get', {})).status).toBe(200)
  })
})

describe('the event stream', () => {
  it('refuses /events without a token, or with a wrong one', async () => {
    const { port } = await startBridge()
    expect((await send(port, '/events')).status).toBe(401)
    expect((await send(port, '/events?token=wrong')).status).toBe(401)
  })

  it('refuses /events from a foreign Host or Origin', async () => {
    const { port } = await startBridge()
    expect((await send(port, `/events?token=${TOKEN}`, { headers: { Host: `evil.example:${port}` } })).status).toBe(421)
    expect((await send(port, `/events?token=${TOKEN}`, { headers: { Origin: 'http://evil.example' } })).status).toBe(403)
  })

  it('streams change events as numbered data: messages, after a ready message naming the last event', async () => {
    const { port, api } = await startBridge()
    const stream = await openStream(port, `/events?token=${TOKEN}`)
    expect(stream.response.statusCode).toBe(200)
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/)
    await stream.waitFor((text) => text.includes('event: ready'))
    expect(messagesOf(stream.text())).toEqual([{ id: '0', event: 'ready', data: '0' }])

    expect((await api('settings:update', { language: 'en' })).status).toBe(200)
    await stream.waitFor((t) => t.includes('settings:changed'))
    expect(messagesOf(stream.text()).slice(1)).toEqual([{ id: '1', data: '{"name":"settings:changed"}' }])
  })

  it('accepts the token as a bearer header too, and sends nothing for a refused call', async () => {
    const { port, api, core } = await startBridge()
    const stream = await openStream(port, '/events', { Authorization: `Bearer ${TOKEN}` })
    expect(stream.response.statusCode).toBe(200)
    await stream.waitFor((text) => text.includes('event: ready'))
    await api('settings:update', { language: 'fr' })
    await api('settings:update', { language: 'en' }, { Origin: 'http://evil.example' })
    await core.invoke('settings:update', { defaultVenue: '理论宣讲室' })
    // A last, different event: the stream is in order, so once it is here everything sent before it is too.
    const { id } = valueOf(await core.invoke('people:create', { name: '王芳' }))
    await stream.waitFor((t) => t.includes('"people:changed"'))
    expect(changesOf(stream.text())).toEqual([{ name: 'settings:changed' }, { name: 'people:changed', id }])
  })

  it('says with each answer how many events there had been when core took the call', async () => {
    const { api, post } = await startBridge()
    expect((await api('settings:get', {})).headers[EVENTS_SEEN_HEADER.toLowerCase()]).toBe('0')
    // The answer to a change counts the events before it, not its own: the page may not have seen that one yet.
    expect((await api('settings:update', { language: 'en' })).headers[EVENTS_SEEN_HEADER.toLowerCase()]).toBe('0')
    expect((await api('settings:get', {})).headers[EVENTS_SEEN_HEADER.toLowerCase()]).toBe('1')
    const batch = await post(BATCH_PATH, { body: JSON.stringify([{ channel: 'settings:update', input: { language: 'zh-CN' } }, { channel: 'settings:get', input: {} }]) })
    expect(batch.headers[EVENTS_SEEN_HEADER.toLowerCase()]).toBe('1')
  })

  it('replays the events after the one a page names (?after=, or a reconnect’s Last-Event-ID), then goes on live', async () => {
    const { port, core } = await startBridge()
    for (const name of ['王芳', '李强', '张敏']) await core.invoke('people:create', { name })
    const fromQuery = await openStream(port, `/events?token=${TOKEN}&after=1`)
    const fromHeader = await openStream(port, `/events?token=${TOKEN}&after=0`, { 'Last-Event-ID': '2' })
    for (const stream of [fromQuery, fromHeader]) await stream.waitFor((text) => text.includes('event: ready'))
    expect(messagesOf(fromQuery.text()).map((message) => message.id)).toEqual(['2', '3', '3'])
    expect(messagesOf(fromQuery.text()).at(-1)).toEqual({ id: '3', event: 'ready', data: '3' })
    // The header wins: the browser sends it when it reconnects a stream it opened with ?after=.
    expect(messagesOf(fromHeader.text()).map((message) => message.id)).toEqual(['3', '3'])

    await core.invoke('settings:update', { language: 'en' })
    await fromQuery.waitFor((text) => text.includes('settings:changed'))
    expect(messagesOf(fromQuery.text()).at(-1)).toEqual({ id: '4', data: '{"name":"settings:changed"}' })
  })

  it('says resync when the events a page asks for are no longer kept, or were never ours', async () => {
    const { port, core } = await startBridge({ events: createEventLog(2) })
    for (const name of ['王芳', '李强', '张敏']) await core.invoke('people:create', { name })
    for (const after of ['0', '7', 'soon']) {
      const stream = await openStream(port, `/events?token=${TOKEN}&after=${after}`)
      await stream.waitFor((text) => text.includes('event: ready'))
      expect(messagesOf(stream.text()), `after=${after}`).toEqual([
        { event: 'resync', data: '3' },
        { id: '3', event: 'ready', data: '3' }
      ])
    }
    const kept = await openStream(port, `/events?token=${TOKEN}&after=1`)
    await kept.waitFor((text) => text.includes('event: ready'))
    expect(messagesOf(kept.text()).map((message) => message.event ?? message.id)).toEqual(['2', '3', 'ready'])
  })

  it('listens to core once, and stops writing to a stream when its client goes away', async () => {
    const events = createEventLog()
    const core = testCore()
    const before = core.listenerCount()
    const server = createBridge({ core, token: TOKEN, events })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const port = (server.address() as AddressInfo).port
    expect(core.listenerCount()).toBe(before + 1)
    const stream = await openStream(port, `/events?token=${TOKEN}`)
    await stream.waitFor((text) => text.includes('event: ready'))
    expect(events.listenerCount()).toBe(1)
    expect(core.listenerCount()).toBe(before + 1)
    stream.close()
    await expect.poll(() => events.listenerCount()).toBe(0)
    expect((await core.invoke('settings:update', { language: 'en' })).ok).toBe(true)
    await new Promise<void>((resolve) => server.close(() => resolve()))
    expect(core.listenerCount()).toBe(before)
  })
})

describe('static files', () => {
  /** A bridge serving a built site (index.html and an asset), with a secret file beside the site's folder; its port. */
  async function servingSite(): Promise<number> {
    const root = tempDir()
    const staticDir = join(root, 'renderer')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>圆桌派</title>')
    writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)')
    writeFileSync(join(root, 'secret.txt'), 'TOP SECRET')
    return (await startBridge({ staticDir })).port
  }

  it('serves index.html at / with a Content-Security-Policy, without a token', async () => {
    const port = await servingSite()
    const reply = await send(port, '/')
    expect(reply.status).toBe(200)
    expect(reply.text).toBe('<!doctype html><title>圆桌派</title>')
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it('serves built assets with their type', async () => {
    const port = await servingSite()
    const reply = await send(port, '/assets/app-1234.js')
    expect(reply.status).toBe(200)
    expect(reply.text).toBe('console.log(1)')
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/)
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it.each([
    '/..%2f..%2fetc%2fpasswd',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/../secret.txt',
    '//etc/passwd',
    '/assets/',
    '/missing.js'
  ])('answers %s with 404 and nothing from outside the folder', async (path) => {
    const port = await servingSite()
    const reply = await send(port, path)
    expect(reply.status).toBe(404)
    expect(reply.text).not.toContain('TOP SECRET')
    expect(reply.text).not.toContain('root:')
  })

  it('refuses a foreign Host for the page too (DNS rebinding)', async () => {
    const port = await servingSite()
    expect((await send(port, '/', { headers: { Host: `evil.example:${port}` } })).status).toBe(421)
  })

  it('answers POST to a page with 405', async () => {
    const port = await servingSite()
    expect((await send(port, '/', { method: 'POST', body: 'x' })).status).toBe(405)
  })

  it('answers 404 when there is no static folder', async () => {
    const { port } = await startBridge()
    expect((await send(port, '/')).status).toBe(404)
  })
})

// ---------------------------------------------------------------------------------------------------------

interface OpenStream {
  response: IncomingMessage
  waitFor(predicate: (text: string) => boolean): Promise<string>
  /** Everything received so far. */
  text(): string
  close(): void
}

/** A stream's messages (the `retry:` line and comments left out), each with the fields it had. */
function messagesOf(text: string): { id?: string; event?: string; data?: string }[] {
  const messages = text.split('\n\n').map((block) => {
    const fields: Record<string, string> = {}
    for (const line of block.split('\n')) {
      const field = /^(id|event|data): (.*)$/.exec(line)
      if (field) fields[field[1]!] = field[2]!
    }
    return fields
  })
  return messages.filter((message) => Object.keys(message).length > 0)
}

/** The change events in a stream, in order (its ready and resync messages left out). */
const changesOf = (text: string): unknown[] =>
  messagesOf(text)
    .filter((message) => message.event === undefined)
    .map((message) => JSON.parse(message.data!) as unknown)

function openStream(port: number, path: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers, agent: false }, (response) => {
      let text = ''
      const waiters: { predicate: (text: string) => boolean; resolve: (text: string) => void }[] = []
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        text += chunk
        for (const waiter of [...waiters]) {
          if (waiter.predicate(text)) {
            waiters.splice(waiters.indexOf(waiter), 1)
            waiter.resolve(text)
          }
        }
      })
      const stream: OpenStream = {
        response,
        waitFor: (predicate) =>
          predicate(text) ? Promise.resolve(text) : new Promise<string>((done) => waiters.push({ predicate, resolve: done })),
        text: () => text,
        close: () => req.destroy()
      }
      onCleanup(() => void req.destroy())
      resolve(stream)
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error)
    })
    req.end()
  })
}
