import { Group, SegmentedControl, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { Gender, Person, PersonFields } from '@shared/domain'
import { FormModal } from '../../shell/FormModal'
import { useSettings } from '../../shell/settings-context'
import { useForm } from '../../shell/use-form'
import { EMPTY_PERSON, fieldsOf } from './person-fields'

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
  const form = useForm({
    initial: person ? fieldsOf(person) : { ...EMPTY_PERSON, name: initialName ?? '' },
    channel: person ? 'people:update' : 'people:create',
    toInput: (fields: PersonFields) => {
      const input = { ...fields, phone: fields.phone?.trim() || null }
      return person ? { ...input, id: person.id } : input
    },
    onSaved: (saved) => {
      notifications.show({ color: 'green', message: t(person ? 'people.updated' : 'people.created', { name: saved.name }) })
      onSaved?.(saved)
      onClose()
    }
  })

  return (
    <FormModal title={t(person ? 'people.edit' : 'people.new')} onClose={onClose} form={form}>
      <TextInput size="md" label={t('people.fields.name')} required data-autofocus {...form.text('name')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="gender-label">
          {t('people.fields.gender')}
        </Text>
        <SegmentedControl
          aria-labelledby="gender-label"
          value={form.values.gender ?? 'unknown'}
          onChange={(value) => form.set('gender', value === 'unknown' ? null : (value as Gender))}
          data={[
            { value: 'male', label: t('people.gender.male') },
            { value: 'female', label: t('people.gender.female') },
            { value: 'unknown', label: t('people.gender.notGiven') }
          ]}
        />
      </Stack>
      <Group grow align="flex-start">
        <TextInput size="md" label={t('people.fields.organisation')} {...form.text('organisation')} />
        <TextInput size="md" label={t('people.fields.village')} {...form.text('village')} />
      </Group>
      <TagsInput
        size="md"
        label={t('people.fields.categories')}
        description={t('people.fields.categoriesHint')}
        data={settings.categories}
        {...form.field('categories')}
        clearable
      />
      <TextInput size="md" label={t('people.fields.phone')} inputMode="tel" {...form.text('phone')} />
      <Textarea label={t('people.fields.note')} autosize minRows={2} {...form.text('note')} />
    </FormModal>
  )
}
