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

export function parseHash(hash: string): Location {
  const [first = '', ...params] = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
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
