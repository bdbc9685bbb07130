import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEventLog } from '../../../src/server/event-log'
import { CHANGE_EVENT_NAMES, type ChangeEvent } from '../../../src/shared/events'

// The bridge's numbered events (shared/bridge-events.ts); the stream that replays them: tests/integration/server/bridge.test.ts.

const someEvents = fc.array(fc.record({ name: fc.constantFrom(...CHANGE_EVENT_NAMES) }), { maxLength: 40 })

describe('the event log', () => {
  it('gives every event after the one asked for while it keeps them all, and says null otherwise', () => {
    fc.assert(
      fc.property(someEvents, fc.integer({ min: 1, max: 12 }), fc.integer({ min: -2, max: 45 }), (events: ChangeEvent[], kept, asked) => {
        const log = createEventLog(kept)
        for (const event of events) log.append(event)
        expect(log.last()).toBe(events.length)
        const after = log.after(asked)
        // Kept: the last `kept` events, numbered from 1; answerable when every one after `asked` is among them.
        const answerable = asked >= 0 && asked <= events.length && asked >= events.length - kept
        if (answerable) expect(after).toEqual(events.slice(asked).map((event, index) => ({ id: asked + index + 1, event })))
        else expect(after).toBeNull()
      })
    )
  })

  it('hands each event to its listeners with its number, until they stop listening', () => {
    const log = createEventLog()
    const heard: [number, ChangeEvent][] = []
    const stop = log.subscribe((id, event) => heard.push([id, event]))
    log.append({ name: 'people:changed', id: 'p1' })
    expect(log.listenerCount()).toBe(1)
    stop()
    log.append({ name: 'settings:changed' })
    expect(heard).toEqual([[1, { name: 'people:changed', id: 'p1' }]])
    expect(log.listenerCount()).toBe(0)
    expect(log.after(1)).toEqual([{ id: 2, event: { name: 'settings:changed' } }])
  })

  it('answers a number that is not one (NaN, a fraction) with null', () => {
    const log = createEventLog()
    log.append({ name: 'people:changed' })
    expect([log.after(Number.NaN), log.after(0.5), log.after(0)]).toEqual([null, null, [{ id: 1, event: { name: 'people:changed' } }]])
  })
})
