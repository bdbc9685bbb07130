import { ActionIcon, Button, Chip, Group, Kbd } from '@mantine/core'
import { IconFileCheck, IconStar, IconStarFilled } from '@tabler/icons-react'
import { memo } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { MARK_KEYS } from './remark-box'

interface Props {
  /** The box's marks (not its text: the toolbar does not draw again on every key). */
  selectedTags: readonly string[]
  starred: boolean
  forMinutes: boolean
  /** The quick tags of 设置, in order: Ctrl+1 is the first. */
  tags: string[]
  canSave: boolean
  saving: boolean
  onToggleTag: (tag: string) => void
  onToggleStar: () => void
  onToggleForMinutes: () => void
  onSave: () => void
}

/** Under the remark box: the quick tags, the star, 入纪要 and 保存记录, each with its key. */
export const RemarkToolbar = memo(function RemarkToolbar({
  selectedTags,
  starred,
  forMinutes,
  tags,
  canSave,
  saving,
  onToggleTag,
  onToggleStar,
  onToggleForMinutes,
  onSave
}: Props) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" mt="xs">
      <Group gap={6}>
        {tags.map((tag, index) => (
          <Chip key={tag} size="sm" checked={selectedTags.includes(tag)} onChange={() => onToggleTag(tag)}>
            {tag} <Kbd size="xs">Ctrl {index + 1}</Kbd>
          </Chip>
        ))}
        <ActionIcon
          variant={starred ? 'filled' : 'default'}
          color="yellow"
          size="lg"
          aria-label={t('remarks.star')}
          aria-pressed={starred}
          title={`${t('remarks.star')} (${MARK_KEYS.star.shown})`}
          onClick={onToggleStar}
        >
          {starred ? <IconStarFilled size={18} /> : <IconStar size={18} />}
        </ActionIcon>
        <Button
          variant={forMinutes ? 'filled' : 'default'}
          color="teal"
          size="compact-md"
          aria-pressed={forMinutes}
          title={t('remarks.forMinutesHint', { key: MARK_KEYS.forMinutes.shown })}
          leftSection={<IconFileCheck size={16} />}
          rightSection={<Kbd size="xs">{MARK_KEYS.forMinutes.shown}</Kbd>}
          onClick={onToggleForMinutes}
        >
          {t('remarks.forMinutes')}
        </Button>
      </Group>
      <Button size="md" onClick={onSave} loading={saving} disabled={!canSave} rightSection={<Kbd size="xs">Enter</Kbd>}>
        {t('remarks.save')}
      </Button>
    </Group>
  )
})
