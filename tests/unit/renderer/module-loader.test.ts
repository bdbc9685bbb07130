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
})
