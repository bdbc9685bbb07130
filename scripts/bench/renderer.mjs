#!/usr/bin/env node
// The live console in headless Chromium (issue 16), holding a 60-person session with 500 remarks, served by
// the web bridge from the built renderer:
//
// - time to interactive: from navigation start until the console shows the remark box and its list holds all
//   500 remarks (the list says how many it holds; it draws those in view, VirtualRemarkList) and
//   the main thread is free again — that moment is taken in the page, as performance.now() (whose origin is
//   the navigation's start) in a task queued after the second animation frame following the first time both
//   are in the DOM (two frames: the content has been painted; the task: no long work is still holding the
//   thread). The page reports that moment in a console message: waiting with Playwright's waitForFunction would
//   evaluate Playwright's own script (~50 ms of parsing) in the page while it loads, and the console's figure
//   took ~70 ms of it. Against a blank React page (scripts/bench/blank, built the same way by Vite, served over HTTP from
//   this process with the headers the bridge sends with the app's page, so that both are opened alike) measured the same way in the same browser, fresh context (no cache) for each load, the two
//   loads taking turns. Budget: ≤ 3× the blank page (medians of RUNS). The shell alone (an address that names no
//   page) is measured the same way beside them, for information.
// - keystroke to paint in the remark box, with those 500 remarks in its list: for each key, from the keydown
//   event's timeStamp (when the input reached the page) until a message posted from the next animation frame
//   arrives — that frame is the one that shows the key's effect (React renders the input synchronously,
//   before it), and the message runs only once its style, layout and paint are done. Playwright presses a
//   letter every KEY_GAP ms (slower than the 60 Hz frame, so one key's frame never holds another's work).
//   Budget: p95 ≤ 16 ms. Baseline: the same keys in the blank page's React text box — every sample includes
//   the wait for the next frame (0–16.7 ms at 60 Hz), which is the floor of any keystroke-to-paint figure.
//   The Event Timing API (durationThreshold 16) is read as a cross-check: the number of key events it saw
//   take longer than 16 ms until the next paint.
import { chromium } from '@playwright/test'
import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBridge } from './bridge.mjs'
import { loadCreateCore, seedLiveSession } from './core.mjs'
import { entry, median, quantile, report } from './results.mjs'

const PEOPLE = 60
// BENCH_CONSOLE_REMARKS changes the session's size (e.g. 0, to see what the 500 remarks cost); the budgets are for 500.
const REMARKS = Number(process.env.BENCH_CONSOLE_REMARKS ?? 500)
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const KEYS = Number(process.env.BENCH_KEYS ?? 120)
const KEY_GAP = 60
const TTI_RATIO = 3
const KEY_BUDGET_MS = 16
const VIEWPORT = { width: 1366, height: 768 } // the village laptop's screen (README: three columns at 1366×768)

