import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFolderOpen } from '@tabler/icons-react'
import type { ExportedFile } from '@shared/domain'
import type { AppError } from '@shared/result'
import { api, transportName } from '../api'
import i18n from '../i18n'
import { downloadFile } from './download'

/**
 * Saves a file core made: the desktop app asks where through its save dialog and writes it atomically,
 * then offers to show it in its folder; a browser downloads it. Answers the error, if any.
 */
export async function saveExportedFile(file: ExportedFile): Promise<AppError | null> {
  const saved = await api.invoke('files:save', { fileName: file.fileName, contentBase64: file.contentBase64 })
  if (!saved.ok) return saved.error
  if (saved.value.saved && saved.value.path) showSaved(saved.value.path)
  else if (!saved.value.saved && transportName === 'http') downloadFile(file)
  return null
}

function showSaved(path: string): void {
  const id = notifications.show({
    color: 'green',
    autoClose: 10_000,
    message: (
      <Stack gap={6} align="flex-start">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {i18n.t('files.saved', { path })}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconFolderOpen size={16} />}
          onClick={() => {
            notifications.hide(id)
            void api.invoke('files:reveal', { path })
          }}
        >
          {i18n.t('files.reveal')}
        </Button>
      </Stack>
    )
  })
}
