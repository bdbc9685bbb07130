import { useCallback, useState } from 'react'
import type { Channel, InputOf, OutputOf } from '@shared/contract'
import type { AppError, Result } from '@shared/result'
import { api } from './index'

export interface Action<C extends Channel> {
  run: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>
  running: boolean
  /** The last failure, kept until the next run (for messages beside fields). */
  error: AppError | undefined
  reset: () => void
}

/** A write through the contract, with its running state and last error for the form that sent it. */
export function useAction<C extends Channel>(channel: C): Action<C> {
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<AppError>()
  const run = useCallback(
    async (input: InputOf<C>) => {
      setRunning(true)
      setError(undefined)
      const result = await api.invoke(channel, input)
      setRunning(false)
      if (!result.ok) setError(result.error)
      return result
    },
    [channel]
  )
  return { run, running, error, reset: useCallback(() => setError(undefined), []) }
}
