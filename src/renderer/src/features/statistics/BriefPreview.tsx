import { Box, Button, Group, Modal } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { InputOf } from '@shared/contract'
import type { AppError } from '@shared/result'
import { api, transportName } from '../../api'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { finishExport } from '../../shell/save-file'
import { printInNewTab } from '../minutes/print-in-browser'

/**
 * 统计简报: the page's figures on one A4 page, shown as it prints (the very page the PDF is made from). The
 * desktop app prints it or saves a PDF; a browser prints the page, where “Save as PDF” is one of the printers.
 */
export function BriefPreview({ query, onClose }: { query: InputOf<'statistics:print'>; onClose: () => void }) {
  const { t } = useTranslation()
  const page = useChannel('statistics:print', query, ['sessions:changed', 'session:changed', 'people:changed', 'decisions:changed', 'settings:changed'])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError>()

  async function run(work: () => Promise<AppError | undefined>): Promise<void> {
    setBusy(true)
    setError(await work())
    setBusy(false)
  }
  const exportPdf = () =>
    run(async () => {
      const exported = await api.invoke('statistics:exportPdf', query)
      if (!exported.ok) return exported.error
      finishExport(exported.value)
    })
  const sendToPrinter = () =>
    run(async () => {
      const result = await api.invoke('statistics:sendToPrinter', query)
      if (!result.ok) return result.error
      if (result.value.printed) notifications.show({ color: 'green', message: t('minutes.printed') })
    })
  function print(): void {
    setError(undefined)
    // The tab opens now, inside the click, so the browser does not block it; the page follows.
    void printInNewTab(
      () => api.invoke('statistics:print', query),
      () => notifications.show({ message: t('minutes.printHint'), autoClose: 15_000 })
    ).then((problem) => {
      if (problem === 'blocked') notifications.show({ color: 'yellow', message: t('minutes.popupBlocked') })
      else if (problem) setError(problem)
    })
  }

  return (
    <Modal opened onClose={onClose} title={t('statistics.brief.title')} size={920}>
      {page.error && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <Box h="65vh" bg="gray.2" style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}>
        {page.data ?
          // No scripts, no same-origin access: the page is shown, nothing in it runs.
          <iframe title={page.data.title} srcDoc={page.data.html} sandbox="" style={{ width: '100%', height: '100%', border: 0, background: '#fff' }} />
        : !page.error && <Loading />}
      </Box>
      {error && <ErrorNotice error={error} />}
      <Group justify="space-between" mt="md">
        <Button variant="default" size="md" onClick={onClose}>
          {t('common.close')}
        </Button>
        {transportName === 'http' ?
          <Button size="md" leftSection={<IconPrinter size={20} />} disabled={!page.data} onClick={print}>
            {t('minutes.printPdf')}
          </Button>
        : <Group gap="sm">
            <Button size="md" variant="default" leftSection={<IconPrinter size={20} />} disabled={busy || !page.data} onClick={() => void sendToPrinter()}>
              {t('minutes.print')}
            </Button>
            <Button size="md" leftSection={<IconFileTypePdf size={20} />} loading={busy} onClick={() => void exportPdf()}>
              {t('minutes.exportPdf')}
            </Button>
          </Group>
        }
      </Group>
    </Modal>
  )
}
