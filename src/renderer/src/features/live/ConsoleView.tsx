import { Box, Divider, Paper, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { api } from '../../api'
import { personOptions } from '../../common/person-labels'
import { moduleLoader } from '../../shell/module-loader'
import { LoadedComponent, usePreloadWhenIdle } from '../../shell/LoadedComponent'
import { RemarkPanel } from '../remarks/RemarkPanel'
import { ActionFeedback } from './ActionFeedback'
import { ControlGrid } from './ControlGrid'
import classes from './ConsoleView.module.css'
import { canRun, canStartRound, commandAction, isPickCommand, pickFor, type PickAction } from './live-view'
import { QueueStrip } from './QueueStrip'
import { RoundStarter } from './RoundStarter'
import { SeatMap } from './SeatMap'
import type { Command } from './shortcuts'
import { SpeakerCard } from './SpeakerCard'
import { useConsoleKeys } from './use-console-keys'
import type { Live } from './use-live'

// What the console opens later is not in its first draw: the 议定事项 dialog (Y, its date picker and pickers) and
// the picker of 举手插话 / 再次发言 (H, E), with Mantine's Modal they bring, are chunks of their own, fetched once
// the console has been drawn and the browser is idle. With the 签到 tab, the start and end dialogs
// (LiveConsolePage.tsx) and the ⋯ menus (MoreMenu.tsx): 916 → 842 KB of JavaScript to open the console, ~10 ms
// sooner in 40 paired loads (issue 16).
const DECISION_DIALOG = moduleLoader(() => import('./DecisionDialog').then((m) => m.DecisionDialog))
const PERSON_PICKER = moduleLoader(() => import('./PersonPicker').then((m) => m.PersonPicker))
const LATER = [DECISION_DIALOG, PERSON_PICKER]

interface Props {
  live: Live & { view: LiveView }
  /** What to do first, shown under 现在发言 (e.g. press PgDn for the first phase); null: nothing to say. */
  hint: string | null
}

/**
 * The heart of the app: the round table, who speaks, who is next, one key per action, and the note-taker's
 * remark box beside the controls. Both roles share one screen: at 1366×768, at every font size, it all fits
 * without scrolling (ConsoleView.module.css). Y records a 议定事项 in a small form over the console.
 */
export function ConsoleView({ live, hint }: Props) {
  const { t } = useTranslation()
  const { view } = live
  const { state } = view
  const [picking, setPicking] = useState<PickAction | null>(null)
  const [recording, setRecording] = useState(false)
  const [startSeat, setStartSeat] = useState<string | null>(null)
  const current = state.current
  const roundReady = canStartRound(view)
  // Buttons follow the state on screen; a key always reaches `commandAction` (below), which decides
  // against the state the key will really meet (earlier keys may still be being written).
  const enabled = (command: Command): boolean => canRun(command, view, startSeat)

  function run(command: Command): void {
    if (command === 'decision') {
      if (enabled('decision')) setRecording(true)
      return
    }
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
  useConsoleKeys(run, picking === null && !recording)
  usePreloadWhenIdle(LATER)

  return (
    <Box className={classes.console}>
      <Box className={classes.table}>
        <SeatMap view={view} onStartSeat={roundReady ? setStartSeat : undefined} />
      </Box>
      {/* The facilitator's column: who speaks and who is next (or, before a round, where it starts), then the keys. */}
      <Stack className={classes.controls} gap="xs" data-console-column="controls">
        <Paper withBorder radius="md" px="sm" py="xs">
          <Stack gap={6}>
            <SpeakerCard view={view} />
            <Divider />
            {roundReady && (current === null || current.kind !== 'round') && state.phase !== null ? (
              <RoundStarter view={view} startSeat={startSeat} onStartSeat={setStartSeat} enabled={enabled} run={run} />
            ) : (
              <QueueStrip view={view} />
            )}
            {hint && (
              <Text size="sm" c="blue.8" fw={600}>
                {hint}
              </Text>
            )}
          </Stack>
        </Paper>
        <ControlGrid enabled={enabled} run={run} paused={state.pausedAt !== null} />
        <ActionFeedback view={view} error={live.actionError} />
      </Stack>
      {/* The note-taker's column: the box at its top, its list below (the column scrolls, never the page). */}
      <Box className={classes.remarks}>
        <RemarkPanel view={view} />
      </Box>

      {picking && (
        <LoadedComponent
          loader={PERSON_PICKER}
          fallback={null}
          props={{
            title: picking === 'raise_hand' ? t('live.picker.raiseHand') : t('live.picker.speakAgain'),
            people: view.attendance.filter((entry) => !entry.absent && entry.personId !== current?.personId),
            onClose: () => setPicking(null),
            onPick: (personId: string) => {
              setPicking(null)
              void live.act({ type: picking, personId })
            }
          }}
        />
      )}
      {recording && (
        <LoadedComponent
          loader={DECISION_DIALOG}
          fallback={null}
          props={{
            sessionId: view.session.id,
            people: personOptions(view.attendance),
            onClose: () => setRecording(false),
            onSaved: () => {
              setRecording(false)
              notifications.show({ color: 'green', message: t('live.decision.saved') })
            }
          }}
        />
      )}
    </Box>
  )
}
