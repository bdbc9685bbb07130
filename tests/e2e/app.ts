import { _electron, chromium, test as base, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH, e2eMode, electronBinary, type E2eMode } from './mode'

/** The app under test, the same for both modes. */
export interface AppUnderTest {
  mode: E2eMode
  page: Page
  databaseFile: string
  /** Quits and starts the app again on the same database, and returns the new main page. */
  restart(): Promise<Page>
  /**
   * Kills the app's process (SIGKILL: a crash or a power cut, nothing runs on the way out), does `meanwhile`
   * to the files, and starts it again; returns the new main page.
   */
  restartAfterCrash(meanwhile?: () => void): Promise<Page>
  /** The projector for a session: a second window in Electron, another tab through the web bridge. */
  openProjector(sessionId: string): Promise<Page>
}

interface Running {
  page: Page
  openProjector(sessionId: string): Promise<Page>
  stop(): Promise<void>
  kill(): Promise<void>
}

/**
 * Every spec starts on a fresh archive, which greets a new user with the welcome (设置 remembers it was
 * seen). The harness marks it seen before the page opens (`firstRun:update` through the contract, the same
 * call 以后再说 makes), so no spec is blocked by it. A spec about the first run asks for it with
 * `test.use({ firstRun: true })` (the app fixture), or `startBridge(file, { firstRun: true })`.
 */
const WELCOME_SEEN = { welcome: 'dismissed' } as const

export const test = base.extend<{ app: AppUnderTest; firstRun: boolean }, { webBrowser: Browser | null }>({
  firstRun: [false, { option: true }],
  webBrowser: [
    async ({}, use) => {
      if (e2eMode() !== 'web') return use(null)
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],

  app: async ({ webBrowser, firstRun }, use) => {
    const mode = e2eMode()
    const dir = mkdtempSync(join(tmpdir(), 'roundtable-e2e-'))
    const databaseFile = join(dir, 'roundtable.sqlite')
    const launch = (): Promise<Running> =>
      mode === 'electron' ? launchElectron(databaseFile, firstRun) : launchWeb(webBrowser!, databaseFile, firstRun)
    let running = await launch()
    const app: AppUnderTest = {
      mode,
      get page() {
        return running.page
      },
      databaseFile,
      async restart() {
        await running.stop()
        running = await launch()
        return running.page
      },
      async restartAfterCrash(meanwhile) {
        await running.kill()
        meanwhile?.()
        running = await launch()
        return running.page
      },
      openProjector: (sessionId) => running.openProjector(sessionId)
    }
    await use(app)
    await running.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})

export { expect } from '@playwright/test'

async function launchElectron(databaseFile: string, firstRun: boolean): Promise<Running> {
  const electronApp = await _electron.launch({
    executablePath: electronBinary()!,
    args: ['out/main/index.js', `--db=${databaseFile}`],
    env: { ...process.env, ROUNDTABLE_E2E: '1' }
  })
  const page = await electronApp.firstWindow()
  await page.setViewportSize({ width: 1280, height: 800 })
  // (The window is already open: the welcome closes when core announces the change.)
  if (!firstRun) {
    await page.waitForFunction(() => 'api' in globalThis)
    await page.evaluate(
      (patch) => (globalThis as unknown as { api: { invoke: (channel: string, input: unknown) => Promise<unknown> } }).api.invoke('firstRun:update', patch),
      WELCOME_SEEN
    )
  }
  return {
    page,
    async openProjector(sessionId) {
      const opened = electronApp.waitForEvent('window')
      await page.evaluate(
        (id) => (globalThis as unknown as { api: { invoke: (channel: string, input: unknown) => Promise<unknown> } }).api.invoke('projector:open', { sessionId: id }),
        sessionId
      )
      return opened
    },
    stop: () => electronApp.close(),
    async kill() {
      const child = electronApp.process()
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    }
  }
}

async function launchWeb(browser: Browser, databaseFile: string, firstRun: boolean): Promise<Running> {
  // The browser's tab is opened while the bridge starts (neither waits for the other); the page loads once both are ready.
  const opening = browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }).then(async (context) => ({ context, page: await context.newPage() }))
  const [started, opened] = await Promise.allSettled([startBridge(databaseFile, { firstRun }), opening])
  if (started.status === 'rejected' || opened.status === 'rejected') {
    if (opened.status === 'fulfilled') await opened.value.context.close()
    if (started.status === 'fulfilled') await stopProcess(started.value.child)
    throw started.status === 'rejected' ? started.reason : (opened as PromiseRejectedResult).reason
  }
  const { url, child } = started.value
  const { context, page } = opened.value
  await page.goto(url)
  return {
    page,
    async openProjector(sessionId) {
      // Another tab of the same browser: it finds the token the first tab kept.
      const projector = await context.newPage()
      await projector.setViewportSize({ width: 1280, height: 720 })
      await projector.goto(`${new URL(url).origin}/#/projector/${sessionId}`)
      return projector
    },
    async stop() {
      await context.close()
      await stopProcess(child)
    },
    async kill() {
      await context.close()
      await stopProcess(child, 'SIGKILL')
    }
  }
}

/**
 * Starts `out/main/server.js` on a free port and waits for the address it prints; unless `firstRun`, marks
 * the welcome seen before any page opens (see WELCOME_SEEN).
 */
export async function startBridge(databaseFile: string, { firstRun = false }: { firstRun?: boolean } = {}): Promise<{ url: string; child: ChildProcess }> {
  const bridge = await spawnBridge(databaseFile)
  if (!firstRun) {
    const response = await fetch(new URL('/api/firstRun:update', bridge.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${new URL(bridge.url).searchParams.get('token')}` },
      body: JSON.stringify(WELCOME_SEEN)
    })
    if (!response.ok) throw new Error(`The welcome could not be marked seen: ${response.status} ${await response.text()}`)
  }
  return bridge
}

function spawnBridge(databaseFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/server.js', '--db', databaseFile, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`The web bridge did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1]!, child })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The web bridge exited with ${code}:\n${output}`))
    })
  })
}

/** Stops a process and resolves once it has exited. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}
