import { Button, EmptyState, SimpleGrid, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBooks, IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Theme } from '@shared/domain'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { ThemeCard } from './ThemeCard'
import { ThemeFormModal } from './ThemeFormModal'

/** 主题库: the themes as cards, found by title, description or tag; new sessions are planned from a card. */
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
          <ThemeCard key={theme.id} theme={theme} onEdit={() => setEditing({ theme })} onDelete={() => setDeleting(theme)} />
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
