import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backupsToKeep, KEEP_LATEST } from '../../../src/core/backup/rotation'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.parse('2026-12-02T10:00:00+08:00')

describe('which backups are kept', () => {
  it('the newest 10, and the newest of each of the last 12 months', () => {
    // One a day for 500 days.
    const backups = Array.from({ length: 500 }, (_, i) => ({ takenAt: NOW - i * DAY }))
    const kept = [...backupsToKeep(backups, NOW)].sort((a, b) => b.takenAt - a.takenAt)
    const month = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 7)
    expect(kept.slice(0, KEEP_LATEST)).toEqual(backups.slice(0, KEEP_LATEST))
    const months = new Set(kept.map((b) => month(b.takenAt)))
    expect(months.size).toBe(12)
    expect(months.has('2025-12')).toBe(false) // more than a year ago
    expect(kept.length).toBeLessThanOrEqual(KEEP_LATEST + 12)
  })

  it('property: keeps at most 22, always the newest, never one that is not given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: NOW - 800 * DAY, max: NOW }), { maxLength: 80 }), (times) => {
        const backups = times.map((takenAt) => ({ takenAt }))
        const kept = backupsToKeep(backups, NOW)
        expect(kept.size).toBeLessThanOrEqual(KEEP_LATEST + 12)
        for (const backup of kept) expect(backups).toContain(backup)
        if (backups.length) expect(kept.has([...backups].sort((a, b) => b.takenAt - a.takenAt)[0]!)).toBe(true)
      })
    )
  })
})
