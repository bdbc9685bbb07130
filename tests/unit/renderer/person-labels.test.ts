import { describe, expect, it } from 'vitest'
import type { AttendanceEntry } from '../../../src/shared/domain'
import { attendanceLabels, labelOn, personOptions } from '../../../src/renderer/src/common/person-labels'

// Only what a label is made of (and whether someone came) matters here.
const entry = (personId: string, name: string, village: string, absent = false) => ({ personId, name, village, organisation: '', absent }) as AttendanceEntry

const attendance = [entry('x', '王明', '温集新村'), entry('y', '王明', '郑家村', true), entry('z', '李芳', '温集新村')]

describe('names as a session shows them', () => {
  it('labels namesakes with their place, against the whole list', () => {
    expect(Object.fromEntries(attendanceLabels(attendance))).toEqual({ x: '王明（温集新村）', y: '王明（郑家村）', z: '李芳' })
    expect([labelOn(attendance, 'z'), labelOn(attendance, null), labelOn(attendance, undefined), labelOn(attendance, 'nobody')]).toEqual(['李芳', '', '', ''])
  })

  it('works the labels out once for a list, and again for a new one', () => {
    expect(attendanceLabels(attendance)).toBe(attendanceLabels(attendance))
    const renamed = [...attendance.slice(0, 2), entry('z', '王明', '')]
    expect(attendanceLabels(renamed).get('z')).not.toBe('李芳')
  })

  it('offers the people shown as choices, still told apart by those not shown', () => {
    const present = attendance.filter((person) => !person.absent)
    expect(personOptions(attendance, present)).toEqual([
      { value: 'x', label: '王明（温集新村）' },
      { value: 'z', label: '李芳' }
    ])
    expect(personOptions(attendance).map((option) => option.value)).toEqual(['x', 'y', 'z'])
  })
})
