import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconChecks, IconSearch } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { markOf } from '@shared/attendance'
import { useTranslation } from '../../i18n/use-translation'
import type { AttendanceEntry, LiveView } from '@shared/domain'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { AttendanceCounts } from '../../common/AttendanceCounts'
import { SeatPlan } from '../seating/SeatPlan'
import { attendanceCounts, matchesFind, nameOf, seatTone } from './live-view'
import type { Live } from './use-live'
import { WalkInAdder } from './WalkInAdder'

/**
 * 签到: present or absent (with a reason) on the list or by a click on the seat map, 全部出席 for everyone still
 * 未签到; a box finds a person on the list as their name or place is typed; walk-ins, several at once, join at free seats.
 */
export function CheckInPanel({ live }: { live: Live & { view: LiveView } }) {
  const { t } = useTranslation()
  const { view } = live
  const sessionId = view.session.id
  const counts = attendanceCounts(view)
  const people = useChannel('people:list', {}, ['people:changed'])
  const listed = new Set(view.attendance.map((entry) => entry.personId))
  const candidates = (people.data ?? []).filter((person) => !listed.has(person.id))
  const [find, setFind] = useState('')
  const list = useRef<HTMLTableElement>(null)
  const shown = view.attendance.filter((entry) => matchesFind(view, entry, find))

  const mark = (entry: AttendanceEntry, present: boolean, reason = ''): Promise<boolean> =>
    live.run(() => api.invoke('live:checkIn', { sessionId, personId: entry.personId, present, reason }))
  const addWalkIns = (personIds: string[]): Promise<boolean> => live.run(() => api.invoke('live:addWalkIns', { sessionId, personIds }))
  // Enter in the find box goes to the first person found: their 签到 (出席 / 缺席) takes the arrows and Space.
  const focusFirstFound = (): void => {
    const radios = list.current?.querySelector('tbody [role="radiogroup"]')
    const target = radios?.querySelector<HTMLInputElement>('input:checked:not(:disabled)') ?? radios?.querySelector<HTMLInputElement>('input:not(:disabled)')
    target?.focus()
  }
  const everyonePresent = (): Promise<boolean> => live.run(() => api.invoke('live:checkInEveryone', { sessionId }))

  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack align="center" gap="xs">
        <SeatPlan
          layout={view.session.seatLayout}
          width={440}
          maxWidth={720}
          maxHeight={560}
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
        <TextInput
          size="md"
          maw={360}
          leftSection={<IconSearch size={18} />}
          label={t('live.checkIn.find')}
          placeholder={t('live.checkIn.findPlaceholder')}
          value={find}
          onChange={(event) => setFind(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              focusFirstFound()
            } else if (event.key === 'Escape') setFind('')
          }}
          description={find.trim() ? t('live.checkIn.found', { count: shown.length, total: view.attendance.length }) : undefined}
        />
        <Table ref={list} verticalSpacing={6} aria-label={t('live.checkIn.list')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('planner.invitees.seat')}</Table.Th>
              <Table.Th>{t('people.columns.name')}</Table.Th>
              <Table.Th w={230}>{t('live.checkIn.status')}</Table.Th>
              <Table.Th>{t('live.checkIn.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((entry) => (
              <CheckInRow key={entry.personId} entry={entry} label={nameOf(view, entry.personId)} onMark={(present, reason) => void mark(entry, present, reason)} />
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && <Text c="dimmed">{t('live.checkIn.notFound')}</Text>}
        <WalkInAdder candidates={candidates} onAdd={addWalkIns} busy={live.busy} />
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
