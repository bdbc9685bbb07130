import type { ComponentType } from 'react'
import type { Route } from '../router'

/**
 * Each page is its own chunk, loaded when first opened: the entry holds the shell only (issue 16's budget).
 * The page of the address the app opens at is asked for at once (early-start.ts), with the shell. This
 * module imports nothing else, so that early-start can run before the rest of the shell has loaded.
 */
export const PAGE_MODULES: Record<Exclude<Route, 'projector'>, () => Promise<{ default: ComponentType }>> = {
  sessions: () => import('../features/sessions/SessionsRoutes').then((m) => ({ default: m.SessionsRoutes })),
  followups: () => import('../features/decisions/FollowUpsPage').then((m) => ({ default: m.FollowUpsPage })),
  statistics: () => import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
  people: () => import('../features/people/PeoplePage').then((m) => ({ default: m.PeoplePage })),
  themes: () => import('../features/themes/ThemesPage').then((m) => ({ default: m.ThemesPage })),
  search: () => import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })),
  settings: () => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))
}
