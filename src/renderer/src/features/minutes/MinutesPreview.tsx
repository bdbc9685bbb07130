import { Box, Button, Checkbox, Group, Menu, Modal, SegmentedControl, Text } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconFileTypeDocx, IconFileTypePdf, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { PrintableDocument } from '@shared/domain'
import { DOCUMENTS_NS } from '@shared/i18n/documents'
import type { AppError } from '@shared/result'
import { api, transportName } from '../../api'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { finishExport } from '../../shell/save-file'
import { printInNewTab } from './print-in-browser'
import { VolunteerHoursEditor } from './VolunteerHoursEditor'

type Format = 'docx' | 'pdf' | 'markdown' | 'text' | 'csv'
/** The 会议纪要's 成文日期 (YYYY-MM-DD; the session's day when not chosen) and whether it attaches the photos. */
type MinutesOptions = { writtenOn?: string; withPhotos?: boolean }

/**
 * 导出: each document as it will print (the very page the PDF is made from), then the file. The desktop
 * app makes the PDF itself and saves through its save dialog; a browser prints the page, where
 * “Save as PDF” is one of the printers. `documents`: the ones offered, the first shown first — the three
 * filed after a session, or the 签到表 and 会议通知 printed before it.
 */
export function MinutesPreview({
  sessionId,
  documents,
  title,
  onClose
}: {
  sessionId: string
  documents: readonly [PrintableDocument, ...PrintableDocument[]]
  title: string
  onClose: () => void
}) {
  // The documents' names are the documents' own words (documents:names), the ones in their titles and file names.
  const { t } = useTranslation(['translation', DOCUMENTS_NS])
  const [document, setDocument] = useState<PrintableDocument>(documents[0])
  const [writtenOn, setWrittenOn] = useState<string | null>(null)
  const [withPhotos, setWithPhotos] = useState(false)
  // Only the 会议纪要 has a 成文日期 to choose and photos to attach.
  const options: MinutesOptions = document === 'minutes' ? { ...(writtenOn ? { writtenOn } : {}), ...(withPhotos ? { withPhotos } : {}) } : {}
  const page = useChannel('minutes:print', { sessionId, document, ...options }, [
    'session:changed',
    'remarks:changed',
    'decisions:changed',
    'settings:changed',
    'people:changed',
    'themes:changed',
    'photos:changed'
  ])
  const actions = useDocumentActions(sessionId, document, options)

  return (
    <Modal opened onClose={onClose} title={title} size={920}>
      <SegmentedControl
        fullWidth
        size="md"
        mb="sm"
        value={document}
        onChange={(value) => setDocument(value as PrintableDocument)}
        data={documents.map((value) => ({ value, label: t(`documents:names.${value}`) }))}
      />
      <Text size="sm" c="dimmed" mb="xs">
        {t(`minutes.explain.${document}`)}
      </Text>
      {document === 'volunteer' && <VolunteerHoursEditor sessionId={sessionId} />}
      {document === 'minutes' && (
        <Group mb="xs" align="end">
          <DateInput
            label={t('minutes.writtenOn')}
            placeholder={t('minutes.writtenOnDefault')}
            valueFormat={t('minutes.writtenOnFormat')}
            clearable
            value={writtenOn}
            onChange={setWrittenOn}
          />
          <Checkbox mb={8} label={t('minutes.withPhotos')} checked={withPhotos} onChange={(event) => setWithPhotos(event.currentTarget.checked)} />
        </Group>
      )}
      {page.error && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <Box h={document === 'volunteer' ? '50vh' : '60vh'} bg="gray.2" style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}>
        {page.data ? (
          // No scripts, no same-origin access: the page is shown, nothing in it runs.
          <iframe title={page.data.title} srcDoc={page.data.html} sandbox="" style={{ width: '100%', height: '100%', border: 0 }} />
        ) : (
          !page.error && <Loading />
        )}
      </Box>
      {actions.error && <ErrorNotice error={actions.error} />}
      <Group justify="space-between" mt="md">
        <Button variant="default" size="md" onClick={onClose}>
          {t('common.close')}
        </Button>
        <ExportButtons document={document} actions={actions} pageReady={!!page.data} otherFormats={documents.includes('minutes')} />
      </Group>
    </Modal>
  )
}

