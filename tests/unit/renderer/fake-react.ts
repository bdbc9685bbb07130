/**
 * Just enough of React's hooks to run a hook in node: the unit tests have no DOM to render into and no
 * testing library (and take no new dependencies). `renderHook` calls the hook again for each render with
 * its state kept in call order, as React does; a state change makes the next read of `current` render
 * again, as React renders again after an event. Effects, context and concurrent rendering are not here:
 * a hook that needs them is not for this harness. Used with `vi.mock('react', …)`.
 */

interface Rendering {
  slots: unknown[]
  cursor: number
  stale: boolean
}

interface Memo {
  value: unknown
  deps: readonly unknown[]
}

let rendering: Rendering | undefined

function active(): Rendering {
  if (!rendering) throw new Error('A hook was called outside renderHook')
  return rendering
}

function useState<T>(initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void] {
  const current = active()
  const index = current.cursor++
  if (!(index in current.slots)) current.slots[index] = typeof initial === 'function' ? (initial as () => T)() : initial
  const set = (next: T | ((previous: T) => T)): void => {
    current.slots[index] = typeof next === 'function' ? (next as (previous: T) => T)(current.slots[index] as T) : next
    current.stale = true
  }
  return [current.slots[index] as T, set]
}

function useMemo<T>(make: () => T, deps: readonly unknown[]): T {
  const current = active()
  const index = current.cursor++
  const previous = current.slots[index] as Memo | undefined
  if (!previous || previous.deps.length !== deps.length || previous.deps.some((dep, i) => !Object.is(dep, deps[i]))) {
    current.slots[index] = { value: make(), deps } satisfies Memo
  }
  return (current.slots[index] as Memo).value as T
}

const useCallback = <T>(callback: T, deps: readonly unknown[]): T => useMemo(() => callback, deps)

export const fakeReact = { useState, useMemo, useCallback }

/** Renders `hook` once; `current` is its latest result, rendered again first when its state has changed. */
export function renderHook<T>(hook: () => T): { readonly current: T } {
  const state: Rendering = { slots: [], cursor: 0, stale: false }
  let result!: T
  const render = (): void => {
    rendering = state
    state.cursor = 0
    state.stale = false
    try {
      result = hook()
    } finally {
      rendering = undefined
    }
  }
  render()
  return {
    get current() {
      if (state.stale) render()
      return result
    }
  }
}
