import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCopy, IconFileExport, IconInfoCircle, IconPencil, IconPlayerPlay, IconPrinter, IconX } from '@tabler/icons-react'
import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { AFTER_SESSION_DOCUMENTS, BEFORE_SESSION_DOCUMENTS, type SessionDetail } from '@shared/domain'
import { api } from '../../api'
import { useAction } from '../../api/use-action'
import { useChannel } from '../../api/use-channel'
import { attendanceLabels, personOptions } from '../../common/person-labels'
import { STATUS_COLOR } from '../../common/session-status'
import { formatDateTime, formatTime } from '../../format'
import { navigate } from '../../router'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { DecisionForm } from '../decisions/DecisionForm'
import { MinutesPreview } from '../minutes/MinutesPreview'
import { PhotosCard } from '../photos/PhotosCard'
import { DecisionTable } from '../decisions/DecisionTable'
import { RemarkList } from '../remarks/RemarkList'
import { SessionAttendance } from './SessionAttendance'

export function SessionDetailPage({ sessionId, remarkId }: { sessionId: string; remarkId?: string }) {
  const session = useChannel('sessions:get', { id: sessionId }, ['session:changed'])
  if (session.error) return <ErrorNotice error={session.error} onRetry={session.reload} />
  if (!session.data) return <Loading />
  return <SessionView session={session.data} remarkId={remarkId} />
}

