import type { Language } from '@shared/domain'

/** Sessions happen in Zhengjia town; times are stored in UTC and always shown in China time. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai'

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
