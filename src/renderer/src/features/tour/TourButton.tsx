import { Button } from '@mantine/core'
import { IconMapPin } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import { useFirstRun } from './first-run'
import { startTour } from './start-tour'

/** The shell's 导览 button: starts the walk-through, or carries on where it was left. Hidden while it runs. */
export function TourButton() {
  const { t } = useTranslation()
  const { firstRun, update } = useFirstRun()
  const tour = firstRun?.tour
  if (!tour || tour.status === 'running') return null
  const resumes = tour.status === 'left'
  return (
    <Button variant="light" size="sm" leftSection={<IconMapPin size={18} />} onClick={() => void startTour(update, tour, resumes ? 'resume' : 'restart')}>
      {resumes ? t('tour.resumeButton') : t('tour.button')}
    </Button>
  )
}
