import { Button, Group, Select, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useTranslation } from '../../i18n/use-translation'
import { useForm } from '../../shell/use-form'

interface Fields {
  text: string
  ownerId: string | null
  dueDate: string | null
}

const EMPTY: Fields = { text: '', ownerId: null, dueDate: null }

interface Props {
  sessionId: string
  people: { value: string; label: string }[]
  /** After a decision is saved (the form is emptied for the next one); the console's dialog closes then. */
  onSaved?: () => void
  /** The text field takes the focus when the form appears (in the console's dialog). */
  autoFocus?: boolean
}

/** Adds one 议定事项: what, who follows it up (from the directory), by when. */
export function DecisionForm({ sessionId, people, onSaved, autoFocus = false }: Props) {
  const { t } = useTranslation()
  const form = useForm({
    initial: EMPTY,
    channel: 'decisions:create',
    toInput: (fields) => ({ sessionId, ...fields }),
    // Emptied for the next one; the list above shows what was added.
    onSaved: (_, { reset }) => {
      reset()
      onSaved?.()
    }
  })

  return (
    <form
      onSubmit={(event) => {
        // Opened in a dialog (a portal), React would still bubble the submit to any form around it: it saves this one only.
        event.stopPropagation()
        form.onSubmit(event)
      }}
      noValidate
      aria-label={t('decisions.add')}
    >
      <Group align="flex-start" wrap="wrap">
        {/* data-autofocus: for the dialog's first focus; autoFocus: for a form drawn after the dialog opened (its code came later). */}
        <TextInput style={{ flex: 1, minWidth: 260 }} label={t('decisions.text')} data-autofocus={autoFocus || undefined} autoFocus={autoFocus} {...form.text('text')} />
        <Select w={160} label={t('decisions.owner')} data={people} {...form.field('ownerId')} searchable clearable />
        <DateInput w={150} label={t('decisions.due')} valueFormat="YYYY-MM-DD" {...form.field('dueDate')} clearable />
        <Button type="submit" mt={25} loading={form.running}>
          {t('decisions.add')}
        </Button>
      </Group>
    </form>
  )
}
