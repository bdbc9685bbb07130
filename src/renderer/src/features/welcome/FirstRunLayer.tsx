import { lazy, Suspense } from 'react'
import { useFirstRun } from '../tour/first-run'

// Shown on a new archive only, or while the walk-through runs: chunks of their own, not in the shell's entry.
const WelcomeModal = lazy(() => import('./WelcomeModal').then((m) => ({ default: m.WelcomeModal })))
const TourGuide = lazy(() => import('../tour/TourGuide').then((m) => ({ default: m.TourGuide })))

/** Over the shell: the welcome while it is pending, else the walk-through's step while it runs. */
export function FirstRunLayer() {
  const { firstRun } = useFirstRun()
  if (!firstRun) return null
  return (
    <Suspense fallback={null}>
      {firstRun.welcome === 'pending' ? <WelcomeModal /> : firstRun.tour.status === 'running' ? <TourGuide /> : null}
    </Suspense>
  )
}
