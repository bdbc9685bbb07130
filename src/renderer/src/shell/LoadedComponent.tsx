import { useEffect, useSyncExternalStore, type ComponentType } from 'react'
import { Loading } from './Loading'
import type { ModuleLoader } from './module-loader'

/**
 * Draws the component a loader brings (module-loader.ts says why not React.lazy): at once when its code is
 * already here, else `Loading` until it arrives. A failed load is thrown, for the page's error boundary.
 */
export function LoadedComponent<P extends object>({ loader, props }: { loader: ModuleLoader<ComponentType<P>>; props: P }) {
  const state = useSyncExternalStore(loader.subscribe, loader.state)
  const needed = state.status === 'idle'
  useEffect(() => {
    // Errors are shown from the state (below); this catch only keeps the promise from being reported unhandled.
    if (needed) loader.load().catch(() => undefined)
  }, [loader, needed])
  if (state.status === 'failed') throw state.error
  if (state.status !== 'loaded') return <Loading />
  const Page = state.value
  return <Page {...props} />
}
