import { app, session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

/**
 * Whether a URL is our own renderer: the built index.html (app://roundtable/index.html; file:// is still
 * understood), or (in development) the dev server.
 * Hash and query are ignored; everything else must match.
 */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const actual = new URL(url)
    const expected = new URL(rendererUrl)
    // file: and app: URLs have no comparable origin ("null"): the page itself must match.
    if (expected.protocol === 'file:' || expected.protocol === 'app:') {
      return actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname
    }
    return actual.origin === expected.origin
  } catch {
    return false
  }
}

/** Applies the app-wide rules once, before any window opens. */
export function secureApp(rendererUrl: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
  app.on('web-contents-created', (_event, contents) => guardContents(contents, rendererUrl))
}

/** No navigation away from the app, no new windows, no webviews. */
export function guardContents(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
