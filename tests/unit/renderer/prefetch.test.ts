import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../../src/renderer/src/api'
import { changeCount, prefetch, takeArrived, takePrefetched } from '../../../src/renderer/src/api/prefetch'
import { CHANGE_EVENT_NAMES, type ChangeEvent, type ChangeEventName } from '../../../src/shared/events'

// Core, faked (vi.mock is hoisted above the imports): each read answers with a new object; listeners are kept.
const listeners = new Map<ChangeEventName, Set<(event: ChangeEvent) => void>>()
vi.mock('../../../src/renderer/src/api', () => ({
  api: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    listen: vi.fn((name: ChangeEventName, callback: (event: ChangeEvent) => void) => {
      if (!listeners.has(name)) listeners.set(name, new Set())
      listeners.get(name)!.add(callback)
      return () => void listeners.get(name)!.delete(callback)
    })
  },
  transportName: 'http'
}))

const announce = (name: ChangeEventName) => [...(listeners.get(name) ?? [])].forEach((callback) => callback({ name }))
// The listeners of prefetched answers; the change counter's (one per event, kept from the first prefetch on) aside.
const listening = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0) - CHANGE_EVENT_NAMES.length

afterEach(() => {
  vi.clearAllMocks()
  vi.useRealTimers()
})

describe('reads asked for early', () => {
  it('the first page to ask takes the answer, once; nobody else does', async () => {
    prefetch('live:get', { sessionId: 'a' })
    prefetch('live:get', { sessionId: 'a' }) // asked twice: one request
    expect(api.invoke).toHaveBeenCalledTimes(1)
    expect(takePrefetched('live:get', JSON.stringify({ sessionId: 'b' }))).toBeUndefined()
    const taken = takePrefetched('live:get', JSON.stringify({ sessionId: 'a' }))!
    expect(taken.requestedAt).toBeLessThanOrEqual(performance.now())
    expect(await taken.answer).toStrictEqual({ ok: true, value: { channel: 'live:get', input: { sessionId: 'a' } } })
    expect(takePrefetched('live:get', JSON.stringify({ sessionId: 'a' }))).toBeUndefined()
    expect(listening()).toBe(0)
  })

  it('a change announced before the page asks drops the answer: the page reads afresh', () => {
    prefetch('remarks:list', { sessionId: 'a' })
    expect(listening()).toBeGreaterThan(0)
    announce('remarks:changed')
    expect(takePrefetched('remarks:list', JSON.stringify({ sessionId: 'a' }))).toBeUndefined()
    expect(listening()).toBe(0)
  })

  it('an answer no page took within a few seconds is dropped', () => {
    vi.useFakeTimers()
    prefetch('settings:get', {})
    vi.advanceTimersByTime(4999)
    vi.advanceTimersByTime(1)
    expect(takePrefetched('settings:get', JSON.stringify({}))).toBeUndefined()
    expect(listening()).toBe(0)
  })

  it('an answer that has arrived is taken as it is, once; one still on its way is left for takePrefetched', async () => {
    const key = JSON.stringify({ sessionId: 'c' })
    const arrivedToo = prefetch('live:get', { sessionId: 'c' })
    expect(takeArrived('live:get', key)).toBeUndefined() // not yet: still on its way, and still there
    await arrivedToo
    const taken = takeArrived('live:get', key)!
    expect(taken.result).toStrictEqual({ ok: true, value: { channel: 'live:get', input: { sessionId: 'c' } } })
    expect(taken.requestedAt).toBeLessThanOrEqual(performance.now())
    expect(takeArrived('live:get', key)).toBeUndefined()
    expect(takePrefetched('live:get', key)).toBeUndefined()
    expect(listening()).toBe(0)
  })

  it('asking again for what is already on its way answers with the same promise', () => {
    const first = prefetch('settings:get', {})
    expect(prefetch('settings:get', {})).toBe(first)
    expect(api.invoke).toHaveBeenCalledTimes(1)
    takePrefetched('settings:get', JSON.stringify({}))
  })

  it('counts the changes announced, for a page that took an answer as it was drawn to see whether it missed one', async () => {
    const key = JSON.stringify({ sessionId: 'd' })
    await prefetch('remarks:list', { sessionId: 'd' })
    const taken = takeArrived('remarks:list', key)!
    expect(taken.changesSeen).toBe(changeCount())
    announce('remarks:changed')
    expect(changeCount()).toBe(taken.changesSeen + 1)
  })
})
