import { IconDots } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { LoadedComponent } from './LoadedComponent'
import { moduleLoader } from './module-loader'
import classes from './MoreMenu.module.css'

/** One action of a ⋯ menu. */
export interface MoreMenuItem {
  label: string
  icon: ReactNode
  onClick: () => void
  /** Red for what deletes. */
  color?: 'red'
  disabled?: boolean
}

// Mantine's Menu (a Popover with its positioning and transition) is a chunk of its own, fetched when a ⋯ button is
// first pointed at or focused: no list needs it to be drawn (issue 16: the console's time to interactive).
const OPENED = moduleLoader(() => import('./MoreMenuOpened').then((m) => m.MoreMenuOpened))
const fetchMenu = (): void => void OPENED.preload()

/**
 * The ⋯ button of a row or a card and its menu of further actions; `label` names what they act on, `compact`
 * makes it the size of a line of text (a remark's).
 *
 * Drawn as a plain button until it is first used: a Mantine Menu in every row of a long list was a good part of
 * drawing the list (issue 16: the console with 500 remarks). The first click or key press puts the menu in
 * place, opened. The button itself is a plain element styled as Mantine's subtle ActionIcon
 * (MoreMenu.module.css), for the same reason.
 */
export function MoreMenu({ label, items, compact = false }: { label: string; items: readonly MoreMenuItem[]; compact?: boolean }) {
  const [used, setUsed] = useState(false)
  const button = (
    <button
      type="button"
      className={classes.button}
      data-compact={compact || undefined}
      aria-label={label}
      aria-haspopup="menu"
      onPointerEnter={used ? undefined : fetchMenu}
      onFocus={used ? undefined : fetchMenu}
      onClick={used ? undefined : () => setUsed(true)}
    >
      <IconDots size={compact ? 18 : 20} />
    </button>
  )
  if (!used) return button
  return <LoadedComponent loader={OPENED} fallback={button} props={{ target: button, items }} />
}
