import { ActionIcon, Button, Group, Paper, Text, Title, UnstyledButton } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { SessionSummary } from '@shared/domain'
import { useChannel } from '../../api/use-channel'
import { STATUS_COLOR } from '../../common/session-status'
import { chinaWeekday } from '@shared/china-time'
import { chinaTimeToUtc, DAY_MS, formatIsoDate, formatMonth, formatTime, startOfChinaDay } from '../../format'
import { navigate } from '../../router'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { useSettings } from '../../shell/settings-context'
import classes from './SessionCalendar.module.css'

interface Month {
  year: number
  /** 1–12 */
  month: number
}

const monthOf = (ms: number): Month => {
  const [year, month] = formatIsoDate(ms).split('-').map(Number)
  return { year: year!, month: month! }
}
const monthStart = ({ year, month }: Month): number => chinaTimeToUtc(`${year}-${String(month).padStart(2, '0')}-01`)
const shift = ({ year, month }: Month, delta: number): Month => {
  const index = year * 12 + (month - 1) + delta
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** A month grid, weeks starting on Monday as Chinese calendars do, with each day's sessions in it. */
export function SessionCalendar() {
  const { t } = useTranslation()
  const { language } = useSettings()
  const [month, setMonth] = useState<Month>(() => monthOf(Date.now()))
  const first = monthStart(month)
  const next = monthStart(shift(month, 1))
  // Monday-based weekday of the 1st.
  const leading = (chinaWeekday(first) + 6) % 7
  const gridStart = first - leading * DAY_MS
  const weeks = Math.ceil((leading + Math.round((next - first) / DAY_MS)) / 7)
  const sessions = useChannel('sessions:list', { when: 'all', from: gridStart, to: gridStart + weeks * 7 * DAY_MS }, ['sessions:changed'])
  const today = startOfChinaDay(Date.now())
  const weekdays = t('calendar.weekdays').split(' ')

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.previous')} onClick={() => setMonth(shift(month, -1))}>
            <IconChevronLeft size={20} />
          </ActionIcon>
          <Title order={2} fz="xl" miw={160} ta="center" aria-live="polite">
            {formatMonth(first, language)}
          </Title>
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.next')} onClick={() => setMonth(shift(month, 1))}>
            <IconChevronRight size={20} />
          </ActionIcon>
        </Group>
        <Button variant="default" onClick={() => setMonth(monthOf(Date.now()))}>
          {t('calendar.today')}
        </Button>
      </Group>
      {sessions.error && <ErrorNotice error={sessions.error} onRetry={sessions.reload} />}
      <div className={classes.grid} role="grid" aria-label={formatMonth(first, language)}>
        <div className={classes.row} role="row">
          {weekdays.map((day) => (
            <div key={day} className={classes.weekday} role="columnheader">
              {day}
            </div>
          ))}
        </div>
        {Array.from({ length: weeks }, (_, week) => (
          <div key={week} className={classes.row} role="row">
            {Array.from({ length: 7 }, (_, weekday) => {
              const day = gridStart + (week * 7 + weekday) * DAY_MS
              return <CalendarDay key={weekday} day={day} inMonth={day >= first && day < next} today={day === today} sessions={sessions.data ?? []} />
            })}
          </div>
        ))}
      </div>
    </Paper>
  )
}

/** One day of the grid: its number, and a button for each session that starts that day. */
function CalendarDay({ day, inMonth, today, sessions }: { day: number; inMonth: boolean; today: boolean; sessions: SessionSummary[] }) {
  const daySessions = sessions.filter((session) => session.plannedStart >= day && session.plannedStart < day + DAY_MS)
  const dateLabel = formatIsoDate(day)
  return (
    <div role="gridcell" aria-label={dateLabel} className={classes.day} data-outside={!inMonth || undefined} data-today={today || undefined}>
      <Text size="sm" fw={today ? 800 : 500} className={classes.dayNumber}>
        {Number(dateLabel.slice(8))}
      </Text>
      {daySessions.map((session) => (
        <UnstyledButton
          key={session.id}
          className={classes.session}
          data-status={session.status}
          style={{ borderLeftColor: `var(--mantine-color-${STATUS_COLOR[session.status]}-6)` }}
          onClick={() => navigate('sessions', session.id)}
        >
          <Text size="xs" fw={700}>
            {formatTime(session.plannedStart)}
          </Text>
          <Text size="xs" lineClamp={2}>
            {session.title}
          </Text>
        </UnstyledButton>
      ))}
    </div>
  )
}
