import { ActionIcon, Group, NumberInput, Paper, Text, Tooltip } from '@mantine/core'
import { IconArrowBackUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MinutesVolunteer } from '@shared/minutes'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'

/**
 * 服务时长 before the 志愿服务活动记录 is exported: each volunteer's hours come from their own time
 * (src/shared/attendance.ts); the organiser may correct them, in half hours, or go back to the computed value.
 */
export function VolunteerHoursEditor({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation()
  const minutes = useChannel('minutes:get', { sessionId }, ['session:changed'])
  const volunteers = minutes.data?.volunteers ?? []
  if (volunteers.length === 0) return null
  const save = (volunteer: MinutesVolunteer, hours: number | null): void => {
    const corrected = hours === null || hours === volunteer.computedHours ? null : hours
    if (corrected === (volunteer.corrected ? volunteer.hours : null)) return
    void api.invoke('attendance:setServiceHours', { sessionId, personId: volunteer.personId, hours: corrected })
  }
  return (
    <Paper withBorder p="xs" mb="xs" aria-label={t('minutes.hours.title')}>
      <Group gap="lg" wrap="wrap">
        <Text size="sm" fw={700}>
          {t('minutes.hours.title')}
        </Text>
        {volunteers.map((volunteer) => (
          <Group key={volunteer.personId} gap={4} wrap="nowrap">
            <NumberInput
              key={`${volunteer.personId}-${volunteer.hours}`}
              size="xs"
              w={88}
              label={`${volunteer.name}（${t(`roles.${volunteer.role}`)}）`}
              aria-label={t('minutes.hours.of', { name: volunteer.name })}
              defaultValue={volunteer.hours}
              min={0.5}
              max={24}
              step={0.5}
              decimalScale={1}
              suffix={t('minutes.hours.unit')}
              description={volunteer.corrected ? t('minutes.hours.computed', { hours: volunteer.computedHours }) : undefined}
              onBlur={(event) => {
                const value = Number.parseFloat(event.currentTarget.value)
                // Half hours, as service records count them.
                save(volunteer, Number.isFinite(value) ? Math.min(24, Math.max(0.5, Math.round(value * 2) / 2)) : null)
              }}
              onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
            />
            {volunteer.corrected && (
              <Tooltip label={t('minutes.hours.reset')}>
                <ActionIcon variant="subtle" mt={18} aria-label={t('minutes.hours.resetOf', { name: volunteer.name })} onClick={() => save(volunteer, null)}>
                  <IconArrowBackUp size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Group>
    </Paper>
  )
}
