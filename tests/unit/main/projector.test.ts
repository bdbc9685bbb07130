import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake electron with a configurable set of displays. */
const fake = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; urls: string[]; closed?: () => void; destroyed: boolean }[] = []
  const displays: { id: number; bounds: { x: number; y: number; width: number; height: number } }[] = []
  class BrowserWindow {
    record: (typeof windows)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, urls: [], destroyed: false }
      windows.push(this.record)
    }
    once() {}
    on(event: string, handler: () => void) {
      if (event === 'closed') this.record.closed = handler
    }
    loadURL(url: string) {
      this.record.urls.push(url)
      return Promise.resolve()
    }
    show() {}
    isDestroyed() {
      return this.record.destroyed
    }
  }
  return {
    windows,
    displays,
    electron: {
      BrowserWindow,
      screen: { getPrimaryDisplay: () => displays[0], getAllDisplays: () => [...displays] }
    }
  }
})

vi.mock('electron', () => fake.electron)
const { projectorOpener } = await import('../../../src/main/projector')

const PATHS = { preload: '/app/out/preload/index.cjs', rendererUrl: 'app://roundtable/index.html', icon: '/app/icon.png' }
const LAPTOP = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }
const BEAMER = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } }

beforeEach(() => {
  fake.windows.length = 0
  fake.displays.length = 0
})

describe('the projector window', () => {
  it('goes full screen on the second display when there is one', () => {
    fake.displays.push(LAPTOP, BEAMER)
    const tracked: unknown[] = []
    expect(projectorOpener(PATHS, '投屏', (window) => tracked.push(window))('s-1')).toBe(true)
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0]!.options).toMatchObject({ ...BEAMER.bounds, fullscreen: true, webPreferences: { sandbox: true, contextIsolation: true } })
    expect(fake.windows[0]!.urls).toEqual(['app://roundtable/index.html#/projector/s-1'])
    expect(tracked).toHaveLength(1)
  })

  it('is an ordinary window with one display, and is reused for the next session', () => {
    fake.displays.push(LAPTOP)
    const open = projectorOpener(PATHS, '投屏', () => undefined)
    open('s-1')
    open('s-2')
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0]!.options.fullscreen).toBe(false)
    expect(fake.windows[0]!.urls.at(-1)).toBe('app://roundtable/index.html#/projector/s-2')
  })

  it('opens a new one after the old one was closed', () => {
    fake.displays.push(LAPTOP)
    const open = projectorOpener(PATHS, '投屏', () => undefined)
    open('s-1')
    fake.windows[0]!.destroyed = true
    fake.windows[0]!.closed?.()
    open('s-1')
    expect(fake.windows).toHaveLength(2)
  })
})
