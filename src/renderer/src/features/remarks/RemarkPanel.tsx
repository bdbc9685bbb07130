import { ActionIcon, Alert, Button, Chip, Group, Kbd, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconStar, IconStarFilled } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LiveView, RemarkDraft } from '@shared/domain'
import { labelsByPersonId } from '@shared/people'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { useSettings } from '../../shell/settings-context'
import { isTypingTarget } from '../live/shortcuts'
import { RemarkList } from './RemarkList'

/** The draft is written at most this often while typing, so at least once a second. */
const DRAFT_EVERY_MS = 500

/** Gives the draft to whoever holds the mic now. Ctrl+J: no console key uses it (see live/shortcuts.ts). */
const REBIND_KEY = { key: 'j', shown: 'Ctrl J', aria: 'Control+J' } as const
const isRebindKey = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === REBIND_KEY.key

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
 * Ctrl+1… toggles the quick tags, Ctrl+K the star, Ctrl+J gives the draft to the current speaker and Esc
 * leaves the box (so the console's keys work again). What is typed is kept as a draft in the database.
 * Whom the remark is for is always in plain sight, and unmistakable once the mic has moved on from them.
 */
export function RemarkPanel({ view }: { view: LiveView }) {
  const { t } = useTranslation()
  const { remarkTags } = useSettings()
  const sessionId = view.session.id
  const [box, setBox] = useState<Box>(EMPTY)
  const [restored, setRestored] = useState(false)
  /** A draft came back after a restart: say whose it is until the note-taker types or saves. */
  const [showRestored, setShowRestored] = useState(false)
  const [saving, setSaving] = useState(false)
  const remarks = useChannel('remarks:list', { sessionId }, ['remarks:changed'])
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const latest = useRef(box)
  latest.current = box

  // After a restart (or a power cut) the box comes back as it was.
  useEffect(() => {
    void api.invoke('drafts:get', { sessionId }).then((result) => {
      if (result.ok && result.value) {
        setBox(fromDraft(result.value))
        setShowRestored(result.value.text.trim() !== '')
      }
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
  // Names carry their place when a namesake is on the session (DESIGN §9).
  const labels = labelsByPersonId(view.attendance)
  const nameOf = (personId: string | null | undefined): string => (personId ? (labels.get(personId) ?? '') : '')
  const boundName = nameOf(boundTo)
  /** The draft is still someone's whom the mic has left. */
  const movedOn = box.speakerId !== null && current !== null && box.speakerId !== current.personId

  const rebind = useCallback((): void => {
    if (!current) return
    // Only a draft already someone's moves; an empty box simply follows the mic.
    setBox((previous) => (previous.speakerId ? { ...previous, speakerId: current.personId, turnId: current.id } : previous))
    setShowRestored(false)
  }, [current])

  // The rebind key works in the box and anywhere on the console, but not in another field or a dialog:
  // a key acts only where it is pressed.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isRebindKey(event) || (isTypingTarget(event.target) && event.target !== textarea.current)) return
      if (document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      rebind()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [rebind])

  function type(text: string): void {
    setShowRestored(false)
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
    setShowRestored(false)
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      // Enter saves; while an input method is composing Chinese, Enter belongs to it.
      event.preventDefault()
      void save()
      return
    }
    if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      // Leave the box, so that Space, S, D… reach the console again.
      event.preventDefault()
      event.currentTarget.blur()
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

  const people = view.attendance.filter((entry) => !entry.absent).map((entry) => ({ value: entry.personId, label: nameOf(entry.personId) }))

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="remark-heading"
      data-moved-on={movedOn || undefined}
      // The whole box turns orange while it writes for someone other than the speaker.
      style={movedOn ? { border: '3px solid var(--mantine-color-orange-6)', background: 'var(--mantine-color-orange-0)' } : undefined}
    >
      <Group justify="space-between" align="flex-end" mb="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={2} fz="sm" c="dimmed" id="remark-heading">
            {t('remarks.title')}
          </Title>
          <Group gap={8} align="baseline" wrap="nowrap" data-testid={movedOn ? 'remark-bound-elsewhere' : 'remark-bound'}>
            <Text fz="lg" fw={700} c={movedOn ? 'orange.9' : 'dimmed'}>
              {t(movedOn ? 'remarks.stillForLead' : 'remarks.forLead')}
            </Text>{' '}
            <Text fz={28} fw={800} lh={1.2} c={movedOn ? 'orange.9' : boundTo ? undefined : 'dimmed'} truncate>
              {boundTo ? boundName : t('remarks.nobody')}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('remarks.for')}
          </Text>
          <Select
            size="sm"
            w={190}
            aria-label={t('remarks.forLabel')}
            data={people}
            value={boundTo}
            placeholder={t('remarks.nobody')}
            // Choosing whoever holds the mic binds the remark to their turn, as Ctrl+J does; anyone else has none.
            onChange={(personId) =>
              setBox((previous) => ({ ...previous, speakerId: personId, turnId: personId !== null && personId === current?.personId ? current.id : null }))
            }
            searchable
          />
        </Group>
      </Group>
      {movedOn && (
        <Alert color="orange" variant="filled" p="xs" mb="xs" role="status" data-testid="remark-moved-on">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} fz="md">
              {t('remarks.movedOn', { name: boundName, current: nameOf(current?.personId) })}
            </Text>
            <Button
              size="sm"
              variant="white"
              color="orange"
              onClick={rebind}
              // The focus stays in the box (or wherever it was): a button holding it would take Space.
              onMouseDown={(event) => event.preventDefault()}
              aria-keyshortcuts={REBIND_KEY.aria}
              rightSection={<Kbd size="xs">{REBIND_KEY.shown}</Kbd>}
              style={{ flexShrink: 0 }}
            >
              {t('remarks.rebind', { name: nameOf(current?.personId) })}
            </Button>
          </Group>
        </Alert>
      )}
      {showRestored && (
        <Text size="sm" c="blue.8" fw={600} mb={4} data-testid="remark-restored">
          {boundTo ? t('remarks.restored', { name: boundName }) : t('remarks.restoredNobody')}
        </Text>
      )}
      <Textarea
        ref={textarea}
        aria-label={t('remarks.box')}
        placeholder={boundTo ? t('remarks.placeholder', { name: boundName }) : t('remarks.placeholderNobody')}
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
        <RemarkList remarks={remarks.data ?? []} people={people} names={labels} />
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
