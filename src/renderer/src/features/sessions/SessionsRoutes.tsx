import { useLocation } from '../../router'
import { moduleLoader } from '../../shell/module-loader'
import { NotFoundPage } from '../../shell/NotFoundPage'
import { LoadedComponent, usePreloadWhenIdle } from '../../shell/LoadedComponent'
import { LIVE_CONSOLE_MODULE, SESSIONS_LIST_MODULE } from '../../shell/pages'

// The list (the first screen), the planner, the detail page and the live console are chunks of their own, loaded
// when opened (LoadedComponent); the one of the address the app opens at is asked for as it starts (early-start.ts).
// The list was in this chunk, and the console, opened from its address, loaded the list's code and what it
// draws with (its table's scrolling brought floating-ui) for nothing (issue 16: the console's time to interactive).
const PLANNER_MODULE = moduleLoader(() => import('./SessionPlannerPage').then((m) => m.SessionPlannerPage))
const DETAIL_MODULE = moduleLoader(() => import('./SessionDetailPage').then((m) => m.SessionDetailPage))
// Back to the list from a session or the console shows it at once: its code is fetched once the page is drawn.
const LIST = [SESSIONS_LIST_MODULE]

/** `#/sessions`, `…/new`, `…/new/theme/<id>`, `…/new/copy/<id>`, `…/new/first/<id,id…>`, `…/<id>`, `…/<id>/remark/<id>`, `…/<id>/decision/<id>`, `…/<id>/edit`, `…/<id>/live`. */
export function SessionsRoutes() {
  const { params } = useLocation()
  const [first, second, third] = params
  usePreloadWhenIdle(LIST)
  if (!first) return <LoadedComponent key="list" loader={SESSIONS_LIST_MODULE} props={{}} />
  if (first === 'new') {
    if (second === 'theme' && third) return <LoadedComponent key={third} loader={PLANNER_MODULE} props={{ themeId: third }} />
    if (second === 'copy' && third) return <LoadedComponent key={`copy-${third}`} loader={PLANNER_MODULE} props={{ copyOf: third }} />
    if (second === 'first' && third) return <LoadedComponent key={`first-${third}`} loader={PLANNER_MODULE} props={{ seatedFirst: third.split(',') }} />
    return <LoadedComponent key="new" loader={PLANNER_MODULE} props={{}} />
  }
  if (!second) return <LoadedComponent key={first} loader={DETAIL_MODULE} props={{ sessionId: first }} />
  if (second === 'remark') return <LoadedComponent key={first} loader={DETAIL_MODULE} props={{ sessionId: first, remarkId: third }} />
  // The decisions table reads which decision to show from the address itself.
  if (second === 'decision') return <LoadedComponent key={first} loader={DETAIL_MODULE} props={{ sessionId: first }} />
  if (second === 'edit') return <LoadedComponent key={`${first}-edit`} loader={PLANNER_MODULE} props={{ sessionId: first }} />
  if (second === 'live') return <LoadedComponent key={`${first}-live`} loader={LIVE_CONSOLE_MODULE} props={{ sessionId: first }} />
  return <NotFoundPage />
}