const here = dirname(fileURLToPath(import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const file = join(dir, 'bench.sqlite')

// The session, written in-process through core (faster than over HTTP), then closed for the bridge to open.
const createCore = await loadCreateCore()
const core = createCore({ databaseFile: file, appVersion: 'bench', seedDemo: false, log: () => undefined })
const { sessionId } = await seedLiveSession(core, { people: PEOPLE, remarks: REMARKS })
core.close()
console.log(`seeded a live session: ${PEOPLE} people, ${REMARKS} remarks`)

// The blank page, built by Vite (production, minified) into the temp folder and served from there twice: with the
// headers the bridge sends with the app's page (its Content-Security-Policy and security headers; copied from the
// bridge's answer once it runs, below), the baseline; and without them, for information. The two pages are then
// opened alike: Cross-Origin-Opener-Policy alone makes Chromium open a page in a new renderer process when it is
// navigated to from a fresh context's about:blank (~25–50 ms here), a cost of that navigation, not of the page (a
// tab opened by hand comes from another process anyway, and the desktop app's app:// sends no such header).
const blankOut = join(dir, 'blank')
await build({ root: join(here, 'blank'), configFile: false, logLevel: 'warn', build: { outDir: blankOut, emptyOutDir: true } })
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' }
/** The bridge's headers that say how a page may be opened and run, filled in once the bridge runs. */
const pageHeaders = {}
const PAGE_HEADER = /^(content-security-policy|cross-origin-[a-z-]+|referrer-policy|x-content-type-options)$/i
const blankServer = (headers) =>
  createServer((req, res) => {
    const path = resolve(blankOut, `.${new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html')}`)
    if (!path.startsWith(blankOut)) return void res.writeHead(404).end()
    let body
    try {
      body = readFileSync(path)
    } catch {
      return void res.writeHead(404).end()
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
  })
const blankServers = [blankServer(pageHeaders), blankServer({})]
await Promise.all(blankServers.map((server) => new Promise((ready) => server.listen(0, '127.0.0.1', ready))))
const [blankUrl, plainBlankUrl] = blankServers.map((server) => `http://127.0.0.1:${server.address().port}/`)

const READY_MESSAGE = 'bench-ready '

/** Runs in the page before its scripts: logs READY_MESSAGE and the time once `ready()` holds, as described above. */
const watchForReady = ([condition, message]) => {
  const page = globalThis
  const ready = new Function(`return (${condition})`)()
  const report = () => page.console.log(message + page.performance.now())
  const check = () => {
    if (!ready(page.document)) return false
    page.requestAnimationFrame(() => page.requestAnimationFrame(() => page.setTimeout(report, 0)))
    return true
  }
  const observer = new page.MutationObserver(() => check() && observer.disconnect())
  observer.observe(page.document, { childList: true, subtree: true })
}
const CONSOLE_READY =
  REMARKS === 0
    ? `(document) => document.querySelector('textarea[aria-label="发言记录"]') !== null && document.querySelector('[data-testid="remark-scroller"]') !== null`
    : `(document) => document.querySelector('textarea[aria-label="发言记录"]') !== null && document.querySelector('[role="list"][data-count="${REMARKS}"] [data-testid="remark"]') !== null`
const BLANK_READY = `(document) => document.querySelector('[data-ready]') !== null`
// The shell alone: the navigation and the page of an address that names none (没有这个页面), for information — the
// part of the console's figure that is not the console (React, Mantine and its CSS, the shell's first draw).
const SHELL_READY = `(document) => document.querySelector('nav a[href="#/sessions"]') !== null && document.querySelector('main a[href="#/sessions"]') !== null`

const bridge = await startBridge(file)
const appPage = await fetch(`${bridge.origin}/`)
await appPage.arrayBuffer()
for (const [name, value] of appPage.headers) if (PAGE_HEADER.test(name)) pageHeaders[name] = value
if (!pageHeaders['content-security-policy']) throw new Error(`the bridge's page came without its Content-Security-Policy: ${JSON.stringify([...appPage.headers])}`)
const consoleUrl = `${bridge.origin}/?token=${bridge.token}#/sessions/${sessionId}/live`
const shellUrl = `${bridge.origin}/?token=${bridge.token}#/nowhere`
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })

/** Loads `url` in a fresh context (empty cache) and returns the page, once ready, and its time to interactive. */
async function load(url, condition) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.addInitScript(watchForReady, [condition, READY_MESSAGE])
  const reported = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(READY_MESSAGE), timeout: 60_000 })
  await page.goto(url, { waitUntil: 'commit' })
  const ms = Number((await reported).text().slice(READY_MESSAGE.length))
  return { context, page, ms }
}

/**
 * Loads `url`, then presses KEYS letters into its 发言记录 box, one every KEY_GAP ms, and returns each key's
 * time to paint (total, and until its frame began) and how many keydowns Event Timing saw over 16 ms.
 */
async function typeInto(url, condition) {
  const { context, page } = await load(url, condition)
  await page.evaluate(() => {
    const page = globalThis
    page.benchKeys = []
    page.benchSlowEvents = 0
    page.addEventListener(
      'keydown',
      (event) => {
        const started = event.timeStamp
        page.requestAnimationFrame(() => {
          // The frame begins: the key's event handlers (React's render of it) have run; style, layout, paint follow.
          const frame = page.performance.now()
          const channel = new page.MessageChannel()
          channel.port1.onmessage = () => page.benchKeys.push({ total: page.performance.now() - started, toFrame: frame - started })
          channel.port2.postMessage(null)
        })
      },
      { capture: true }
    )
    new page.PerformanceObserver((list) => {
      for (const timing of list.getEntries()) if (timing.name === 'keydown' && timing.duration > 16) page.benchSlowEvents += 1
    }).observe({ type: 'event', durationThreshold: 16 })
  })
  const box = page.getByRole('textbox', { name: '发言记录' })
  await box.click()
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)))
    await page.waitForTimeout(KEY_GAP)
  }
  await page.waitForTimeout(500)
  const { samples, slow } = await page.evaluate(() => ({ samples: globalThis.benchKeys, slow: globalThis.benchSlowEvents }))
  const length = (await box.inputValue()).length
  await context.close()
  if (length !== KEYS) throw new Error(`the box at ${url} holds ${length} characters, not the ${KEYS} typed`)
  return { samples, slow }
}

