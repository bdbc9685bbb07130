import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconChecks } from '@tabler/icons-react'
import { useState } from 'react'
import { markOf } from '@shared/attendance'
import { useTranslation } from 'react-i18next'
import type { AttendanceEntry, LiveView } from '@shared/domain'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { AttendanceCounts } from '../../common/AttendanceCounts'
import { PersonAdder } from '../people/PersonAdder'
import { RoundTable } from '../seating/RoundTable'
import { attendanceCounts, nameOf, seatTone } from './live-view'
import type { Live } from './use-live'

/** 签到: present or absent (with a reason) on the list or by a click on the seat map; walk-ins join at a free seat. */
export function CheckInPanel({ live }: { live: Live & { view: LiveView } }) {
  const { t } = useTranslation()
  const { view } = live
  const sessionId = view.session.id
  const counts = attendanceCounts(view)
  const people = useChannel('people:list', {}, ['people:changed'])
  const listed = new Set(view.attendance.map((entry) => entry.personId))
  const candidates = (people.data ?? []).filter((person) => !listed.has(person.id))

  const mark = (entry: AttendanceEntry, present: boolean, reason = ''): Promise<boolean> =>
    live.run(() => api.invoke('live:checkIn', { sessionId, personId: entry.personId, present, reason }))
  const addWalkIn = (personId: string): Promise<boolean> =>
    live.run(() => api.invoke('live:addWalkIn', { sessionId, personId, seatNumber: null }))
  const everyonePresent = (): Promise<boolean> => live.run(() => api.invoke('live:checkInEveryone', { sessionId }))

  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack align="center" gap="xs">
        <RoundTable
          size={440}
          label={t('live.checkIn.map')}
          centre={
            <Stack gap={0} align="center">
              <Text fw={800} fz={28}>
                {counts.present}/{counts.expected}
              </Text>
              <Text size="sm">{t('live.checkIn.presentOfExpected')}</Text>
            </Stack>
          }
          seats={view.attendance
            .filter((entry) => entry.seatNumber !== null)
            .map((entry) => {
              const tone = seatTone(view, entry, undefined)
              return { key: entry.personId, number: entry.seatNumber!, name: nameOf(view, entry.personId), tone, status: t(`live.checkIn.marks.${markOf(entry)}`) }
            })}
          onSeatClick={(seat) => {
            const entry = view.attendance.find((candidate) => candidate.personId === seat.key)
            // A walk-in is there by definition: a click on their seat does not make them absent.
            if (entry && (entry.invited || markOf(entry) !== 'present')) void mark(entry, markOf(entry) !== 'present')
          }}
        />
        <Text size="sm" c="dimmed" maw={420} ta="center">
          {t('live.checkIn.mapHelp')}
        </Text>
      </Stack>
      <Stack style={{ flex: 1, minWidth: 0 }}>
        <AttendanceCounts counts={counts} size="xl" testId="attendance-counts">
          <Button variant="light" color="green" leftSection={<IconChecks size={18} />} disabled={counts.unmarked === 0 || live.busy} onClick={() => void everyonePresent()}>
            {t('live.checkIn.everyonePresent')}
          </Button>
        </AttendanceCounts>
        <Table verticalSpacing={6} aria-label={t('live.checkIn.list')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('planner.invitees.seat')}</Table.Th>
              <Table.Th>{t('people.columns.name')}</Table.Th>
              <Table.Th w={230}>{t('live.checkIn.status')}</Table.Th>
              <Table.Th>{t('live.checkIn.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.attendance.map((entry) => (
              <CheckInRow key={entry.personId} entry={entry} label={nameOf(view, entry.personId)} onMark={(present, reason) => void mark(entry, present, reason)} />
            ))}
          </Table.Tbody>
        </Table>
        <PersonAdder label={t('live.checkIn.walkIn')} candidates={candidates} onAdd={(personId) => void addWalkIn(personId)} width={320} />
      </Stack>
    </Group>
  )
}

function CheckInRow({ entry, label, onMark }: { entry: AttendanceEntry; label: string; onMark: (present: boolean, reason?: string) => void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState(entry.absentReason)
  return (
    <Table.Tr>
      <Table.Td fw={700}>{entry.seatNumber ?? '—'}</Table.Td>
      <Table.Td>
        <Text fw={600}>
          {label}
          {!entry.invited && (
            <Badge ml="xs" size="sm" variant="outline">
              {t('live.checkIn.walkInBadge')}
            </Badge>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`roles.${entry.role}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <SegmentedControl
          aria-label={t('live.checkIn.statusOf', { name: label })}
          value={markOf(entry)}
          onChange={(value) => value !== 'unmarked' && onMark(value === 'present', reason)}
          data={[
            { value: 'present', label: t('live.checkIn.marks.present') },
            // 缺席 is for the invited: a walk-in is on the list because they came.
            { value: 'absent', label: t('live.checkIn.marks.absent'), disabled: !entry.invited },
            { value: 'unmarked', label: t('live.checkIn.marks.unmarked'), disabled: true }
          ]}
        />
      </Table.Td>
      <Table.Td>
        {entry.absent && (
          <TextInput
            aria-label={t('live.checkIn.reasonOf', { name: label })}
            placeholder={t('live.checkIn.reasonPlaceholder')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            onBlur={() => reason !== entry.absentReason && onMark(false, reason)}
            onKeyDown={(event) => event.key === 'Enter' && reason !== entry.absentReason && onMark(false, reason)}
          />
        )}
      </Table.Td>
    </Table.Tr>
  )
}
