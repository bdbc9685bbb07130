import type { AttendanceEntry, LiveProgress, LiveView } from './domain'

/**
 * A live view brought up to date by what a write answered, without reading the whole session again: the
 * console shows the answer at once, and the full view follows with `session:changed`. The session's own
 * list (`session.attendance`) and the view's are the same list, so an entry is replaced in both.
 */

/** After a speaking action: its state, the action 撤销 would take back, core's clock. */
export const withProgress = (view: LiveView, progress: LiveProgress): LiveView => ({ ...view, ...progress })

/** After 签到: that person's entry, in both lists. */
export function withEntry(view: LiveView, entry: AttendanceEntry): LiveView {
  const replace = (list: AttendanceEntry[]) => list.map((candidate) => (candidate.personId === entry.personId ? entry : candidate))
  return { ...view, attendance: replace(view.attendance), session: { ...view.session, attendance: replace(view.session.attendance) } }
}

/**
 * The view as a write's answer leaves it: a whole view (开始场次, 撤销, walk-ins), the speaking state of an
 * action (live:act) or one person's entry (live:checkIn) merged into `view`; undefined for answers that are
 * not about the live session (a remark, a decision), which the change event brings instead.
 */
export function withAnswer(view: LiveView | undefined, answer: unknown): LiveView | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined
  if ('session' in answer && 'state' in answer && 'attendance' in answer) return answer as LiveView
  if (!view) return undefined
  if ('state' in answer && 'lastAction' in answer && 'now' in answer) return withProgress(view, answer as LiveProgress)
  if ('personId' in answer && 'checkedInAt' in answer && 'absentReason' in answer) return withEntry(view, answer as AttendanceEntry)
  return undefined
}
