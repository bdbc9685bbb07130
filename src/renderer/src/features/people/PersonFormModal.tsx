import { Alert, Button, Group, SegmentedControl, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Gender, Person, PersonFields } from '@shared/domain'
import { fullPlaceOf } from '@shared/people'
import { api } from '../../api'
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
  /** Called with the person saved: the new one, or the existing one the user chose to open instead. */
  onSaved?: (person: Person) => void
}

/**
 * 新建人员 / 编辑人员. A new person who looks like someone already in the directory (core's rule: the same
 * name and place, or the same phone) is not created silently: the dialog names them and offers to open them.
 */
export function PersonFormModal({ person, initialName, onClose, onSaved }: Props) {
  // Opening the existing person swaps the form for theirs.
  const [target, setTarget] = useState(person)
  return <PersonForm key={target?.id ?? 'new'} person={target} initialName={initialName} onClose={onClose} onSaved={onSaved} onOpen={setTarget} />
}

function PersonForm({ person, initialName, onClose, onSaved, onOpen }: Props & { onOpen: (person: Person) => void }) {
  const { t } = useTranslation()
  const settings = useSettings()
  const [duplicates, setDuplicates] = useState<Person[] | null>(null)
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

  /** A new person is first looked up; once the warning was shown, 保存 (or 仍然新建) creates them. */
  async function checkThenSave(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (person || duplicates !== null) return form.submit()
    const { name, organisation, village, phone } = form.values
    const found = await api.invoke('people:findLikelyDuplicates', { name, organisation, village, phone: phone?.trim() || null })
    // A value core refuses (a malformed phone) is reported by the save itself, beside its field.
    if (found.ok && found.value.length > 0) return setDuplicates(found.value)
    return form.submit()
  }
  const edit = (patch: Partial<PersonFields>): void => {
    // Another name, place or phone is another question.
    setDuplicates(null)
    form.change(patch)
  }
  const text = (key: 'name' | 'organisation' | 'village' | 'phone') => ({
    ...form.text(key),
    onChange: (event: { currentTarget: { value: string } }) => edit({ [key]: event.currentTarget.value })
  })

  return (
    <FormModal
      title={t(person ? 'people.edit' : 'people.new')}
      onClose={onClose}
      form={{ ...form, onSubmit: (event) => void checkThenSave(event) }}
    >
      {/* Above the fields, so it is seen without scrolling the dialog. */}
      {duplicates && duplicates.length > 0 && (
        <LikelyDuplicates people={duplicates} onOpen={onOpen} onCreateAnyway={() => void form.submit()} running={form.running} />
      )}
      <TextInput size="md" label={t('people.fields.name')} required data-autofocus {...text('name')} />
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
        <TextInput size="md" label={t('people.fields.organisation')} {...text('organisation')} />
        <TextInput size="md" label={t('people.fields.village')} {...text('village')} />
      </Group>
      <TagsInput
        size="md"
        label={t('people.fields.categories')}
        description={t('people.fields.categoriesHint')}
        data={settings.categories}
        {...form.field('categories')}
        clearable
      />
      <TextInput size="md" label={t('people.fields.phone')} inputMode="tel" {...text('phone')} />
      <Textarea label={t('people.fields.note')} autosize minRows={2} {...form.text('note')} />
    </FormModal>
  )
}

function LikelyDuplicates({ people, onOpen, onCreateAnyway, running }: { people: Person[]; onOpen: (person: Person) => void; onCreateAnyway: () => void; running: boolean }) {
  const { t } = useTranslation()
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={t('duplicatePerson.title')} role="alert">
      <Text mb="xs">{t('duplicatePerson.message')}</Text>
      <Stack gap="xs">
        {people.map((existing) => (
          <Group key={existing.id} justify="space-between" wrap="nowrap">
            <Text fw={600}>
              {existing.name}
              <Text span c="dimmed" fw={400} ml="xs">
                {[fullPlaceOf(existing), existing.phone].filter(Boolean).join(' · ')}
              </Text>
            </Text>
            <Button variant="light" color="orange" onClick={() => onOpen(existing)}>
              {t('duplicatePerson.open', { name: existing.name })}
            </Button>
          </Group>
        ))}
        <Group justify="flex-end">
          <Button variant="subtle" color="orange" loading={running} onClick={onCreateAnyway}>
            {t('duplicatePerson.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
