import { useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react'
import { Loading } from './Loading'
import type { ModuleLoader } from './module-loader'

/**
 * Draws the component a loader brings (module-loader.ts says why not React.lazy): at once when its code is
 * already here, else `fallback` (`Loading` unless given) until it arrives. A failed load is thrown, for the
 * page's error boundary.
 */
export function LoadedComponent<P extends object>({ loader, props, fallback = <Loading /> }: { loader: ModuleLoader<ComponentType<P>>; props: P; fallback?: ReactNode }) {
  const state = useSyncExternalStore(loader.subscribe, loader.state)
  const needed = state.status === 'idle'
  useEffect(() => {
    // Errors are shown from the state (below); this catch only keeps the promise from being reported unhandled.
    if (needed) loader.load().catch(() => undefined)
  }, [loader, needed])
  if (state.status === 'failed') throw state.error
  if (state.status !== 'loaded') return fallback
  const Component = state.value
  return <Component {...props} />
}

/**
 * Fetches the loaders' code once the page has been drawn and the browser is idle: what a page opens later (a
 * dialog, another tab) is not in its first draw, yet is there at once when asked for.
 */
export function usePreloadWhenIdle(loaders: readonly ModuleLoader<unknown>[]): void {
  useEffect(() => {
    // Within two seconds even on a busy machine: a key that opens a dialog may come soon after the page.
    const idle = requestIdleCallback(() => loaders.forEach((loader) => loader.preload()), { timeout: 2000 })
    return () => cancelIdleCallback(idle)
  }, [loaders])
}
