import { Button, Group } from '@mantine/core'
import { IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Person } from '@shared/domain'
import { pickerLabels } from '@shared/people'
import { CreatableSelect } from '../../common/CreatableSelect'
import { PersonFormModal } from './PersonFormModal'

interface Props {
  label: string
  /** Everyone who may be added (not yet on the list, not archived). */
  candidates: Person[]
  onAdd: (personId: string) => void
  width?: number
  /** Shown under the picker when there is nobody to choose (e.g. an empty directory). */
  emptyHint?: string
}

/** Pick someone from the directory by typing their name, or add a new person on the spot (新建人员… / 快速添加). */
export function PersonAdder({ label, candidates, onAdd, width = 340, emptyHint }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [quickAdd, setQuickAdd] = useState<string | null>(null)
  const labels = pickerLabels(candidates)
  const create = (name: string): void => {
    setQuickAdd(name)
    setSearch('')
  }
  return (
    <Group align="flex-end">
      <CreatableSelect
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
        createLabel={t('planning.newPerson')}
        onCreate={create}
        emptyHint={emptyHint}
      />
      <Button size="md" variant="light" leftSection={<IconUserPlus size={18} />} onClick={() => create(search)}>
        {t('planner.invitees.quickAdd')}
      </Button>
      {quickAdd !== null && (
        <PersonFormModal person={null} initialName={quickAdd} onClose={() => setQuickAdd(null)} onSaved={(person) => onAdd(person.id)} />
      )}
    </Group>
  )
}
