import { useTranslation } from '../../i18n/use-translation'
import { api } from '../../api'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { nameOf } from './live-view'
import { UnmarkedPrompt } from './UnmarkedPrompt'
import type { LiveWithView, StartEndFlow } from './use-start-end'

/**
 * The dialogs `useStartEnd` opens: about the people 未签到, and the confirmation of 结束场次. A chunk of its own,
 * loaded by LiveConsolePage when first needed (or when the browser is idle).
 */
export function StartEndDialogs({ live, flow, onGoCheckIn }: { live: LiveWithView; flow: StartEndFlow; onGoCheckIn: () => void }) {
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
