import { Button, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { IconDeviceTv, IconFlag, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { api } from '../../api'
import { hrefFor } from '../../router'
import { formatClock } from './SpeakerTimer'
import { useCoreClock } from './use-live'

interface Props {
  view: LiveView
  /** 开始场次 and 结束场次: they may ask about people still 未签到 first (StartEndDialogs). */
  onStart: () => void
  onEnd: () => void
  /** 现场 / 签到, between the title and the clock: one row for all of it, so the console keeps the height. */
  tabs: ReactNode
}

/** The session's title and place, the tabs, its clock while live, the projector, and 开始场次 / 结束场次. */
export function ConsoleHeader({ view, onStart, onEnd, tabs }: Props) {
  const { t } = useTranslation()
  const { session } = view
  const place = [session.themeTitle, session.venue].filter(Boolean).join(' · ')
  return (
    <Group justify="space-between" wrap="nowrap" align="center" gap="md">
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Title order={1} fz={24} lh={1.25} lineClamp={1} title={session.title}>
          {session.title}
        </Title>
        <Text c="dimmed" size="sm" lineClamp={1} title={place}>
          {place}
        </Text>
      </Stack>
      {/* The title gives way (it is clamped to a line); the tabs, the clock and the buttons keep their size. */}
      <Group wrap="nowrap" style={{ flexShrink: 0 }}>
        {tabs}
        {session.status === 'live' && <SessionClock view={view} />}
        <Button size="md" variant="default" leftSection={<IconDeviceTv size={20} />} onClick={() => void openProjector(session.id)}>
          {t('live.projector')}
        </Button>
        {session.status === 'planned' && (
          <Button size="md" leftSection={<IconPlayerPlay size={20} />} onClick={onStart}>
            {t('live.start')}
          </Button>
        )}
        {session.status === 'live' && (
          <Button size="md" color="red" variant="light" leftSection={<IconFlag size={20} />} onClick={onEnd}>
            {t('live.end')}
          </Button>
        )}
      </Group>
    </Group>
  )
}

/** How long the session has run, from the start of its first phase. */
function SessionClock({ view }: { view: LiveView }) {
  const { t } = useTranslation()
  // The clock ticks here only, not in the whole console (see SpeakerCard's SpeakingTime).
  const now = useCoreClock(view.now)
  const startedAt = view.state.phases[0]?.startedAt
  return (
    <Stack gap={0} align="flex-end" aria-label={t('live.sessionClock')}>
      <Text size="xs" c="dimmed">
        {t('live.sessionClock')}
      </Text>
      <Text fw={800} fz={24} style={{ fontVariantNumeric: 'tabular-nums' }} role="timer">
        {startedAt ? formatClock(now - startedAt) : '0:00'}
      </Text>
    </Stack>
  )
}

async function openProjector(sessionId: string): Promise<void> {
  const result = await api.invoke('projector:open', { sessionId })
  // Without a projector window of its own (the web bridge), a new tab shows the projector page.
  if (result.ok && !result.value.opened) window.open(hrefFor('projector', sessionId), '_blank', 'noopener')
}
