import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFolderOpen } from '@tabler/icons-react'
import type { ExportOutcome } from '@shared/domain'
import { api } from '../api'
import i18n from '../i18n'
import { downloadFile } from './download'

/**
 * What the page does after an export (core makes and saves the file in one call): the desktop app saved it
 * where its save dialog said, so a note offers to show it in its folder; a browser downloads the bytes the
 * web bridge answered; a cancelled save dialog needs nothing.
 */
export function finishExport(outcome: ExportOutcome): void {
  if (outcome.kind === 'saved') showSaved(outcome.path)
  else if (outcome.kind === 'download') downloadFile(outcome)
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
