import { describe, expect, it } from 'vitest'
import type { AttendanceEntry, LiveView, Remark, SessionDetail } from '../../../src/shared/domain'
import { withAnswer, withEntry, withProgress } from '../../../src/shared/live-answers'
import { apply, initialState, type SpeakingEvent } from '../../../src/shared/speaking'
import { attendanceEntry } from '../../fixtures/attendance-entry'

const entry = (personId: string, patch: Partial<AttendanceEntry> = {}): AttendanceEntry =>
  attendanceEntry({ personId, name: personId, village: '东山村', seatNumber: 1, ...patch })

const attendance = [entry('a'), entry('b', { seatNumber: 2 }), entry('c', { seatNumber: null })]
const view: LiveView = {
  session: { id: 's', title: '乡村振兴大家谈', attendance } as unknown as SessionDetail,
  attendance,
  state: initialState,
  lastAction: null,
  now: 1000
}

describe('the live view as a write answers', () => {
  it('a speaking action: its state, 撤销’s action and core’s clock; the list and the plan as they were', () => {
    const event = { type: 'phase', segmentId: 'table', id: 'e1', at: 2000 } as SpeakingEvent
    const state = apply(view.state, event, [{ id: 'table', kind: 'roundtable', lecturerId: null }])
    if ('refused' in state) throw new Error(state.refused)
    const progress = { state, lastAction: 'phase' as const, now: 2000 }
    const next = withProgress(view, progress)
    expect(next).toStrictEqual({ ...view, state, lastAction: 'phase', now: 2000 })
    expect(next.session).toBe(view.session)
    expect(withAnswer(view, progress)).toStrictEqual(next)
  })

  it('签到: that person’s entry in the view’s list and the session’s, the others untouched, nothing mutated', () => {
    const checkedIn = entry('b', { seatNumber: 2, checkedInAt: 5000 })
    const next = withEntry(view, checkedIn)
    expect(next.attendance).toStrictEqual([attendance[0], checkedIn, attendance[2]])
    expect(next.session.attendance).toStrictEqual(next.attendance)
    expect(next.attendance[0]).toBe(attendance[0])
    expect(view.attendance[1]!.checkedInAt).toBeNull()
    expect(withAnswer(view, checkedIn)).toStrictEqual(next)
  })

  it('a whole view replaces the one on screen; other answers leave it to the change event', () => {
    const whole = { ...view, now: 9000 }
    expect(withAnswer(view, whole)).toBe(whole)
    expect(withAnswer(undefined, whole)).toBe(whole)
    expect(withAnswer(undefined, { state: view.state, lastAction: null, now: 1 })).toBeUndefined()
    const remark = { id: 'r', sessionId: 's', speakerId: 'a', text: '发言' } as unknown as Remark
    expect(withAnswer(view, remark)).toBeUndefined()
    expect(withAnswer(view, null)).toBeUndefined()
    expect(withAnswer(view, [])).toBeUndefined()
  })
})
