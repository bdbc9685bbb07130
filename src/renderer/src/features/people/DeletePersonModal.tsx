import { notifications } from '@mantine/notifications'
import { useTranslation } from '../../i18n/use-translation'
import type { Person } from '@shared/domain'
import { api } from '../../api'
import { ConfirmModal } from '../../shell/ConfirmModal'

/** Asks before deleting someone for good (only offered for people with no sessions behind them). */
export function DeletePersonModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <ConfirmModal
      title={t('people.deleteTitle', { name: person.name })}
      message={t('people.deleteMessage')}
      confirmLabel={t('people.delete')}
      danger
      onCancel={onClose}
      onConfirm={async () => {
        const result = await api.invoke('people:delete', { id: person.id })
        if (result.ok) notifications.show({ color: 'green', message: t('people.deleted', { name: person.name }) })
        onClose()
        return result
      }}
    />
  )
}
