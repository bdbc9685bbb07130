import { Text } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'

/** m:ss, with a leading + once over time. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

export type TimerTone = 'normal' | 'lastMinute' | 'overtime'

export function timerTone(elapsedMs: number, limitMs: number | null): TimerTone {
  if (limitMs === null) return 'normal'
  const left = limitMs - elapsedMs
  return left < 0 ? 'overtime' : left <= 60_000 ? 'lastMinute' : 'normal'
}

/** Calm cues only: amber in the last minute, a soft red when over time. No sound, no flashing. */
export const TONE_COLOR: Record<TimerTone, string> = { normal: 'dark.7', lastMinute: 'orange.7', overtime: 'red.7' }

interface Props {
  elapsedMs: number
  limitMs: number | null
  paused: boolean
  size: number | string
}

/** The per-speaker countdown (or, without a limit, the time spoken so far). */
export function SpeakerTimer({ elapsedMs, limitMs, paused, size }: Props) {
  const { t } = useTranslation()
  const tone = timerTone(elapsedMs, limitMs)
  const shown = limitMs === null ? formatClock(elapsedMs) : `${tone === 'overtime' ? '+' : ''}${formatClock(limitMs - elapsedMs)}`
  const label =
    limitMs === null ? t('live.timer.elapsed') : tone === 'overtime' ? t('live.timer.overtime') : tone === 'lastMinute' ? t('live.timer.lastMinute') : t('live.timer.left')
  return (
    <div role="timer" aria-label={label} data-tone={tone}>
      <Text c="dimmed" fz="sm" fw={600}>
        {label}
        {paused && ` · ${t('live.timer.paused')}`}
      </Text>
      <Text fz={size} fw={800} lh={1} c={TONE_COLOR[tone]} style={{ fontVariantNumeric: 'tabular-nums', opacity: paused ? 0.6 : 1 }}>
        {shown}
      </Text>
    </div>
  )
}
