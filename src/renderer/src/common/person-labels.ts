import type { AttendanceEntry } from '@shared/domain'
import { labelsByPersonId } from '@shared/people'

/**
 * Names as a session shows them (DESIGN §9): with their place where a namesake is on the list. The
 * console, the projector, the remark box and the session page all label people this way.
 */

/** A person as a choice in a Select (改为, 负责人, 记给). */
export interface PersonOption {
  value: string
  label: string
}

// An attendance list is replaced, never changed in place, when the session changes: its labels can be
// kept for as long as the list lives (the console asks for them on every clock tick).
const labelCache = new WeakMap<readonly AttendanceEntry[], Map<string, string>>()

/** Every person on the list, by id, labelled against the whole list. */
export function attendanceLabels(attendance: readonly AttendanceEntry[]): ReadonlyMap<string, string> {
  let labels = labelCache.get(attendance)
  if (!labels) labelCache.set(attendance, (labels = labelsByPersonId(attendance)))
  return labels
}

/** One person's label on the list; '' for nobody (or someone not on it). */
export const labelOn = (attendance: readonly AttendanceEntry[], personId: string | null | undefined): string =>
  personId ? (attendanceLabels(attendance).get(personId) ?? '') : ''

/** `shown` (by default everyone) as choices, each labelled against the whole list. */
export function personOptions(attendance: readonly AttendanceEntry[], shown: readonly AttendanceEntry[] = attendance): PersonOption[] {
  const labels = attendanceLabels(attendance)
  return shown.map((entry) => ({ value: entry.personId, label: labels.get(entry.personId) ?? entry.name }))
}
