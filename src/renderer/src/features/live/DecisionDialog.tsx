import { Modal } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import { DecisionForm } from '../decisions/DecisionForm'

interface Props {
  sessionId: string
  people: { value: string; label: string }[]
  onClose: () => void
  onSaved: () => void
}

/** 议定事项 recorded from the console (Y): the dialog and its form, a chunk of their own (ConsoleView loads it). */
export function DecisionDialog({ sessionId, people, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  return (
    <Modal opened onClose={onClose} title={t('live.decision.title')} size="xl" transitionProps={{ duration: 0 }}>
      <DecisionForm sessionId={sessionId} people={people} autoFocus onSaved={onSaved} />
    </Modal>
  )
}
