import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { SearchHit } from '@shared/domain'
import { nameLabels } from '@shared/people'
import { useChannel } from '../../api/use-channel'
import { chinaTimeToUtc, DAY_MS, formatDate, formatDateTime } from '../../format'
import { hrefFor } from '../../router'
import { decisionHref } from '../decisions/DecisionTable'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Highlighted } from '../../shell/Highlighted'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'

interface Filters {
  from: string | null
  to: string | null
  personId: string | null
  tag: string | null
}

export function SearchPage() {
  const { t } = useTranslation()
  const settings = useSettings()
  const [text, setText] = useState('')
  const [filters, setFilters] = useState<Filters>({ from: null, to: null, personId: null, tag: null })
  const [query] = useDebouncedValue(text.trim(), 200)
  const people = useChannel('people:list', { includeArchived: true }, ['people:changed'])
  // Two 李芳 in the directory are told apart by their place (DESIGN §9).
  const labels = nameLabels(people.data ?? [])

  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.description')} />
      <TextInput
        size="lg"
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={20} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        maxLength={100}
        autoFocus
        mb="sm"
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
        <DateInput label={t('search.from')} valueFormat="YYYY-MM-DD" clearable value={filters.from} onChange={(from) => setFilters({ ...filters, from })} />
        <DateInput label={t('search.to')} valueFormat="YYYY-MM-DD" clearable value={filters.to} onChange={(to) => setFilters({ ...filters, to })} />
        <Select
          label={t('search.person')}
          placeholder={t('people.filters.any')}
          data={(people.data ?? []).map((person) => ({ value: person.id, label: labels.get(person.id) ?? person.name }))}
          value={filters.personId}
          onChange={(personId) => setFilters({ ...filters, personId })}
          searchable
          clearable
        />
        <Select
          label={t('search.tag')}
          placeholder={t('people.filters.any')}
          data={settings.remarkTags}
          value={filters.tag}
          onChange={(tag) => setFilters({ ...filters, tag })}
          clearable
        />
      </SimpleGrid>
      {query === '' ? <Text c="dimmed">{t('search.hint')}</Text> : <SearchResults query={query} filters={filters} />}
    </>
  )
}

function SearchResults({ query, filters }: { query: string; filters: Filters }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  const hits = useChannel('search:query', {
    text: query,
    ...(filters.from ? { from: chinaTimeToUtc(filters.from, '00:00') } : {}),
    // The "to" day is included: up to the start of the next day.
    ...(filters.to ? { to: chinaTimeToUtc(filters.to, '00:00') + DAY_MS } : {}),
    ...(filters.personId ? { personId: filters.personId } : {}),
    ...(filters.tag ? { tag: filters.tag } : {})
  })
  if (hits.error) return <ErrorNotice error={hits.error} onRetry={hits.reload} />
  if (!hits.data) return null
  if (hits.data.length === 0) return <Text c="dimmed">{t('search.noResults', { query })}</Text>
  // A decision is shown by its owner (the snippet holds its text), and its `at` is its due date.
  const titleOf = (hit: SearchHit): string => {
    if (hit.kind !== 'decision') return hit.title
    return hit.title ? t('search.decisionOwner', { owner: hit.title }) : t('search.decisionNoOwner')
  }
  const whenOf = (hit: SearchHit, at: number): string =>
    hit.kind === 'decision' ? t('search.decisionDue', { date: formatDate(at, language) }) : formatDateTime(at, language)
  return (
    <Stack gap="sm" aria-live="polite">
      <Text c="dimmed">{t('search.resultCount', { count: hits.data.length })}</Text>
      {hits.data.map((hit) => (
        <Card key={`${hit.kind}:${hit.id}`} withBorder padding="md" data-testid="search-hit">
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <Badge variant="light">{t(`search.kinds.${hit.kind}`)}</Badge>
              <Anchor href={linkOf(hit)} fw={600} c="inherit">
                {titleOf(hit)}
              </Anchor>
              {hit.tags?.map((tag) => (
                <Badge key={tag} size="sm" variant="outline">
                  {tag}
                </Badge>
              ))}
            </Group>
            {hit.at !== undefined && (
              <Text size="sm" c="dimmed">
                {whenOf(hit, hit.at)}
              </Text>
            )}
          </Group>
          {hit.snippet && (
            <Text size="sm" mt={4}>
              <Highlighted snippet={hit.snippet} />
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  )
}

/** Opening a remark or a decision opens its session at that remark or decision. */
function linkOf(hit: SearchHit): string {
  if (hit.kind === 'remark' && hit.sessionId) return hrefFor('sessions', hit.sessionId, 'remark', hit.id)
  if (hit.kind === 'decision' && hit.sessionId) return decisionHref(hit.sessionId, hit.id)
  if (hit.kind === 'session') return hrefFor('sessions', hit.id)
  if (hit.kind === 'theme') return hrefFor('themes')
  return hrefFor('people')
}
