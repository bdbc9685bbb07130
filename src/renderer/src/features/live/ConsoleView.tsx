import { Group, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LiveView } from '@shared/domain'
import { api } from '../../api'
import { RemarkPanel } from '../remarks/RemarkPanel'
import { ActionFeedback } from './ActionFeedback'
import { ControlGrid } from './ControlGrid'
import { canRun, canStartRound, commandAction, isPickCommand, pickFor, type PickAction } from './live-view'
import { PersonPicker } from './PersonPicker'
import { QueueStrip } from './QueueStrip'
import { RoundStarter } from './RoundStarter'
import { SeatMap } from './SeatMap'
import type { Command } from './shortcuts'
import { SpeakerCard } from './SpeakerCard'
import { useConsoleKeys } from './use-console-keys'
import type { Live } from './use-live'

/** The heart of the app: the round table, who speaks, who is next, and one key per action. */
export function ConsoleView({ live, now }: { live: Live & { view: LiveView }; now: number }) {
  const { t } = useTranslation()
  const { view } = live
  const { state } = view
  const [picking, setPicking] = useState<PickAction | null>(null)
  const [startSeat, setStartSeat] = useState<string | null>(null)
  const current = state.current
  const roundReady = canStartRound(view)
  // Buttons follow the state on screen; a key always reaches `commandAction` (below), which decides
  // against the state the key will really meet (earlier keys may still be being written).
  const enabled = (command: Command): boolean => canRun(command, view, startSeat)

  function run(command: Command): void {
    if (isPickCommand(command)) {
      const pick = pickFor(command, view)
      if (pick) setPicking(pick)
      return
    }
    // Decided when the writes before it are done, against the state they left.
    void live.perform((latest) => {
      const action = commandAction(command, latest, startSeat)
      if (action === 'undo') return () => api.invoke('live:undo', { sessionId: latest.session.id })
      return action ? () => api.invoke('live:act', { sessionId: latest.session.id, action }) : null
    })
  }
  useConsoleKeys(run, picking === null)

  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <SeatMap view={view} onStartSeat={roundReady ? setStartSeat : undefined} />
      <Stack style={{ flex: 1, minWidth: 0 }} gap="md">
        <SpeakerCard view={view} now={now} />
        {roundReady && (current === null || current.kind !== 'round') && state.phase !== null && (
          <RoundStarter view={view} startSeat={startSeat} onStartSeat={setStartSeat} enabled={enabled} run={run} />
        )}
        <QueueStrip view={view} />
        <ControlGrid enabled={enabled} run={run} paused={state.pausedAt !== null} />
        <ActionFeedback view={view} error={live.actionError} />
        <RemarkPanel view={view} />
      </Stack>

      {picking && (
        <PersonPicker
          title={picking === 'raise_hand' ? t('live.picker.raiseHand') : t('live.picker.speakAgain')}
          people={view.attendance.filter((entry) => !entry.absent && entry.personId !== current?.personId)}
          onClose={() => setPicking(null)}
          onPick={(personId) => {
            setPicking(null)
            void live.act({ type: picking, personId })
          }}
        />
      )}
    </Group>
  )
}
