import { Kbd } from '@mantine/core'
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
    // Plain elements, not Mantine's components: eleven buttons with a dozen keys are drawn with the console, and
    // the components' styling machinery cost more than the buttons themselves (issue 16: the console's time to
    // interactive). The buttons are styled by ControlGrid.module.css in Button's look; the keys wear Kbd's own class.
    <div className={classes.grid} style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
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
    </div>
  )
}

function ControlButton({ command, label, icon: ControlIcon, disabled, onClick }: { command: Command; label: string; icon: Icon; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={classes.button}
      // 传递话筒, the key pressed most, stands out; the rest are quiet.
      data-variant={command === 'pass' ? 'filled' : 'default'}
      disabled={disabled}
      onClick={onClick}
      // Clicking must not leave the focus on a button that Space would press again.
      onMouseDown={(event) => event.preventDefault()}
      aria-keyshortcuts={KEYS[command].join('+')}
    >
      <span className={classes.label}>
        <ControlIcon size={18} className={classes.icon} />
        <span>{label}</span>
      </span>
      <span className={classes.keys}>
        {KEYS[command].map((key) => (
          <kbd key={key} className={Kbd.classes.root}>
            {key}
          </kbd>
        ))}
      </span>
    </button>
  )
}
