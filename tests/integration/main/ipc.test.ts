import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { registerIpc, isTrustedSender, type IpcTrust } from '../../../src/main/ipc'
import { EVENT_CHANNEL } from '../../../src/shared/api'
import { CHANNELS } from '../../../src/shared/contract'
import { onCleanup, runCleanups, testCore, valueOf } from '../../helpers'

type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown

interface FakeWebContents {
  send: ReturnType<typeof vi.fn>
}
interface FakeWindow {
  webContents: FakeWebContents
  destroyed: boolean
  isDestroyed(): boolean
}

/** Just enough of Electron: an ipcMain that records handlers, and BrowserWindow's two lookups. */
const fake = vi.hoisted(() => {
  const handlers = new Map<string, Listener>()
  const windows: FakeWindow[] = []
  return {
    handlers,
    windows,
    ipcMain: {
      handle: vi.fn((channel: string, listener: Listener) => {
        // Like Electron: a second handler for the same channel is an error.
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        handlers.set(channel, listener)
      }),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel))
    },
    BrowserWindow: {
      fromWebContents: (contents: unknown) => windows.find((window) => window.webContents === contents) ?? null,
      getAllWindows: () => [...windows]
    }
  }
})

vi.mock('electron', () => ({ ipcMain: fake.ipcMain, BrowserWindow: fake.BrowserWindow, app: {}, session: {} }))

const RENDERER_URL = pathToFileURL(join('/opt', 'Roundtable', 'resources', 'app', 'out', 'renderer', 'index.html')).href

function makeWindow(): FakeWindow {
  const window: FakeWindow = {
    webContents: { send: vi.fn() },
    destroyed: false,
    isDestroyed: () => window.destroyed
  }
  fake.windows.push(window)
  return window
}

interface Frame {
  url: string
  parent: Frame | null
}

function eventFrom(sender: FakeWebContents, senderFrame: Frame | null): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent
}

const topFrame = (url = RENDERER_URL): Frame => ({ url, parent: null })

let ownWindows: Set<FakeWindow>
let trust: IpcTrust

beforeEach(() => {
  fake.handlers.clear()
  fake.windows.length = 0
  vi.clearAllMocks()
  ownWindows = new Set()
  trust = {
    isOwnWindow: (window: BrowserWindow) => ownWindows.has(window as unknown as FakeWindow),
    rendererUrl: RENDERER_URL
  }
})

afterEach(runCleanups)

function setup(): { core: ReturnType<typeof testCore>; own: FakeWindow; foreign: FakeWindow; call: (channel: string, event: IpcMainInvokeEvent, input: unknown) => unknown } {
  const core = testCore()
  const own = makeWindow()
  ownWindows.add(own)
  const foreign = makeWindow()
  const dispose = registerIpc(core, trust)
  onCleanup(dispose)
  const call = (channel: string, event: IpcMainInvokeEvent, input: unknown): unknown => {
    const listener = fake.handlers.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener(event, input)
  }
  return { core, own, foreign, call }
}

