import type { OutputOf } from '@shared/contract'
import type { Result } from '@shared/result'
import { prefetch } from '../api/prefetch'
import { parseHash } from '../address'
import { CHECK_IN_MODULE, LIVE_CONSOLE_MODULE, PAGE_MODULES, SESSIONS_LIST_MODULE } from './pages'

/**
 * At most this long the app waits for the first screen's code and reads before it draws: a read slower than
 * that shows the shell and the page's own loader instead of an empty window.
 */
const FIRST_SCREEN_WAIT_MS = 500

/**
 * What the first screen needs, asked for as the app starts instead of one after the other as each part
 * renders: the shell waited for the settings, the page's code was asked for only then, the live console's
 * session only once that code had run, and its remarks after the session (issue 16: the console's time to
 * interactive). Each part still renders as before; it finds what it needs already here (main.tsx waits for it).
 *
 * main.tsx imports this module first, so that it runs before React, Mantine and the shell are evaluated;
 * it imports nothing heavy itself.
 */
function startEarly(): { settings: Promise<Result<OutputOf<'settings:get'>>>; firstScreen: Promise<unknown> } {
  const { route, params } = parseHash(window.location.hash)
  const [sessionId, view] = params
  const onConsole = route === 'sessions' && sessionId !== undefined && view === 'live'
  // The reads first: through the web bridge the browser opens six connections to it, and the page's code (a few
  // files, vite.console-chunks.ts) would otherwise take them before the reads (live:get once waited ~140 ms).
  const settings = prefetch('settings:get', {})
  // English words are a chunk of their own (i18n/index.ts), fetched as soon as the settings say they are needed.
  void settings.then((answer) => (answer.ok && answer.value.language === 'en' ? import('../i18n/en') : undefined)).catch(() => undefined)
  if (route === 'projector') return { settings, firstScreen: settings } // the projector's window has no shell
  // What the shell reads on every page (the archive's health notice, the first-run state).
  void prefetch('app:info', {})
  void prefetch('firstRun:get', {})
  const needed: Promise<unknown>[] = [settings]
  if (onConsole) {
    // The console, opened from its address (a restart in the middle of a session comes back here).
    // Before the session starts, the console opens on its 签到 tab: that code is asked for as soon as the session says so.
    needed.push(
      prefetch('live:get', { sessionId }).then((answer) => (answer.ok && answer.value.session.status !== 'live' ? CHECK_IN_MODULE.preload() : undefined)),
      prefetch('remarks:list', { sessionId }),
      prefetch('drafts:get', { sessionId })
    )
  }
  if (route !== null) {
    // Preloaded: a failure here is not kept, the page asks again when it is drawn (and shows its own failure).
    // 场次's routes come with the shell (pages.ts); the page they draw is asked for below.
    if (route !== 'sessions') needed.push(PAGE_MODULES[route].preload())
    if (onConsole) needed.push(LIVE_CONSOLE_MODULE.preload())
    if (route === 'sessions' && sessionId === undefined) needed.push(SESSIONS_LIST_MODULE.preload())
  }
  // Names sort by pinyin (@shared/people): the first Chinese collator of a page loads ICU's rules, 10–30 ms here, and
  // later ones take 0.1 ms. Made now, while the requests above are on their way and the app's code still loads,
  // that time is not spent when the page is drawn. Not for the console: it sorts no names to draw, and on two
  // cores this time is taken from the code's compiling.
  if (!onConsole) new Intl.Collator('zh-CN').compare('', '')
  // Settled, not resolved: a failed read or load is the page's to show once drawn.
  const settled = Promise.allSettled(needed)
  return { settings, firstScreen: Promise.race([settled, new Promise((done) => setTimeout(done, FIRST_SCREEN_WAIT_MS))]) }
}

const started = startEarly()
/** The settings asked for here: main.tsx draws the app in their language. */
export const settingsArrived = started.settings
/**
 * The first screen's settings, code and reads, arrived (or failed, or FIRST_SCREEN_WAIT_MS passed): main.tsx draws
 * the app then, the shell and the page in one draw. Drawn before, the shell was drawn, laid out and painted
 * alone and the page drawn after it in a second pass (issue 16: the console's time to interactive).
 */
export const firstScreenArrived = started.firstScreen
