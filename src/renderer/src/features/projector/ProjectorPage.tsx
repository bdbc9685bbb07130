import { Box, Center, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import { speakingMs } from '@shared/speaking'
import { useChannel } from '../../api/use-channel'
import { formatChinaSpan } from '@shared/china-time'
import { useSettings } from '../../shell/settings-context'
import { limitMsOf, nameOf, personOf, phaseName, phaseText, placeLine } from '../live/live-view'
import { formatClock, TONE_COLOR, timerTone } from '../live/SpeakerTimer'
import { useCoreClock } from '../live/use-live'
import classes from './ProjectorPage.module.css'

/**
 * 投屏: theme, phase, 现在发言 and 下一位 in very large type for the room (a name is 12% of the window
 * height), following every action through `session:changed`.
 */
export function ProjectorPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  const live = useChannel('live:get', { sessionId }, ['session:changed', 'people:changed'])
  const now = useCoreClock(live.data?.now, 200)
  if (!live.data) {
    return (
      <Center h="100vh" className={classes.screen}>
        {live.error ? <Text fz="4vh">{t(`errors.${live.error.code}`)}</Text> : <Loader color="white" />}
      </Center>
    )
  }
  const view = live.data
  const { state } = view
  const speaker = personOf(view, state.current?.personId)
  const next = personOf(view, state.queue[0]?.personId)
  const theme = view.session.themeTitle ?? view.session.title
  if (view.session.status === 'ended') {
    const { startedAt, endedAt, plannedStart } = view.session
    return (
      <Center className={classes.screen} p="4vh">
        <Stack align="center" gap="4vh" data-testid="projector-ended">
          <Text className={classes.adjourned}>{t('projector.adjourned')}</Text>
          <Text className={classes.theme} ta="center" data-testid="projector-theme">
            {theme}
          </Text>
          <Text className={classes.phase} data-testid="projector-time">
            {formatChinaSpan(startedAt ?? plannedStart, endedAt ?? view.now, language)}
          </Text>
        </Stack>
      </Center>
    )
  }
  const name = phaseName(view, state.phase)
  const phase = name ? phaseText(name, t) : t('projector.welcome')
  const limitMs = limitMsOf(view, state.current)
  const elapsedMs = state.current ? speakingMs(state.current, state.pausedAt, now) : 0
  const tone = timerTone(elapsedMs, limitMs)
  const clock = limitMs === null ? formatClock(elapsedMs) : `${tone === 'overtime' ? '+' : ''}${formatClock(limitMs - elapsedMs)}`

  return (
    <Box className={classes.screen} p="4vh">
      <Stack h="100%" justify="space-between" gap="2vh">
        <Stack gap="1vh">
          <Text className={classes.theme} data-testid="projector-theme">
            {theme}
          </Text>
          <Text className={classes.phase} data-testid="projector-phase">
            {phase}
            {state.mode === 'round' ? ` · ${t('live.roundNumber', { round: state.round })}` : ''}
          </Text>
        </Stack>
        <Stack gap="1vh">
          <Text className={classes.label}>{t('live.nowSpeaking')}</Text>
          <Text className={classes.name} data-testid="projector-current">
            {speaker ? nameOf(view, speaker.personId) : '—'}
          </Text>
          <Text className={classes.place}>{placeLine(view, speaker)}</Text>
        </Stack>
        <Box className={classes.bottom}>
          <Stack gap="0.5vh">
            <Text className={classes.label}>{t('live.next')}</Text>
            <Text className={classes.next} data-testid="projector-next">
              {next ? nameOf(view, next.personId) : '—'}
            </Text>
          </Stack>
          {state.current && (
            <Text className={classes.clock} c={tone === 'normal' ? 'white' : TONE_COLOR[tone].replace('.7', '.4')} role="timer" data-tone={tone}>
              {clock}
            </Text>
          )}
        </Box>
      </Stack>
    </Box>
  )
}
