import { Button, Group, Select, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAction } from '../../api/use-action'
import { useFieldErrors } from '../../shell/field-errors'

/** Adds one 议定事项: what, who follows it up (from the directory), by when. */
export function DecisionForm({ sessionId, people }: { sessionId: string; people: { value: string; label: string }[] }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [ownerId, setOwnerId] = useState<string | null>(null)
  const [dueDate, setDueDate] = useState<string | null>(null)
  const create = useAction('decisions:create')
  const fieldError = useFieldErrors(create.error)

  async function add(event: React.FormEvent): Promise<void> {
    event.preventDefault()
    const result = await create.run({ sessionId, text, ownerId, dueDate })
    if (!result.ok) return
    setText('')
    setOwnerId(null)
    setDueDate(null)
  }

  return (
    <form onSubmit={(event) => void add(event)} noValidate aria-label={t('decisions.add')}>
      <Group align="flex-start" wrap="wrap">
        <TextInput
          style={{ flex: 1, minWidth: 260 }}
          label={t('decisions.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={fieldError('text')}
        />
        <Select w={160} label={t('decisions.owner')} data={people} value={ownerId} onChange={setOwnerId} searchable clearable error={fieldError('ownerId')} />
        <DateInput w={150} label={t('decisions.due')} valueFormat="YYYY-MM-DD" value={dueDate} onChange={setDueDate} clearable error={fieldError('dueDate')} />
        <Button type="submit" mt={25} loading={create.running}>
          {t('decisions.add')}
        </Button>
      </Group>
    </form>
  )
}
