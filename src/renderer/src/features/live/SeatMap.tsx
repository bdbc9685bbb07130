import { Badge, Group, Stack, Text } from '@mantine/core'
import { IconMicrophone } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { LiveView } from '@shared/domain'
import { SeatPlan } from '../seating/SeatPlan'
import { nameOf, phaseName, phaseText, seatTone } from './live-view'

/** The legend's dot colours, one for each tone a seat can show on the console. */
const TONE_DOT = { current: 'red', next: 'blue', spoken: 'green', deferred: 'yellow', skipped: 'gray', absent: 'gray', unmarked: 'orange' } as const

interface Props {
  view: LiveView
  /** Given while a round can start: a click on a seat chooses where it starts. */
  onStartSeat?: (personId: string) => void
}

/** The console's seat plan, in the session's layout: who speaks, who is next and how each turn of the round ended, with a legend. */
export function SeatMap({ view, onStartSeat }: Props) {
  const { t } = useTranslation()
  const { state } = view
  const next = state.queue[0]
  // The phase by the name the stepper gives it: an agenda segment's own title (e.g. 主持人总结), else its kind.
  const phase = phaseName(view, state.phase)
  const seated = view.attendance.filter((entry) => entry.seatNumber !== null)
  return (
    <Stack align="center" gap="xs">
      <SeatPlan
        layout={view.session.seatLayout}
        width={480}
        maxWidth={720}
        maxHeight={560}
        label={t('live.table')}
        centre={
          <Stack gap={2} align="center">
            <Text fw={700}>{phase ? phaseText(phase, t) : t('live.notStarted')}</Text>
            {state.mode === 'round' && <Text size="sm">{t('live.roundNumber', { round: state.round })}</Text>}
            {state.mode === 'free' && <Text size="sm">{t('live.free')}</Text>}
          </Stack>
        }
        seats={seated.map((entry) => {
          const tone = seatTone(view, entry, next)
          return {
            key: entry.personId,
            number: entry.seatNumber!,
            name: nameOf(view, entry.personId),
            tone,
            status: t(`live.seat.${tone}`),
            icon: tone === 'current' ? <IconMicrophone size={16} aria-hidden /> : undefined
          }
        })}
        onSeatClick={onStartSeat ? (seat) => onStartSeat(seat.key) : undefined}
      />
      <Group gap="md">
        {(Object.keys(TONE_DOT) as (keyof typeof TONE_DOT)[]).map((tone) => (
          <Text key={tone} size="xs" c="dimmed">
            <Badge size="xs" variant="dot" color={TONE_DOT[tone]}>
              {t(`live.seat.${tone}`)}
            </Badge>
          </Text>
        ))}
      </Group>
    </Stack>
  )
}
