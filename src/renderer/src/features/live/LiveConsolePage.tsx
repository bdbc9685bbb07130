import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconDeviceTv, IconFlag, IconPlayerPlay } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { attendanceGroups } from '@shared/attendance'
import type { LiveView } from '@shared/domain'
import { api } from '../../api'
import { hrefFor, navigate } from '../../router'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { CheckInPanel } from './CheckInPanel'
import { ConsoleView } from './ConsoleView'
import { commandAction, nameOf } from './live-view'
import { UnmarkedPrompt } from './UnmarkedPrompt'
import { PhaseStepper } from './PhaseStepper'
import { formatClock } from './SpeakerTimer'
import { useCoreClock, useLive, type Live } from './use-live'

/** `#/sessions/<id>/live`: check-in before and during the session, and the console while it is live. */
export function LiveConsolePage({ sessionId }: { sessionId: string }) {
  const live = useLive(sessionId)
  if (live.error) return <ErrorNotice error={live.error} onRetry={live.reload} />
  if (!live.view) return <Loading />
  return <Console live={live as Live & { view: LiveView }} />
}

function Console({ live }: { live: Live & { view: LiveView } }) {
  const { t } = useTranslation()
  const { view } = live
  const { session } = view
  const now = useCoreClock(view.now)
  const [tab, setTab] = useState<string | null>(session.status === 'live' ? 'console' : 'checkIn')
  const [ending, setEnding] = useState(false)
  const [asking, setAsking] = useState<'start' | 'end' | null>(null)
  const startedAt = view.state.phases[0]?.startedAt
  const { unmarked } = attendanceGroups(view.attendance)

  const start = async (): Promise<boolean> => {
    const started = await live.run(() => api.invoke('sessions:start', { id: session.id }))
    if (started) setTab('console')
    return started
  }
  // Through live.run: a refusal (another window ended it first) is shown, not swallowed.
  const end = (): Promise<boolean> => live.run(() => api.invoke('sessions:end', { id: session.id }))
  const everyonePresent = (): Promise<boolean> => live.run(() => api.invoke('live:checkInEveryone', { sessionId: session.id }))

  const step = (delta: 1 | -1): void =>
    void live.perform((latest) => {
      const action = commandAction(delta === 1 ? 'nextPhase' : 'previousPhase', latest, null)
      return action && action !== 'undo' ? () => api.invoke('live:act', { sessionId: latest.session.id, action }) : null
    })

  async function openProjector(): Promise<void> {
    const result = await api.invoke('projector:open', { sessionId: session.id })
    // Without a projector window of its own (the web bridge), a new tab shows the projector page.
    if (result.ok && !result.value.opened) window.open(hrefFor('projector', session.id), '_blank', 'noopener')
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={1} fz={26} lineClamp={1}>
            {session.title}
          </Title>
          <Text c="dimmed" lineClamp={1}>
            {[session.themeTitle, session.venue].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        {/* The title gives way (it is clamped to a line); the clock and the buttons keep their size. */}
        <Group wrap="nowrap" style={{ flexShrink: 0 }}>
          {session.status === 'live' && (
            <Stack gap={0} align="flex-end" aria-label={t('live.sessionClock')}>
              <Text size="xs" c="dimmed">
                {t('live.sessionClock')}
              </Text>
              <Text fw={800} fz={24} style={{ fontVariantNumeric: 'tabular-nums' }} role="timer">
                {startedAt ? formatClock(now - startedAt) : '0:00'}
              </Text>
            </Stack>
          )}
          <Button size="md" variant="default" leftSection={<IconDeviceTv size={20} />} onClick={() => void openProjector()}>
            {t('live.projector')}
          </Button>
          {session.status === 'planned' && (
            <Button
              size="md"
              leftSection={<IconPlayerPlay size={20} />}
              onClick={() => (unmarked.length > 0 ? setAsking('start') : void start())}
            >
              {t('live.start')}
            </Button>
          )}
          {session.status === 'live' && (
            <Button
              size="md"
              color="red"
              variant="light"
              leftSection={<IconFlag size={20} />}
              onClick={() => (unmarked.length > 0 ? setAsking('end') : setEnding(true))}
            >
              {t('live.end')}
            </Button>
          )}
        </Group>
      </Group>

      {session.status === 'ended' && (
        <Alert color="gray" title={t('live.endedTitle')}>
          <Button variant="default" onClick={() => navigate('sessions', session.id)}>
            {t('live.backToSession')}
          </Button>
        </Alert>
      )}
      {session.status === 'cancelled' && <Alert color="gray">{t('validation.session_cancelled')}</Alert>}

      {session.status === 'live' && <PhaseStepper view={view} onSelect={(key) => void live.act({ type: 'phase', segmentId: key === 'closing' ? null : key })} disabled={live.busy} />}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="console" fz="md" disabled={session.status !== 'live'}>
            {t('live.tabs.console')}
          </Tabs.Tab>
          <Tabs.Tab value="checkIn" fz="md">
            {t('live.tabs.checkIn')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="console" pt="md">
          {session.status === 'live' && view.state.phase === null && (
            <Alert color="blue" mb="md">
              {t('live.firstPhaseHint')}
            </Alert>
          )}
          <ConsoleView live={live} now={now} onStep={step} />
        </Tabs.Panel>
        <Tabs.Panel value="checkIn" pt="md">
          <CheckInPanel live={live} />
          {live.actionError && <ErrorNotice error={live.actionError} />}
        </Tabs.Panel>
      </Tabs>

      {asking && (
        <UnmarkedPrompt
          moment={asking}
          error={live.actionError}
          names={unmarked.map((entry) => nameOf(view, entry.personId))}
          onCancel={() => setAsking(null)}
          onGoCheckIn={() => {
            setAsking(null)
            setTab('checkIn')
          }}
          onEveryonePresent={async () => {
            const done = (await everyonePresent()) && (asking === 'start' ? await start() : await end())
            if (done) setAsking(null)
            return done
          }}
          onAnyway={async () => {
            const done = asking === 'start' ? await start() : await end()
            if (done) setAsking(null)
            return done
          }}
        />
      )}
      {ending && (
        <ConfirmModal
          title={t('live.endTitle')}
          message={t('live.endMessage')}
          confirmLabel={t('live.end')}
          danger
          onCancel={() => setEnding(false)}
          onConfirm={async () => {
            const result = await api.invoke('sessions:end', { id: session.id })
            if (result.ok) {
              setEnding(false)
              live.reload()
            }
            return result
          }}
        />
      )}
    </Stack>
  )
}
