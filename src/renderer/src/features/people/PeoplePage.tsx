import { ActionIcon, Badge, Button, EmptyState, Group, Menu, MultiSelect, Select, Switch, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArchive,
  IconArrowBackUp,
  IconChevronDown,
  IconChevronUp,
  IconDots,
  IconFileExport,
  IconFileImport,
  IconPencil,
  IconSearch,
  IconSelector,
  IconTrash,
  IconUserPlus,
  IconUsersGroup
} from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person } from '@shared/domain'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { saveExportedFile } from '../../shell/save-file'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { ImportModal } from './ImportModal'
import { PersonFormModal } from './PersonFormModal'
import { filterPeople, placeOf, placesOf, type PeopleFilter, type Sort, type SortKey } from './people-filter'

type Editing = { person: Person | null } | null

export function PeoplePage() {
  const { t } = useTranslation()
  const settings = useSettings()
  const [showArchived, setShowArchived] = useState(false)
  const people = useChannel('people:list', { includeArchived: showArchived }, ['people:changed'])
  const [filter, setFilter] = useState<PeopleFilter>({ text: '', categories: [], place: null })
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false })
  const [editing, setEditing] = useState<Editing>(null)
  const [importing, setImporting] = useState(false)
  const [deleting, setDeleting] = useState<Person | null>(null)

  const all = useMemo(() => people.data ?? [], [people.data])
  const shown = useMemo(() => filterPeople(all, filter, sort), [all, filter, sort])
  const categoryOptions = useMemo(
    () => [...new Set([...settings.categories, ...all.flatMap((person) => person.categories)])],
    [settings.categories, all]
  )

  async function archive(person: Person, archived: boolean): Promise<void> {
    const result = await api.invoke('people:archive', { id: person.id, archived })
    notifications.show(
      result.ok
        ? { color: 'green', message: t(archived ? 'people.archived' : 'people.restored', { name: person.name }) }
        : { color: 'red', message: t(`errors.${result.error.code}`) }
    )
  }

  async function exportAs(format: 'xlsx' | 'csv'): Promise<void> {
    const result = await api.invoke('people:export', { format, includeArchived: showArchived })
    const problem = result.ok ? await saveExportedFile(result.value) : result.error
    if (problem) notifications.show({ color: 'red', message: t(`errors.${problem.code}`) })
  }

  const sortHeader = (key: SortKey, label: string) => {
    const active = sort.key === key
    const SortIcon = !active ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp
    return (
      <Table.Th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <UnstyledButton
          onClick={() => setSort({ key, descending: active ? !sort.descending : false })}
          fw={700}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {label}
          <SortIcon size={16} aria-hidden />
        </UnstyledButton>
      </Table.Th>
    )
  }

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        actions={
          <Group>
            <Button size="md" leftSection={<IconUserPlus size={20} />} onClick={() => setEditing({ person: null })}>
              {t('people.new')}
            </Button>
            <Button size="md" variant="default" leftSection={<IconFileImport size={20} />} onClick={() => setImporting(true)}>
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
        }
      />

      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          size="md"
          w={260}
          label={t('people.filters.search')}
          placeholder={t('people.filters.searchPlaceholder')}
          leftSection={<IconSearch size={18} />}
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.currentTarget.value })}
        />
        <MultiSelect
          size="md"
          w={260}
          label={t('people.filters.categories')}
          placeholder={filter.categories.length ? undefined : t('people.filters.any')}
          data={categoryOptions}
          value={filter.categories}
          onChange={(categories) => setFilter({ ...filter, categories })}
          clearable
        />
        <Select
          size="md"
          w={240}
          label={t('people.filters.place')}
          placeholder={t('people.filters.any')}
          data={placesOf(all)}
          value={filter.place}
          onChange={(place) => setFilter({ ...filter, place })}
          searchable
          clearable
        />
        <Switch
          size="md"
          mb={8}
          label={t('people.filters.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
        <Text c="dimmed" mb={8} ml="auto">
          {t('people.count', { count: shown.length })}
        </Text>
      </Group>

      {people.error && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {!people.data && !people.error && <Loading />}
      {people.data && all.length === 0 && (
        <EmptyState mt="xl" icon={<IconUsersGroup size={40} />} title={t('people.emptyTitle')} description={t('people.emptyDescription')} />
      )}
      {all.length > 0 && shown.length === 0 && <Text c="dimmed">{t('people.noMatch')}</Text>}
      {shown.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md" aria-label={t('people.title')}>
          <Table.Thead>
            <Table.Tr>
              {sortHeader('name', t('people.columns.name'))}
              <Table.Th>{t('people.columns.gender')}</Table.Th>
              {sortHeader('organisation', t('people.columns.organisation'))}
              {sortHeader('categories', t('people.columns.categories'))}
              <Table.Th>{t('people.columns.phone')}</Table.Th>
              <Table.Th w={110}>
                <VisuallyHidden>{t('people.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((person) => (
              <Table.Tr key={person.id} c={person.archivedAt ? 'dimmed' : undefined}>
                <Table.Td fw={600}>
                  {person.name}
                  {person.archivedAt && (
                    <Badge ml="xs" color="gray" variant="outline" size="sm">
                      {t('people.archivedBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`people.gender.${person.gender ?? 'unknown'}`)}</Table.Td>
                <Table.Td>{placeOf(person)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {person.categories.map((category) => (
                      <Badge key={category} variant="light" color="gray">
                        {category}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{person.phone}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      size="lg"
                      aria-label={t('people.editNamed', { name: person.name })}
                      onClick={() => setEditing({ person })}
                    >
                      <IconPencil size={20} />
                    </ActionIcon>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" size="lg" aria-label={t('people.moreNamed', { name: person.name })}>
                          <IconDots size={20} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {person.archivedAt ? (
                          <Menu.Item leftSection={<IconArrowBackUp size={18} />} onClick={() => void archive(person, false)}>
                            {t('people.restore')}
                          </Menu.Item>
                        ) : (
                          <Menu.Item leftSection={<IconArchive size={18} />} onClick={() => void archive(person, true)}>
                            {t('people.archive')}
                          </Menu.Item>
                        )}
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={18} />}
                          disabled={person.hasHistory}
                          onClick={() => setDeleting(person)}
                        >
                          {person.hasHistory ? t('people.cannotDelete') : t('people.delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {editing && <PersonFormModal person={editing.person} onClose={() => setEditing(null)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      {deleting && (
        <ConfirmModal
          title={t('people.deleteTitle', { name: deleting.name })}
          message={t('people.deleteMessage')}
          confirmLabel={t('people.delete')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const result = await api.invoke('people:delete', { id: deleting.id })
            if (result.ok) notifications.show({ color: 'green', message: t('people.deleted', { name: deleting.name }) })
            setDeleting(null)
            return result
          }}
        />
      )}
    </>
  )
}
