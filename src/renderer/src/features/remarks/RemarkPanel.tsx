import { ActionIcon, Badge, Button, Chip, Group, Kbd, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconStar, IconStarFilled } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LiveView, RemarkDraft } from '@shared/domain'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { useSettings } from '../../shell/settings-context'
import { personOf } from '../live/live-view'
import { RemarkList } from './RemarkList'

/** The draft is written at most this often while typing, so at least once a second. */
const DRAFT_EVERY_MS = 500

interface Box {
  text: string
  tags: string[]
  starred: boolean
  /** The speaker the remark was started for: it stays theirs when the mic passes. */
  speakerId: string | null
  turnId: string | null
}

const EMPTY: Box = { text: '', tags: [], starred: false, speakerId: null, turnId: null }

/**
 * The note-taker's box, bound to the current speaker. Enter saves (保存记录), Shift+Enter is a new line,
 * Ctrl+1… toggles the quick tags and Ctrl+K the star. What is typed is kept as a draft in the database.
 */
export function RemarkPanel({ view }: { view: LiveView }) {
  const { t } = useTranslation()
  const { remarkTags } = useSettings()
  const sessionId = view.session.id
  const [box, setBox] = useState<Box>(EMPTY)
  const [restored, setRestored] = useState(false)
  const [saving, setSaving] = useState(false)
  const remarks = useChannel('remarks:list', { sessionId }, ['remarks:changed'])
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(box)
  latest.current = box

  // After a restart (or a power cut) the box comes back as it was.
  useEffect(() => {
    void api.invoke('drafts:get', { sessionId }).then((result) => {
      if (result.ok && result.value) setBox(fromDraft(result.value))
      setRestored(true)
    })
  }, [sessionId])

  const writeDraft = useCallback(() => {
    pending.current = null
    const { text, tags, starred, speakerId, turnId } = latest.current
    void api.invoke('drafts:save', { sessionId, speakerId, turnId, text, tags, starred })
  }, [sessionId])

  useEffect(() => {
    if (!restored || pending.current) return
    pending.current = setTimeout(writeDraft, DRAFT_EVERY_MS)
  }, [box, restored, writeDraft])
  useEffect(
    () => () => {
      if (pending.current) {
        clearTimeout(pending.current)
        writeDraft()
      }
    },
    [writeDraft]
  )

  const current = view.state.current
  const boundTo = box.speakerId ?? current?.personId ?? null
  const speaker = personOf(view, boundTo ?? undefined)

  function type(text: string): void {
    setBox((previous) => {
      // The first character binds the remark to whoever holds the mic now; an emptied box lets go.
      if (text.trim() === '') return { ...previous, text, speakerId: previous.tags.length || previous.starred ? previous.speakerId : null, turnId: null }
      if (previous.speakerId) return { ...previous, text }
      return { ...previous, text, speakerId: current?.personId ?? null, turnId: current?.id ?? null }
    })
  }

  const toggleTag = (tag: string): void =>
    setBox((previous) => ({ ...previous, tags: previous.tags.includes(tag) ? previous.tags.filter((t) => t !== tag) : [...previous.tags, tag] }))

  async function save(): Promise<void> {
    const text = box.text.trim()
    if (!text || !boundTo || saving) return
    setSaving(true)
    const result = await api.invoke('remarks:create', {
      sessionId,
      speakerId: boundTo,
      turnId: box.speakerId ? box.turnId : (current?.id ?? null),
      text,
      tags: box.tags,
      starred: box.starred
    })
    setSaving(false)
    if (!result.ok) return void notifications.show({ color: 'red', message: t(`errors.${result.error.code}`) })
    if (pending.current) clearTimeout(pending.current)
    pending.current = null
    setBox(EMPTY)
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      // Enter saves; while an input method is composing Chinese, Enter belongs to it.
      event.preventDefault()
      void save()
      return
    }
    if (!(event.ctrlKey || event.metaKey)) return
    const index = Number(event.key) - 1
    if (Number.isInteger(index) && remarkTags[index]) {
      event.preventDefault()
      toggleTag(remarkTags[index])
    } else if (event.key.toLowerCase() === 'k') {
      event.preventDefault()
      setBox((previous) => ({ ...previous, starred: !previous.starred }))
    }
  }

  const people = view.attendance.filter((entry) => !entry.absent).map((entry) => ({ value: entry.personId, label: entry.name }))

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="remark-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="remark-heading">
          {t('remarks.title')}
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('remarks.for')}
          </Text>
          <Select
            size="sm"
            w={150}
            aria-label={t('remarks.forLabel')}
            data={people}
            value={boundTo}
            placeholder={t('remarks.nobody')}
            onChange={(personId) => setBox((previous) => ({ ...previous, speakerId: personId, turnId: null }))}
            searchable
          />
          {box.speakerId && current && box.speakerId !== current.personId && (
            <Badge color="orange" variant="light" data-testid="remark-bound-elsewhere">
              {t('remarks.stillFor', { name: speaker?.name ?? '' })}
            </Badge>
          )}
        </Group>
      </Group>
      <Textarea
        aria-label={t('remarks.box')}
        placeholder={speaker ? t('remarks.placeholder', { name: speaker.name }) : t('remarks.placeholderNobody')}
        autosize
        minRows={2}
        maxRows={8}
        value={box.text}
        onChange={(event) => type(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        size="md"
      />
      <Group justify="space-between" mt="xs">
        <Group gap={6}>
          {remarkTags.map((tag, index) => (
            <Chip key={tag} size="sm" checked={box.tags.includes(tag)} onChange={() => toggleTag(tag)}>
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
            onClick={() => setBox((previous) => ({ ...previous, starred: !previous.starred }))}
          >
            {box.starred ? <IconStarFilled size={18} /> : <IconStar size={18} />}
          </ActionIcon>
        </Group>
        <Button size="md" onClick={() => void save()} loading={saving} disabled={!box.text.trim() || !boundTo} rightSection={<Kbd size="xs">Enter</Kbd>}>
          {t('remarks.save')}
        </Button>
      </Group>
      <Stack mt="md" gap="xs">
        <RemarkList remarks={remarks.data ?? []} people={people} />
      </Stack>
    </Paper>
  )
}

const fromDraft = (draft: RemarkDraft): Box => ({
  text: draft.text,
  tags: draft.tags,
  starred: draft.starred,
  speakerId: draft.speakerId,
  turnId: draft.turnId
})
