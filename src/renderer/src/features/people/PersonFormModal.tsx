import { Group, SegmentedControl, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Gender, Person, PersonFields } from '@shared/domain'
import { useAction } from '../../api/use-action'
import { useFieldErrors } from '../../shell/field-errors'
import { FormModal } from '../../shell/FormModal'
import { useSettings } from '../../shell/settings-context'

const EMPTY: PersonFields = { name: '', gender: null, organisation: '', village: '', categories: [], phone: null, note: '' }

interface Props {
  /** The person to edit, or null to create one. */
  person: Person | null
  /** Pre-filled name, e.g. from a quick add in the session planner. */
  initialName?: string
  onClose: () => void
  onSaved?: (person: Person) => void
}

export function PersonFormModal({ person, initialName, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const settings = useSettings()
  const [fields, setFields] = useState<PersonFields>(person ?? { ...EMPTY, name: initialName ?? '' })
  const create = useAction('people:create')
  const update = useAction('people:update')
  const action = person ? update : create
  const fieldError = useFieldErrors(action.error)
  const set = <K extends keyof PersonFields>(key: K, value: PersonFields[K]): void => setFields((previous) => ({ ...previous, [key]: value }))

  async function save(): Promise<void> {
    const input = { ...fields, phone: fields.phone?.trim() || null }
    const result = person ? await update.run({ ...input, id: person.id }) : await create.run(input)
    if (!result.ok) return
    notifications.show({ color: 'green', message: t(person ? 'people.updated' : 'people.created', { name: result.value.name }) })
    onSaved?.(result.value)
    onClose()
  }

  return (
    <FormModal
      title={t(person ? 'people.edit' : 'people.new')}
      onClose={onClose}
      onSubmit={() => void save()}
      running={action.running}
      error={action.error}
    >
      <TextInput
        size="md"
        label={t('people.fields.name')}
        required
        data-autofocus
        value={fields.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={fieldError('name')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="gender-label">
          {t('people.fields.gender')}
        </Text>
        <SegmentedControl
          aria-labelledby="gender-label"
          value={fields.gender ?? 'unknown'}
          onChange={(value) => set('gender', value === 'unknown' ? null : (value as Gender))}
          data={[
            { value: 'male', label: t('people.gender.male') },
            { value: 'female', label: t('people.gender.female') },
            { value: 'unknown', label: t('people.gender.notGiven') }
          ]}
        />
      </Stack>
      <Group grow align="flex-start">
        <TextInput
          size="md"
          label={t('people.fields.organisation')}
          value={fields.organisation}
          onChange={(event) => set('organisation', event.currentTarget.value)}
          error={fieldError('organisation')}
        />
        <TextInput
          size="md"
          label={t('people.fields.village')}
          value={fields.village}
          onChange={(event) => set('village', event.currentTarget.value)}
          error={fieldError('village')}
        />
      </Group>
      <TagsInput
        size="md"
        label={t('people.fields.categories')}
        description={t('people.fields.categoriesHint')}
        data={settings.categories}
        value={fields.categories}
        onChange={(value) => set('categories', value)}
        error={fieldError('categories')}
        clearable
      />
      <TextInput
        size="md"
        label={t('people.fields.phone')}
        inputMode="tel"
        value={fields.phone ?? ''}
        onChange={(event) => set('phone', event.currentTarget.value)}
        error={fieldError('phone')}
      />
      <Textarea
        label={t('people.fields.note')}
        autosize
        minRows={2}
        value={fields.note}
        onChange={(event) => set('note', event.currentTarget.value)}
        error={fieldError('note')}
      />
    </FormModal>
  )
}
