import type { Language } from '../../shared/domain'

const ZONE = 'Asia/Shanghai'

/** 14:30, in China time (24 hours, whatever the language). */
export const formatClock = (ms: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(ms)

/** 2025年8月21日 14:30—16:30, in China time. */
export function formatSpan(start: number, end: number, language: Language): string {
  const day = new Intl.DateTimeFormat(language, { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric' }).format(start)
  return `${day} ${formatClock(start)}—${formatClock(end)}`
}

/** 14:30—15:00 as a prefix for what happened then; nothing for a part that did not run. */
export function clockPrefix(start: number | null, end: number | null = null): string {
  if (start === null) return ''
  return end === null ? `${formatClock(start)} ` : `${formatClock(start)}—${formatClock(end)} `
}

/** 3分25秒 / 3 min 25 s */
export function formatDuration(ms: number, language: Language): string {
  const seconds = Math.round(ms / 1000)
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return language === 'en' ? `${minutes} min ${rest} s` : `${minutes}分${rest}秒`
}

/** 2025-08-21, the China date, for file names. */
export const chinaDate = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
