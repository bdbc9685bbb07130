import { Button, Card, Group, Text, Title } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import { TOUR_STEPS } from '@shared/domain'
import { useFirstRun } from './first-run'
import { startTour } from './start-tour'
import { stepIndex } from './tour-steps'

/** 设置 → 导览: where the walk-through stands; carry on from the step it was left at, or start again. */
export function TourSettingsCard() {
  const { t } = useTranslation()
  const { firstRun, update } = useFirstRun()
  const tour = firstRun?.tour
  if (!tour) return null
  const params = { current: stepIndex(tour.step) + 1, total: TOUR_STEPS.length, step: t(`tour.steps.${tour.step}.title`) }
  const canResume = tour.status === 'left' || tour.status === 'running'
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tour-heading">
      <Title order={2} fz="lg" id="tour-heading" mb="xs">
        {t('tour.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`tour.settings.${tour.status}`, params)}
      </Text>
      <Group>
        {canResume && (
          <Button size="md" onClick={() => void startTour(update, tour, 'resume')}>
            {t('tour.settings.resume', params)}
          </Button>
        )}
        <Button size="md" variant={canResume ? 'default' : 'filled'} onClick={() => void startTour(update, tour, 'restart')}>
          {tour.status === 'notStarted' ? t('tour.settings.start') : t('tour.settings.restart')}
        </Button>
      </Group>
    </Card>
  )
}
