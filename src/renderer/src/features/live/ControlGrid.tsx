import { Button, Group, Kbd, SimpleGrid } from '@mantine/core'
import {
  IconArrowBackUp,
  IconClockPause,
  IconClipboardCheck,
  IconClockPlay,
  IconHandStop,
  IconMicrophone,
  IconMoodHappy,
  IconPlayerSkipForward,
  IconRepeat,
  IconUserOff,
  IconUsers,
  type Icon
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { KEYS, type Command } from './shortcuts'

/** The console's buttons, in the order they are laid out; the phase keys have the stepper instead. */
const CONTROLS = [
  ['pass', IconMicrophone],
  ['skip', IconPlayerSkipForward],
  ['defer', IconClockPause],
  ['decline', IconUserOff],
  ['raiseHand', IconHandStop],
  ['speakAgain', IconRepeat],
  ['applause', IconMoodHappy],
  ['pause', IconClockPause],
  ['undo', IconArrowBackUp],
  ['free', IconUsers],
  ['decision', IconClipboardCheck]
] as const satisfies readonly (readonly [Command, Icon])[]

interface Props {
  /** Whether a command can act now (`canRun` in live-view.ts). */
  enabled: (command: Command) => boolean
  run: (command: Command) => void
  /** The timer is paused: P resumes it, and its button says so. */
  paused: boolean
}

/** One button per console key, each showing its key; a button can be pressed exactly when its key would act. */
export function ControlGrid({ enabled, run, paused }: Props) {
  const { t } = useTranslation()
  return (
    // As many columns as the console's middle column holds (a container query): three at 1366×768, where
    // the remark box stands beside them.
    <SimpleGrid type="container" cols={{ base: 3, '560px': 4, '720px': 6 }} spacing="xs">
      {CONTROLS.map(([command, icon]) => {
        const resumes = command === 'pause' && paused
        return (
          <ControlButton
            key={command}
            command={command}
            label={t(`live.actions.${resumes ? 'resume' : command}`)}
            icon={resumes ? IconClockPlay : icon}
            disabled={!enabled(command)}
            onClick={() => run(command)}
          />
        )
      })}
    </SimpleGrid>
  )
}

function ControlButton({ command, label, icon: ControlIcon, disabled, onClick }: { command: Command; label: string; icon: Icon; disabled: boolean; onClick: () => void }) {
  return (
    <Button
      size="md"
      // At least 64 px; taller where a longer label (English, a narrow window) wraps.
      h="auto"
      mih={64}
      py={6}
      px={2}
      variant={command === 'pass' ? 'filled' : 'default'}
      disabled={disabled}
      onClick={onClick}
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