try {
  const times = { console: [], blank: [], plainBlank: [], shell: [] }
  for (let run = 0; run < RUNS + 1; run++) {
    const blank = await load(blankUrl, BLANK_READY)
    await blank.context.close()
    const plainBlank = await load(plainBlankUrl, BLANK_READY)
    await plainBlank.context.close()
    const live = await load(consoleUrl, CONSOLE_READY)
    await live.context.close()
    const shell = await load(shellUrl, SHELL_READY)
    await shell.context.close()
    if (run === 0) continue // warm-up: the first start of the browser's own machinery
    times.blank.push(blank.ms)
    times.plainBlank.push(plainBlank.ms)
    times.console.push(live.ms)
    times.shell.push(shell.ms)
  }
  console.log(
    `time to interactive: console with ${PEOPLE} people and ${REMARKS} remarks median ${median(times.console).toFixed(0)} ms ` +
      `(${times.console.map((ms) => ms.toFixed(0)).join(', ')}); blank React page median ${median(times.blank).toFixed(0)} ms ` +
      `(${median(times.plainBlank).toFixed(0)} ms served without the bridge's headers); ` +
      `the shell alone median ${median(times.shell).toFixed(0)} ms`
  )

  // Keystrokes: the blank page's text box first (the floor of this method in this browser: the wait for the
  // next frame is in every sample), then the console, the remark box focused, the 500 remarks in the list under it.
  const blank = await typeInto(blankUrl, BLANK_READY)
  const typed = await typeInto(consoleUrl, CONSOLE_READY)
  const keys = typed.samples.map((sample) => sample.total)
  const inFrame = typed.samples.map((sample) => sample.total - sample.toFrame)
  const blankKeys = blank.samples.map((sample) => sample.total)
  console.log(
    `keystroke to paint over ${keys.length} keys: p50 ${quantile(keys, 0.5).toFixed(1)} ms, p95 ${quantile(keys, 0.95).toFixed(1)} ms, ` +
      `max ${Math.max(...keys).toFixed(1)} ms; Event Timing saw ${typed.slow} keydowns over 16 ms\n` +
      `  of which until the frame began (the key's handlers and React's render, then waiting for the frame): p50 ${quantile(typed.samples.map((sample) => sample.toFrame), 0.5).toFixed(1)} ms; ` +
      `the frame itself (style, layout, paint): p50 ${quantile(inFrame, 0.5).toFixed(1)} ms, p95 ${quantile(inFrame, 0.95).toFixed(1)} ms\n` +
      `  blank page's text box: p50 ${quantile(blankKeys, 0.5).toFixed(1)} ms, p95 ${quantile(blankKeys, 0.95).toFixed(1)} ms; Event Timing saw ${blank.slow} over 16 ms`
  )
  report([
    entry(`renderer: console time to interactive (${PEOPLE} people, ${REMARKS} remarks) median`, median(times.console), 'ms', {
      baseline: median(times.blank),
      maxRatio: TTI_RATIO,
      digits: 0,
      note: 'vs a blank React page, same browser, served with the headers the bridge sends with the app'
    }),
    entry(`renderer: console time to interactive (${PEOPLE} people, ${REMARKS} remarks) vs the blank page served without the bridge's headers`, median(times.console), 'ms', {
      baseline: median(times.plainBlank),
      digits: 0,
      note: 'for information: the blank page served with no headers at all (as before 2026-12-03), so without the process change'
    }),
    entry('renderer: the shell alone (no page) time to interactive median', median(times.shell), 'ms', {
      baseline: median(times.blank),
      digits: 0,
      note: 'for information: the part of the console’s figure that is not the console; vs the blank page'
    }),
    entry(`renderer: keystroke to paint in the remark box (${REMARKS} remarks) p95`, quantile(keys, 0.95), 'ms', {
      baseline: quantile(blankKeys, 0.95),
      budget: KEY_BUDGET_MS,
      digits: 1,
      note: `${keys.length} keys; ${typed.slow} over 16 ms by Event Timing; vs a blank page's React text box`
    })
  ])
} finally {
  await browser.close()
  bridge.child.kill()
  for (const server of blankServers) server.close()
  rmSync(dir, { recursive: true, force: true })
}
