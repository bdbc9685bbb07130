import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { contentType, rendererFile } from '../server/static-files'

/**
 * The built renderer is served from app://roundtable/, not file://. A file:// page may read any file
 * its URL can name and shares one origin with every other file; app:// is its own secure origin that
 * serves the renderer folder and nothing else, so the file:// fuse can stay off (electron-builder.yml).
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'roundtable'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Must run before the app is ready: app:// behaves like https (origin, storage, fetch, CSP 'self'). With
 * `codeCache` V8 keeps the renderer's compiled code between starts, as it does for a web page's scripts: from
 * the second start on, the app's JavaScript is not compiled again (issue 16: time to interactive).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

/** Answers one app:// request from the renderer folder; anything else is 404 (or 405 for writes). */
export async function answerAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return notFound()
  }
  const found = url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST ? rendererFile(rendererDir, url.pathname) : null
  if (!found) return notFound()
  try {
    const body = await readFile(found.file)
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': contentType(found.file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff'
      }
    })
  } catch {
    return notFound()
  }
}

const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/** Serves the renderer folder on app://; call once the app is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir))
}
