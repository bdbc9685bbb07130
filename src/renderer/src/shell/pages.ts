import type { ComponentType } from 'react'
import type { Route } from '../router'
import { moduleLoader, type ModuleLoader } from './module-loader'

/** The pages that are chunks of their own: 场次's routes (features/sessions/SessionsRoutes.tsx) are part of the shell. */
export type PageRoute = Exclude<Route, 'projector' | 'sessions'>

/**
 * Each page is its own chunk, loaded when first opened: the entry holds the shell only (issue 16's budget).
 * The page of the address the app opens at is asked for at once (early-start.ts), with the shell. This
 * module imports nothing else, so that early-start can run before the rest of the shell has loaded.
 * 场次's routes are not here: a few lines that choose which of 场次's pages (each a chunk) to draw, in the shell's
 * chunk (AppLayout), so that the app's first screen and the console opened from its address need one file fewer.
 */
export const PAGE_MODULES: Record<PageRoute, ModuleLoader<ComponentType>> = {
  followups: moduleLoader(() => import('../features/decisions/FollowUpsPage').then((m) => m.FollowUpsPage)),
  statistics: moduleLoader(() => import('../features/statistics/StatisticsPage').then((m) => m.StatisticsPage)),
  people: moduleLoader(() => import('../features/people/PeoplePage').then((m) => m.PeoplePage)),
  themes: moduleLoader(() => import('../features/themes/ThemesPage').then((m) => m.ThemesPage)),
  search: moduleLoader(() => import('../features/search/SearchPage').then((m) => m.SearchPage)),
  settings: moduleLoader(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage))
}

/** The list of sessions (场次), the app's first screen, a chunk of its own under 场次 (SessionsRoutes.tsx: why). */
export const SESSIONS_LIST_MODULE = moduleLoader(() => import('../features/sessions/SessionsPage').then((m) => m.SessionsPage))

/** The live console, a chunk of its own under 场次 (a restart in the middle of a session opens it from its address). */
export const LIVE_CONSOLE_MODULE = moduleLoader(() => import('../features/live/LiveConsolePage').then((m) => m.LiveConsolePage))

/**
 * The console's 签到 tab, a chunk of its own: not in the first draw of a live session's console, but the first
 * thing shown before the session starts (early-start.ts asks for it then, with the console).
 */
export const CHECK_IN_MODULE = moduleLoader(() => import('../features/live/CheckInPanel').then((m) => m.CheckInPanel))
