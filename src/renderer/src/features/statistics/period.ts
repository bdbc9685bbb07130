/**
 * The period the 统计 page reports on, as the organiser picks it: a year, a quarter, a month, or any two
 * dates. Dates are 'YYYY-MM-DD' in China time and both ends are included (core reads them so).
 */
export type PeriodKind = 'year' | 'quarter' | 'month' | 'custom'

export interface Period {
  kind: PeriodKind
  year: number
  /** The quarter (1–4) or the month (1–12); ignored for a year and for custom dates. */
  part: number
  /** Custom dates; ignored otherwise. */
  from: string
  to: string
}

export interface DateRange {
  from: string
  to: string
}

const pad = (n: number): string => String(n).padStart(2, '0')
/** The last day of a month, from the calendar itself (28–31, leap years included). */
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()
const range = (year: number, firstMonth: number, lastMonth: number): DateRange => ({
  from: `${year}-${pad(firstMonth)}-01`,
  to: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`
})

export function rangeOf(period: Period): DateRange {
  switch (period.kind) {
    case 'year':
      return range(period.year, 1, 12)
    case 'quarter':
      return range(period.year, period.part * 3 - 2, period.part * 3)
    case 'month':
      return range(period.year, period.part, period.part)
    case 'custom':
      // Picked backwards is still the same days.
      return period.from <= period.to ? { from: period.from, to: period.to } : { from: period.to, to: period.from }
  }
}

/** The period that holds `today` ('YYYY-MM-DD'): this year, this quarter or this month. */
export function currentPeriod(kind: PeriodKind, today: string): Period {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const part = kind === 'quarter' ? Math.ceil(month / 3) : kind === 'month' ? month : 1
  const { from, to } = range(year, 1, 12)
  return { kind, year, part, from: kind === 'custom' ? `${year}-${pad(month)}-01` : from, to: kind === 'custom' ? today : to }
}
