import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { InputOf } from '@shared/contract'
import type { FirstRun } from '@shared/domain'
import type { Result } from '@shared/result'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'

export interface FirstRunState {
  /** Undefined until read (the welcome and the walk-through wait for it). */
  firstRun: FirstRun | undefined
  update: (patch: InputOf<'firstRun:update'>) => Promise<Result<FirstRun>>
}

const FirstRunContext = createContext<FirstRunState>({ firstRun: undefined, update: (patch) => api.invoke('firstRun:update', patch) })

/**
 * The welcome and the walk-through's progress, read once for the whole shell and read again whenever core
 * announces a settings change (from this window or another): the welcome, the step card, the shell's button
 * and 设置 all show the same step.
 */
export function FirstRunProvider({ children }: { children: ReactNode }) {
  const read = useChannel('firstRun:get', {}, ['settings:changed', 'archive:restored'])
  // What this window last wrote, shown at once (the read that follows core's announcement may come later).
  const [written, setWritten] = useState<{ value: FirstRun; at: number } | null>(null)
  const update = useCallback(async (patch: InputOf<'firstRun:update'>) => {
    const result = await api.invoke('firstRun:update', patch)
    if (result.ok) setWritten({ value: result.value, at: performance.now() })
    return result
  }, [])
  const firstRun = written && written.at > read.requestedAt ? written.value : read.data
  const value = useMemo(() => ({ firstRun, update }), [firstRun, update])
  return <FirstRunContext.Provider value={value}>{children}</FirstRunContext.Provider>
}

export const useFirstRun = (): FirstRunState => useContext(FirstRunContext)
