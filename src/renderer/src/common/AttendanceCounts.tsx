import { Badge, Group, type MantineSize } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from '../i18n/use-translation'
import type { AttendanceTally } from '@shared/attendance'

/**
 * 应到 / 实到 / 缺席 / 未签到 / 列席 as badges, from the one rule in src/shared/attendance.ts: the same
 * figures on the 签到 panel and the session page.
 */
export function AttendanceCounts({ counts, size, testId, children }: { counts: AttendanceTally; size: MantineSize; testId: string; children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" data-testid={testId}>
      <Badge size={size} variant="light" color="gray">
        {t('live.checkIn.expected', { count: counts.expected })}
      </Badge>
      <Badge size={size} variant="light" color="green">
        {t('live.checkIn.present', { count: counts.present })}
      </Badge>
      <Badge size={size} variant="light" color="orange">
        {t('live.checkIn.absent', { count: counts.absent })}
      </Badge>
      <Badge size={size} variant="light" color={counts.unmarked ? 'yellow' : 'gray'}>
        {t('live.checkIn.unmarked', { count: counts.unmarked })}
      </Badge>
      {counts.walkIns > 0 && (
        <Badge size={size} variant="light" color="blue">
          {t('live.checkIn.walkIns', { count: counts.walkIns })}
        </Badge>
      )}
      {children}
    </Group>
  )
}
