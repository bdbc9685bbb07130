import type { Language } from '@shared/domain'
import { CHINA_TIME_ZONE, chinaClock, chinaIsoDate, formatChinaDate, formatChinaDateTime, formatChinaMonth } from '@shared/china-time'

/**
 * The renderer's names for China time; the rules live once in src/shared/china-time.ts (core and the
 * documents use the same). Times are stored in UTC and always shown in China time.
 */
export { chinaTimeToUtc, DAY_MS, MINUTE_MS, startOfChinaDay } from '@shared/china-time'
export const DISPLAY_TIME_ZONE = CHINA_TIME_ZONE

export const formatDateTime = formatChinaDateTime
/** 2025年8月21日周四 */
export const formatDate = (ms: number, language: Language): string => formatChinaDate(ms, language, { weekday: true })
export const formatMonth = formatChinaMonth
/** 'HH:mm' in China time. */
export const formatTime = chinaClock
/** 'YYYY-MM-DD' in China time. */
export const formatIsoDate = chinaIsoDate
