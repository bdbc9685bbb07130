import { describe, expect, it, vi } from 'vitest'
import { moduleLoader } from '../../../src/renderer/src/shell/module-loader'

describe('a page\'s code, loaded once and kept', () => {
  it('is asked for once however often it is loaded, and its state can be read at once afterwards', async () => {
    const importer = vi.fn(async () => 'page')
    const loader = moduleLoader(importer)
    const seen: string[] = []
    loader.subscribe(() => seen.push(loader.state().status))
    expect(loader.state()).toStrictEqual({ status: 'idle' })
    const [a, b] = [loader.load(), loader.load()]
    expect(loader.state().status).toBe('loading')
    expect(await a).toBe('page')
    expect(await b).toBe('page')
    expect(await loader.load()).toBe('page')
    expect(importer).toHaveBeenCalledTimes(1)
    expect(loader.state()).toStrictEqual({ status: 'loaded', value: 'page' })
    expect(seen).toStrictEqual(['loading', 'loaded'])
  })

  it('keeps the same state object while nothing changes (what useSyncExternalStore needs)', async () => {
    const loader = moduleLoader(async () => 1)
    expect(loader.state()).toBe(loader.state())
    await loader.load()
    expect(loader.state()).toBe(loader.state())
  })

  it('a failed load is kept as failed, and the next load asks again', async () => {
    const importer = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('chunk missing')).mockResolvedValueOnce('page')
    const loader = moduleLoader(importer)
    await expect(loader.load()).rejects.toThrow('chunk missing')
    expect(loader.state()).toMatchObject({ status: 'failed', error: new Error('chunk missing') })
    expect(await loader.load()).toBe('page')
    expect(importer).toHaveBeenCalledTimes(2)
  })

  it('a listener that unsubscribes is not called again', async () => {
    const loader = moduleLoader(async () => 'x')
    const listener = vi.fn()
    loader.subscribe(listener)()
    await loader.load()
    expect(listener).not.toHaveBeenCalled()
  })

  it('a preload that fails is not kept: the state is idle again, and the next load asks afresh', async () => {
    const importer = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('dialog')
    const loader = moduleLoader(importer)
    const seen: string[] = []
    loader.subscribe(() => seen.push(loader.state().status))
    const settled = loader.preload()
    expect(loader.state().status).toBe('loading')
    // What waits for it (main.tsx, for the first screen's code) goes on: it resolves, never rejects.
    await expect(settled).resolves.toBeUndefined()
    expect(loader.state().status).toBe('idle')
    expect(seen).toStrictEqual(['loading', 'idle'])
    expect(await loader.load()).toBe('dialog')
    expect(importer).toHaveBeenCalledTimes(2)
  })

  it('a load that joins a preload on its way shares its request, and its failure is kept', async () => {
    let fail!: (error: Error) => void
    const importer = vi.fn(() => new Promise<string>((_resolve, reject) => (fail = reject)))
    const loader = moduleLoader(importer)
    loader.preload()
    const waiting = loader.load()
    fail(new Error('chunk missing'))
    await expect(waiting).rejects.toThrow('chunk missing')
    expect(importer).toHaveBeenCalledTimes(1)
    expect(loader.state()).toMatchObject({ status: 'failed' })
  })

  it('preloading what is loaded or on its way asks nothing more, and resolves once the code is here', async () => {
    let arrive!: (value: string) => void
    const importer = vi.fn(() => new Promise<string>((resolve) => (arrive = resolve)))
    const loader = moduleLoader(importer)
    const first = loader.preload()
    const second = loader.preload()
    let settled = false
    void first.then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    arrive('menu')
    await Promise.all([first, second])
    expect(loader.state()).toStrictEqual({ status: 'loaded', value: 'menu' })
    expect(await loader.load()).toBe('menu')
    await expect(loader.preload()).resolves.toBeUndefined()
    expect(importer).toHaveBeenCalledTimes(1)
  })
})
