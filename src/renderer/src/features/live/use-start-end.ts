import { useState } from 'react'
import { attendanceGroups } from '@shared/attendance'
import type { LiveView } from '@shared/domain'
import { api } from '../../api'
import type { Live } from './use-live'

export type LiveWithView = Live & { view: LiveView }

/**
 * 开始场次 and 结束场次. Either first asks about anyone still 未签到 (mark everyone present, go to 签到, or go
 * on anyway); with nobody unmarked, starting is immediate and ending asks to confirm.
 */
export function useStartEnd(live: LiveWithView, onStarted: () => void) {
  const sessionId = live.view.session.id
  const [asking, setAsking] = useState<'start' | 'end' | null>(null)
  const [ending, setEnding] = useState(false)
  const { unmarked } = attendanceGroups(live.view.attendance)

  const start = async (): Promise<boolean> => {
    const started = await live.run(() => api.invoke('sessions:start', { id: sessionId }))
    if (started) onStarted()
    return started
  }
  // Through live.run: a refusal (another window ended it first) is shown, not swallowed.
  const end = (): Promise<boolean> => live.run(() => api.invoke('sessions:end', { id: sessionId }))
  const everyonePresent = (): Promise<boolean> => live.run(() => api.invoke('live:checkInEveryone', { sessionId }))

  return {
    asking,
    setAsking,
    ending,
    setEnding,
    unmarked,
    start,
    end,
    everyonePresent,
    askStart: () => (unmarked.length > 0 ? setAsking('start') : void start()),
    askEnd: () => (unmarked.length > 0 ? setAsking('end') : setEnding(true))
  }
}

export type StartEndFlow = ReturnType<typeof useStartEnd>
