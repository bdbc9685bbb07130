import type { SessionStatus } from '@shared/domain'

/** A session's status colour, the same in the list, the calendar and on the session page. */
export const STATUS_COLOR: Record<SessionStatus, string> = { planned: 'blue', live: 'red', ended: 'gray', cancelled: 'dark' }
