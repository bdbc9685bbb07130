import { Alert, Badge, Button, Card, Group, Kbd, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import {
  IconArrowBackUp,
  IconClockPause,
  IconClockPlay,
  IconHandStop,
  IconMessageCircle,
  IconMicrophone,
  IconPlayerSkipForward,
  IconRepeat,
  IconUserOff,
  IconUsers,
  IconMoodHappy,
  type Icon
} from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LiveView } from '@shared/domain'
import { speakingMs } from '@shared/speaking'
import { api } from '../../api'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { RemarkPanel } from '../remarks/RemarkPanel'
import { RoundTable } from '../seating/RoundTable'
import { canStartRound, commandAction, currentSegment, defaultStartSeat, limitMsOf, nameOf, personOf, placeLine, seatTone } from './live-view'
import { PersonPicker } from './PersonPicker'
import { SpeakerTimer } from './SpeakerTimer'
import { commandFor, isTypingTarget, KEYS, type Command } from './shortcuts'
import type { Live } from './use-live'

interface Props {
  live: Live & { view: LiveView }
  now: number
  /** Moves to the next (+1) or previous (-1) phase. */
  onStep: (delta: 1 | -1) => void
}

const QUEUE_SHOWN = 5

/** The heart of the app: the round table, who speaks, who is next, and one key per action. */
export function ConsoleView({ live, now, onStep }: Props) {
  const { t } = useTranslation()
  const { view } = live
  const { state } = view
  const [picking, setPicking] = useState<'raise_hand' | 'speak_again' | null>(null)
  const [startSeat, setStartSeat] = useState<string | null>(null)
  const current = state.current
  const speaker = personOf(view, current?.personId)
  const next = state.queue[0]
  const limitMs = limitMsOf(view, current)
  const elapsedMs = current ? speakingMs(current, state.pausedAt, now) : 0
  const roundReady = canStartRound(view)
  const startFrom = startSeat ?? defaultStartSeat(view) ?? null
  const seated = view.attendance.filter((entry) => entry.seatNumber !== null)
  const present = view.attendance.filter((entry) => !entry.absent)

  const enabled: Record<Command, boolean> = {
    pass: current !== null || (roundReady && startFrom !== null),
    skip: current !== null,
    defer: current !== null,
    decline: current !== null,
    raiseHand: state.phase !== null,
    speakAgain: state.phase !== null,
    applause: current !== null,
    pause: current !== null,
    undo: view.lastAction !== null && view.lastAction !== 'end',
    free: roundReady,
    nextPhase: true,
    previousPhase: state.phase !== null
  }

  // Buttons are disabled when they cannot act; a key always reaches `commandAction`, which decides
  // against the state the key will really meet (earlier keys may still be being written).
  function run(command: Command): void {
    if ((command === 'raiseHand' || command === 'speakAgain') && !enabled[command]) return
    if (command === 'raiseHand') return setPicking('raise_hand')
    if (command === 'speakAgain') return setPicking('speak_again')
    if (command === 'nextPhase' || command === 'previousPhase') return onStep(command === 'nextPhase' ? 1 : -1)
    // Decided when the writes before it are done, against the state they left.
    void live.perform((latest) => {
      const action = commandAction(command, latest, startSeat)
      if (action === 'undo') return () => api.invoke('live:undo', { sessionId: latest.session.id })
      return action ? () => api.invoke('live:act', { sessionId: latest.session.id, action }) : null
    })
  }

  // Captured on the window, so Space passes the mic even when a button has the focus (it is not clicked twice).
  useEffect(() => {
    if (picking) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isTypingTarget(event.target) || event.repeat) return
      if (document.querySelector('[role="dialog"]')) return
      const command = commandFor(event)
      if (!command) return
      event.preventDefault()
      event.stopPropagation()
      run(command)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  })

  const control = (command: Command, label: string, icon: Icon, color?: string) => {
    const ControlIcon = icon
    return (
      <Button
        key={command}
        size="md"
        // At least 64 px; taller where a longer label (English, a narrow window) wraps.
        h="auto"
        mih={64}
        py={6}
        px={6}
        variant={command === 'pass' ? 'filled' : 'default'}
        color={color}
        disabled={!enabled[command]}
        onClick={() => run(command)}
        // Clicking must not leave the focus on a button that Space would press again.
        onMouseDown={(event) => event.preventDefault()}
        styles={{ label: { flexDirection: 'column', gap: 4, whiteSpace: 'normal', textAlign: 'center' } }}
        aria-keyshortcuts={KEYS[command].join('+')}
      >
        <Group gap={6} justify="center" style={{ rowGap: 0 }}>
          <ControlIcon size={20} />
          <span>{label}</span>
        </Group>
        <Group gap={4}>
          {KEYS[command].map((key) => (
            <Kbd key={key} size="xs">
              {key}
            </Kbd>
          ))}
        </Group>
      </Button>
    )
  }

  const queueLabel = (kind: string): string | null =>
    kind === 'raised_hand' ? t('live.queue.raisedHand') : kind === 'again' ? t('live.queue.again') : null

  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack align="center" gap="xs">
        <RoundTable
          size={480}
          label={t('live.table')}
          centre={
            <Stack gap={2} align="center">
              <Text fw={700}>{currentSegment(view) ? t(`planner.agenda.kinds.${currentSegment(view)!.kind}`) : state.phase === 'closing' ? t('live.phases.closing') : t('live.notStarted')}</Text>
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
              icon: tone === 'current' ? <IconMicrophone size={18} aria-hidden /> : undefined
            }
          })}
          onSeatClick={roundReady ? (seat) => setStartSeat(seat.key) : undefined}
        />
        <Group gap="md">
          {(['current', 'next', 'spoken', 'deferred', 'skipped', 'absent', 'unmarked'] as const).map((tone) => (
            <Text key={tone} size="xs" c="dimmed">
              <Badge size="xs" variant="dot" color={TONE_DOT[tone]}>
                {t(`live.seat.${tone}`)}
              </Badge>
            </Text>
          ))}
        </Group>
      </Stack>

      <Stack style={{ flex: 1, minWidth: 0 }} gap="md">
        <Paper withBorder p="md" radius="md" aria-live="polite" aria-label={t('live.nowSpeaking')}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text c="dimmed" fw={700}>
                {t('live.nowSpeaking')}
                {current && current.kind !== 'round' && current.kind !== 'study' && ` · ${queueLabel(current.kind)}`}
              </Text>
              <Title order={2} fz={44} lh={1.1} data-testid="current-speaker">
                {speaker ? nameOf(view, speaker.personId) : t('live.nobody')}
              </Title>
              <Group gap="md" align="baseline">
                <Text fz="lg" c="dimmed">
                  {placeLine(view, speaker)}
                </Text>
                {current && (
                  <Text size="sm" c="dimmed">
                    {t('live.applauseCount', { count: current.applause })}
                  </Text>
                )}
              </Group>
            </Stack>
            {current && <SpeakerTimer elapsedMs={elapsedMs} limitMs={limitMs} paused={state.pausedAt !== null} size={56} />}
          </Group>
        </Paper>

        {roundReady && (current === null || current.kind !== 'round') && state.phase !== null && (
          <Card withBorder padding="md" bg="orange.0">
            <Group align="flex-end">
              <Select
                size="md"
                w={260}
                label={t('live.startFrom')}
                data={view.attendance
                  .filter((entry) => entry.seatNumber !== null && !entry.absent)
                  .map((entry) => ({ value: entry.personId, label: `${entry.seatNumber} · ${nameOf(view, entry.personId)}` }))}
                value={startFrom}
                onChange={setStartSeat}
                allowDeselect={false}
              />
              <Button size="md" onClick={() => run('pass')} disabled={!startFrom} rightSection={<Kbd size="xs">Space</Kbd>}>
                {state.round === 0 ? t('live.startRound') : t('live.startNextRound', { round: state.round + 1 })}
              </Button>
              <Button size="md" variant="default" onClick={() => run('free')} rightSection={<Kbd size="xs">F</Kbd>}>
                {t('live.startFree')}
              </Button>
            </Group>
            {state.round > 0 && state.mode === 'round' && (
              <Text size="sm" mt="xs">
                {t('live.roundDone', { round: state.round })}
              </Text>
            )}
          </Card>
        )}

        <Paper withBorder px="md" py="sm" radius="md" aria-label={t('live.next')}>
          <Group gap="xs">
            <Text c="dimmed" fw={700} mr="xs">
              {t('live.next')}
            </Text>
            {state.queue.length === 0 && <Text c="dimmed">{t('live.queueEmpty')}</Text>}
            {state.queue.slice(0, QUEUE_SHOWN).map((entry, index) => {
              const person = personOf(view, entry.personId)
              const label = entry.turnId ? t('live.queue.deferred') : queueLabel(entry.kind)
              return (
                <Badge key={`${entry.personId}-${index}`} size="xl" radius="sm" variant={index === 0 ? 'filled' : 'light'} color={index === 0 ? 'blue' : 'gray'} tt="none">
                  {person ? nameOf(view, person.personId) : '?'}
                  {label ? ` · ${label}` : ''}
                </Badge>
              )
            })}
            {state.queue.length > QUEUE_SHOWN && <Text c="dimmed">{t('live.queueMore', { count: state.queue.length - QUEUE_SHOWN })}</Text>}
          </Group>
        </Paper>

        {/* Two rows on a laptop screen, so the note-taker's box stays in view below them. */}
        <SimpleGrid cols={{ base: 4, lg: 5 }} spacing="xs">
          {control('pass', t('live.actions.pass'), IconMicrophone)}
          {control('skip', t('live.actions.skip'), IconPlayerSkipForward)}
          {control('defer', t('live.actions.defer'), IconClockPause)}
          {control('decline', t('live.actions.decline'), IconUserOff)}
          {control('raiseHand', t('live.actions.raiseHand'), IconHandStop)}
          {control('speakAgain', t('live.actions.speakAgain'), IconRepeat)}
          {control('applause', t('live.actions.applause'), IconMoodHappy)}
          {control('pause', state.pausedAt === null ? t('live.actions.pause') : t('live.actions.resume'), state.pausedAt === null ? IconClockPause : IconClockPlay)}
          {control('undo', t('live.actions.undo'), IconArrowBackUp)}
          {control('free', t('live.actions.free'), IconUsers)}
        </SimpleGrid>
        {view.lastAction && (
          <Text size="sm" c="dimmed">
            <IconMessageCircle size={14} /> {t('live.lastAction', { action: t(`live.actionNames.${view.lastAction}`) })}
          </Text>
        )}
        {live.actionError && (
          <Alert color="orange" variant="light" role="status">
            {live.actionError.code === 'conflict' && live.actionError.issues?.[0]
              ? t(`live.refused.${live.actionError.issues[0].code}` as 'live.refused.nobody_speaking', { defaultValue: t('errors.conflict') })
              : ''}
            {live.actionError.code !== 'conflict' && <ErrorNotice error={live.actionError} />}
          </Alert>
        )}
        <RemarkPanel view={view} />
      </Stack>

      {picking && (
        <PersonPicker
          title={picking === 'raise_hand' ? t('live.picker.raiseHand') : t('live.picker.speakAgain')}
          people={present.filter((entry) => entry.personId !== current?.personId)}
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

const TONE_DOT = { current: 'red', next: 'blue', spoken: 'green', deferred: 'yellow', skipped: 'gray', absent: 'gray', unmarked: 'orange' } as const
