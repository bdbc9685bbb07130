import { ActionIcon, Badge, Group, Table, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconPencil, IconSelector } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { Person } from '@shared/domain'
import { PersonMenu } from './PersonMenu'
import { placeOf, type Sort, type SortKey } from './people-filter'

interface Props {
  /** Already filtered and sorted. */
  people: Person[]
  sort: Sort
  onSort: (sort: Sort) => void
  onEdit: (person: Person) => void
  onDelete: (person: Person) => void
}

/** The directory as a table; name, place and categories sort by their header. */
export function PeopleTable({ people, sort, onSort, onEdit, onDelete }: Props) {
  const { t } = useTranslation()
  const header = { sort, onSort }
  return (
    <Table striped highlightOnHover verticalSpacing="sm" fz="md" aria-label={t('people.title')}>
      <Table.Thead>
        <Table.Tr>
          <SortHeader {...header} sortKey="name" label={t('people.columns.name')} />
          <Table.Th>{t('people.columns.gender')}</Table.Th>
          <SortHeader {...header} sortKey="organisation" label={t('people.columns.organisation')} />
          <SortHeader {...header} sortKey="categories" label={t('people.columns.categories')} />
          <Table.Th>{t('people.columns.phone')}</Table.Th>
          <Table.Th w={110}>
            <VisuallyHidden>{t('people.columns.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <PersonRow key={person.id} person={person} onEdit={onEdit} onDelete={onDelete} />
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** A header that sorts by its column: ascending first, a second click turns it round. */
function SortHeader({ sort, onSort, sortKey, label }: Pick<Props, 'sort' | 'onSort'> & { sortKey: SortKey; label: string }) {
  const active = sort.key === sortKey
  const SortIcon = !active ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp
  return (
    <Table.Th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort({ key: sortKey, descending: active ? !sort.descending : false })}
        fw={700}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        {label}
        <SortIcon size={16} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  )
}

function PersonRow({ person, onEdit, onDelete }: { person: Person } & Pick<Props, 'onEdit' | 'onDelete'>) {
  const { t } = useTranslation()
  return (
    <Table.Tr c={person.archivedAt ? 'dimmed' : undefined}>
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
          <ActionIcon variant="subtle" size="lg" aria-label={t('people.editNamed', { name: person.name })} onClick={() => onEdit(person)}>
            <IconPencil size={20} />
          </ActionIcon>
          <PersonMenu person={person} onDelete={() => onDelete(person)} />
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
