import { describe, expect, it } from 'vitest'
import { applyRoles, isVolunteerRole, lecturersOf, type RoledInvitee } from '../../../src/shared/roles'

const add = (personId: string, role: RoledInvitee['role']): RoledInvitee => ({ personId, role })

describe('the role rules (one home for the planner and core)', () => {
  it('adds a missing host, recorder and lecturers, upgrades a lesser role, demotes someone who no longer holds one', () => {
    const invitees: RoledInvitee[] = [
      { personId: 'old-host', role: 'host' },
      { personId: 'guest', role: 'guest' },
      { personId: 'lecturer', role: 'participant' }
    ]
    const applied = applyRoles(invitees, { hostId: 'guest', recorderId: 'recorder', lecturerIds: ['lecturer', null] }, add)
    expect(applied).toEqual([
      { personId: 'old-host', role: 'participant' },
      { personId: 'guest', role: 'host' },
      { personId: 'lecturer', role: 'lecturer' },
      { personId: 'recorder', role: 'recorder' }
    ])
    expect(invitees[0]!.role).toBe('host') // the input is not changed
  })

  it('keeps the strongest role of someone who holds two', () => {
    expect(applyRoles([], { hostId: 'a', recorderId: 'a', lecturerIds: ['a'] }, add)).toEqual([{ personId: 'a', role: 'host' }])
  })

  it('lecturers are those of 学习研讨 segments; volunteers are host, recorder and lecturers', () => {
    expect(lecturersOf([{ kind: 'study', lecturerId: 'a' }, { kind: 'other', lecturerId: 'b' }, { kind: 'study', lecturerId: null }])).toEqual(['a', null])
    expect(['host', 'recorder', 'lecturer', 'participant', 'guest'].map((role) => isVolunteerRole(role as never))).toEqual([true, true, true, false, false])
  })
})
