import { Anchor, Badge, Button, EmptyState, Group, SegmentedControl, Table, Tabs, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconCalendar, IconCalendarOff, IconList, IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { useChannel } from '../../api/use-channel'
import { STATUS_COLOR } from '../../common/session-status'
import { formatDateTime, formatTime } from '../../format'
import { hrefFor, navigate } from '../../router'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { SessionCalendar } from './SessionCalendar'

export function SessionsPage() {
  const { t } = useTranslation()
  const [view, setView] = useState<string | null>('list')
  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        description={t('sessions.description')}
        actions={
          <Button size="md" leftSection={<IconPlus size={20} />} onClick={() => navigate('sessions', 'new')}>
            {t('sessions.new')}
          </Button>
        }
      />
      <Tabs value={view} onChange={setView} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list" leftSection={<IconList size={18} />} fz="md">
            {t('sessions.listView')}
          </Tabs.Tab>
          <Tabs.Tab value="calendar" leftSection={<IconCalendar size={18} />} fz="md">
            {t('sessions.calendarView')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <SessionList />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <SessionCalendar />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}

function SessionList() {
  const { t } = useTranslation()
  const { language } = useSettings()
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const [text, setText] = useState('')
  const [query] = useDebouncedValue(text.trim(), 200)
  const sessions = useChannel('sessions:list', { when, ...(query ? { query } : {}) }, ['sessions:changed', 'session:changed'])

  return (
    <>
      <Group mb="md" justify="space-between">
        <SegmentedControl
          size="md"
          value={when}
          onChange={(value) => setWhen(value as typeof when)}
          data={[
            { value: 'upcoming', label: t('sessions.upcoming') },
            { value: 'past', label: t('sessions.past') }
          ]}
        />
        <TextInput
          size="md"
          w={300}
          aria-label={t('sessions.find')}
          placeholder={t('sessions.findPlaceholder')}
          leftSection={<IconSearch size={18} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </Group>
      {sessions.error && <ErrorNotice error={sessions.error} onRetry={sessions.reload} />}
      {!sessions.data && !sessions.error && <Loading />}
      {sessions.data?.length === 0 && (
        <EmptyState
          mt="xl"
          icon={<IconCalendarOff size={40} />}
          title={query ? t('sessions.noMatch', { query }) : t(when === 'upcoming' ? 'sessions.emptyUpcomingTitle' : 'sessions.emptyPastTitle')}
          description={query ? undefined : t('sessions.emptyDescription')}
        />
      )}
      {sessions.data && sessions.data.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md" aria-label={t('sessions.title')}>
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
              // The whole row opens the session; the title stays a link for the keyboard and for screen readers.
              <Table.Tr
                key={session.id}
                style={{ cursor: 'pointer' }}
                onClick={(event) => {
                  if (!(event.target as HTMLElement).closest('a')) navigate('sessions', session.id)
                }}
              >
                <Table.Td>
                  {formatDateTime(session.plannedStart, language)}–{formatTime(session.plannedEnd)}
                </Table.Td>
                <Table.Td>
                  <Anchor href={hrefFor('sessions', session.id)} fw={600} c="inherit">
                    {session.title}
                  </Anchor>
                  {session.themeTitle && session.themeTitle !== session.title && (
                    <Text size="sm" c="dimmed">
                      {session.themeTitle}
                    </Text>
                  )}
                </Table.Td>
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
