import { Box, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { speakingMs, type Turn } from '@shared/speaking'
import { kindLabelKey, limitMsOf, nameOf, personOf, placeLine } from './live-view'
import { SpeakerTimer } from './SpeakerTimer'
import { useCoreClock } from './use-live'

/** 现在发言: who holds the mic, where they are from, the applause so far and their timer; read out as it changes. */
export function SpeakerCard({ view }: { view: LiveView }) {
  const { t } = useTranslation()
  const { state } = view
  const current = state.current
  const speaker = personOf(view, current?.personId)
  const kindKey = current ? kindLabelKey(current.kind) : null
  const name = speaker ? nameOf(view, speaker.personId) : t('live.nobody')
  const place = placeLine(view, speaker)
  return (
    // Half of the console's top strip, the larger one: the name in large type, the timer beside it.
    <Box
      style={{ display: 'flex', gap: 'var(--mantine-spacing-md)', alignItems: 'center', flex: '1.3 1 0', minWidth: 0 }}
      role="region"
      aria-live="polite"
      aria-label={t('live.nowSpeaking')}
    >
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Text c="dimmed" fw={700} size="sm">
          {t('live.nowSpeaking')}
          {kindKey && ` · ${t(kindKey)}`}
        </Text>
        {/* One line: a long name (with its place) gives way at the end rather than pushing the console down. */}
        {/* Nobody speaking is a state, not a name: smaller and grey, so it fits the column in any language. */}
        <Title
          order={2}
          fz={speaker ? 34 : 24}
          lh={1.15}
          c={speaker ? undefined : 'dimmed'}
          title={name}
          style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
          data-testid="current-speaker"
        >
          {name}
        </Title>
        {place && (
          <Text size="sm" c="dimmed" truncate="end" title={place}>
            {place}
          </Text>
        )}
      </Stack>
      {current && (
        <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
          <SpeakingTime view={view} current={current} />
          <Text size="sm" c="dimmed">
            {t('live.applauseCount', { count: current.applause })}
          </Text>
        </Stack>
      )}
    </Box>
  )
}

/**
 * The speaker's time, ticking: the one part of the console that changes with the clock, so the clock lives
 * here (the whole console redrawn four times a second made typing in the remark box slower, issue 16).
 */
function SpeakingTime({ view, current }: { view: LiveView; current: Turn }) {
  const now = useCoreClock(view.now)
  return <SpeakerTimer elapsedMs={speakingMs(current, view.state.pausedAt, now)} limitMs={limitMsOf(view, current)} paused={view.state.pausedAt !== null} size={40} />
}
