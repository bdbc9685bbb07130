import { prefetch } from '../api/prefetch'
import { parseHash } from '../address'
import { LIVE_CONSOLE_MODULE, PAGE_MODULES } from './pages'

/**
 * What the first screen needs, asked for as the app starts instead of one after the other as each part
 * renders: the shell waited for the settings, the page's code was asked for only then, the live console's
 * session only once that code had run, and its remarks after the session (issue 16: the console's time to
 * interactive). Each part still renders as before; it finds what it needs already on its way.
 *
 * main.tsx imports this module first, so that it runs before React, Mantine and the shell are evaluated;
 * it imports nothing heavy itself.
 */
function startEarly(): Promise<unknown> {
  const { route, params } = parseHash(window.location.hash)
  const [sessionId, view] = params
  const onConsole = route === 'sessions' && sessionId !== undefined && view === 'live'
  // The reads first: through the web bridge the browser opens six connections to it, and the page's code
  // comes in dozens of files that would otherwise take them all before the reads (live:get waited ~140 ms).
  const settings = prefetch('settings:get', {})
  if (route === 'projector') return settings // the projector's window has no shell
  // What the shell reads on every page (the archive's health notice, the first-run state).
  void prefetch('app:info', {})
  void prefetch('firstRun:get', {})
  if (onConsole) {
    // The console, opened from its address (a restart in the middle of a session comes back here).
    void prefetch('live:get', { sessionId })
    void prefetch('remarks:list', { sessionId })
    void prefetch('drafts:get', { sessionId })
  }
  if (route === null) return settings
  // A failed load is shown by the page when it is drawn (LoadedComponent); here it only must not go unhandled.
  PAGE_MODULES[route].load().catch(() => undefined)
  if (onConsole) LIVE_CONSOLE_MODULE.load().catch(() => undefined)
  return settings
}

/** Settles once the settings asked for here have arrived, whatever the answer (main.tsx draws the app then). */
export const settingsArrived = startEarly()
