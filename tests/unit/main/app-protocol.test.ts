import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runCleanups, tempDir } from '../../helpers'

/** A fake electron protocol module: records the privileged schemes and the handler. */
const fake = vi.hoisted(() => {
  const state: { privileged: unknown[]; handlers: Map<string, (request: Request) => Promise<Response>> } = { privileged: [], handlers: new Map() }
  return {
    state,
    electron: {
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.handlers.set(scheme, handler)
      }
    }
  }
})
vi.mock('electron', () => fake.electron)
const { APP_ENTRY_URL, registerAppScheme, serveAppProtocol } = await import('../../../src/main/app-protocol')
const { CONTENT_SECURITY_POLICY } = await import('../../../src/shared/csp')

afterEach(runCleanups)

/** A built renderer folder on disk, with a secret file beside it that must never be served. */
function rendererFolder(): string {
  const root = tempDir()
  const dir = join(root, 'renderer')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>圆桌派</title>')
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(dir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  writeFileSync(join(root, 'roundtable.db'), 'secret')
  return dir
}

function handler(dir: string): (request: Request) => Promise<Response> {
  serveAppProtocol(dir)
  return fake.state.handlers.get('app')!
}

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme, its scripts code-cached, before the app is ready', () => {
    registerAppScheme()
    expect(fake.state.privileged).toContainEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } })
    expect(APP_ENTRY_URL).toBe('app://roundtable/index.html')
  })

  it('serves the renderer with its type and the CSP', async () => {
    const serve = handler(rendererFolder())
    const page = await serve(new Request(`${APP_ENTRY_URL}#/sessions`))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('圆桌派')
    const script = await serve(new Request('app://roundtable/assets/index-abc.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    const font = await serve(new Request('app://roundtable/assets/font.woff2'))
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect((await serve(new Request('app://roundtable/'))).status).toBe(200)
  })

  it.each([
    'app://roundtable/../roundtable.db',
    'app://roundtable/%2e%2e/roundtable.db',
    'app://roundtable/assets/..%2F..%2Froundtable.db',
    'app://roundtable/..%5Croundtable.db',
    'app://roundtable/missing.js',
    'app://roundtable/assets',
    'app://roundtable/%E0%A4%A',
    'app://roundtable/index.html%00.js',
    'app://other/index.html'
  ])('answers 404 for %s and never leaves the folder', async (url) => {
    const response = await handler(rendererFolder())(new Request(url))
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })

  it('refuses writes', async () => {
    const response = await handler(rendererFolder())(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
  })
})
