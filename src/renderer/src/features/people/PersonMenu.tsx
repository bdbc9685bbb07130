import { notifications } from '@mantine/notifications'
import { IconArchive, IconArrowBackUp, IconTrash } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { Person } from '@shared/domain'
import { api } from '../../api'
import { MoreMenu } from '../../shell/MoreMenu'

/**
 * A row's ⋯ menu: archive or restore at once (undone the same way), delete after asking. Someone with
 * sessions behind them can only be archived, so the record of those sessions keeps its names.
 */
export function PersonMenu({ person, onDelete }: { person: Person; onDelete: () => void }) {
  const { t } = useTranslation()

  async function archive(archived: boolean): Promise<void> {
    const result = await api.invoke('people:archive', { id: person.id, archived })
    notifications.show(
      result.ok
        ? { color: 'green', message: t(archived ? 'people.archived' : 'people.restored', { name: person.name }) }
        : { color: 'red', message: t(`errors.${result.error.code}`) }
    )
  }

  return (
    <MoreMenu
      label={t('people.moreNamed', { name: person.name })}
      items={[
        person.archivedAt
          ? { label: t('people.restore'), icon: <IconArrowBackUp size={18} />, onClick: () => void archive(false) }
          : { label: t('people.archive'), icon: <IconArchive size={18} />, onClick: () => void archive(true) },
        {
          label: person.hasHistory ? t('people.cannotDelete') : t('people.delete'),
          icon: <IconTrash size={18} />,
          color: 'red',
          disabled: person.hasHistory,
          onClick: onDelete
        }
      ]}
    />
  )
}
