import { ActionIcon, Group, NumberInput, Paper, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { MinutesVolunteer } from '@shared/minutes'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'

/** Service records count half hours; a volunteer serves at least half an hour and at most a day. */
const toHalfHours = (value: number): number => Math.min(24, Math.max(0.5, Math.round(value * 2) / 2))

/**
 * 服务时长 before the 志愿服务活动记录 is exported: each volunteer's hours come from their own time
 * (src/shared/attendance.ts); the organiser may correct them, in half hours, or go back to the computed value.
 */
export function VolunteerHoursEditor({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation()
  const minutes = useChannel('minutes:get', { sessionId }, ['session:changed'])
  const volunteers = minutes.data?.volunteers ?? []
  if (volunteers.length === 0) return null
  const save = async (volunteer: MinutesVolunteer, hours: number | null): Promise<void> => {
    const corrected = hours === null || hours === volunteer.computedHours ? null : hours
    if (corrected === (volunteer.corrected ? volunteer.hours : null)) return
    const result = await api.invoke('attendance:setServiceHours', { sessionId, personId: volunteer.personId, hours: corrected })
    if (!result.ok) notifications.show({ color: 'red', message: t(`errors.${result.error.code}`) })
  }
  return (
    <Paper withBorder p="xs" mb="xs" aria-label={t('minutes.hours.title')}>
      <Group gap="lg" wrap="wrap">
        <Text size="sm" fw={700}>
          {t('minutes.hours.title')}
        </Text>
        {volunteers.map((volunteer) => (
          <HoursField key={`${volunteer.personId}-${volunteer.hours}`} volunteer={volunteer} onSave={(hours) => void save(volunteer, hours)} />
        ))}
      </Group>
    </Paper>
  )
}

/** One volunteer's hours: what is typed is shown as it will be saved (rounded to the half hour) on leaving the field. */
function HoursField({ volunteer, onSave }: { volunteer: MinutesVolunteer; onSave: (hours: number | null) => void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState<number | string>(volunteer.hours)
  const commit = (): void => {
    const typed = typeof value === 'number' ? value : Number.parseFloat(value)
    const hours = Number.isFinite(typed) ? toHalfHours(typed) : volunteer.hours
    setValue(hours)
    onSave(hours)
  }
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        size="xs"
        w={96}
        label={t('minutes.hours.label', { name: volunteer.name, role: t(`roles.${volunteer.role}`) })}
        aria-label={t('minutes.hours.of', { name: volunteer.name })}
        value={value}
        onChange={setValue}
        min={0.5}
        max={24}
        step={0.5}
        decimalScale={1}
        suffix={t('minutes.hours.unit')}
        description={volunteer.corrected ? t('minutes.hours.computed', { hours: volunteer.computedHours }) : undefined}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
      />
      {volunteer.corrected && (
        <Tooltip label={t('minutes.hours.reset')}>
          <ActionIcon variant="subtle" mt={18} aria-label={t('minutes.hours.resetOf', { name: volunteer.name })} onClick={() => onSave(null)}>
            <IconArrowBackUp size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  )
}
