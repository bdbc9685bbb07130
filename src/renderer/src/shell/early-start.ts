import type { OutputOf } from '@shared/contract'
import type { Result } from '@shared/result'
import { prefetch } from '../api/prefetch'
import { parseHash } from '../address'
import { CHECK_IN_MODULE, LIVE_CONSOLE_MODULE, PAGE_MODULES, SESSIONS_LIST_MODULE } from './pages'

/**
 * What the first screen needs, asked for as the app starts instead of one after the other as each part
 * renders: the shell waited for the settings, the page's code was asked for only then, the live console's
 * session only once that code had run, and its remarks after the session (issue 16: the console's time to
 * interactive). Each part still renders as before; it finds what it needs already on its way.
 *
 * main.tsx imports this module first, so that it runs before React, Mantine and the shell are evaluated;
 * it imports nothing heavy itself.
 */
function startEarly(): Promise<Result<OutputOf<'settings:get'>>> {
  const { route, params } = parseHash(window.location.hash)
  const [sessionId, view] = params
  const onConsole = route === 'sessions' && sessionId !== undefined && view === 'live'
  // The reads first: through the web bridge the browser opens six connections to it, and the page's code
  // comes in dozens of files that would otherwise take them all before the reads (live:get waited ~140 ms).
  const settings = prefetch('settings:get', {})
  // English words are a chunk of their own (i18n/index.ts), fetched as soon as the settings say they are needed.
  void settings.then((answer) => (answer.ok && answer.value.language === 'en' ? import('../i18n/en') : undefined)).catch(() => undefined)
  if (route === 'projector') return settings // the projector's window has no shell
  // What the shell reads on every page (the archive's health notice, the first-run state).
  void prefetch('app:info', {})
  void prefetch('firstRun:get', {})
  if (onConsole) {
    // The console, opened from its address (a restart in the middle of a session comes back here).
    // Before the session starts, the console opens on its 签到 tab: that code is asked for as soon as the session says so.
    void prefetch('live:get', { sessionId }).then((answer) => answer.ok && answer.value.session.status !== 'live' && CHECK_IN_MODULE.preload())
    void prefetch('remarks:list', { sessionId })
    void prefetch('drafts:get', { sessionId })
  }
  if (route !== null) {
    // Preloaded: a failure here is not kept, the page asks again when it is drawn (and shows its own failure).
    PAGE_MODULES[route].preload()
    if (onConsole) LIVE_CONSOLE_MODULE.preload()
    if (route === 'sessions' && sessionId === undefined) SESSIONS_LIST_MODULE.preload()
  }
  // Names sort by pinyin (@shared/people): the first Chinese collator of a page loads ICU's rules, 8–18 ms here, and
  // later ones take 0.1 ms. Made now, while the requests above are on their way and the app's code still loads,
  // that time is not spent when the page is drawn.
  new Intl.Collator('zh-CN').compare('', '')
  return settings
}

/** The settings asked for here: main.tsx draws the app once they have arrived, in their language. */
export const settingsArrived = startEarly()
