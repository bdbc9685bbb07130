import { ActionIcon, Badge, Button, Card, Group, Text, Title } from '@mantine/core'
import { IconCalendarPlus, IconPencil, IconTrash } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { Theme } from '@shared/domain'
import { navigate } from '../../router'
import { MoreMenu } from '../../shell/MoreMenu'

interface Props {
  theme: Theme
  onEdit: () => void
  /** Only offered while no session uses the theme. */
  onDelete: () => void
}

/** One theme of the library: what it is about, its tags, how often it was used, and a session to plan with it. */
export function ThemeCard({ theme, onEdit, onDelete }: Props) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="lg" component="article" aria-label={theme.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} fz="lg">
          {theme.title}
        </Title>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" size="lg" aria-label={t('themes.editNamed', { title: theme.title })} onClick={onEdit}>
            <IconPencil size={20} />
          </ActionIcon>
          <MoreMenu
            label={t('themes.moreNamed', { title: theme.title })}
            items={[
              {
                label: theme.sessionCount > 0 ? t('themes.cannotDelete') : t('themes.delete'),
                icon: <IconTrash size={18} />,
                color: 'red',
                disabled: theme.sessionCount > 0,
                onClick: onDelete
              }
            ]}
          />
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
  )
}
