/**
 * A page's code, loaded once and kept, whose state can be read synchronously (issue 16: the console's time to
 * interactive).
 *
 * Why not React.lazy: a lazy page suspends, its Suspense boundary shows the fallback, and the page is revealed
 * by a Suspense retry — and React 19 holds back a retry's commit until 300 ms after the last fallback it
 * showed (its FALLBACK_THROTTLE_MS, meant to stop content popping in piece by piece). The live console, opened
 * from its address, had its code ~80 ms after the shell drew its fallback, then waited ~220 ms more for
 * nothing. A page drawn through `LoadedComponent` instead shows `Loading` as ordinary content and is drawn by an
 * ordinary update once its code is here; a page whose code has already arrived (early-start.ts asks for it
 * as the app starts) is drawn at once, with no fallback at all.
 *
 * Imports nothing: early-start.ts uses it before React has been evaluated.
 */
export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; value: T }
  | { status: 'failed'; error: unknown }

export interface ModuleLoader<T> {
  /** Asks for the code (once; again after a failure) and resolves with it. */
  load(): Promise<T>
  /**
   * Asks for the code ahead of need (the page of the address, a dialog the page may open). A failure is not
   * kept unless a load() was waiting for it: whoever needs the code then asks again, and sees its own failure.
   * Resolves once the code is here or has failed to come; never rejects.
   */
  preload(): Promise<void>
  /** What is known now; the same object until it changes (useSyncExternalStore compares snapshots). */
  state(): LoadState<T>
  /** Called after each change of state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
}

const IDLE = { status: 'idle' } as const
const LOADING = { status: 'loading' } as const

export function moduleLoader<T>(importer: () => Promise<T>): ModuleLoader<T> {
  let current: LoadState<T> = IDLE
  let pending: Promise<T> | null = null
  /** A load() (not only a preload) waits for `pending`. */
  let needed = false
  const listeners = new Set<() => void>()
  const set = (next: LoadState<T>) => {
    current = next
    for (const listener of [...listeners]) listener()
  }
  const start = (): Promise<T> => {
    set(LOADING)
    pending = importer().then(
      (value) => {
        pending = null
        needed = false
        set({ status: 'loaded', value })
        return value
      },
      (error: unknown) => {
        // Kept as failed when a page waited for it: it shows its error (LoadedComponent), as React.lazy's did. A
        // later load() asks again, though a browser may answer a failed import() from memory until a reload.
        pending = null
        set(needed ? { status: 'failed', error } : IDLE)
        needed = false
        throw error
      }
    )
    return pending
  }
  return {
    load() {
      if (current.status === 'loaded') return Promise.resolve(current.value)
      needed = true
      return pending ?? start()
    },
    preload() {
      if (current.status === 'loaded') return Promise.resolve()
      return (pending ?? start()).then(
        () => undefined,
        () => undefined
      )
    },
    state: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
  }
}
