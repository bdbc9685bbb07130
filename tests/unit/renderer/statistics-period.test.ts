import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentPeriod, rangeOf, type Period } from '../../../src/renderer/src/features/statistics/period'

const period = (kind: Period['kind'], year: number, part = 1): Period => ({ kind, year, part, from: '', to: '' })

describe('the 统计 page period', () => {
  it('a year, a quarter and a month run from their first to their last day', () => {
    expect(rangeOf(period('year', 2026))).toStrictEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(rangeOf(period('quarter', 2026, 1))).toStrictEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(rangeOf(period('quarter', 2026, 4))).toStrictEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(rangeOf(period('month', 2024, 2))).toStrictEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(rangeOf(period('month', 2026, 2))).toStrictEqual({ from: '2026-02-01', to: '2026-02-28' })
  })

  it('custom dates picked backwards are the same days', () => {
    expect(rangeOf({ kind: 'custom', year: 0, part: 0, from: '2026-05-10', to: '2026-03-01' })).toStrictEqual({ from: '2026-03-01', to: '2026-05-10' })
  })

  it('the four quarters cover the year, day by day, without overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        const quarters = [1, 2, 3, 4].map((q) => rangeOf(period('quarter', year, q)))
        const months = Array.from({ length: 12 }, (_, m) => rangeOf(period('month', year, m + 1)))
        expect(quarters[0]!.from).toBe(`${year}-01-01`)
        expect(quarters[3]!.to).toBe(`${year}-12-31`)
        for (const parts of [quarters, months]) {
          for (let i = 1; i < parts.length; i++) {
            const dayAfter = new Date(Date.parse(`${parts[i - 1]!.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
            expect(parts[i]!.from).toBe(dayAfter)
          }
        }
      })
    )
  })

  it('the current period holds today', () => {
    expect(rangeOf(currentPeriod('quarter', '2026-12-02'))).toStrictEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(rangeOf(currentPeriod('month', '2026-12-02'))).toStrictEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(rangeOf(currentPeriod('custom', '2026-12-02'))).toStrictEqual({ from: '2026-12-01', to: '2026-12-02' })
  })
})
