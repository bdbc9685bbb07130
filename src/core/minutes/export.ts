import { isBeforeSessionDocument, type ExportOutcome, type PrintableDocument, type PrintableHtml } from '../../shared/domain'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'
import { saveMadeFile, type MadeFile } from '../files/save'
import { getSettings } from '../settings/settings'
import { layoutDocx } from './docx'
import { documentWords } from './labels'
import { documentLayout, type LayoutOptions } from './layout'
import { buildMinutes } from './model'
import { readBeforeSession } from './before-session'
import { beforeSessionLayout } from './before-session-layout'
import type { DocumentLayout } from './blocks'
import { volunteerRecordPhotos } from '../photos/photos'
import { layoutHtml } from './print-html'
import { minutesMarkdown } from './text'
import { chinaIsoDate, chinaTimeToUtc } from '../../shared/china-time'
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
  /** The 会议纪要's 成文日期 (YYYY-MM-DD), chosen at export; the session's day when not given. The 会议通知's: today. */
  writtenOn?: string
  /** The 会议纪要 with the photos chosen for the record, as 附件：活动照片. */
  withPhotos?: boolean
}

export interface PrintRequest {
  sessionId: string
  document: PrintableDocument
  writtenOn?: string
  withPhotos?: boolean
}

/**
 * 2025-08-21-<the session's title>-会议纪要, without the extension: two sessions on one day do not collide.
 * Characters no file name may hold become _ (see safeFileName).
 */
function baseName(ctx: ReadContext, session: { startsAt: number; title: string }, document: ExportRequest['document']): string {
  const w = documentWords(getSettings(ctx).language)
  return `${chinaIsoDate(session.startsAt)}-${safeFileName(session.title)}-${w(`names.${document}`)}`
}

/**
 * What a layout needs besides the minutes model: the 成文日期 chosen, and the photos chosen for the
 * 志愿服务活动记录表 (which the 会议纪要 attaches when asked to).
 */
function layoutOptions(ctx: ReadContext, request: PrintRequest): LayoutOptions {
  const photos = request.document === 'volunteer' || (request.document === 'minutes' && request.withPhotos)
  return {
    ...(request.writtenOn ? { writtenOn: chinaTimeToUtc(request.writtenOn) } : {}),
    photos: photos ? volunteerRecordPhotos(ctx, request.sessionId) : []
  }
}

/**
 * A document's layout, and the session its file is named after. The 签到表 and the 会议通知 are made from the
 * plan alone (they are printed before anything happens), the others from the minutes model.
 */
function layoutOf(ctx: ReadContext, request: PrintRequest): { layout: DocumentLayout; session: { startsAt: number; title: string } } {
  const { language } = getSettings(ctx)
  if (isBeforeSessionDocument(request.document)) {
    const plan = readBeforeSession(ctx, request.sessionId)
    // The notice is dated the day it is issued: today, unless a date is chosen.
    const issuedOn = request.writtenOn ? chinaTimeToUtc(request.writtenOn) : ctx.now()
    return { layout: beforeSessionLayout(request.document, plan, language, issuedOn), session: plan }
  }
  const minutes = buildMinutes(ctx, request.sessionId)
  return { layout: documentLayout(request.document, minutes, language, layoutOptions(ctx, request)), session: minutes }
}

/**
 * A document ready to print: one self-contained HTML page. The desktop app prints it to PDF; through
 * the web bridge the browser opens it and prints it (or saves it as PDF) itself.
 */
export function printDocument(ctx: ReadContext, request: PrintRequest): PrintableHtml {
  const { layout, session } = layoutOf(ctx, request)
  return { title: layout.title, fileName: `${baseName(ctx, session, request.document)}.pdf`, html: layoutHtml(layout, getSettings(ctx).language) }
}

/** 打印 in the desktop app: the system's print dialog for the same page the PDF is made from. */
export async function sendToPrinter(ctx: ReadContext, request: PrintRequest): Promise<{ printed: boolean }> {
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
  const fileName = (session: { startsAt: number; title: string }) => `${baseName(ctx, session, request.document)}.${EXTENSIONS[request.format]}`
  // The turns table reads the turns alone: no minutes model is built for it.
  if (request.document === 'turns') {
    const { csv, session } = turnsCsv(ctx, request.sessionId, language)
    return { fileName: fileName(session), mimeType: TYPES.csv, bytes: Buffer.from(csv, 'utf8') }
  }
  const { layout, session } = layoutOf(ctx, { ...request, document: request.document })
  const bytes = await (async () => {
    if (request.format === 'markdown' || request.format === 'text') return Buffer.from(minutesMarkdown(layout, request.format === 'text'), 'utf8')
    if (request.format === 'docx') return layoutDocx(layout, language)
    const print = ctx.platform.printToPdf
    if (!print) throw new AppFailure('unavailable', 'PDF is made by the desktop app; in a browser, print the document (minutes:print) and save it as PDF.')
    return print(layoutHtml(layout, language))
  })()
  return { fileName: fileName(session), mimeType: TYPES[request.format], bytes }
}
