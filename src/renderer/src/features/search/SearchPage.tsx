import { Badge, Card, Group, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { PageHeader } from '../../shell/PageHeader'

export function SearchPage() {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text.trim(), 200)

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
        mb="lg"
      />
      {query === '' ? <Text c="dimmed">{t('search.hint')}</Text> : <SearchResults query={query} />}
    </>
  )
}

function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation()
  const hits = useChannel('search:query', { text: query })
  if (hits.error) return <ErrorNotice error={hits.error} onRetry={hits.reload} />
  if (!hits.data) return null
  if (hits.data.length === 0) return <Text c="dimmed">{t('search.noResults', { query })}</Text>
  return (
    <Stack gap="sm" aria-live="polite">
      <Text c="dimmed">{t('search.resultCount', { count: hits.data.length })}</Text>
      {hits.data.map((hit) => (
        <Card key={`${hit.kind}:${hit.id}`} withBorder padding="md">
          <Group gap="sm">
            <Badge variant="light">{t(`search.kinds.${hit.kind}`)}</Badge>
            <Text fw={600}>{hit.title}</Text>
          </Group>
          {hit.snippet && (
            <Text size="sm" c="dimmed" mt={4}>
              {hit.snippet}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  )
}
