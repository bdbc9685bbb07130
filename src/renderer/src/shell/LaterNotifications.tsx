import type { NotificationsProps } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { LoadedComponent } from './LoadedComponent'
import { moduleLoader } from './module-loader'

// Mantine's notifications container and its transitions (~20 KB) are a chunk of their own, not in the app's first
// file (issue 16: the console's time to interactive). A notice shown before the container is drawn waits in
// Mantine's store, and shows as the container appears.
const CONTAINER = moduleLoader(() => import('./notifications-container').then((m) => m.Notifications))
const PROPS: NotificationsProps = { position: 'top-center' }

/** The notices' container, drawn once the browser is idle after the first screen (within two seconds, whatever). */
export function LaterNotifications() {
  const [wanted, setWanted] = useState(false)
  useEffect(() => {
    const idle = requestIdleCallback(() => setWanted(true), { timeout: 2000 })
    return () => cancelIdleCallback(idle)
  }, [])
  return wanted ? <LoadedComponent loader={CONTAINER} props={PROPS} fallback={null} /> : null
}