type DocumentActions = ReturnType<typeof useDocumentActions>

/** Export, print and print-in-a-tab for the document shown, one at a time, with the last failure. */
function useDocumentActions(sessionId: string, document: PrintableDocument, options: MinutesOptions) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError>()

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      await work()
    } finally {
      setBusy(false)
    }
  }

  const exportAs = (which: PrintableDocument | 'turns', format: Format) =>
    run(async () => {
      const exported = await api.invoke('minutes:export', { sessionId, document: which, format, ...(which === document ? options : {}) })
      if (!exported.ok) return setError(exported.error)
      finishExport(exported.value)
    })

  /** 打印 in the desktop app: the system's print dialog for this page. */
  const sendToPrinter = () =>
    run(async () => {
      const result = await api.invoke('minutes:sendToPrinter', { sessionId, document, ...options })
      if (!result.ok) return setError(result.error)
      if (result.value.printed) notifications.show({ color: 'green', message: t('minutes.printed') })
    })

  function print(): void {
    setError(undefined)
    // The tab opens now, inside the click, so the browser does not block it; the page follows.
    void printInNewTab(
      () => api.invoke('minutes:print', { sessionId, document, ...options }),
      () => notifications.show({ message: t('minutes.printHint'), autoClose: 15_000 })
    ).then((problem) => {
      if (problem === 'blocked') notifications.show({ color: 'yellow', message: t('minutes.popupBlocked') })
      else if (problem) setError(problem)
    })
  }

  return { busy, error, exportAs, sendToPrinter, print }
}

/**
 * The other formats (after a session: the 会议纪要 for chat groups, the turns table), printing (the print
 * dialog, or a tab in a browser), PDF and .docx.
 */
function ExportButtons({ document, actions, pageReady, otherFormats }: { document: PrintableDocument; actions: DocumentActions; pageReady: boolean; otherFormats: boolean }) {
  const { t } = useTranslation()
  const { busy, exportAs, sendToPrinter, print } = actions
  return (
    <Group gap="sm">
      {otherFormats && <OtherFormats actions={actions} />}
      {transportName === 'http' ? (
        <Button size="md" variant="default" leftSection={<IconPrinter size={20} />} disabled={!pageReady} onClick={print}>
          {t('minutes.printPdf')}
        </Button>
      ) : (
        <>
          <Button size="md" variant="default" leftSection={<IconPrinter size={20} />} disabled={busy || !pageReady} onClick={() => void sendToPrinter()}>
            {t('minutes.print')}
          </Button>
          <Button size="md" variant="default" leftSection={<IconFileTypePdf size={20} />} loading={busy} onClick={() => void exportAs(document, 'pdf')}>
            {t('minutes.exportPdf')}
          </Button>
        </>
      )}
      <Button size="md" leftSection={<IconFileTypeDocx size={20} />} loading={busy} onClick={() => void exportAs(document, 'docx')}>
        {t('minutes.exportDocx')}
      </Button>
    </Group>
  )
}

/** 其他格式: the 会议纪要 as Markdown or text, and the turns table. */
function OtherFormats({ actions }: { actions: DocumentActions }) {
  const { t } = useTranslation(['translation', DOCUMENTS_NS])
  const { busy, exportAs } = actions
  return (
    <Menu position="top-end">
      <Menu.Target>
        <Button size="md" variant="default" rightSection={<IconChevronDown size={16} />} disabled={busy}>
          {t('minutes.otherFormats')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('documents:names.minutes')}</Menu.Label>
        <Menu.Item onClick={() => void exportAs('minutes', 'markdown')}>{t('minutes.markdown')}</Menu.Item>
        <Menu.Item onClick={() => void exportAs('minutes', 'text')}>{t('minutes.text')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void exportAs('turns', 'csv')}>{t('minutes.turnsCsv', { document: t('documents:names.turns') })}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
