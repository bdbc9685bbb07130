import type { Language } from './domain'

/**
 * The one home of China time. Sessions happen in Zhengjia town; times are stored as UTC milliseconds and
 * always read in China Standard Time, which is UTC+8 all year (no daylight saving), so a fixed offset gives
 * the same answers as the Asia/Shanghai zone. Core, the documents and the renderer all use these.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai'
export const MINUTE_MS = 60 * 1000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
const OFFSET_MS = 8 * HOUR_MS

/** The UTC calendar fields of a China-time instant, as an ISO string (only its digits are meaningful). */
const shifted = (ms: number): string => new Date(ms + OFFSET_MS).toISOString()

/** '2025-08-21': the China date. */
export const chinaIsoDate = (ms: number): string => shifted(ms).slice(0, 10)
/** '2025-08': the China month. */
export const chinaIsoMonth = (ms: number): string => shifted(ms).slice(0, 7)
/** '14:30': the China clock (24 hours, whatever the language). */
export const chinaClock = (ms: number): string => shifted(ms).slice(11, 16)
/** '2025-08-21 14:30:05': for tables and logs. */
export const chinaDateTimeSeconds = (ms: number): string => shifted(ms).slice(0, 19).replace('T', ' ')
/** 0 (Sunday) to 6 (Saturday), in China. */
export const chinaWeekday = (ms: number): number => new Date(ms + OFFSET_MS).getUTCDay()

/** A China date ('YYYY-MM-DD') and clock ('HH:mm') as UTC ms; NaN when either is incomplete. */
export const chinaTimeToUtc = (date: string, time = '00:00'): number => Date.parse(`${date}T${time}:00+08:00`)
/** Midnight, China time, of the day that holds `ms`. */
export const startOfChinaDay = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
/** How long after China midnight `ms` is. */
export const chinaTimeOfDay = (ms: number): number => ms - startOfChinaDay(ms)

/**
 * One formatter per language and set of options: making an Intl.DateTimeFormat loads ICU's patterns for the
 * locale and costs far more than formatting with it, and a document formats a date several times.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()
const format = (language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${language} ${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(language, { timeZone: CHINA_TIME_ZONE, ...options })))
  return formatter
}

/** 2025年8月21日 / 21 August 2025; with `weekday`, 2025年8月21日周四. */
export const formatChinaDate = (ms: number, language: Language, options: { weekday?: boolean } = {}): string =>
  format(language, { year: 'numeric', month: 'long', day: 'numeric', ...(options.weekday ? { weekday: 'short' } : {}) }).format(ms)

/** 2025年8月21日周四 14:30. */
export const formatChinaDateTime = (ms: number, language: Language): string =>
  format(language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(ms)

/** 2025年8月 / August 2025. */
export const formatChinaMonth = (ms: number, language: Language): string => format(language, { year: 'numeric', month: 'long' }).format(ms)

/** 2025年8月21日 14:30—16:30. */
export const formatChinaSpan = (start: number, end: number, language: Language): string =>
  `${formatChinaDate(start, language)} ${chinaClock(start)}—${chinaClock(end)}`

/** 12秒 / 3分25秒 / 2分 (12 s / 3 min 25 s / 2 min): a zero part is left out, 0 seconds reads 0秒. */
export function formatDuration(ms: number, language: Language): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  const [min, sec, gap] = language === 'en' ? [' min', ' s', ' '] : ['分', '秒', '']
  if (minutes === 0) return `${rest}${sec}`
  return rest === 0 ? `${minutes}${min}` : `${minutes}${min}${gap}${rest}${sec}`
}
