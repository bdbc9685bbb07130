import type { AttendanceEntry } from './domain'
import { isVolunteerRole } from './roles'

/**
 * Attendance and its arithmetic (DESIGN §9), the one definition the console, the session page and every
 * document use:
 * - 应到 (expected): everyone on the plan (invited);
 * - 出席 / 实到 (present): checked in and not marked absent, walk-ins included;
 * - 缺席 (absent): invited and marked absent, with a reason;
 * - 未签到 (unmarked): invited, neither checked in nor marked absent; never counted as present;
 * - 列席（临时参加）(walk-in): not invited, checked in on the day.
 * Always expected − absent − unmarked + walkIns = present, and each person is counted once.
 */
export type AttendanceMark = 'present' | 'absent' | 'unmarked'

type Marked = Pick<AttendanceEntry, 'invited' | 'checkedInAt' | 'absent'>

export const markOf = (entry: Marked): AttendanceMark => (entry.absent ? 'absent' : entry.checkedInAt !== null ? 'present' : 'unmarked')

export const isPresent = (entry: Marked): boolean => markOf(entry) === 'present'

export const isWalkIn = (entry: Marked): boolean => !entry.invited

export interface AttendanceTally {
  expected: number
  present: number
  absent: number
  unmarked: number
  walkIns: number
}

export function tallyAttendance(entries: readonly Marked[]): AttendanceTally {
  const tally: AttendanceTally = { expected: 0, present: 0, absent: 0, unmarked: 0, walkIns: 0 }
  for (const entry of entries) {
    const mark = markOf(entry)
    if (entry.invited) {
      tally.expected++
      if (mark === 'absent') tally.absent++
      if (mark === 'unmarked') tally.unmarked++
    } else if (mark === 'present') tally.walkIns++
    if (mark === 'present') tally.present++
  }
  return tally
}

/** The people one group of the record names: present invitees, walk-ins, absentees (with reasons), 未签到. */
export function attendanceGroups<T extends Marked>(entries: readonly T[]): { present: T[]; walkIns: T[]; absent: T[]; unmarked: T[] } {
  return {
    present: entries.filter((entry) => entry.invited && isPresent(entry)),
    walkIns: entries.filter((entry) => !entry.invited && isPresent(entry)),
    absent: entries.filter((entry) => entry.invited && markOf(entry) === 'absent'),
    unmarked: entries.filter((entry) => entry.invited && markOf(entry) === 'unmarked')
  }
}

/** 服务对象: the people served are those present who did not serve as volunteers. */
export const servedPeople = <T extends Marked & Pick<AttendanceEntry, 'role'>>(entries: readonly T[]): T[] =>
  entries.filter((entry) => isPresent(entry) && !isVolunteerRole(entry.role))

/** 志愿者: host, recorder and lecturers who were there. */
export const volunteersOf = <T extends Marked & Pick<AttendanceEntry, 'role'>>(entries: readonly T[]): T[] =>
  entries.filter((entry) => isPresent(entry) && isVolunteerRole(entry.role))

const HALF_HOUR_MS = 30 * 60 * 1000

/** Volunteers who check in early to set up serve from then, but from no earlier than this before the start. */
export const EARLIEST_SERVICE_BEFORE_START_MS = 60 * 60 * 1000

/**
 * A volunteer's service hours from their own time: from their check-in (else the session's start) to
 * the session's end, rounded to the nearest half hour, at least half an hour. A check-in made long
 * before (the list marked the day before) counts from an hour before the start, not from then.
 */
export function serviceHours(checkedInAt: number | null, sessionStart: number, sessionEnd: number): number {
  return roundToHalfHour(sessionEnd - serviceStartsAt(checkedInAt, sessionStart, sessionEnd))
}

/** When a volunteer's service counts from (the 签到 of the 志愿服务活动记录表): see serviceHours. */
export function serviceStartsAt(checkedInAt: number | null, sessionStart: number, sessionEnd: number): number {
  const earliest = sessionStart - EARLIEST_SERVICE_BEFORE_START_MS
  return checkedInAt === null ? sessionStart : Math.min(Math.max(checkedInAt, earliest), sessionEnd)
}

export const roundToHalfHour = (ms: number): number => Math.max(1, Math.round(ms / HALF_HOUR_MS)) / 2
