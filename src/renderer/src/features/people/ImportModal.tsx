import { Alert, Button, FileButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import { FileError } from './ImportProblems'
import { ImportPreviewPanel } from './ImportPreviewPanel'
import { importCount } from './import-count'
import { useRosterImport } from './use-roster-import'

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'

/** Preview first, with the columns mapped and every unreadable row named; nothing is written until 导入. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { file, preview, previewError, commit, choose, remap, confirm, blocked, choices } = useRosterImport(onClose)
  return (
    <Modal opened onClose={onClose} title={t('people.import.title')} size="90%">
      <Stack>
        <Text c="dimmed">{t('people.import.intro')}</Text>
        <Group>
          <FileButton onChange={(picked) => void choose(picked)} accept={ACCEPT}>
            {(props) => (
              <Button {...props} size="md" leftSection={<IconFileSpreadsheet size={20} />}>
                {t('people.import.choose')}
              </Button>
            )}
          </FileButton>
          {file && <Text fw={600}>{file.fileName}</Text>}
        </Group>

        {previewError === 'too_large' && <Alert color="red" icon={<IconAlertTriangle />}>{t('people.import.tooLarge')}</Alert>}
        {previewError && previewError !== 'too_large' && <FileError error={previewError} />}

        {preview && <ImportPreviewPanel preview={preview} onRemap={remap} choices={choices} />}

        {commit.error && <FileError error={commit.error} />}
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button size="md" disabled={blocked} loading={commit.running} onClick={() => void confirm()}>
            {t('people.import.confirm', { count: importCount(preview, choices.onDuplicate) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
