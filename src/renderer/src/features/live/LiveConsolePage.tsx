import { Alert, Button, Group, Tabs, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { navigate } from '../../router'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { LoadedComponent, usePreloadWhenIdle } from '../../shell/LoadedComponent'
import { Loading } from '../../shell/Loading'
import { moduleLoader } from '../../shell/module-loader'
import { CHECK_IN_MODULE } from '../../shell/pages'
import { ConsoleHeader } from './ConsoleHeader'
import classes from './LiveConsolePage.module.css'
import { ConsoleView } from './ConsoleView'
import { PhaseStepper } from './PhaseStepper'
import { useLive, type Live } from './use-live'
import { useStartEnd } from './use-start-end'

// The 签到 tab (its table, the walk-in form; shell/pages.ts) and the dialogs of 开始场次 / 结束场次 are not in a live
// session's first draw: chunks of their own, fetched once it has been drawn and the browser is idle (ConsoleView.tsx: why).
const START_END_DIALOGS = moduleLoader(() => import('./StartEndDialogs').then((m) => m.StartEndDialogs))
const LATER = [CHECK_IN_MODULE, START_END_DIALOGS]

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
  const [tab, setTab] = useState<string | null>(session.status === 'live' ? 'console' : 'checkIn')
  const flow = useStartEnd(live, () => setTab('console'))
  usePreloadWhenIdle(LATER)

  return (
    // The whole page is the tabs' root, so that 现场 / 签到 sit in the header row and the console gets the height.
    <Tabs value={tab} onChange={setTab} keepMounted={false} className={classes.page} data-fill={tab === 'console' || undefined}>
      <ConsoleHeader
        view={view}
        onStart={flow.askStart}
        onEnd={flow.askEnd}
        tabs={
          <Tabs.List>
            <Tabs.Tab value="console" fz="md" disabled={session.status !== 'live'}>
              {t('live.tabs.console')}
            </Tabs.Tab>
            <Tabs.Tab value="checkIn" fz="md">
              {t('live.tabs.checkIn')}
            </Tabs.Tab>
          </Tabs.List>
        }
      />

      {session.status === 'ended' && (
        <Alert color="gray" py="xs">
          <Group justify="space-between">
            <Text fw={700}>{t('live.endedTitle')}</Text>
            <Button variant="default" onClick={() => navigate('sessions', session.id)}>
              {t('live.backToSession')}
            </Button>
          </Group>
        </Alert>
      )}
      {session.status === 'cancelled' && <Alert color="gray">{t('validation.session_cancelled')}</Alert>}

      {session.status === 'live' && <PhaseStepper view={view} onSelect={(key) => void live.act({ type: 'phase', segmentId: key === 'closing' ? null : key })} disabled={live.busy} />}

      <Tabs.Panel value="console" className={classes.consolePanel}>
        <ConsoleView live={live} hint={session.status === 'live' && view.state.phase === null ? t('live.firstPhaseHint') : null} />
      </Tabs.Panel>
      <Tabs.Panel value="checkIn" pt="xs">
        <LoadedComponent loader={CHECK_IN_MODULE} props={{ live }} />
        {live.actionError && <ErrorNotice error={live.actionError} />}
      </Tabs.Panel>

      {(flow.asking || flow.ending) && (
        <LoadedComponent loader={START_END_DIALOGS} fallback={null} props={{ live, flow, onGoCheckIn: () => setTab('checkIn') }} />
      )}
    </Tabs>
  )
}
