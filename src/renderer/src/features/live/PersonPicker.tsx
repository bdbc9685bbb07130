import { Button, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { AttendanceEntry } from '@shared/domain'
import { labelsByPersonId } from '@shared/people'
import { placeOf } from './live-view'

interface Props {
  title: string
  people: AttendanceEntry[]
  onPick: (personId: string) => void
  onClose: () => void
}

/** Opened by H or E: type a few characters of the name, Enter takes the first match. */
export function PersonPicker({ title, people, onPick, onClose }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const query = text.trim()
  const labels = labelsByPersonId(people)
  const matches = people.filter((entry) => !query || entry.name.includes(query) || placeOf(entry).includes(query))
  return (
    // No opening animation: the name is typed the moment H is pressed.
    <Modal opened onClose={onClose} title={title} size="md" transitionProps={{ duration: 0 }}>
      <Stack gap="sm">
        <TextInput
          data-autofocus
          size="lg"
          label={t('live.picker.search')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && matches[0]) {
              event.preventDefault()
              onPick(matches[0].personId)
            }
          }}
        />
        {matches.length === 0 && <Text c="dimmed">{t('live.picker.nobody')}</Text>}
        {matches.slice(0, 8).map((entry, index) => (
          <Button key={entry.personId} variant={index === 0 ? 'light' : 'default'} size="md" justify="space-between" onClick={() => onPick(entry.personId)}
            rightSection={<Text size="sm" c="dimmed">{placeOf(entry)}</Text>}>
            {entry.seatNumber !== null ? `${entry.seatNumber} · ` : ''}
            {labels.get(entry.personId) ?? entry.name}
          </Button>
        ))}
      </Stack>
    </Modal>
  )
}
