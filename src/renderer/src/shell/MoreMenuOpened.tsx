import { Menu } from '@mantine/core'
import type { ReactElement } from 'react'
import type { MoreMenuItem } from './MoreMenu'

/** A ⋯ button's menu, opened: drawn by MoreMenu once the button has been used. */
export function MoreMenuOpened({ target, items }: { target: ReactElement; items: readonly MoreMenuItem[] }) {
  return (
    <Menu position="bottom-end" defaultOpened>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item key={item.label} color={item.color} leftSection={item.icon} disabled={item.disabled} onClick={item.onClick}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
