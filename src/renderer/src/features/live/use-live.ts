import { useCallback, useEffect, useRef, useState } from 'react'
import type { LiveAction } from '@shared/contract'
import type { LiveView } from '@shared/domain'
import { withAnswer } from '@shared/live-answers'
import type { AppError, Result } from '@shared/result'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'

type Call = () => Promise<Result<unknown>>

export interface Live {
  view: LiveView | undefined
  error: AppError | undefined
  reload: () => void
  /** The last refused or failed action, shown until the next one succeeds. */
  actionError: AppError | undefined
  busy: boolean
  /**
   * Queues a write. `decide` runs when the writes before it are committed, with the state they left,
   * so fast key presses each count once, in order, against the state they will really meet.
   */
  perform: (decide: (view: LiveView) => Call | null) => Promise<boolean>
  act: (action: LiveAction) => Promise<boolean>
  run: (call: Call) => Promise<boolean>
}

/**
 * The live session as core has committed it. Every action goes to core first and the screen shows the
 * state core answers with (write-through); other windows follow through `session:changed`.
 */
export function useLive(sessionId: string): Live {
  const loaded = useChannel('live:get', { sessionId }, ['session:changed', 'people:changed'])
  // A session read before the page was drawn (prefetch.ts) is shown in the page's first draw: started empty and
  // filled by the effect below, the page drew its loader first and the console in a second pass (issue 16).
  const [latest, setLatest] = useState<LiveView | undefined>(loaded.data)
  const [actionError, setActionError] = useState<AppError>()
  const [busy, setBusy] = useState(false)
  const viewRef = useRef<LiveView | undefined>(loaded.data)
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  /** When this window last showed what an action of its own returned. */
  const actedAt = useRef(0)

  const show = useCallback((view: LiveView | undefined) => {
    viewRef.current = view
    setLatest(view)
  }, [])
  // A reload after a change event (from this window or another) is committed state too — unless it was
  // asked for before our own last action answered: then it may predate that action and must not undo it on screen.
  useEffect(() => {
    if (loaded.requestedAt >= actedAt.current) show(loaded.data)
  }, [loaded.data, loaded.requestedAt, show])

  const perform = useCallback(
    (decide: (view: LiveView) => Call | null): Promise<boolean> => {
      const step = chain.current.then(async () => {
        const view = viewRef.current
        const call = view ? decide(view) : null
        if (!call) return false
        setBusy(true)
        const result = await call()
        setBusy(false)
        if (!result.ok) {
          setActionError(result.error)
          return false
        }
        setActionError(undefined)
        const next = withAnswer(viewRef.current, result.value)
        if (next) {
          actedAt.current = performance.now()
          show(next)
        }
        return true
      })
      chain.current = step
      return step
    },
    [show]
  )

  const run = useCallback((call: Call) => perform(() => call), [perform])
  const act = useCallback((action: LiveAction) => run(() => api.invoke('live:act', { sessionId, action })), [run, sessionId])

  return { view: latest, error: loaded.error, reload: loaded.reload, actionError, busy, perform, act, run }
}

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
