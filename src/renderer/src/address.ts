/** Routes live in the hash (`#/sessions/<id>`), which works the same from file:// and from the web bridge. */
export type Route = 'sessions' | 'followups' | 'statistics' | 'people' | 'themes' | 'search' | 'settings' | 'projector'
export const ROUTES: Route[] = ['sessions', 'followups', 'statistics', 'people', 'themes', 'search', 'settings', 'projector']
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
