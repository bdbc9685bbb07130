/** Change events core emits after a commit, so live views (the console, the projector) can refetch. */
export const CHANGE_EVENT_NAMES = [
  'settings:changed',
  'people:changed',
  'themes:changed',
  'sessions:changed',
  'session:changed',
  /** A session's remarks changed (id = the session). */
  'remarks:changed',
  'decisions:changed',
  /** A session's photos changed (id = the session). */
  'photos:changed',
  /** A backup was made or the backups folder changed. */
  'backups:changed',
  /** The archive was replaced by a backup: every view reloads. */
  'archive:restored',
  /** The check after an unclean end has finished (see AppInfo.health). */
  'archive:health'
] as const

export type ChangeEventName = (typeof CHANGE_EVENT_NAMES)[number]

export interface ChangeEvent {
  name: ChangeEventName
  /** The record that changed, where there is one (e.g. the session id for `session:changed`). */
  id?: string
}
