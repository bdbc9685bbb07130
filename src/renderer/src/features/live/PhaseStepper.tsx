import { Group, Kbd, Stepper, Text } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { currentPhaseIndex, phaseKeys, phaseName, phaseText } from './live-view'
import { KEYS } from './shortcuts'

/** 学习研讨 → 圆桌时间 → 总结, after the agenda; a click (or PgUp/PgDn) moves there. */
export function PhaseStepper({ view, onSelect, disabled }: { view: LiveView; onSelect: (key: string) => void; disabled: boolean }) {
  const { t } = useTranslation()
  const keys = phaseKeys(view)
  const active = currentPhaseIndex(view)
  const label = (key: string): string => {
    const name = phaseName(view, key)
    return name ? phaseText(name, t) : ''
  }
  const detail = (key: string): string => {
    const segment = view.session.agenda.find((candidate) => candidate.id === key)
    if (!segment) return ''
    return [segment.lecturerName, t('sessionDetail.minutes', { count: segment.plannedMinutes })].filter(Boolean).join(' · ')
  }
  return (
    <Group align="center" wrap="nowrap" gap="md">
      <Stepper
        active={active}
        onStepClick={(index) => !disabled && onSelect(keys[index]!)}
        allowNextStepsSelect={!disabled}
        size="sm"
        style={{ flex: 1 }}
        aria-label={t('live.phases.label')}
      >
        {keys.map((key) => (
          <Stepper.Step key={key} label={label(key)} description={detail(key)} />
        ))}
      </Stepper>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        <Kbd>{KEYS.previousPhase[0]}</Kbd> <Kbd>{KEYS.nextPhase[0]}</Kbd>
      </Text>
    </Group>
  )
}
