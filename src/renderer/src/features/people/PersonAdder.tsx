import { Button, Group, Select } from '@mantine/core'
import { IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person } from '@shared/domain'
import { pickerLabels } from '@shared/people'
import { PersonFormModal } from './PersonFormModal'

interface Props {
  label: string
  /** Everyone who may be added (not yet on the list, not archived). */
  candidates: Person[]
  onAdd: (personId: string) => void
  width?: number
}

/** Pick someone from the directory by typing their name, or add a new person on the spot (快速添加). */
export function PersonAdder({ label, candidates, onAdd, width = 340 }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [quickAdd, setQuickAdd] = useState<string | null>(null)
  const labels = pickerLabels(candidates)
  return (
    <Group align="flex-end">
      <Select
        w={width}
        size="md"
        label={label}
        placeholder={t('planner.invitees.addPlaceholder')}
        data={candidates.map((person) => ({ value: person.id, label: labels.get(person.id) ?? person.name }))}
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={(personId) => {
          if (personId) onAdd(personId)
          setSearch('')
        }}
        searchable
        nothingFoundMessage={t('planner.invitees.nobody')}
      />
      <Button size="md" variant="light" leftSection={<IconUserPlus size={18} />} onClick={() => setQuickAdd(search)}>
        {t('planner.invitees.quickAdd')}
      </Button>
      {quickAdd !== null && (
        <PersonFormModal person={null} initialName={quickAdd} onClose={() => setQuickAdd(null)} onSaved={(person) => onAdd(person.id)} />
      )}
    </Group>
  )
}
