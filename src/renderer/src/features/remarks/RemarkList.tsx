import { Badge, Group, Paper, Select, Stack, Text } from '@mantine/core'
import { IconFileCheck, IconStarFilled } from '@tabler/icons-react'
import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Remark } from '@shared/domain'
import { api } from '../../api'
import type { PersonOption } from '../../common/person-labels'
import { RemarkEditor, RemarkMenu } from './RemarkActions'
import classes from './remarks.module.css'

interface Props {
  remarks: Remark[]
  people: PersonOption[]
  /** Speakers' names as the session shows them (with their place beside a namesake); else the stored name. */
  names?: ReadonlyMap<string, string>
  /** A remark to show and mark (opened from 搜索). */
  highlightId?: string
}

/**
 * The remarks grouped by speaker, in speaking order: edit, re-assign, mark 入纪要, delete (with 撤销).
 * Memoised: the remark box above it re-renders on every keystroke, and a long session's list must not
 * (issue 16: keystroke to paint ≤ 16 ms with 500 remarks on screen).
 */
export const RemarkList = memo(function RemarkList({ remarks, people, names, highlightId }: Props) {
  const { t } = useTranslation()
  if (remarks.length === 0) return <Text c="dimmed">{t('remarks.empty')}</Text>
  const groups: { speakerId: string; speakerName: string; remarks: Remark[] }[] = []
  for (const remark of remarks) {
    const last = groups.at(-1)
    if (last && last.speakerId === remark.speakerId) last.remarks.push(remark)
    else groups.push({ speakerId: remark.speakerId, speakerName: remark.speakerName, remarks: [remark] })
  }
  return (
    <Stack gap="xs" aria-label={t('remarks.list')} role="list">
      {groups.map((group, index) => (
        <Paper key={`${group.speakerId}-${index}`} withBorder p="xs" role="listitem">
          <Text fw={700} mb={4}>
            {names?.get(group.speakerId) ?? group.speakerName}
          </Text>
          <Stack gap={6}>
            {group.remarks.map((remark) => (
              <RemarkItem key={remark.id} remark={remark} people={people} highlighted={remark.id === highlightId} />
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  )
})

function RemarkItem({ remark, people, highlighted }: { remark: Remark; people: PersonOption[]; highlighted: boolean }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [reassigning, setReassigning] = useState(false)

  if (editing) return <RemarkEditor remark={remark} onDone={() => setEditing(false)} />

  return (
    <Group
      align="flex-start"
      wrap="nowrap"
      gap="xs"
      data-testid="remark"
      className={classes.item}
      id={`remark-${remark.id}`}
      data-highlighted={highlighted || undefined}
      bg={highlighted ? 'yellow.1' : undefined}
      ref={(element) => {
        if (highlighted && element) element.scrollIntoView({ block: 'center' })
      }}
    >
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          {remark.starred && <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-label={t('remarks.star')} />} {remark.text}
        </Text>
        {(remark.forMinutes || remark.tags.length > 0) && (
          <Group gap={4}>
            {remark.forMinutes && (
              // Filled, unlike the tags: the one mark the 会议纪要 reads. Its text names it for everyone.
              <Badge size="sm" color="teal" leftSection={<IconFileCheck size={12} aria-hidden />} data-testid="remark-for-minutes">
                {t('remarks.forMinutes')}
              </Badge>
            )}
            {remark.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        {reassigning && (
          <Select
            size="xs"
            w={180}
            aria-label={t('remarks.reassignTo')}
            data={people}
            value={remark.speakerId}
            searchable
            onChange={async (speakerId) => {
              if (speakerId && speakerId !== remark.speakerId) await api.invoke('remarks:update', { id: remark.id, speakerId })
              setReassigning(false)
            }}
          />
        )}
      </Stack>
      <RemarkMenu remark={remark} onEdit={() => setEditing(true)} onReassign={() => setReassigning(true)} />
    </Group>
  )
}
