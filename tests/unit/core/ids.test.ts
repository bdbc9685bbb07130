import { describe, expect, it } from 'vitest'
import { uuidv7 } from '../../../src/core/store/ids'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The 48-bit millisecond timestamp at the front of a UUIDv7. */
const timestampOf = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16)

/** Whether `ids` is already in ascending string order (the order SQLite's TEXT primary key uses). */
function firstOutOfOrder(ids: string[]): number {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! >= ids[i]!) return i
  return -1
}

describe('uuidv7', () => {
  it('is a lower-case hyphenated UUID with version 7 and variant bits 10', () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7()
      expect(id).toMatch(UUID)
      expect(id[14]).toBe('7') // version nibble
      expect(['8', '9', 'a', 'b']).toContain(id[19]) // variant 0b10xx
    }
  })

  it('carries the creation time in its first 48 bits', () => {
    const at = Date.UTC(2025, 7, 21, 6, 0, 0, 123)
    const id = uuidv7(at)
    expect(timestampOf(id)).toBe(at)
    expect(id.startsWith(at.toString(16).padStart(12, '0').replace(/^(.{8})(.{4})$/, '$1-$2'))).toBe(true)

    const before = Date.now()
    const now = timestampOf(uuidv7())
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('handles the smallest and the largest 48-bit timestamps', () => {
    expect(uuidv7(0)).toMatch(/^00000000-0000-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(uuidv7(2 ** 48 - 1)).toMatch(/^ffffffff-ffff-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('ids made one after another sort in creation order, as strings', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7())
    expect(firstOutOfOrder(ids)).toBe(-1)
  })

  it('ids made over increasing milliseconds sort in creation order', () => {
    const start = Date.UTC(2030, 0, 1)
    const ids: string[] = []
    for (let ms = 0; ms < 200; ms++) for (let k = 0; k < 5; k++) ids.push(uuidv7(start + ms))
    expect(firstOutOfOrder(ids)).toBe(-1)
  })

  it('many ids made in the same millisecond sort in creation order', () => {
    for (const [i, at] of [Date.UTC(2031, 0, 1), Date.UTC(2031, 0, 2), Date.UTC(2031, 0, 3)].entries()) {
      const ids = Array.from({ length: 2000 }, () => uuidv7(at))
      expect(firstOutOfOrder(ids), `round ${i}`).toBe(-1)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it('more ids in one millisecond than the 12-bit counter holds still sort in creation order', () => {
    // A bulk import that stamps every row with one `now` makes thousands of ids in the same millisecond.
    const at = Date.UTC(2032, 0, 1)
    const ids = Array.from({ length: 5000 }, () => uuidv7(at))
    expect(firstOutOfOrder(ids)).toBe(-1)
  })

  it('is unique over 10,000 ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7()))
    expect(ids.size).toBe(10_000)
  })

  it('is unique over 10,000 ids made for the same millisecond', () => {
    const at = Date.UTC(2033, 0, 1)
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(at)))
    expect(ids.size).toBe(10_000)
  })
})
