import type { Language } from '@shared/domain'

/** Sessions happen in Zhengjia town; times are stored in UTC and always shown in China time (UTC+8, no DST). */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai'
const OFFSET_MS = 8 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000
export const MINUTE_MS = 60 * 1000

export function formatDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false
  }).format(ms)
}

export function formatDate(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(ms)
}

export function formatMonth(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: 'long' }).format(ms)
}

/** 'HH:mm' in China time. */
export const formatTime = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(11, 16)

/** 'YYYY-MM-DD' in China time. */
export const formatIsoDate = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(0, 10)

/** A China-time date ('YYYY-MM-DD') and time ('HH:mm') as UTC ms; NaN when either is incomplete. */
export const chinaTimeToUtc = (date: string, time: string): number => Date.parse(`${date}T${time}:00+08:00`)

/** Midnight (China time) of the day that contains `ms`. */
export const startOfChinaDay = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
