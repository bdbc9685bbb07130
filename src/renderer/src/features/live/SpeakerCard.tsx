import { Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { LiveView } from '@shared/domain'
import { speakingMs } from '@shared/speaking'
import { kindLabelKey, limitMsOf, nameOf, personOf, placeLine } from './live-view'
import { SpeakerTimer } from './SpeakerTimer'

/** 现在发言: who holds the mic, where they are from, the applause so far and their timer; read out as it changes. */
export function SpeakerCard({ view, now }: { view: LiveView; now: number }) {
  const { t } = useTranslation()
  const { state } = view
  const current = state.current
  const speaker = personOf(view, current?.personId)
  const kindKey = current ? kindLabelKey(current.kind) : null
  return (
    <Paper withBorder p="md" radius="md" aria-live="polite" aria-label={t('live.nowSpeaking')}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text c="dimmed" fw={700}>
            {t('live.nowSpeaking')}
            {kindKey && ` · ${t(kindKey)}`}
          </Text>
          <Title order={2} fz={44} lh={1.1} data-testid="current-speaker">
            {speaker ? nameOf(view, speaker.personId) : t('live.nobody')}
          </Title>
          <Group gap="md" align="baseline">
            <Text fz="lg" c="dimmed">
              {placeLine(view, speaker)}
            </Text>
            {current && (
              <Text size="sm" c="dimmed">
                {t('live.applauseCount', { count: current.applause })}
              </Text>
            )}
          </Group>
        </Stack>
        {current && (
          <SpeakerTimer elapsedMs={speakingMs(current, state.pausedAt, now)} limitMs={limitMsOf(view, current)} paused={state.pausedAt !== null} size={56} />
        )}
      </Group>
    </Paper>
  )
}
