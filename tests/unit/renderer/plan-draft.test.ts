import { describe, expect, it } from 'vitest'
import type { ImportRow, Settings } from '../../../src/shared/domain'
import { importCount } from '../../../src/renderer/src/features/people/import-count'
import { dropDraft, isChanged, keepDraft, loadDraft } from '../../../src/renderer/src/features/sessions/plan-draft'
import { copyOfPlan, emptyPlan, type PlanForm } from '../../../src/renderer/src/features/sessions/plan-form'

/** Only what a new plan reads from the settings. */
const SETTINGS = { organisationName: '郑家镇新时代文明实践所', defaultVenue: '理论宣讲室' } as Settings
const NOW = Date.parse('2026-12-02T10:00:00+08:00')

function memoryStorage(): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key)
  }
}

describe('the planner draft', () => {
  it('is kept only while the form differs from the plan it opened on, and comes back with fresh list keys', () => {
    const storage = memoryStorage()
    const opened = emptyPlan(SETTINGS, NOW)
    keepDraft(storage, 'new', opened, opened, NOW)
    expect(storage.items.size).toBe(0)

    const typed: PlanForm = { ...opened, title: '十二月思想圆桌派', hostId: '01900000-0000-7000-8000-000000000001' }
    keepDraft(storage, 'new', typed, opened, NOW)
    const back = loadDraft(storage, 'new')!
    expect(back.values.title).toBe('十二月思想圆桌派')
    expect(back.values.agenda.map((item) => item.key)).not.toEqual(typed.agenda.map((item) => item.key))
    // Only the keys differ: the restored plan is the typed one.
    expect(isChanged(back.values, typed)).toBe(false)
    expect(isChanged(back.values, opened)).toBe(true)
    expect(loadDraft(storage, 'other-session')).toBeNull()

    // Typed back to what it was: nothing to keep.
    keepDraft(storage, 'new', opened, opened, NOW)
    expect(loadDraft(storage, 'new')).toBeNull()
    keepDraft(storage, 'new', typed, opened, NOW)
    dropDraft(storage, 'new')
    expect(loadDraft(storage, 'new')).toBeNull()
  })

  it('ignores a damaged draft and survives a storage that refuses', () => {
    const storage = memoryStorage()
    storage.setItem('roundtable.plannerDraft.new', '{not json')
    expect(loadDraft(storage, 'new')).toBeNull()
    storage.setItem('roundtable.plannerDraft.new', JSON.stringify({ values: { title: 'x' } }))
    expect(loadDraft(storage, 'new')).toBeNull()
    const refusing = { ...storage, setItem: () => { throw new Error('QuotaExceededError') } }
    const opened = emptyPlan(SETTINGS, NOW)
    expect(() => keepDraft(refusing, 'new', { ...opened, title: 'x' }, opened, NOW)).not.toThrow()
  })
})

describe('复制为新场次', () => {
  it('copies the plan under the new title, a week from today, without people archived since', () => {
    const host = '01900000-0000-7000-8000-000000000001'
    const gone = '01900000-0000-7000-8000-000000000002'
    const source: PlanForm = {
      ...emptyPlan(SETTINGS, Date.parse('2025-08-01T10:00:00+08:00')),
      title: '八月思想圆桌派',
      date: '2025-08-21',
      startTime: '15:00',
      hostId: host,
      recorderId: gone,
      agenda: [{ key: 'a', kind: 'study', title: '', lecturerId: gone, topic: '乡村振兴', plannedMinutes: 20 }],
      invitees: [
        { personId: host, role: 'host', seated: true },
        { personId: gone, role: 'recorder', seated: false }
      ]
    }
    const copy = copyOfPlan(source, '八月思想圆桌派（副本）', new Set([gone]), NOW)
    expect(copy).toMatchObject({ title: '八月思想圆桌派（副本）', date: '2026-12-09', startTime: '15:00', hostId: host, recorderId: null })
    expect(copy.agenda).toMatchObject([{ kind: 'study', lecturerId: null, topic: '乡村振兴' }])
    expect(copy.invitees).toEqual([{ personId: host, role: 'host', seated: true }])
  })
})

describe('the import button', () => {
  const row = (duplicateOfId: string | null): ImportRow => ({ row: 3, person: { name: '温乐义', gender: null, organisation: '', village: '', categories: [], phone: null, note: '' }, duplicateOfId })

  it('counts what will be written: people already in the directory only when they are updated', () => {
    const preview = { rows: [row(null), row(null), row(null), row(null), row(null), row('01900000-0000-7000-8000-000000000001')] }
    expect(importCount(preview, 'skip')).toBe(5)
    expect(importCount(preview, 'update')).toBe(6)
    expect(importCount(null, 'skip')).toBe(0)
  })
})
