import { useSyncExternalStore } from 'react'

/** Routes live in the hash (`#/sessions/<id>`), which works the same from file:// and from the web bridge. */
export type Route = 'sessions' | 'followups' | 'people' | 'themes' | 'search' | 'settings' | 'projector'
export const ROUTES: Route[] = ['sessions', 'followups', 'people', 'themes', 'search', 'settings', 'projector']
export const DEFAULT_ROUTE: Route = 'sessions'

export interface Location {
  route: Route | null
  /** Path segments after the route, e.g. a session id and 'edit'. */
  params: string[]
}

/** A segment as typed; a malformed escape (`%E0%A4%A`) makes the whole address unknown, not a crash. */
const decode = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

export function parseHash(hash: string): Location {
  const segments = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decode)
  if (segments.includes(null)) return { route: null, params: [] }
  const [first = '', ...params] = segments as string[]
  if (first === '') return { route: DEFAULT_ROUTE, params: [] }
  return { route: (ROUTES as string[]).includes(first) ? (first as Route) : null, params }
}

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
