import { Button, Group, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconFileExport, IconFileImport, IconUserPlus } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import { api } from '../../api'
import { finishExport } from '../../shell/save-file'

interface Props {
  /** The export holds the archived people when the page shows them. */
  includeArchived: boolean
  onNew: () => void
  onImport: () => void
}

/** The directory's page actions: 新建人员, 导入, and 导出 as .xlsx or .csv. */
export function PeopleActions({ includeArchived, onNew, onImport }: Props) {
  const { t } = useTranslation()

  async function exportAs(format: 'xlsx' | 'csv'): Promise<void> {
    const exported = await api.invoke('people:export', { format, includeArchived })
    if (exported.ok) finishExport(exported.value)
    else notifications.show({ color: 'red', message: t(`errors.${exported.error.code}`) })
  }

  return (
    <Group>
      <Button size="md" leftSection={<IconUserPlus size={20} />} onClick={onNew}>
        {t('people.new')}
      </Button>
      <Button size="md" variant="default" leftSection={<IconFileImport size={20} />} onClick={onImport}>
        {t('people.import.button')}
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="md" variant="default" leftSection={<IconFileExport size={20} />} rightSection={<IconChevronDown size={16} />}>
            {t('people.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void exportAs('xlsx')}>{t('people.export.xlsx')}</Menu.Item>
          <Menu.Item onClick={() => void exportAs('csv')}>{t('people.export.csv')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  )
}
