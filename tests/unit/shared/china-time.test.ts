import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  chinaClock,
  chinaDateTimeSeconds,
  chinaIsoDate,
  chinaIsoMonth,
  chinaTimeOfDay,
  chinaTimeToUtc,
  chinaWeekday,
  DAY_MS,
  formatChinaDate,
  formatChinaSpan,
  formatDuration,
  startOfChinaDay
} from '../../../src/shared/china-time'

// Instants from 2000 to 2099, the dates the contract accepts.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })

/** What the Asia/Shanghai zone itself says, field by field. */
function zoneParts(ms: number): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
    hourCycle: 'h23'
  }).formatToParts(ms)
  return Object.fromEntries(parts.map((part) => [part.type, part.value]))
}

describe('China time', () => {
  it('agrees with the Asia/Shanghai zone for any instant (a fixed +8 offset, no daylight saving)', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const zone = zoneParts(ms)
        expect(chinaIsoDate(ms)).toBe(`${zone.year}-${zone.month}-${zone.day}`)
        expect(chinaIsoMonth(ms)).toBe(`${zone.year}-${zone.month}`)
        expect(chinaClock(ms)).toBe(`${zone.hour}:${zone.minute}`)
        expect(chinaDateTimeSeconds(ms)).toBe(`${zone.year}-${zone.month}-${zone.day} ${zone.hour}:${zone.minute}:${zone.second}`)
        expect(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][chinaWeekday(ms)]).toBe(zone.weekday)
      }),
      { numRuns: 500 }
    )
  })

  it('reads a China date and clock back to the same instant, and days start at China midnight', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const minute = Math.floor(ms / 60_000) * 60_000
        expect(chinaTimeToUtc(chinaIsoDate(minute), chinaClock(minute))).toBe(minute)
        const midnight = startOfChinaDay(ms)
        expect(chinaClock(midnight)).toBe('00:00')
        expect(chinaIsoDate(midnight)).toBe(chinaIsoDate(ms))
        expect(chinaTimeOfDay(ms)).toBeGreaterThanOrEqual(0)
        expect(chinaTimeOfDay(ms)).toBeLessThan(DAY_MS)
        expect(midnight + chinaTimeOfDay(ms)).toBe(ms)
      }),
      { numRuns: 500 }
    )
  })

  it('says an incomplete date or clock is no time at all', () => {
    expect(chinaTimeToUtc('2025-08-21', '')).toBeNaN()
    expect(chinaTimeToUtc('', '14:30')).toBeNaN()
    expect(chinaTimeToUtc('2025-08-21')).toBe(Date.UTC(2025, 7, 20, 16, 0))
  })

  it('writes Chinese dates the way documents do', () => {
    const start = chinaTimeToUtc('2025-08-21', '14:30')
    expect(formatChinaDate(start, 'zh-CN')).toBe('2025年8月21日')
    expect(formatChinaDate(start, 'zh-CN', { weekday: true })).toBe('2025年8月21日周四')
    expect(formatChinaSpan(start, start + 2 * 3_600_000, 'zh-CN')).toBe('2025年8月21日 14:30—16:30')
    expect(formatChinaSpan(start, start + 2 * 3_600_000, 'en')).toBe('August 21, 2025 14:30—16:30')
    // 23:30 UTC is already the next morning in China.
    expect(formatChinaDate(Date.UTC(2025, 7, 20, 23, 30), 'zh-CN')).toBe('2025年8月21日')
    expect(formatDuration(205_000, 'zh-CN')).toBe('3分25秒')
    expect(formatDuration(205_000, 'en')).toBe('3 min 25 s')
  })

  it('reads durations without a zero part: 12秒, 3分12秒, 2分', () => {
    expect(formatDuration(12_000, 'zh-CN')).toBe('12秒')
    expect(formatDuration(192_000, 'zh-CN')).toBe('3分12秒')
    expect(formatDuration(120_000, 'zh-CN')).toBe('2分')
    expect(formatDuration(119_600, 'zh-CN')).toBe('2分')
    expect(formatDuration(0, 'zh-CN')).toBe('0秒')
    expect(formatDuration(12_000, 'en')).toBe('12 s')
    expect(formatDuration(192_000, 'en')).toBe('3 min 12 s')
    expect(formatDuration(120_000, 'en')).toBe('2 min')
    expect(formatDuration(0, 'en')).toBe('0 s')
  })
})
