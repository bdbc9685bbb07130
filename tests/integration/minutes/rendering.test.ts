import { afterEach, describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/core/context'
import { exportedBytes, runCleanups, saveDialogInto, valueOf } from '../../helpers'
import { docxToPdf } from '../../libreoffice'
import { foldPdfText, readPdf } from '../../pdf'
import { useChromiumPrinter } from '../../pdf-printer'
import { runDemoSession } from './demo-session'

/**
 * The .docx as an office sees it (laid out by LibreOffice) against the PDF the app prints (Chromium): the
 * same pages and the same words, whichever file gets printed. "共×页" on paper must not depend on it.
 */
afterEach(runCleanups)

const printToPdf = useChromiumPrinter()

const squeeze = (text: string) => foldPdfText(text).replace(/\s+/g, '')
/** A page's text without its page number, so a remark that runs onto the next page reads on. */
const body = (text: string) => squeeze(text).replace(/第\d+页共\d+页|—\d+—/g, '')

describe('the documents rendered by LibreOffice and by Chromium', () => {
  it('break into pages alike (within one page), and the 会议记录 holds every remark in both', async () => {
    const desktop: Platform = { printToPdf, chooseSavePath: saveDialogInto() }
    const { core, sessionId } = await runDemoSession(desktop)
    const remarks = valueOf(await core.invoke('remarks:list', { sessionId }))
    expect(remarks.length).toBeGreaterThanOrEqual(4)
    for (const document of ['minutes', 'record', 'volunteer'] as const) {
      const docx = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'docx' })), 'saved')
      const printed = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'pdf' })), 'saved')
      const [office, chromium] = await Promise.all([readPdf(docxToPdf(docx)), readPdf(printed)])
      expect(Math.abs(office.pages.length - chromium.pages.length), `${document}: LibreOffice ${office.pages.length} pages, Chromium ${chromium.pages.length}`).toBeLessThanOrEqual(1)
      if (document !== 'record') continue
      for (const pdf of [office, chromium]) {
        const text = pdf.pages.map((page) => body(page.text)).join('')
        for (const remark of remarks) expect(text, remark.text).toContain(squeeze(remark.text))
      }
    }
  })
})
