import { Group, MultiSelect, Select, Switch, Text, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { PeopleFilter } from './people-filter'

interface Props {
  filter: PeopleFilter
  onFilter: (filter: PeopleFilter) => void
  categoryOptions: string[]
  places: string[]
  showArchived: boolean
  onShowArchived: (show: boolean) => void
  /** How many people the filter lets through. */
  count: number
}

/** The bar above the directory: text, categories, place, archived ones, and how many are shown. */
export function PeopleFilters({ filter, onFilter, categoryOptions, places, showArchived, onShowArchived, count }: Props) {
  const { t } = useTranslation()
  return (
    <Group mb="md" align="flex-end" wrap="wrap">
      <TextInput
        size="md"
        w={260}
        label={t('people.filters.search')}
        placeholder={t('people.filters.searchPlaceholder')}
        leftSection={<IconSearch size={18} />}
        value={filter.text}
        onChange={(event) => onFilter({ ...filter, text: event.currentTarget.value })}
      />
      <MultiSelect
        size="md"
        w={260}
        label={t('people.filters.categories')}
        placeholder={filter.categories.length ? undefined : t('people.filters.any')}
        data={categoryOptions}
        value={filter.categories}
        onChange={(categories) => onFilter({ ...filter, categories })}
        clearable
      />
      <Select
        size="md"
        w={240}
        label={t('people.filters.place')}
        placeholder={t('people.filters.any')}
        data={places}
        value={filter.place}
        onChange={(place) => onFilter({ ...filter, place })}
        searchable
        clearable
      />
      <Switch
        size="md"
        mb={8}
        label={t('people.filters.showArchived')}
        checked={showArchived}
        onChange={(event) => onShowArchived(event.currentTarget.checked)}
      />
      <Text c="dimmed" mb={8} ml="auto">
        {t('people.count', { count })}
      </Text>
    </Group>
  )
}
