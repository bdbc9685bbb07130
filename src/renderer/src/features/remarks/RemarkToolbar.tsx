import { ActionIcon, Button, Chip, Group, Kbd } from '@mantine/core'
import { IconStar, IconStarFilled } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Box } from './remark-box'

interface Props {
  box: Box
  /** The quick tags of 设置, in order: Ctrl+1 is the first. */
  tags: string[]
  canSave: boolean
  saving: boolean
  onToggleTag: (tag: string) => void
  onToggleStar: () => void
  onSave: () => void
}

/** Under the remark box: the quick tags, the star and 保存记录, each with its key. */
export function RemarkToolbar({ box, tags, canSave, saving, onToggleTag, onToggleStar, onSave }: Props) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" mt="xs">
      <Group gap={6}>
        {tags.map((tag, index) => (
          <Chip key={tag} size="sm" checked={box.tags.includes(tag)} onChange={() => onToggleTag(tag)}>
            {tag} <Kbd size="xs">Ctrl {index + 1}</Kbd>
          </Chip>
        ))}
        <ActionIcon
          variant={box.starred ? 'filled' : 'default'}
          color="yellow"
          size="lg"
          aria-label={t('remarks.star')}
          aria-pressed={box.starred}
          title={`${t('remarks.star')} (Ctrl K)`}
          onClick={onToggleStar}
        >
          {box.starred ? <IconStarFilled size={18} /> : <IconStar size={18} />}
        </ActionIcon>
      </Group>
      <Button size="md" onClick={onSave} loading={saving} disabled={!canSave} rightSection={<Kbd size="xs">Enter</Kbd>}>
        {t('remarks.save')}
      </Button>
    </Group>
  )
}
