import { Button, Card, Group, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { BackupInfo } from '@shared/domain'
import { api, transportName } from '../../api'
import { useAction } from '../../api/use-action'
import { useChannel } from '../../api/use-channel'
import { formatDateTime } from '../../format'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { useSettings } from '../../shell/settings-context'

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

/**
 * 备份与恢复: backups are also made by themselves (when a session ends, once a day, before an upgrade,
 * a restore or removing the demo); here one is made at once, to the backups folder or to a chosen file,
 * and any of them can be restored — the current file is set aside first, never deleted.
 */
export function BackupsCard() {
  const { t } = useTranslation()
  const backups = useChannel('backups:list', {}, ['backups:changed'])
  const create = useAction('backups:create')
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)

  async function backUp(chooseFile: boolean): Promise<void> {
    const result = await create.run({ chooseFile })
    if (!result.ok) return
    notifications.show({
      color: 'green',
      message: result.value.savedTo ? t('backups.savedTo', { path: result.value.savedTo }) : t('backups.made', { name: result.value.backup.name })
    })
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="backups-heading">
      <Title order={2} fz="lg" id="backups-heading" mb="xs">
        {t('backups.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('backups.explain')}
      </Text>
      <Group mb="md">
        <Button leftSection={<IconDatabaseExport size={18} />} loading={create.running} onClick={() => void backUp(false)}>
          {t('backups.now')}
        </Button>
        {transportName === 'ipc' && (
          <Button variant="default" disabled={create.running} onClick={() => void backUp(true)}>
            {t('backups.toFile')}
          </Button>
        )}
      </Group>
      {create.error && <ErrorNotice error={create.error} />}
      {backups.error && <ErrorNotice error={backups.error} onRetry={backups.reload} />}
      {backups.data && backups.data.length === 0 && <Text c="dimmed">{t('backups.none')}</Text>}
      {backups.data && backups.data.length > 0 && <BackupsTable backups={backups.data} onRestore={setRestoring} />}
      {restoring && <RestoreConfirm backup={restoring} onCancel={() => setRestoring(null)} />}
    </Card>
  )
}

/** The backups, newest first, each with 恢复. */
function BackupsTable({ backups, onRestore }: { backups: BackupInfo[]; onRestore: (backup: BackupInfo) => void }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  return (
    <Table aria-label={t('backups.list')} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backups.takenAt')}</Table.Th>
          <Table.Th>{t('backups.reason')}</Table.Th>
          <Table.Th>{t('backups.sessions')}</Table.Th>
          <Table.Th>{t('backups.size')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((backup) => (
          <Table.Tr key={backup.name}>
            <Table.Td>{formatDateTime(backup.takenAt, language)}</Table.Td>
            <Table.Td>{t(`backups.reasons.${backup.reason}`)}</Table.Td>
            <Table.Td>{backup.sessions ?? '—'}</Table.Td>
            <Table.Td>{t('backups.megabytes', { size: megabytes(backup.bytes) })}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconRestore size={16} />}
                aria-label={t('backups.restoreOf', { time: formatDateTime(backup.takenAt, language) })}
                onClick={() => onRestore(backup)}
              >
                {t('backups.restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** 恢复 asks first: the current file is set aside, never deleted, and the app reopens on the backup. */
function RestoreConfirm({ backup, onCancel }: { backup: BackupInfo; onCancel: () => void }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  return (
    <ConfirmModal
      title={t('backups.restoreTitle', { time: formatDateTime(backup.takenAt, language) })}
      message={t('backups.restoreMessage')}
      confirmLabel={t('backups.restore')}
      danger
      onCancel={onCancel}
      onConfirm={async () => {
        const result = await api.invoke('backups:restore', { name: backup.name })
        // The archive is another one now: every view starts afresh (archive:restored reloads the page).
        if (result.ok) window.location.reload()
        return result
      }}
    />
  )
}
