import { useSyncExternalStore } from 'react'
import { parseHash, type Location, type Route } from './address'

// The address itself (routes, parsing) is in address.ts, which imports nothing: early-start.ts reads it before React loads.
export { DEFAULT_ROUTE, parseHash, ROUTES, type Location, type Route } from './address'

export const hrefFor = (route: Route, ...params: string[]): string => `#/${[route, ...params.map(encodeURIComponent)].join('/')}`

export function navigate(route: Route, ...params: string[]): void {
  window.location.hash = hrefFor(route, ...params)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseHash(hash)
}

/**
 * Asked before the address leaves the page that set it (a link, 导航, `navigate`, the back key): a page with
 * unsaved work answers true to keep the user there, and may call `navigate`/`goTo` itself once they chose.
 */
export type LeaveGuard = (to: string) => boolean
let leaveGuard: LeaveGuard | null = null
let shownHash = typeof window === 'undefined' ? '' : window.location.hash

/** Sets the guard; returns its removal (for an effect's cleanup). */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard
  return () => {
    if (leaveGuard === guard) leaveGuard = null
  }
}

/** Goes to an address as it was asked for (a guard's “leave anyway”). */
export function goTo(hash: string): void {
  window.location.hash = hash
}

// Registered when the module loads, before any page subscribes: a refused change is undone before React sees it.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    const to = window.location.hash
    if (to !== shownHash && leaveGuard?.(to)) {
      window.history.replaceState(window.history.state, '', shownHash || '#/')
      return
    }
    shownHash = to
  })
}
