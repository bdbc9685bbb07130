import { Badge, EmptyState, SegmentedControl, Table } from '@mantine/core'
import { IconCalendarOff } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionStatus } from '@shared/domain'
import { useChannel } from '../../api/use-channel'
import { formatDateTime } from '../../format'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'

const STATUS_COLOR: Record<SessionStatus, string> = { planned: 'blue', live: 'red', ended: 'gray', cancelled: 'dark' }

export function SessionsPage() {
  const { t } = useTranslation()
  const { language } = useSettings()
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const sessions = useChannel('sessions:list', { when }, ['sessions:changed', 'session:changed'])

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        description={t('sessions.description')}
        actions={
          <SegmentedControl
            size="md"
            value={when}
            onChange={(value) => setWhen(value as typeof when)}
            data={[
              { value: 'upcoming', label: t('sessions.upcoming') },
              { value: 'past', label: t('sessions.past') }
            ]}
          />
        }
      />
      {sessions.error && <ErrorNotice error={sessions.error} onRetry={sessions.reload} />}
      {!sessions.data && !sessions.error && <Loading />}
      {sessions.data?.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconCalendarOff size={40} />}
          title={t(when === 'upcoming' ? 'sessions.emptyUpcomingTitle' : 'sessions.emptyPastTitle')}
          description={t('sessions.emptyDescription')}
        />
      )}
      {sessions.data && sessions.data.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions.columns.date')}</Table.Th>
              <Table.Th>{t('sessions.columns.title')}</Table.Th>
              <Table.Th>{t('sessions.columns.venue')}</Table.Th>
              <Table.Th>{t('sessions.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>{formatDateTime(session.plannedStart, language)}</Table.Td>
                <Table.Td>{session.title}</Table.Td>
                <Table.Td>{session.venue}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[session.status]} variant="light">
                    {t(`sessions.status.${session.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
