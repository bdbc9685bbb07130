import { Badge, Card, EmptyState, Group, SimpleGrid, Text, Title } from '@mantine/core'
import { IconBooks } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'

export function ThemesPage() {
  const { t } = useTranslation()
  const themes = useChannel('themes:list', {}, ['themes:changed', 'sessions:changed'])

  return (
    <>
      <PageHeader title={t('themes.title')} description={t('themes.description')} />
      {themes.error && <ErrorNotice error={themes.error} onRetry={themes.reload} />}
      {!themes.data && !themes.error && <Loading />}
      {themes.data?.length === 0 && (
        <EmptyState mt="xl" icon={<IconBooks size={40} />} title={t('themes.emptyTitle')} description={t('themes.emptyDescription')} />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {themes.data?.map((theme) => (
          <Card key={theme.id} withBorder padding="lg">
            <Title order={3} fz="lg">
              {theme.title}
            </Title>
            {theme.description && (
              <Text c="dimmed" mt="xs" lineClamp={3}>
                {theme.description}
              </Text>
            )}
            <Group mt="md" justify="space-between">
              <Group gap={4}>
                {theme.tags.map((tag) => (
                  <Badge key={tag} variant="light">
                    {tag}
                  </Badge>
                ))}
              </Group>
              <Text size="sm" c="dimmed">
                {t('themes.sessionCount', { count: theme.sessionCount })}
              </Text>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </>
  )
}
