import type { AttendanceRole } from './domain'

/**
 * Who a session needs and how their roles rank: the host, the recorder and every lecturer belong on the
 * attendance list (应到), with their strongest role. One home for the rule: the planner shows it as the
 * user edits, and core stores it when the plan is saved.
 */
export const ROLE_RANK: Record<AttendanceRole, number> = { host: 4, recorder: 3, lecturer: 2, guest: 1, participant: 0 }

/** The roles of volunteers (志愿者): they serve the session and are not among the people served. */
export const VOLUNTEER_ROLES = ['host', 'recorder', 'lecturer'] as const satisfies readonly AttendanceRole[]
export type VolunteerRole = (typeof VOLUNTEER_ROLES)[number]

export const isVolunteerRole = (role: AttendanceRole): role is VolunteerRole => (VOLUNTEER_ROLES as readonly AttendanceRole[]).includes(role)

export interface RoleHolders {
  hostId: string | null
  recorderId: string | null
  lecturerIds: (string | null)[]
}

/** The lecturers of an agenda: whoever leads a 学习研讨 segment. */
export const lecturersOf = (agenda: readonly { kind: string; lecturerId: string | null }[]): (string | null)[] =>
  agenda.filter((segment) => segment.kind === 'study').map((segment) => segment.lecturerId)

export interface RoledInvitee {
  personId: string
  role: AttendanceRole
}

/**
 * The invitee list with the roles applied: someone who no longer holds the role they were listed with
 * goes back to being a participant; a holder who is missing is added (by `add`, which decides the
 * seat); a holder listed with a lesser role is upgraded. The order of the list is kept.
 */
export function applyRoles<T extends RoledInvitee>(invitees: T[], holders: RoleHolders, add: (personId: string, role: AttendanceRole) => T): T[] {
  const lecturers = new Set(holders.lecturerIds.filter((id): id is string => id !== null))
  const holds = (invitee: T): boolean =>
    invitee.role === 'host' ? invitee.personId === holders.hostId
    : invitee.role === 'recorder' ? invitee.personId === holders.recorderId
    : invitee.role === 'lecturer' ? lecturers.has(invitee.personId)
    : true
  const list = invitees.map((invitee) => (holds(invitee) ? { ...invitee } : { ...invitee, role: 'participant' as const }))
  const ensure = (personId: string | null, role: AttendanceRole): void => {
    if (!personId) return
    const existing = list.find((invitee) => invitee.personId === personId)
    if (!existing) list.push(add(personId, role))
    else if (ROLE_RANK[role] > ROLE_RANK[existing.role]) existing.role = role
  }
  ensure(holders.hostId, 'host')
  ensure(holders.recorderId, 'recorder')
  for (const lecturerId of lecturers) ensure(lecturerId, 'lecturer')
  return list
}
