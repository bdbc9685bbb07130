import { Menu } from '@mantine/core'
import { IconDots } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import classes from './MoreMenu.module.css'

/**
 * The ⋯ button of a row or a card and its menu of further actions; `label` names what they act on, `compact`
 * makes it the size of a line of text (a remark's).
 *
 * Drawn as a plain button until it is first used: a Mantine Menu (a Popover with its positioning and
 * transition) in every row of a long list was a good part of drawing the list (issue 16: the console with 500
 * remarks). The first click or key press puts the menu in place, opened. The button itself is a plain
 * element styled as Mantine's subtle ActionIcon (MoreMenu.module.css), for the same reason.
 */
export function MoreMenu({ label, children, compact = false }: { label: string; children: ReactNode; compact?: boolean }) {
  const [used, setUsed] = useState(false)
  const button = (
    <button type="button" className={classes.button} data-compact={compact || undefined} aria-label={label} aria-haspopup="menu" onClick={used ? undefined : () => setUsed(true)}>
      <IconDots size={compact ? 18 : 20} />
    </button>
  )
  if (!used) return button
  return (
    <Menu position="bottom-end" defaultOpened>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  )
}
