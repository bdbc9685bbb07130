import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake electron: records the BrowserWindow options, the menu template, and the session handlers. */
const fake = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; loaded: string[]; once: Map<string, () => void> }[] = []
  const appEvents = new Map<string, (...args: unknown[]) => void>()
  const sessionHandlers: Record<string, unknown> = {}
  class BrowserWindow {
    loaded: string[] = []
    onceHandlers = new Map<string, () => void>()
    constructor(options: Record<string, unknown>) {
      created.push({ options, loaded: this.loaded, once: this.onceHandlers })
    }
    once(event: string, handler: () => void) {
      this.onceHandlers.set(event, handler)
    }
    show() {}
    loadURL(url: string) {
      this.loaded.push(url)
      return Promise.resolve()
    }
  }
  return {
    created,
    appEvents,
    sessionHandlers,
    electron: {
      BrowserWindow,
      Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
      app: { on: vi.fn((event: string, handler: (...args: unknown[]) => void) => appEvents.set(event, handler)) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: unknown) => (sessionHandlers.request = handler),
          setPermissionCheckHandler: (handler: unknown) => (sessionHandlers.check = handler),
          webRequest: { onHeadersReceived: (handler: unknown) => (sessionHandlers.headers = handler) }
        }
      }
    }
  }
})

vi.mock('electron', () => fake.electron)

const { createAppWindow } = await import('../../../src/main/window')
const { menuTemplate } = await import('../../../src/main/menu')
const { guardContents, secureApp } = await import('../../../src/main/security')
const { CONTENT_SECURITY_POLICY } = await import('../../../src/shared/csp')

beforeEach(() => {
  fake.created.length = 0
})

describe('the main window', () => {
  it('isolates the page: context isolation, sandbox, no Node integration, our preload only', () => {
    createAppWindow({ preload: '/app/out/preload/index.cjs', rendererUrl: 'app://roundtable/index.html', icon: '/app/icon.png' }, { title: '圆桌派' })
    const [window] = fake.created
    expect(window?.options).toMatchObject({
      title: '圆桌派',
      show: false,
      webPreferences: { preload: '/app/out/preload/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true }
    })
    expect(window?.loaded).toEqual(['app://roundtable/index.html'])
    // Shown only once painted, so nobody sees a white flash.
    expect(window?.once.has('ready-to-show')).toBe(true)
  })
})

describe('the application menu', () => {
  const labels = (template: ReturnType<typeof menuTemplate>): string[] => template.map((item) => String(item.label))

  it('is Chinese by default and English when chosen', () => {
    expect(labels(menuTemplate('zh-CN', false))).toEqual(['圆桌派', '编辑', '视图', '窗口'])
    expect(labels(menuTemplate('en', false))).toEqual(['Roundtable', 'Edit', 'View', 'Window'])
  })

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) => JSON.stringify(menuTemplate('zh-CN', isDev))
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })
})

describe('app-wide security', () => {
  it('denies every permission request and check, and sends the strict CSP with every response', () => {
    secureApp('app://roundtable/index.html')
    const granted: boolean[] = []
    ;(fake.sessionHandlers.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', (ok) => granted.push(ok))
    ;(fake.sessionHandlers.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'geolocation', (ok) => granted.push(ok))
    expect(granted).toEqual([false, false])
    expect((fake.sessionHandlers.check as () => boolean)()).toBe(false)
    let headers: Record<string, string[]> = {}
    ;(fake.sessionHandlers.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: { 'X-Other': ['1'] } },
      (response) => (headers = response.responseHeaders)
    )
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(headers['X-Other']).toEqual(['1'])
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/)
  })

  it('refuses navigation away from the app, new windows and webviews', () => {
    const handlers = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>()
    let openHandler: (() => { action: string }) | undefined
    const contents = {
      on: (event: string, handler: (event: { preventDefault: () => void }, url?: string) => void) => handlers.set(event, handler),
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler)
    }
    guardContents(contents as never, 'app://roundtable/index.html')
    const prevented = (event: string, url?: string): boolean => {
      let stopped = false
      handlers.get(event)?.({ preventDefault: () => (stopped = true) }, url)
      return stopped
    }
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true)
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(prevented('will-navigate', 'app://roundtable/index.html#/people')).toBe(false)
    expect(prevented('will-redirect', 'https://example.com/')).toBe(true)
    expect(prevented('will-attach-webview')).toBe(true)
    expect(openHandler?.()).toEqual({ action: 'deny' })
  })
})
