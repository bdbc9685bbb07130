import { useCallback, useEffect, useRef, useState } from 'react'
import type { Channel, InputOf, OutputOf } from '@shared/contract'
import type { ChangeEventName } from '@shared/events'
import type { AppError, Result } from '@shared/result'
import { api } from './index'
import { changeCount, takeArrived, takePrefetched } from './prefetch'

export interface ChannelState<T> {
  data: T | undefined
  error: AppError | undefined
  loading: boolean
  /** When the request that brought `data` was sent (performance.now()), to tell an older answer from a newer one. */
  requestedAt: number
  reload: () => void
}

/**
 * Reads a channel and reads it again whenever one of `refreshOn` is announced by core,
 * so every page shows what is committed, whichever window or tab changed it.
 */
export function useChannel<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  refreshOn: ChangeEventName[] = []
): ChannelState<OutputOf<C>> {
  const inputKey = JSON.stringify(input)
  // An answer asked for early that has already arrived (prefetch.ts) is the first state: no empty first draw.
  const [arrived] = useState(() => takeArrived(channel, inputKey))
  const [state, setState] = useState<Omit<ChannelState<OutputOf<C>>, 'reload'>>(() =>
    arrived ? stateOf(arrived.result, arrived.requestedAt) : { data: undefined, error: undefined, loading: true, requestedAt: 0 }
  )
  const request = useRef(0)
  // …and the first load is then not needed, unless the input has changed since, or core announced a change
  // before this page listened for them (below).
  const startedWith = useRef(arrived ? { inputKey, changesSeen: arrived.changesSeen } : null)

  const load = useCallback(() => {
    const id = ++request.current
    setState((previous) => ({ ...previous, loading: true }))
    // The first read may have been asked for already, with the page's code (prefetch.ts).
    const { answer, requestedAt } = (id === 1 && takePrefetched(channel, inputKey)) || {
      answer: api.invoke(channel, JSON.parse(inputKey) as InputOf<C>),
      requestedAt: performance.now()
    }
    void answer.then((result) => {
      if (id !== request.current) return // a newer request has been sent
      setState(stateOf(result, requestedAt))
    })
  }, [channel, inputKey])

  useEffect(() => {
    const started = startedWith.current
    startedWith.current = null
    if (started && started.inputKey === inputKey && started.changesSeen === changeCount()) {
      request.current += 1 // as if loaded: a later load is not the first, and asks core
      return
    }
    load()
  }, [load, inputKey])

  const refreshKey = refreshOn.join(',')
  useEffect(() => {
    const names = refreshKey ? (refreshKey.split(',') as ChangeEventName[]) : []
    const unsubscribes = names.map((name) => api.listen(name, load))
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe())
  }, [refreshKey, load])

  return { ...state, reload: load }
}

function stateOf<T>(result: Result<T>, requestedAt: number): Omit<ChannelState<T>, 'reload'> {
  return result.ok
    ? { data: result.value, error: undefined, loading: false, requestedAt }
    : { data: undefined, error: result.error, loading: false, requestedAt }
}
