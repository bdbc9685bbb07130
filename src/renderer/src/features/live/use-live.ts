import { useCallback, useEffect, useRef, useState } from 'react'
import type { LiveAction } from '@shared/contract'
import type { LiveView } from '@shared/domain'
import type { AppError } from '@shared/result'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'

export interface Live {
  view: LiveView | undefined
  error: AppError | undefined
  reload: () => void
  /** The last refused or failed action, shown until the next one succeeds. */
  actionError: AppError | undefined
  busy: boolean
  act: (action: LiveAction) => Promise<void>
  undo: () => Promise<void>
  run: (call: () => ReturnType<typeof api.invoke>) => Promise<boolean>
}

/**
 * The live session as core has committed it. Every action goes to core first and the screen shows the
 * state core answers with (write-through); other windows follow through `session:changed`.
 */
export function useLive(sessionId: string): Live {
  const loaded = useChannel('live:get', { sessionId }, ['session:changed', 'people:changed'])
  const [latest, setLatest] = useState<LiveView>()
  const [actionError, setActionError] = useState<AppError>()
  const [busy, setBusy] = useState(false)
  const pending = useRef(false)

  // Whichever is newer: what this window's last action returned, or what a change event made us reload.
  useEffect(() => setLatest(loaded.data), [loaded.data])

  const run = useCallback(async (call: () => ReturnType<typeof api.invoke>): Promise<boolean> => {
    // One action at a time: a second key press while the first is being written is dropped, not queued.
    if (pending.current) return false
    pending.current = true
    setBusy(true)
    const result = await call()
    pending.current = false
    setBusy(false)
    if (!result.ok) {
      setActionError(result.error)
      return false
    }
    setActionError(undefined)
    if (isLiveView(result.value)) setLatest(result.value)
    return true
  }, [])

  const act = useCallback(async (action: LiveAction) => void (await run(() => api.invoke('live:act', { sessionId, action }))), [run, sessionId])
  const undo = useCallback(async () => void (await run(() => api.invoke('live:undo', { sessionId }))), [run, sessionId])

  return { view: latest, error: loaded.error, reload: loaded.reload, actionError, busy, act, undo, run }
}

const isLiveView = (value: unknown): value is LiveView =>
  typeof value === 'object' && value !== null && 'state' in value && 'attendance' in value

/** Core's clock, ticking here: stored times are core's, so elapsed times are counted against it. */
export function useCoreClock(coreNow: number | undefined, intervalMs = 250): number {
  const offset = useRef(0)
  useEffect(() => {
    if (coreNow !== undefined) offset.current = coreNow - Date.now()
  }, [coreNow])
  const [now, setNow] = useState(() => Date.now() + offset.current)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset.current), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return coreNow !== undefined ? Math.max(now, coreNow) : now
}
