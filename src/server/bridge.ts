import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Core } from '../core/core'
import type { ChangeEvent } from '../shared/events'
import type { ErrorCode, Result } from '../shared/result'
import { fail } from '../shared/result'
import { serveStatic } from './static-files'
import { BATCH_PATH, isBatch } from '../shared/bridge-batch'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { EVENTS_AFTER_PARAM, EVENTS_SEEN_HEADER, READY_EVENT, RESYNC_EVENT } from '../shared/bridge-events'
import { createEventLog, type EventLog } from './event-log'

export const MAX_BODY_BYTES = 1024 * 1024

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface BridgeOptions {
  core: Core
  token: string
  /** The built renderer; ignored when `devMiddleware` serves the page instead. */
  staticDir?: string
  devMiddleware?: Middleware
  /** Where the bridge numbers and keeps core's events; its own by default (tests pass a small one to look into). */
  events?: EventLog
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  unknown_channel: 404,
  conflict: 409,
  internal: 500,
  io: 500,
  unavailable: 501,
  print_failed: 500,
  unauthorized: 401,
  network: 502
}

/**
 * The contract over HTTP: `POST /api/<channel>` and server-sent events at `/events`.
 * Only for this machine: bound to 127.0.0.1 by `listen`, a per-start token on every API and event
 * request, Host and Origin checked (against DNS rebinding), request bodies capped at 1 MiB.
 */
export function createBridge(options: BridgeOptions): Server {
  const streams = new Set<ServerResponse>()
  // Every event core emits while the bridge runs, numbered, the last ones kept (shared/bridge-events.ts).
  const log = options.events ?? createEventLog()
  const stopLogging = options.core.subscribe((event) => log.append(event))
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A page closed or reloaded mid-request is no failure of ours: one line, not a stack trace.
      if (req.destroyed || isAbort(error)) return void console.warn(`[bridge] ${req.method} ${(req.url ?? '').split('?')[0]}: the request was aborted`)
      console.error('[bridge]', error)
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The web bridge failed to answer.'))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port
    const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!ownHosts.includes(req.headers.host ?? '')) return sendText(res, 421, 'Unknown host')
    const origin = req.headers.origin
    if (origin !== undefined && !ownHosts.some((host) => origin === `http://${host}`)) {
      return sendText(res, 403, 'Cross-origin requests are refused')
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)

    if (url.pathname.startsWith('/api/') || url.pathname === '/events') {
      if (!hasToken(req, url, options.token)) return sendText(res, 401, 'A valid token is required')
      if (url.pathname === '/events') return openEventStream(log, streams, req, url, res)
      if (url.pathname === BATCH_PATH) return answerBatch(options.core, log, req, res)
      return answerApi(options.core, log, req, res, channelName(url.pathname))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
    if (options.devMiddleware) {
      return options.devMiddleware(req, res, () => sendText(res, 404, 'Not found'))
    }
    if (!options.staticDir) return sendText(res, 404, 'Not found')
    serveStatic(options.staticDir, url.pathname, res, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY
    })
  }

  // Event streams never end by themselves; close them so `server.close()` can finish.
  server.on('close', () => {
    for (const stream of streams) stream.end()
    stopLogging()
  })
  const close = server.close.bind(server)
  server.close = (callback?: (error?: Error) => void) => {
    for (const stream of streams) stream.end()
    return close(callback)
  }
  return server
}

/** One call of the contract: `POST /api/<channel>` with a JSON body, answered with the Result as JSON. */
async function answerApi(core: Core, log: EventLog, req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
  const body = await readJsonBody(req, res)
  if (body === undefined) return
  const seen = eventsSeen(log)
  const result = await core.invoke(channel, body.length === 0 ? {} : body.value)
  sendJson(res, result.ok ? 200 : STATUS[result.error.code], result, seen)
}

/**
 * How many events there had been when core took a call (counted before it runs: a read that waits may see later
 * changes too, never earlier ones), for the page to know which events its answer may not show.
 */
const eventsSeen = (log: EventLog): Record<string, string> => ({ [EVENTS_SEEN_HEADER]: String(log.last()) })

/**
 * Several calls of the contract (`POST /api/batch`, shared/bridge-batch.ts): each one goes to core as a call of its
 * own would, in order, and the answer is their Results, in the same order (200, whatever each Result says).
 */
async function answerBatch(core: Core, log: EventLog, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req, res)
  if (body === undefined) return
  if (!isBatch(body.value)) return sendJson(res, 400, fail('invalid_input', 'A batch is a list of 1 to 32 calls, each with a channel and its input.'))
  const seen = eventsSeen(log)
  const results: Result<unknown>[] = []
  for (const call of body.value) results.push(await core.invoke(call.channel, call.input ?? {}))
  sendBody(res, 200, JSON.stringify(results), seen)
}

/**
 * A request's JSON body, parsed (`length` 0: the body was empty); undefined once the request has been answered
 * with its error (not POST, not JSON, too large, not valid JSON).
 */
async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown; length: number } | undefined> {
  if (req.method !== 'POST') return void sendText(res, 405, 'Use POST')
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return void sendText(res, 415, 'Send JSON (Content-Type: application/json)')
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return void refuseTooLarge(req, res)
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body === null) return void refuseTooLarge(req, res)
  try {
    return { value: body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as unknown), length: body.length }
  } catch {
    return void sendJson(res, 400, fail('invalid_input', 'The request body is not valid JSON.'))
  }
}

/**
 * Core's change events as server-sent events, for as long as the page keeps the stream open: first those after the
 * event the page names (a reconnect's Last-Event-ID, else `?after=`), then READY_EVENT, then each as it comes.
 * All of it is written in one go, so no event falls between the replay and the live ones.
 */
function openEventStream(log: EventLog, streams: Set<ServerResponse>, req: IncomingMessage, url: URL, res: ServerResponse): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive'
  })
  res.write('retry: 1000\n\n')
  const from = req.headers['last-event-id'] ?? url.searchParams.get(EVENTS_AFTER_PARAM)
  const missed = from ? log.after(Number(from)) : []
  if (missed === null) res.write(`event: ${RESYNC_EVENT}\ndata: ${log.last()}\n\n`)
  for (const { id, event } of missed ?? []) res.write(eventMessage(id, event))
  res.write(`id: ${log.last()}\nevent: ${READY_EVENT}\ndata: ${log.last()}\n\n`)
  streams.add(res)
  const unsubscribe = log.subscribe((id, event) => res.write(eventMessage(id, event)))
  const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000)
  req.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
    streams.delete(res)
  })
}

const eventMessage = (id: number, event: ChangeEvent): string => `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`

/** The channel named in `/api/<channel>`; a malformed escape yields a name no channel has. */
function channelName(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length))
  } catch {
    return pathname.slice('/api/'.length)
  }
}

function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization ?? ''
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : (url.searchParams.get('token') ?? '')
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Reads at most `limit` bytes; null when the body is larger. */
const isAbort = (error: unknown): boolean =>
  error instanceof Error && ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || error.message === 'aborted')

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 413, fail('invalid_input', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`), { Connection: 'close' })
  req.resume()
}

function sendJson(res: ServerResponse, status: number, result: Result<unknown>, extra: Record<string, string> = {}): void {
  sendBody(res, status, JSON.stringify(result), extra)
}

function sendBody(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store'
  })
  res.end(body)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text)
}
