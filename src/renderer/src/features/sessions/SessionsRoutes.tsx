import { lazy } from 'react'
import { useLocation } from '../../router'
import { NotFoundPage } from '../../shell/NotFoundPage'
import { SessionsPage } from './SessionsPage'

// The list (the first screen) shares this chunk; the planner, the detail page and the live console are chunks of
// their own, loaded when opened under AppLayout's Suspense.
const SessionPlannerPage = lazy(() => import('./SessionPlannerPage').then((m) => ({ default: m.SessionPlannerPage })))
const SessionDetailPage = lazy(() => import('./SessionDetailPage').then((m) => ({ default: m.SessionDetailPage })))
const LiveConsolePage = lazy(() => import('../live/LiveConsolePage').then((m) => ({ default: m.LiveConsolePage })))

/** `#/sessions`, `…/new`, `…/new/theme/<id>`, `…/new/copy/<id>`, `…/new/first/<id,id…>`, `…/<id>`, `…/<id>/remark/<id>`, `…/<id>/decision/<id>`, `…/<id>/edit`, `…/<id>/live`. */
export function SessionsRoutes() {
  const { params } = useLocation()
  const [first, second, third] = params
  if (!first) return <SessionsPage />
  if (first === 'new') {
    if (second === 'theme' && third) return <SessionPlannerPage key={third} themeId={third} />
    if (second === 'copy' && third) return <SessionPlannerPage key={`copy-${third}`} copyOf={third} />
    if (second === 'first' && third) return <SessionPlannerPage key={`first-${third}`} seatedFirst={third.split(',')} />
    return <SessionPlannerPage key="new" />
  }
  if (!second) return <SessionDetailPage key={first} sessionId={first} />
  if (second === 'remark') return <SessionDetailPage key={first} sessionId={first} remarkId={third} />
  // The decisions table reads which decision to show from the address itself.
  if (second === 'decision') return <SessionDetailPage key={first} sessionId={first} />
  if (second === 'edit') return <SessionPlannerPage key={`${first}-edit`} sessionId={first} />
  if (second === 'live') return <LiveConsolePage key={`${first}-live`} sessionId={first} />
  return <NotFoundPage />
}
