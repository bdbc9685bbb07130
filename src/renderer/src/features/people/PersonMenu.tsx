import { Menu } from '@mantine/core'
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
    <MoreMenu label={t('people.moreNamed', { name: person.name })}>
      {person.archivedAt ? (
        <Menu.Item leftSection={<IconArrowBackUp size={18} />} onClick={() => void archive(false)}>
          {t('people.restore')}
        </Menu.Item>
      ) : (
        <Menu.Item leftSection={<IconArchive size={18} />} onClick={() => void archive(true)}>
          {t('people.archive')}
        </Menu.Item>
      )}
      <Menu.Item color="red" leftSection={<IconTrash size={18} />} disabled={person.hasHistory} onClick={onDelete}>
        {person.hasHistory ? t('people.cannotDelete') : t('people.delete')}
      </Menu.Item>
    </MoreMenu>
  )
}