describe('registerIpc', () => {
  it('registers a handler for every channel of the contract, and nothing else', async () => {
    setup()
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length)
  })

  it('gives a trusted sender the real result of core', async () => {
    const { core, own, call } = setup()
    const event = eventFrom(own.webContents, topFrame())
    expect(await call('settings:update', event, { language: 'en', organisationName: ' 郑家镇 ' })).toMatchObject({
      ok: true,
      value: { language: 'en', organisationName: '郑家镇', defaultVenue: '' }
    })
    expect(valueOf(await core.invoke('settings:get', {})).language).toBe('en')
    expect(await call('settings:get', event, {})).toEqual(await core.invoke('settings:get', {}))
    expect(await call('app:info', event, {})).toEqual(await core.invoke('app:info', {}))
  })

  it('trusts the renderer page whatever its hash or query (client-side routes)', async () => {
    const { own, call } = setup()
    const event = eventFrom(own.webContents, topFrame(`${RENDERER_URL}?lang=en#/sessions/123`))
    expect(await call('settings:get', event, {})).toMatchObject({ ok: true })
  })

  it('passes core errors through unchanged for a trusted sender', async () => {
    const { own, call } = setup()
    const event = eventFrom(own.webContents, topFrame())
    expect(await call('settings:update', event, { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['language'], code: 'invalid_value' }] }
    })
    expect(await call('people:get', event, { id: '0198c000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })

  const UNTRUSTED: [string, (w: { own: FakeWindow; foreign: FakeWindow }) => IpcMainInvokeEvent][] = [
    ['a window that is not ours', ({ foreign }) => eventFrom(foreign.webContents, topFrame())],
    ['a webContents without a window', () => eventFrom({ send: vi.fn() }, topFrame())],
    ['a subframe of our window', ({ own }) => eventFrom(own.webContents, { url: RENDERER_URL, parent: topFrame() })],
    ['our window showing a foreign https page', ({ own }) => eventFrom(own.webContents, topFrame('https://evil.example/'))],
    [
      'our window showing a foreign page at our path',
      ({ own }) => eventFrom(own.webContents, topFrame(`https://evil.example${new URL(RENDERER_URL).pathname}`))
    ],
    ['our window showing another local file', ({ own }) => eventFrom(own.webContents, topFrame('file:///tmp/evil.html'))],
    ['our window showing a data: URL', ({ own }) => eventFrom(own.webContents, topFrame('data:text/html,<h1>hi</h1>'))],
    ['a frame with an unparsable URL', ({ own }) => eventFrom(own.webContents, topFrame('not a url'))],
    ['a sender whose frame is gone (null senderFrame)', ({ own }) => eventFrom(own.webContents, null)]
  ]

  it.each(UNTRUSTED)('refuses %s with forbidden, and writes nothing', async (_who, makeEvent) => {
    const { core, own, foreign, call } = setup()
    const event = makeEvent({ own, foreign })
    expect(isTrustedSender(event, trust)).toBe(false)

    const write = await call('settings:update', event, { language: 'en' })
    expect(write).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    expect(valueOf(await core.invoke('settings:get', {})).language).toBe('zh-CN')
    expect(own.webContents.send).not.toHaveBeenCalled()
    expect(foreign.webContents.send).not.toHaveBeenCalled()

    // Reads are refused too: a foreign page learns nothing.
    for (const channel of CHANNELS) {
      expect(await call(channel, event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })

  it('isTrustedSender accepts the top frame of our window showing our page', async () => {
    const { own } = setup()
    expect(isTrustedSender(eventFrom(own.webContents, topFrame()), trust)).toBe(true)
  })

  it('sends change events to our windows only, on the event channel', async () => {
    const { own, foreign, call } = setup()
    const second = makeWindow()
    ownWindows.add(second)
    const closed = makeWindow()
    ownWindows.add(closed)
    closed.destroyed = true

    await call('settings:update', eventFrom(own.webContents, topFrame()), { defaultVenue: '理论宣讲室' })

    expect(EVENT_CHANNEL).toBe('roundtable:event')
    expect(own.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, { name: 'settings:changed' })
    expect(second.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, { name: 'settings:changed' })
    expect(foreign.webContents.send).not.toHaveBeenCalled()
    expect(closed.webContents.send).not.toHaveBeenCalled()
  })

  it('forwards changes made by other callers of core (e.g. the web bridge) too', async () => {
    const { core, own, foreign } = setup()
    await core.invoke('settings:update', { language: 'en' })
    expect(own.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, { name: 'settings:changed' })
    expect(foreign.webContents.send).not.toHaveBeenCalled()
  })

  it('sends no event for a refused or failed call', async () => {
    const { own, foreign, call } = setup()
    await call('settings:update', eventFrom(own.webContents, topFrame()), { language: 'fr' })
    await call('settings:update', eventFrom(foreign.webContents, topFrame()), { language: 'en' })
    expect(own.webContents.send).not.toHaveBeenCalled()
  })

  it('returns a dispose function that removes every handler and stops forwarding events', async () => {
    const core = testCore()
    const own = makeWindow()
    ownWindows.add(own)
    const dispose = registerIpc(core, trust)
    expect(fake.handlers.size).toBe(CHANNELS.length)

    dispose()
    expect(fake.handlers.size).toBe(0)
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledTimes(CHANNELS.length)
    for (const channel of CHANNELS) expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith(channel)

    await core.invoke('settings:update', { language: 'en' })
    expect(own.webContents.send).not.toHaveBeenCalled()

    // Registering again after dispose works (no "second handler" error).
    onCleanup(registerIpc(core, trust))
    expect(fake.handlers.size).toBe(CHANNELS.length)
  })
})
