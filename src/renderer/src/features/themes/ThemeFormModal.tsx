import { TagsInput, TextInput, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from '../../i18n/use-translation'
import type { Theme } from '@shared/domain'
import { FormModal } from '../../shell/FormModal'
import { useForm } from '../../shell/use-form'

interface Fields {
  title: string
  description: string
  materials: string
  /** One reference per line in the form. */
  references: string
  tags: string[]
}

interface Props {
  theme: Theme | null
  /** Pre-filled title, e.g. typed into the planner's 主题 before choosing 新建主题. */
  initialTitle?: string
  onClose: () => void
  /** Called with the theme saved, e.g. to choose it in the planner. */
  onSaved?: (theme: Theme) => void
}

export function ThemeFormModal({ theme, initialTitle, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const form = useForm({
    initial: (): Fields => ({
      title: theme?.title ?? initialTitle ?? '',
      description: theme?.description ?? '',
      materials: theme?.materials ?? '',
      references: theme?.references.join('\n') ?? '',
      tags: theme?.tags ?? []
    }),
    channel: theme ? 'themes:update' : 'themes:create',
    toInput: (fields) => {
      const input = { ...fields, references: fields.references.split('\n').map((line) => line.trim()).filter(Boolean) }
      return theme ? { ...input, id: theme.id } : input
    },
    onSaved: (saved) => {
      notifications.show({ color: 'green', message: t('themes.saved', { title: saved.title }) })
      onSaved?.(saved)
      onClose()
    }
  })

  return (
    <FormModal title={t(theme ? 'themes.edit' : 'themes.new')} size="xl" onClose={onClose} form={form}>
      <TextInput size="md" label={t('themes.fields.title')} required data-autofocus {...form.text('title')} />
      <Textarea label={t('themes.fields.description')} autosize minRows={2} {...form.text('description')} />
      <Textarea
        label={t('themes.fields.materials')}
        description={t('themes.fields.materialsHint')}
        autosize
        minRows={4}
        maxRows={14}
        {...form.text('materials')}
      />
      <Textarea label={t('themes.fields.references')} description={t('themes.fields.referencesHint')} autosize minRows={2} {...form.text('references')} />
      <TagsInput size="md" label={t('themes.fields.tags')} description={t('themes.fields.tagsHint')} {...form.field('tags')} clearable />
    </FormModal>
  )
}
