import { EmptyState, Text } from '@mantine/core'
import { IconUsersGroup } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Person } from '@shared/domain'
import { useChannel } from '../../api/use-channel'
import { navigate, useLocation } from '../../router'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { DeletePersonModal } from './DeletePersonModal'
import { ImportModal } from './ImportModal'
import { PeopleActions } from './PeopleActions'
import { PeopleFilters } from './PeopleFilters'
import { PeopleTable } from './PeopleTable'
import { PersonFormModal } from './PersonFormModal'
import { filterPeople, placesOf, type PeopleFilter, type Sort } from './people-filter'

type Editing = { person: Person | null } | null

/** 人员: the directory, filtered and sorted in the page; each dialog opens from here and closes back to it. */
export function PeoplePage() {
  const { t } = useTranslation()
  const [showArchived, setShowArchived] = useState(false)
  const people = useChannel('people:list', { includeArchived: showArchived }, ['people:changed'])
  const [filter, setFilter] = useState<PeopleFilter>({ text: '', categories: [], place: null })
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false })
  const [editing, setEditing] = useState<Editing>(null)
  const [importing, setImporting] = useState(false)
  const [deleting, setDeleting] = useState<Person | null>(null)
  // `#/people/<id>`: a link from another page (统计) opens that person's card over the directory.
  const linkedId = useLocation().params[0] ?? null

  const all = useMemo(() => people.data ?? [], [people.data])
  const shown = useMemo(() => filterPeople(all, filter, sort), [all, filter, sort])
  const categoryOptions = useCategoryOptions(all)

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        actions={<PeopleActions includeArchived={showArchived} onNew={() => setEditing({ person: null })} onImport={() => setImporting(true)} />}
      />
      <PeopleFilters
        filter={filter}
        onFilter={setFilter}
        categoryOptions={categoryOptions}
        places={placesOf(all)}
        showArchived={showArchived}
        onShowArchived={setShowArchived}
        count={shown.length}
      />

      {people.error && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {!people.data && !people.error && <Loading />}
      {people.data && all.length === 0 && (
        <EmptyState mt="xl" icon={<IconUsersGroup size={40} />} title={t('people.emptyTitle')} description={t('people.emptyDescription')} />
      )}
      {all.length > 0 && shown.length === 0 && <Text c="dimmed">{t('people.noMatch')}</Text>}
      {shown.length > 0 && <PeopleTable people={shown} sort={sort} onSort={setSort} onEdit={(person) => setEditing({ person })} onDelete={setDeleting} />}

      {editing && <PersonFormModal person={editing.person} onClose={() => setEditing(null)} />}
      {linkedId && !editing && <LinkedPerson id={linkedId} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      {deleting && <DeletePersonModal person={deleting} onClose={() => setDeleting(null)} />}
    </>
  )
}

/** The categories in the settings, then any others people were given (e.g. by an import). */
function useCategoryOptions(people: Person[]): string[] {
  const settings = useSettings()
  return useMemo(() => [...new Set([...settings.categories, ...people.flatMap((person) => person.categories)])], [settings.categories, people])
}

/** The person a link names (archived ones too); closing the card goes back to the directory's own address. */
function LinkedPerson({ id }: { id: string }) {
  const person = useChannel('people:get', { id }, ['people:changed'])
  if (person.error) return <ErrorNotice error={person.error} onRetry={person.reload} />
  if (!person.data) return null
  return <PersonFormModal person={person.data} onClose={() => navigate('people')} />
}
