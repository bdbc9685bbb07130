import { chinaClock } from '../../shared/china-time'

/** 14:30—15:00 as a prefix for what happened then; nothing for a part that did not run. */
export function clockPrefix(start: number | null, end: number | null = null): string {
  if (start === null) return ''
  return end === null ? `${chinaClock(start)} ` : `${chinaClock(start)}—${chinaClock(end)} `
}
