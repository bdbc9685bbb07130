import { Anchor, Badge, Button, Group, NumberInput } from '@mantine/core'
import { IconMicrophone } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { DecisionCounts, NotSeenPerson, SilentPerson, VolunteerHours } from '@shared/statistics'
import { MAX_STATISTICS_N } from '@shared/contract/statistics'
import { SortableTable, type SortableColumn } from '../../common/SortableTable'
import { hrefFor } from '../../router'
import { useSettings } from '../../shell/settings-context'
import { chinaTimeToUtc } from '../../format'
import { formatChinaDate } from '@shared/china-time'
import { PersonLink, Section } from './Section'

/** A 'YYYY-MM-DD' China date as 2025年8月21日. */
function useDay(): (iso: string) => string {
  const { language } = useSettings()
  return (iso) => formatChinaDate(chinaTimeToUtc(iso), language)
}

/** "In their last N sessions": the N the organiser chooses for a list. */
function LastN({ n, onN, label }: { n: number; onN: (n: number) => void; label: string }) {
  return (
    <NumberInput size="sm" w={110} label={label} min={1} max={MAX_STATISTICS_N} value={n} onChange={(value) => typeof value === 'number' && value >= 1 && onN(value)} clampBehavior="strict" />
  )
}

/**
 * 参加但未发言: from here the organiser invites them to speak first next time, on a new session's plan with
 * them in the first seats (the speaking order follows the seat numbers).
 */
export function SilentList({ people, n, onN }: { people: SilentPerson[]; n: number; onN: (n: number) => void }) {
  const { t } = useTranslation()
  const day = useDay()
  const columns: SortableColumn<SilentPerson>[] = [
    { key: 'name', label: t('statistics.people.name'), value: (row) => row.name, render: (row) => <PersonLink personId={row.personId} name={row.name} /> },
    { key: 'village', label: t('statistics.people.village'), value: (row) => row.village },
    { key: 'sessions', label: t('statistics.silent.sessions'), value: (row) => row.lastSessions, numeric: true },
    {
      key: 'last',
      label: t('statistics.silent.last'),
      value: (row) => row.lastSessionDate,
      render: (row) => <Anchor href={hrefFor('sessions', row.lastSessionId)}>{day(row.lastSessionDate)}</Anchor>
    }
  ]
  return (
    <Section
      title={t('statistics.silent.title')}
      description={t('statistics.silent.description', { count: n })}
      testId="statistics-silent"
      actions={<LastN n={n} onN={onN} label={t('statistics.silent.n')} />}
    >
      <SortableTable rows={people} columns={columns} rowKey={(row) => row.personId} caption={t('statistics.silent.title')} empty={t('statistics.silent.empty')} />
      {people.length > 0 && (
        <Button
          mt="sm"
          variant="light"
          leftSection={<IconMicrophone size={18} />}
          component="a"
          href={hrefFor('sessions', 'new', 'first', people.map((person) => person.personId).join(','))}
        >
          {t('statistics.silent.invite', { count: people.length })}
        </Button>
      )}
    </Section>
  )
}

export function NotSeenList({ people, n, onN }: { people: NotSeenPerson[]; n: number; onN: (n: number) => void }) {
  const { t } = useTranslation()
  const day = useDay()
  const columns: SortableColumn<NotSeenPerson>[] = [
    { key: 'name', label: t('statistics.people.name'), value: (row) => row.name, render: (row) => <PersonLink personId={row.personId} name={row.name} /> },
    { key: 'village', label: t('statistics.people.village'), value: (row) => row.village },
    { key: 'missed', label: t('statistics.notSeen.missed'), value: (row) => row.missedInvitations, numeric: true },
    {
      key: 'lastSeen',
      label: t('statistics.notSeen.lastSeen'),
      value: (row) => row.lastSeenDate,
      render: (row) =>
        row.lastSeenDate && row.lastSeenSessionId ?
          <Anchor href={hrefFor('sessions', row.lastSeenSessionId)}>{day(row.lastSeenDate)}</Anchor>
        : t('statistics.notSeen.never')
    }
  ]
  return (
    <Section
      title={t('statistics.notSeen.title')}
      description={t('statistics.notSeen.description', { count: n })}
      testId="statistics-not-seen"
      actions={<LastN n={n} onN={onN} label={t('statistics.notSeen.n')} />}
    >
      <SortableTable rows={people} columns={columns} rowKey={(row) => row.personId} caption={t('statistics.notSeen.title')} empty={t('statistics.notSeen.empty')} />
    </Section>
  )
}

type OwnerRow = DecisionCounts['byOwner'][number]

export function DecisionsByOwner({ decisions }: { decisions: DecisionCounts }) {
  const { t } = useTranslation()
  const columns: SortableColumn<OwnerRow>[] = [
    {
      key: 'owner',
      label: t('statistics.decisions.owner'),
      value: (row) => row.ownerName || null,
      render: (row) => (row.ownerId ? <PersonLink personId={row.ownerId} name={row.ownerName} /> : row.ownerName || t('statistics.decisions.noOwner'))
    },
    { key: 'open', label: t('statistics.decisions.open'), value: (row) => row.open, numeric: true },
    { key: 'overdue', label: t('statistics.decisions.overdue'), value: (row) => row.overdue, numeric: true },
    { key: 'done', label: t('statistics.decisions.done'), value: (row) => row.done, numeric: true }
  ]
  return (
    <Section
      title={t('statistics.decisions.title')}
      testId="statistics-decisions"
      actions={
        <Group gap={6} wrap="nowrap">
          <Badge variant="light" color="blue">
            {t('statistics.decisions.openN', { count: decisions.open })}
          </Badge>
          <Badge variant="light" color={decisions.overdue ? 'red' : 'gray'}>
            {t('statistics.decisions.overdueN', { count: decisions.overdue })}
          </Badge>
          <Badge variant="light" color="teal">
            {t('statistics.decisions.doneN', { count: decisions.done })}
          </Badge>
        </Group>
      }
    >
      <SortableTable
        rows={decisions.byOwner}
        columns={columns}
        rowKey={(row) => row.ownerId ?? `name:${row.ownerName}`}
        caption={t('statistics.decisions.title')}
        empty={t('statistics.decisions.empty')}
      />
      <Anchor href={hrefFor('followups')} size="sm" mt="xs" display="inline-block">
        {t('statistics.decisions.followUp')}
      </Anchor>
    </Section>
  )
}

export function VolunteerHoursTable({ volunteers }: { volunteers: VolunteerHours[] }) {
  const { t } = useTranslation()
  const columns: SortableColumn<VolunteerHours>[] = [
    { key: 'name', label: t('statistics.people.name'), value: (row) => row.name, render: (row) => <PersonLink personId={row.personId} name={row.name} /> },
    { key: 'village', label: t('statistics.people.village'), value: (row) => row.village },
    { key: 'sessions', label: t('statistics.volunteers.sessions'), value: (row) => row.sessions, numeric: true },
    { key: 'hours', label: t('statistics.volunteers.hours'), value: (row) => row.hours, numeric: true }
  ]
  return (
    <Section title={t('statistics.volunteers.title')} description={t('statistics.volunteers.description')} testId="statistics-volunteers">
      <SortableTable rows={volunteers} columns={columns} rowKey={(row) => row.personId} caption={t('statistics.volunteers.title')} empty={t('statistics.volunteers.empty')} />
    </Section>
  )
}
