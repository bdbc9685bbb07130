import { Badge, Card, Group, Table, Text, Title } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import { markOf, tallyAttendance } from '@shared/attendance'
import type { AttendanceEntry, SessionDetail } from '@shared/domain'
import { fullPlaceOf, placeOf } from '@shared/people'
import { AttendanceCounts } from '../../common/AttendanceCounts'
import { attendanceLabels } from '../../common/person-labels'
import { formatTime } from '../../format'
import { SeatPlan } from '../seating/SeatPlan'

const MARK_COLOR = { present: 'green', absent: 'orange', unmarked: 'yellow' } as const

/**
 * 参加人员与座位: the plan before the session; once check-in has begun, attendance as recorded — walk-ins
 * (列席), absentees with their reasons and those 未签到 — counted by the one rule in src/shared/attendance.ts.
 */
export function SessionAttendance({ session }: { session: SessionDetail }) {
  const { t } = useTranslation()
  const { attendance } = session
  // A session that ran (or has begun check-in) shows what was recorded; a cancelled one only its plan.
  const recorded = session.status === 'live' || session.status === 'ended' || (session.status === 'planned' && attendance.some((entry) => markOf(entry) !== 'unmarked'))
  const labels = attendanceLabels(attendance)
  const seated = attendance.filter((entry) => entry.seatNumber !== null)
  const counts = tallyAttendance(attendance)
  const markText = (entry: AttendanceEntry): string => {
    const mark = markOf(entry)
    if (mark === 'present') return entry.checkedInAt !== null ? t('sessionDetail.presentAt', { time: formatTime(entry.checkedInAt) }) : t('live.checkIn.marks.present')
    if (mark === 'absent') return entry.absentReason ? t('sessionDetail.absentBecause', { reason: entry.absentReason }) : t('live.checkIn.marks.absent')
    return t('live.checkIn.marks.unmarked')
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="seating-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="seating-heading">
          {t('sessionDetail.seating', { count: attendance.length })}
        </Title>
        {recorded && (
          <AttendanceCounts counts={counts} size="lg" testId="session-attendance-counts" />
        )}
      </Group>
      <Group align="flex-start" gap="xl">
        {seated.length > 0 && (
          <SeatPlan
            label={t('seating.plan')}
            layout={session.seatLayout}
            width={460}
            maxWidth={1180}
            maxHeight={560}
            centre={<Text fw={600}>{session.themeTitle ?? session.title}</Text>}
            seats={seated.map((entry) => ({
              key: entry.personId,
              number: entry.seatNumber!,
              name: labels.get(entry.personId) ?? entry.name,
              ...(recorded ? { tone: markOf(entry), status: t(`live.checkIn.marks.${markOf(entry)}`) } : { detail: placeOf(entry) })
            }))}
          />
        )}
        <Table style={{ flex: 1, minWidth: 360 }} aria-label={t('planner.invitees.title')}>
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('planner.invitees.seat')}</Table.Th>
              <Table.Th>{t('people.columns.name')}</Table.Th>
              <Table.Th>{t('people.columns.organisation')}</Table.Th>
              <Table.Th>{t('planner.invitees.role')}</Table.Th>
              {recorded && <Table.Th>{t('live.checkIn.status')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attendance.map((entry) => (
              <Table.Tr key={entry.personId}>
                <Table.Td fw={700}>{entry.seatNumber ?? '—'}</Table.Td>
                <Table.Td fw={600}>
                  {labels.get(entry.personId) ?? entry.name}
                  {!entry.invited && (
                    <Badge ml="xs" size="sm" variant="outline">
                      {t('live.checkIn.walkInBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{fullPlaceOf(entry)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`roles.${entry.role}`)}</Table.Td>
                {recorded && (
                  <Table.Td>
                    <Text size="sm" fw={600} c={`${MARK_COLOR[markOf(entry)]}.8`}>
                      {markText(entry)}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Group>
    </Card>
  )
}
