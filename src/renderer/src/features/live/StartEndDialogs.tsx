import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { attendanceGroups } from '@shared/attendance'
import type { LiveView } from '@shared/domain'
import { api } from '../../api'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { nameOf } from './live-view'
import { UnmarkedPrompt } from './UnmarkedPrompt'
import type { Live } from './use-live'

type LiveWithView = Live & { view: LiveView }

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

/** The dialogs `useStartEnd` opens: about the people 未签到, and the confirmation of 结束场次. */
export function StartEndDialogs({ live, flow, onGoCheckIn }: { live: LiveWithView; flow: ReturnType<typeof useStartEnd>; onGoCheckIn: () => void }) {
  const { t } = useTranslation()
  const { view } = live
  const { asking, setAsking, ending, setEnding } = flow
  // Done once the chosen step (and the start or the end after it) went through; the dialog stays on a refusal.
  const closeIfDone = (done: boolean): boolean => {
    if (done) setAsking(null)
    return done
  }
  const startOrEnd = (): Promise<boolean> => (asking === 'start' ? flow.start() : flow.end())
  return (
    <>
      {asking && (
        <UnmarkedPrompt
          moment={asking}
          error={live.actionError}
          names={flow.unmarked.map((entry) => nameOf(view, entry.personId))}
          onCancel={() => setAsking(null)}
          onGoCheckIn={() => {
            setAsking(null)
            onGoCheckIn()
          }}
          onEveryonePresent={async () => closeIfDone((await flow.everyonePresent()) && (await startOrEnd()))}
          onAnyway={async () => closeIfDone(await startOrEnd())}
        />
      )}
      {ending && (
        <ConfirmModal
          title={t('live.endTitle')}
          message={t('live.endMessage')}
          confirmLabel={t('live.end')}
          danger
          onCancel={() => setEnding(false)}
          onConfirm={async () => {
            const result = await api.invoke('sessions:end', { id: view.session.id })
            if (result.ok) {
              setEnding(false)
              live.reload()
            }
            return result
          }}
        />
      )}
    </>
  )
}
