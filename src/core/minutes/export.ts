import type { ExportOutcome, PrintableDocument, PrintableHtml } from '../../shared/domain'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'
import { saveMadeFile, type MadeFile } from '../files/save'
import { getSettings } from '../settings/settings'
import { layoutDocx } from './docx'
import { documentWords } from './labels'
import { documentLayout } from './layout'
import { buildMinutes } from './model'
import { layoutHtml } from './print-html'
import { minutesMarkdown } from './text'
import { chinaIsoDate } from '../../shared/china-time'
import { turnsCsv } from './turns-csv'
import { safeFileName } from '../files/file-names'

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8'
} as const
const EXTENSIONS = { docx: 'docx', pdf: 'pdf', markdown: 'md', text: 'txt', csv: 'csv' } as const

export interface ExportRequest {
  sessionId: string
  document: PrintableDocument | 'turns'
  format: keyof typeof TYPES
}

/**
 * 2025-08-21-<the session's title>-会议纪要, without the extension: two sessions on one day do not collide.
 * Characters no file name may hold become _ (see safeFileName).
 */
function baseName(ctx: ReadContext, minutes: { startsAt: number; title: string }, document: ExportRequest['document']): string {
  const w = documentWords(getSettings(ctx).language)
  return `${chinaIsoDate(minutes.startsAt)}-${safeFileName(minutes.title)}-${w(`names.${document}`)}`
}

/**
 * A document ready to print: one self-contained HTML page. The desktop app prints it to PDF; through
 * the web bridge the browser opens it and prints it (or saves it as PDF) itself.
 */
export function printDocument(ctx: ReadContext, request: { sessionId: string; document: PrintableDocument }): PrintableHtml {
  const { language } = getSettings(ctx)
  const minutes = buildMinutes(ctx, request.sessionId)
  const layout = documentLayout(request.document, minutes, language)
  return { title: layout.title, fileName: `${baseName(ctx, minutes, request.document)}.pdf`, html: layoutHtml(layout, language) }
}

/** 打印 in the desktop app: the system's print dialog for the same page the PDF is made from. */
export async function sendToPrinter(ctx: ReadContext, request: { sessionId: string; document: PrintableDocument }): Promise<{ printed: boolean }> {
  const printOnPaper = ctx.platform.printOnPaper
  if (!printOnPaper) throw new AppFailure('unavailable', 'Printing from here is for the desktop app; in a browser, print the page of minutes:print.')
  return { printed: await printOnPaper(printDocument(ctx, request).html) }
}

/**
 * 导出: one document of the session in one format, named like 2025-08-21-思想圆桌派-会议纪要.docx, made and
 * saved in one call (the desktop's save dialog; through the web bridge, the bytes for the browser to download).
 */
export async function exportDocument(ctx: ReadContext, request: ExportRequest): Promise<ExportOutcome> {
  return saveMadeFile(ctx, await makeDocument(ctx, request))
}

async function makeDocument(ctx: ReadContext, request: ExportRequest): Promise<MadeFile> {
  const { language } = getSettings(ctx)
  const minutes = buildMinutes(ctx, request.sessionId)
  const bytes = await (async () => {
    if (request.document === 'turns') return Buffer.from(turnsCsv(ctx, request.sessionId, language), 'utf8')
    if (request.format === 'markdown' || request.format === 'text') return Buffer.from(minutesMarkdown(minutes, language, request.format === 'text'), 'utf8')
    const layout = documentLayout(request.document, minutes, language)
    if (request.format === 'docx') return layoutDocx(layout, language)
    const print = ctx.platform.printToPdf
    if (!print) throw new AppFailure('unavailable', 'PDF is made by the desktop app; in a browser, print the document (minutes:print) and save it as PDF.')
    return print(layoutHtml(layout, language))
  })()
  return { fileName: `${baseName(ctx, minutes, request.document)}.${EXTENSIONS[request.format]}`, mimeType: TYPES[request.format], bytes }
}
