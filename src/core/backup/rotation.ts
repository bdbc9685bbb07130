import { chinaIsoMonth } from '../../shared/china-time'

/**
 * Which backups to keep (pure, so it is tested on its own): the newest 10, and the newest of each of the
 * last 12 months (China time), so a mistake found months later can still be undone.
 */
export const KEEP_LATEST = 10
export const KEEP_MONTHS = 12

export function backupsToKeep<T extends { takenAt: number }>(backups: readonly T[], now: number): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt)
  const keep = new Set(newestFirst.slice(0, KEEP_LATEST))
  const months = new Set<string>()
  const [year, month] = chinaIsoMonth(now).split('-').map(Number) as [number, number]
  for (let back = 0; back < KEEP_MONTHS; back++) {
    const date = new Date(Date.UTC(year, month - 1 - back, 1))
    months.add(date.toISOString().slice(0, 7))
  }
  const seen = new Set<string>()
  for (const backup of newestFirst) {
    const key = chinaIsoMonth(backup.takenAt)
    if (months.has(key) && !seen.has(key)) {
      seen.add(key)
      keep.add(backup)
    }
  }
  return keep
}
