import { Button, Group, MultiSelect } from '@mantine/core'
import { IconUserPlus, IconUsersPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Person } from '@shared/domain'
import { pickerLabels } from '@shared/people'
import { PersonFormModal } from '../people/PersonFormModal'

interface Props {
  /** Everyone who may walk in (in the directory, not archived, not yet on the list). */
  candidates: Person[]
  /** Adds the chosen people at once (each at the next free seat); true once they are on the list. */
  onAdd: (personIds: string[]) => Promise<boolean>
  busy: boolean
}

/** 列席（临时参加）: several people chosen from the directory and added together, or a new person added on the spot (快速添加). */
export function WalkInAdder({ candidates, onAdd, busy }: Props) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<string[]>([])
  const [search, setSearch] = useState('')
  const [quickAdd, setQuickAdd] = useState<string | null>(null)
  const labels = pickerLabels(candidates)
  // Someone added meanwhile (at another laptop) is no longer a candidate: not counted, not sent.
  const stillChosen = chosen.filter((id) => candidates.some((person) => person.id === id))
  const add = async (): Promise<void> => {
    if (stillChosen.length > 0 && (await onAdd(stillChosen))) setChosen([])
  }
  return (
    <Group align="flex-end" wrap="wrap">
      <MultiSelect
        w={360}
        size="md"
        label={t('live.checkIn.walkIn')}
        placeholder={stillChosen.length === 0 ? t('live.checkIn.walkInPlaceholder') : undefined}
        data={candidates.map((person) => ({ value: person.id, label: labels.get(person.id) ?? person.name }))}
        value={stillChosen}
        onChange={setChosen}
        searchValue={search}
        onSearchChange={setSearch}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage={t('planner.invitees.nobody')}
      />
      <Button size="md" leftSection={<IconUsersPlus size={18} />} disabled={stillChosen.length === 0 || busy} onClick={() => void add()}>
        {t('live.checkIn.addWalkIns', { count: stillChosen.length })}
      </Button>
      <Button size="md" variant="light" leftSection={<IconUserPlus size={18} />} onClick={() => setQuickAdd(search)}>
        {t('planner.invitees.quickAdd')}
      </Button>
      {quickAdd !== null && (
        <PersonFormModal person={null} initialName={quickAdd} onClose={() => setQuickAdd(null)} onSaved={(person) => void onAdd([person.id])} />
      )}
    </Group>
  )
}