/** The session's page: its facts and agenda, who came, and once it has run its remarks, 议定事项 and summary. */
function SessionView({ session, remarkId }: { session: SessionDetail; remarkId?: string }) {
  const { t } = useTranslation()
  const [cancelling, setCancelling] = useState(false)
  // Which documents the preview offers: the 签到表 and 会议通知 printed before, or the three filed after.
  const [previewing, setPreviewing] = useState<'before' | 'after' | null>(null)
  return (
    <>
      <PageHeader
        title={session.title}
        actions={<SessionActions session={session} onPreview={setPreviewing} onCancel={() => setCancelling(true)} />}
      />
      <Stack gap="lg">
        {session.isDemo && (
          <Alert icon={<IconInfoCircle />} color="blue" title={t('demo.title')}>
            {t('demo.explain')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <SessionFacts session={session} />
          <SessionAgenda session={session} />
        </SimpleGrid>
        <SessionAttendance session={session} />
        {(session.status === 'live' || session.status === 'ended') && (
          <>
            <SessionRemarks session={session} remarkId={remarkId} />
            <SessionReview session={session} />
          </>
        )}
        <PhotosCard session={session} />
      </Stack>
      {previewing && (
        <MinutesPreview
          sessionId={session.id}
          documents={previewing === 'before' ? BEFORE_SESSION_DOCUMENTS : AFTER_SESSION_DOCUMENTS}
          title={t(previewing === 'before' ? 'minutes.beforeTitle' : 'minutes.previewTitle')}
          onClose={() => setPreviewing(null)}
        />
      )}
      {cancelling && (
        <ConfirmModal
          title={t('sessionDetail.cancelTitle')}
          message={t('sessionDetail.cancelMessage')}
          confirmLabel={t('sessionDetail.cancel')}
          danger
          onCancel={() => setCancelling(false)}
          onConfirm={async () => {
            const result = await api.invoke('sessions:cancel', { id: session.id })
            if (result.ok) setCancelling(false)
            return result
          }}
        />
      )}
    </>
  )
}

/** The status, and what can be done with the session now: go live, edit, print its 签到表 and 会议通知, export, duplicate, cancel. */
function SessionActions({ session, onPreview, onCancel }: { session: SessionDetail; onPreview: (when: 'before' | 'after') => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const planned = session.status === 'planned'

  return (
    <Group>
      <Badge size="xl" color={STATUS_COLOR[session.status]} variant="light">
        {t(`sessions.status.${session.status}`)}
      </Badge>
      {(planned || session.status === 'live') && (
        <Button size="md" leftSection={<IconPlayerPlay size={20} />} onClick={() => navigate('sessions', session.id, 'live')}>
          {planned ? t('sessionDetail.goLive') : t('sessionDetail.backToLive')}
        </Button>
      )}
      {planned && (
        <Button size="md" variant="default" leftSection={<IconPencil size={20} />} onClick={() => navigate('sessions', session.id, 'edit')}>
          {t('sessionDetail.edit')}
        </Button>
      )}
      {session.status !== 'cancelled' && (
        // Printed before the session: one click to the sheet as it will print, one more to print it.
        <Button size="md" variant="default" leftSection={<IconPrinter size={20} />} onClick={() => onPreview('before')}>
          {t('sessionDetail.printBefore')}
        </Button>
      )}
      {(session.status === 'live' || session.status === 'ended') && (
        // Once a session has ended, its minutes are what the organiser came for.
        <Button size="md" variant={session.status === 'ended' ? 'filled' : 'default'} leftSection={<IconFileExport size={20} />} onClick={() => onPreview('after')}>
          {t('minutes.export')}
        </Button>
      )}
      <Button size="md" variant="default" leftSection={<IconCopy size={20} />} onClick={() => navigate('sessions', 'new', 'copy', session.id)}>
        {t('sessionDetail.duplicate')}
      </Button>
      {planned && (
        <Button size="md" variant="default" color="red" leftSection={<IconX size={20} />} onClick={onCancel}>
          {t('sessionDetail.cancel')}
        </Button>
      )}
    </Group>
  )
}

/** When and where, who hosts and records, and the speaking limit; once it has run, when it really did. */
function SessionFacts({ session }: { session: SessionDetail }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  const labels = attendanceLabels(session.attendance)
  const facts: [string, string][] = [
    [t('sessionDetail.time'), `${formatDateTime(session.plannedStart, language)}–${formatTime(session.plannedEnd)}`],
    // Once it has run, when it really did (the minutes use these times).
    ...(session.startedAt !== null
      ? [[t('sessionDetail.actualTime'), `${formatDateTime(session.startedAt, language)}–${session.endedAt !== null ? formatTime(session.endedAt) : t('sessionDetail.running')}`] as [string, string]]
      : []),
    [t('planner.fields.venue'), session.venue],
    [t('planner.fields.theme'), session.themeTitle ?? t('common.none')],
    [t('planner.fields.host'), (session.hostId && labels.get(session.hostId)) || session.hostName || t('common.none')],
    [t('planner.fields.recorder'), (session.recorderId && labels.get(session.recorderId)) || session.recorderName || t('common.none')],
    [t('planner.fields.organiser'), session.organiserUnit],
    // Where it was recorded, for a session that came in an archive pack from a village laptop.
    ...(session.sourceLaptop !== null ? [[t('sessionDetail.source'), session.sourceLaptop] as [string, string]] : []),
    [
      t('sessionDetail.speakerLimit'),
      session.speakerLimitSeconds ? t('sessionDetail.minutes', { count: session.speakerLimitSeconds / 60 }) : t('common.none')
    ]
  ]
  return (
    <Card withBorder padding="lg">
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}

/** The agenda as planned: each segment with its lecturer or title, topic and minutes. */
function SessionAgenda({ session }: { session: SessionDetail }) {
  const { t } = useTranslation()
  const labels = attendanceLabels(session.attendance)
  return (
    <SectionCard id="agenda-view-heading" title={t('planner.agenda.title')}>
      {session.agenda.length === 0 && <Text c="dimmed">{t('sessionDetail.noAgenda')}</Text>}
      <Stack gap="xs">
        {session.agenda.map((segment, index) => (
          <Group key={segment.id} wrap="nowrap" align="flex-start">
            <Text fw={700} w={20}>
              {index + 1}
            </Text>
            <div style={{ flex: 1 }}>
              <Text fw={600}>
                {t(`planner.agenda.kinds.${segment.kind}`)}
                {segment.kind === 'study' && segment.lecturerName ? ` · ${(segment.lecturerId && labels.get(segment.lecturerId)) || segment.lecturerName}` : ''}
                {segment.kind !== 'study' && segment.title ? ` · ${segment.title}` : ''}
              </Text>
              {segment.topic && <Text c="dimmed">{segment.topic}</Text>}
            </div>
            <Text c="dimmed">{t('sessionDetail.minutes', { count: segment.plannedMinutes })}</Text>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  )
}

/** The session's remarks, grouped by speaker in speaking order. */
function SessionRemarks({ session, remarkId }: { session: SessionDetail; remarkId?: string }) {
  const { t } = useTranslation()
  const remarks = useChannel('remarks:list', { sessionId: session.id }, ['remarks:changed'])
  // Everyone on the session can be chosen in 改为, named as the session names them. Kept while the list
  // is the same, so that a reload of something else does not draw every remark again.
  const people = useMemo(() => personOptions(session.attendance), [session.attendance])
  const names = useMemo(() => attendanceLabels(session.attendance), [session.attendance])
  return (
    <SectionCard id="remarks-heading" title={t('remarks.title')}>
      {remarks.error && <ErrorNotice error={remarks.error} onRetry={remarks.reload} />}
      {remarks.data && <RemarkList remarks={remarks.data} people={people} names={names} highlightId={remarkId} />}
    </SectionCard>
  )
}

/** After (or during) the session: 议定事项 and the host's closing summary. */
function SessionReview({ session }: { session: SessionDetail }) {
  const { t } = useTranslation()
  const decisions = useChannel('decisions:list', { sessionId: session.id }, ['decisions:changed'])
  const [summary, setSummary] = useState(session.summary)
  const save = useAction('sessions:setSummary')
  // Anyone on the session can be 负责人, named as the session names them: the same options while the list is
  // the same (a new list on every render gave the open 负责人 picker new options under the typing).
  const people = useMemo(() => personOptions(session.attendance), [session.attendance])
  return (
    <>
      <SectionCard id="decisions-heading" title={t('decisions.title')}>
        {decisions.data && <DecisionTable decisions={decisions.data} showSession={false} />}
        <DecisionForm sessionId={session.id} people={people} />
      </SectionCard>
      <SectionCard id="summary-heading" title={t('sessionDetail.summary')}>
        <Textarea
          aria-labelledby="summary-heading"
          placeholder={t('sessionDetail.summaryPlaceholder')}
          autosize
          minRows={4}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
        />
        <Group mt="sm">
          <Button
            disabled={summary === session.summary}
            loading={save.running}
            onClick={async () => {
              const result = await save.run({ id: session.id, summary })
              if (result.ok) notifications.show({ color: 'green', message: t('sessionDetail.summarySaved') })
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </SectionCard>
    </>
  )
}

/** A card of the session page with its heading, which names it for screen readers (a region). */
function SectionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  )
}
