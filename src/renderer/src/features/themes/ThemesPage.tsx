import { ActionIcon, Badge, Button, Card, EmptyState, Group, Menu, SimpleGrid, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBooks, IconCalendarPlus, IconDots, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Theme } from '@shared/domain'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { navigate } from '../../router'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { ThemeFormModal } from './ThemeFormModal'

export function ThemesPage() {
  const { t } = useTranslation()
  const themes = useChannel('themes:list', {}, ['themes:changed', 'sessions:changed'])
  const [editing, setEditing] = useState<{ theme: Theme | null } | null>(null)
  const [deleting, setDeleting] = useState<Theme | null>(null)
  const [text, setText] = useState('')
  const query = text.trim().toLowerCase()
  const shown = (themes.data ?? []).filter(
    (theme) => !query || [theme.title, theme.description, ...theme.tags].some((field) => field.toLowerCase().includes(query))
  )

  return (
    <>
      <PageHeader
        title={t('themes.title')}
        description={t('themes.description')}
        actions={
          <Button size="md" leftSection={<IconPlus size={20} />} onClick={() => setEditing({ theme: null })}>
            {t('themes.new')}
          </Button>
        }
      />
      {themes.data && themes.data.length > 0 && (
        <TextInput
          size="md"
          w={320}
          mb="md"
          label={t('themes.find')}
          leftSection={<IconSearch size={18} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      )}
      {themes.error && <ErrorNotice error={themes.error} onRetry={themes.reload} />}
      {!themes.data && !themes.error && <Loading />}
      {themes.data?.length === 0 && (
        <EmptyState mt="xl" icon={<IconBooks size={40} />} title={t('themes.emptyTitle')} description={t('themes.emptyDescription')} />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {shown.map((theme) => (
          <Card key={theme.id} withBorder padding="lg" component="article" aria-label={theme.title}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={2} fz="lg">
                {theme.title}
              </Title>
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" size="lg" aria-label={t('themes.editNamed', { title: theme.title })} onClick={() => setEditing({ theme })}>
                  <IconPencil size={20} />
                </ActionIcon>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <ActionIcon variant="subtle" size="lg" aria-label={t('themes.moreNamed', { title: theme.title })}>
                      <IconDots size={20} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item color="red" leftSection={<IconTrash size={18} />} disabled={theme.sessionCount > 0} onClick={() => setDeleting(theme)}>
                      {theme.sessionCount > 0 ? t('themes.cannotDelete') : t('themes.delete')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>
            {theme.description && (
              <Text c="dimmed" mt="xs" lineClamp={3}>
                {theme.description}
              </Text>
            )}
            {theme.references.length > 0 && (
              <Text size="sm" mt="xs" lineClamp={2}>
                {t('themes.referencesLine', { references: theme.references.join(';') })}
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
              <Group gap="sm">
                <Text size="sm" c="dimmed">
                  {t('themes.sessionCount', { count: theme.sessionCount })}
                </Text>
                <Button size="sm" variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={() => navigate('sessions', 'new', 'theme', theme.id)}>
                  {t('themes.planSession')}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {editing && <ThemeFormModal theme={editing.theme} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmModal
          title={t('themes.deleteTitle', { title: deleting.title })}
          message={t('themes.deleteMessage')}
          confirmLabel={t('themes.delete')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const result = await api.invoke('themes:delete', { id: deleting.id })
            if (result.ok) {
              notifications.show({ color: 'green', message: t('themes.deleted', { title: deleting.title }) })
              setDeleting(null)
            }
            return result
          }}
        />
      )}
    </>
  )
}
