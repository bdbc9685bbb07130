import { TagsInput, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Theme } from '@shared/domain'
import { useAction } from '../../api/use-action'
import { useFieldErrors } from '../../shell/field-errors'
import { FormModal } from '../../shell/FormModal'

interface Fields {
  title: string
  description: string
  materials: string
  /** One reference per line in the form. */
  references: string
  tags: string[]
}

export function ThemeFormModal({ theme, onClose }: { theme: Theme | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [fields, setFields] = useState<Fields>({
    title: theme?.title ?? '',
    description: theme?.description ?? '',
    materials: theme?.materials ?? '',
    references: theme?.references.join('\n') ?? '',
    tags: theme?.tags ?? []
  })
  const create = useAction('themes:create')
  const update = useAction('themes:update')
  const action = theme ? update : create
  const fieldError = useFieldErrors(action.error)
  const set = <K extends keyof Fields>(key: K, value: Fields[K]): void => setFields((previous) => ({ ...previous, [key]: value }))

  async function save(): Promise<void> {
    const input = {
      ...fields,
      references: fields.references.split('\n').map((line) => line.trim()).filter(Boolean)
    }
    const result = theme ? await update.run({ ...input, id: theme.id }) : await create.run(input)
    if (!result.ok) return
    notifications.show({ color: 'green', message: t('themes.saved', { title: result.value.title }) })
    onClose()
  }

  return (
    <FormModal
      title={t(theme ? 'themes.edit' : 'themes.new')}
      size="xl"
      onClose={onClose}
      onSubmit={() => void save()}
      running={action.running}
      error={action.error}
    >
      <TextInput
        size="md"
        label={t('themes.fields.title')}
        required
        data-autofocus
        value={fields.title}
        onChange={(event) => set('title', event.currentTarget.value)}
        error={fieldError('title')}
      />
      <Textarea
        label={t('themes.fields.description')}
        autosize
        minRows={2}
        value={fields.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={fieldError('description')}
      />
      <Textarea
        label={t('themes.fields.materials')}
        description={t('themes.fields.materialsHint')}
        autosize
        minRows={4}
        maxRows={14}
        value={fields.materials}
        onChange={(event) => set('materials', event.currentTarget.value)}
        error={fieldError('materials')}
      />
      <Textarea
        label={t('themes.fields.references')}
        description={t('themes.fields.referencesHint')}
        autosize
        minRows={2}
        value={fields.references}
        onChange={(event) => set('references', event.currentTarget.value)}
        error={fieldError('references')}
      />
      <TagsInput
        size="md"
        label={t('themes.fields.tags')}
        description={t('themes.fields.tagsHint')}
        value={fields.tags}
        onChange={(value) => set('tags', value)}
        error={fieldError('tags')}
        clearable
      />
    </FormModal>
  )
}
