import { Alert, Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { useChannel } from '../../api/use-channel'
import { hrefFor } from '../../router'

/**
 * After the app was not closed properly (a power cut, a crash), core checks the archive once it is up.
 * Damage gets a notice on every page until it is restored from a backup; a clean result is said once.
 */
export function ArchiveHealthNotice() {
  const { t } = useTranslation()
  const info = useChannel('app:info', {}, ['archive:health', 'archive:restored'])
  const health = info.data?.health
  const toldOk = useRef(false)

  useEffect(() => {
    if (health?.lastExit === 'unclean' && health.check === 'ok' && !toldOk.current) {
      toldOk.current = true
      notifications.show({ color: 'teal', title: t('health.okTitle'), message: t('health.ok'), autoClose: 8000 })
    }
  }, [health, t])

  if (health?.check !== 'damaged') return null
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('health.damagedTitle')} mb="lg" role="alert">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text size="sm">{t('health.damaged')}</Text>
        <Button component="a" href={hrefFor('settings')} color="red" variant="light" style={{ flexShrink: 0 }}>
          {t('health.goToBackups')}
        </Button>
      </Group>
    </Alert>
  )
}
