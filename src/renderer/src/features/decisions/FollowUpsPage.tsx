import { Group, SegmentedControl, Select } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { pickerLabels } from '@shared/people'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { DecisionTable } from './DecisionTable'

/** `#/followups`: 议定事项 across all sessions, to follow up what villagers raised. */
export function FollowUpsPage() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<'open' | 'done' | 'all'>('open')
  const [ownerId, setOwnerId] = useState<string | null>(null)
  const [dueBy, setDueBy] = useState<string | null>(null)
  const people = useChannel('people:list', { includeArchived: true }, ['people:changed'])
  const ownerLabels = pickerLabels(people.data ?? [])
  const decisions = useChannel(
    'decisions:list',
    { ...(status !== 'all' ? { status } : {}), ...(ownerId ? { ownerId } : {}), ...(dueBy ? { dueBy } : {}) },
    ['decisions:changed']
  )
  return (
    <>
      <PageHeader title={t('decisions.pageTitle')} description={t('decisions.pageDescription')} />
      <Group mb="md" align="flex-end">
        <SegmentedControl
          size="md"
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          data={[
            { value: 'open', label: t('decisions.open') },
            { value: 'done', label: t('decisions.doneList') },
            { value: 'all', label: t('decisions.all') }
          ]}
        />
        <Select
          size="md"
          w={200}
          label={t('decisions.owner')}
          placeholder={t('people.filters.any')}
          data={(people.data ?? []).map((person) => ({ value: person.id, label: ownerLabels.get(person.id) ?? person.name }))}
          value={ownerId}
          onChange={setOwnerId}
          searchable
          clearable
        />
        <DateInput size="md" w={180} label={t('decisions.dueBy')} valueFormat="YYYY-MM-DD" value={dueBy} onChange={setDueBy} clearable />
      </Group>
      {decisions.error && <ErrorNotice error={decisions.error} onRetry={decisions.reload} />}
      {!decisions.data && !decisions.error && <Loading />}
      {decisions.data && <DecisionTable decisions={decisions.data} showSession />}
    </>
  )
}
