import { Button, Group, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Theme } from '@shared/domain'
import { CreatableSelect } from '../../common/CreatableSelect'
import { PersonFormModal } from '../people/PersonFormModal'
import { ThemeFormModal } from '../themes/ThemeFormModal'

type Option = { value: string; label: string }

interface PersonSelectProps {
  label: string
  options: Option[]
  value: string | null
  onChange: (personId: string | null) => void
  error?: string | undefined
  w?: number
  size?: 'sm' | 'md'
}

/** 主持人, 记录人, 主讲人: someone from the directory, or 新建人员… made on the spot and chosen at once. */
export function PersonSelect({ label, options, value, onChange, error, w, size = 'md' }: PersonSelectProps) {
  const { t } = useTranslation()
  const [creating, setCreating] = useState<string | null>(null)
  return (
    <>
      <CreatableSelect
        size={size}
        w={w}
        label={label}
        data={options}
        value={value}
        onChange={onChange}
        error={error}
        clearable
        createLabel={t('planning.newPerson')}
        onCreate={setCreating}
        emptyHint={t('planning.noPeople')}
      />
      {creating !== null && (
        <PersonFormModal person={null} initialName={creating} onClose={() => setCreating(null)} onSaved={(person) => onChange(person.id)} />
      )}
    </>
  )
}

interface ThemeSelectProps {
  themes: Theme[]
  value: string | null
  onChange: (theme: Theme | null) => void
  error?: string | undefined
}

/**
 * 主题: a theme of the library, or 新建主题… with the same form as the 主题 page. Text typed and left with
 * Tab is not dropped: the field offers to make it a theme.
 */
export function ThemeSelect({ themes, value, onChange, error }: ThemeSelectProps) {
  const { t } = useTranslation()
  const [creating, setCreating] = useState<string | null>(null)
  const [unmatched, setUnmatched] = useState('')
  const choose = (themeId: string | null): void => {
    setUnmatched('')
    onChange(themes.find((theme) => theme.id === themeId) ?? null)
  }
  const create = (title: string): void => {
    setUnmatched('')
    setCreating(title)
  }
  return (
    <div>
      <CreatableSelect
        size="md"
        label={t('planner.fields.theme')}
        placeholder={t('planner.fields.noTheme')}
        data={themes.map((theme) => ({ value: theme.id, label: theme.title }))}
        value={value}
        onChange={choose}
        error={error}
        clearable
        createLabel={t('planning.newTheme')}
        onCreate={create}
        onUnmatched={(typed) => creating === null && setUnmatched(typed)}
        emptyHint={t('planning.noThemes')}
      />
      {unmatched && (
        <Group gap="xs" mt={6} wrap="nowrap">
          <Text size="sm" c="orange.9">
            {t('planning.typedTheme', { title: unmatched })}
          </Text>
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => create(unmatched)}>
            {t('planning.createTyped', { title: unmatched })}
          </Button>
        </Group>
      )}
      {creating !== null && (
        <ThemeFormModal theme={null} initialTitle={creating} onClose={() => setCreating(null)} onSaved={(theme) => onChange(theme)} />
      )}
    </div>
  )
}
