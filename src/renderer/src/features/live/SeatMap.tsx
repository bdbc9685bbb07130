import { Badge, Box, Group, Stack, Text } from '@mantine/core'
import { IconMicrophone } from '@tabler/icons-react'
import { memo } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { useBoxSize } from '../../common/use-box-size'
import { SeatPlan } from '../seating/SeatPlan'
import { nameOf, phaseName, phaseText, seatTone } from './live-view'

/** The legend's dot colours, one for each tone a seat can show on the console. */
const TONE_DOT = { current: 'red', next: 'blue', spoken: 'green', deferred: 'yellow', skipped: 'gray', absent: 'gray', unmarked: 'orange' } as const

/** The box is measured in steps of this many pixels, so that a window being resized does not redraw the seats at every pixel. */
const MEASURE_STEP = 8

interface Props {
  view: LiveView
  /** Given while a round can start: a click on a seat chooses where it starts. */
  onStartSeat?: (personId: string) => void
}

/**
 * The console's seat plan, in the session's layout: who speaks, who is next and how each turn of the round
 * ended, with a legend. It fills the console's left column, whatever its size: the seats spread over it,
 * and where they are many they make room for each other (SeatPlan's `fit`).
 */
export function SeatMap({ view, onStartSeat }: Props) {
  const { t } = useTranslation()
  const { state } = view
  const { ref, width, height } = useBoxSize<HTMLDivElement>()
  const next = state.queue[0]
  // The phase by the name the stepper gives it: an agenda segment's own title (e.g. 主持人总结), else its kind.
  const phase = phaseName(view, state.phase)
  const seated = view.attendance.filter((entry) => entry.seatNumber !== null)
  const box = { width: Math.floor(width / MEASURE_STEP) * MEASURE_STEP, height: Math.floor(height / MEASURE_STEP) * MEASURE_STEP }
  return (
    <Stack gap="xs" h="100%">
      {/* Padded for the seat numbers and the microphone, which sit on the cards' corners, outside the cards. */}
      <Box p={12} style={{ flex: 1, minHeight: 0, overflow: 'auto' }} data-console-column="table">
        <Box ref={ref} h="100%" style={{ display: 'flex', alignItems: 'safe center', justifyContent: 'safe center' }}>
          {box.width > 0 && box.height > 0 && (
            <SeatPlan
              layout={view.session.seatLayout}
              fit={box}
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
          )}
        </Box>
      </Box>
      <SeatLegend />
    </Stack>
  )
}

/** What each seat colour means. Its own memoised component: the map draws again when its box is measured, the legend need not. */
const SeatLegend = memo(function SeatLegend() {
  const { t } = useTranslation()
  return (
    <Group gap="xs" justify="center" style={{ rowGap: 2 }}>
      {(Object.keys(TONE_DOT) as (keyof typeof TONE_DOT)[]).map((tone) => (
        <Badge key={tone} size="sm" variant="dot" color={TONE_DOT[tone]}>
          {t(`live.seat.${tone}`)}
        </Badge>
      ))}
    </Group>
  )
})
