import { Button, Group, Kbd, Stack, Text } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { DeferredSelect } from '../../common/DeferredSelect'
import { defaultStartSeat, nameOf } from './live-view'
import type { Command } from './shortcuts'

interface Props {
  view: LiveView
  /** The seat chosen to start from (on the map or here); null: the first present person's. */
  startSeat: string | null
  onStartSeat: (personId: string | null) => void
  enabled: (command: Command) => boolean
  run: (command: Command) => void
}

/**
 * At 圆桌时间 with no round running: where the mic starts, then a round (Space) or free discussion (F). It
 * stands in the console's top strip in place of 下一位 (nobody waits yet), so the console keeps its height.
 */
export function RoundStarter({ view, startSeat, onStartSeat, enabled, run }: Props) {
  const { t } = useTranslation()
  const { state } = view
  const select = useRef<HTMLInputElement>(null)
  const seats = view.attendance
    .filter((entry) => entry.seatNumber !== null && !entry.absent)
    .map((entry) => ({ value: entry.personId, label: `${entry.seatNumber} · ${nameOf(view, entry.personId)}` }))
  return (
    <Stack gap={6}>
      <DeferredSelect
        size="sm"
        label={t('live.startFrom')}
        data={seats}
        ref={select}
        value={startSeat ?? defaultStartSeat(view) ?? null}
        onChange={(personId) => {
          onStartSeat(personId)
          // Chosen: the keys go back to the console, so Space starts the round instead of opening the list again.
          select.current?.blur()
        }}
        allowDeselect={false}
      />
      {/* The same commands as the keys: Space starts the round (or passes the mic), F free discussion. */}
      <Group gap="xs">
        <Button size="compact-md" onClick={() => run('pass')} disabled={!enabled('pass')} rightSection={<Kbd size="xs">Space</Kbd>}>
          {state.round === 0 ? t('live.startRound') : t('live.startNextRound', { round: state.round + 1 })}
        </Button>
        <Button size="compact-md" variant="default" onClick={() => run('free')} disabled={!enabled('free')} rightSection={<Kbd size="xs">F</Kbd>}>
          {t('live.startFree')}
        </Button>
      </Group>
      {state.round > 0 && state.mode === 'round' && <Text size="sm">{t('live.roundDone', { round: state.round })}</Text>}
    </Stack>
  )
}
