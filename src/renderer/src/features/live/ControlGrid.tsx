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
import { useTranslation } from '../../i18n/use-translation'
import classes from './ControlGrid.module.css'
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
  const { t, i18n } = useTranslation()
  // Four columns (three rows) for Chinese labels of up to 4 characters; English labels are longer: three.
  // The controls' column grows with the font size (ConsoleView.module.css), so the labels keep their room.
  const cols = i18n.language.startsWith('zh') ? 4 : 3
  return (
    <SimpleGrid cols={cols} spacing={6} verticalSpacing={6}>
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
      // At least 52 px (a label and its key); taller where a longer label (English) wraps.
      h="auto"
      mih={52}
      py={4}
      px={2}
      className={classes.button}
      variant={command === 'pass' ? 'filled' : 'default'}
      disabled={disabled}
      onClick={onClick}
      // Clicking must not leave the focus on a button that Space would press again.
      onMouseDown={(event) => event.preventDefault()}
      styles={{ label: { flexDirection: 'column', gap: 2, whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 } }}
      aria-keyshortcuts={KEYS[command].join('+')}
    >
      <Group gap={6} justify="center" style={{ rowGap: 0 }}>
        <ControlIcon size={18} className={classes.icon} />
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
