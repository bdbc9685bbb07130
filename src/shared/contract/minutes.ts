import { z } from 'zod'
import { PRINTABLE_DOCUMENTS, type ExportOutcome, type PrintableDocument, type PrintableHtml } from '../domain'
import type { Minutes } from '../minutes'
import { bySession, channel, idSchema, isoDate, required } from './schema'

const EXPORT_FORMATS: Record<PrintableDocument | 'turns', string[]> = {
  minutes: ['docx', 'pdf', 'markdown', 'text'],
  record: ['docx', 'pdf'],
  volunteer: ['docx', 'pdf'],
  signin: ['docx', 'pdf'],
  notice: ['docx', 'pdf'],
  turns: ['csv']
}
/** The 会议纪要's 成文日期, chosen at export (the session's day when not given); the 会议通知's (today when not given). */
const writtenOn = isoDate.optional()
/** The 会议纪要 with the photos chosen for the record attached (附件：活动照片). */
const withPhotos = z.boolean().optional()
const printableSchema = z.strictObject({ sessionId: idSchema, document: z.enum(PRINTABLE_DOCUMENTS), writtenOn, withPhotos })

/**
 * The documents offices file (会议纪要, 会议记录, 志愿服务活动记录 after a session; 签到表 and 会议通知 before it)
 * and the files they are saved as.
 */
export const minutesContract = {
  /** The minutes model every document is drawn from (for browser companions and checks; the preview shows minutes:print). */
  'minutes:get': channel(bySession).returns<Minutes>(),
  /**
   * 导出: a document made and saved in one call. The desktop app saves it where its save dialog says and answers
   * where (or that the user cancelled), never the bytes; the web bridge answers the bytes, to download.
   */
  'minutes:export': channel(
    z
      .strictObject({
        sessionId: idSchema,
        document: z.enum([...PRINTABLE_DOCUMENTS, 'turns']),
        format: z.enum(['docx', 'pdf', 'markdown', 'text', 'csv']),
        writtenOn,
        withPhotos
      })
      // 会议纪要 as .docx, PDF, Markdown or text; 会议记录, 志愿服务活动记录, 签到表 and 会议通知 as .docx or PDF; the
      // turns as a CSV table.
      // PDF is made by the desktop app; the web bridge answers 'unavailable' and the page prints minutes:print.
      .refine((input) => EXPORT_FORMATS[input.document].includes(input.format), { params: { reason: 'format_not_available' }, path: ['format'] })
  ).returns<ExportOutcome>(),
  /** A document as one HTML page to print (or save as PDF from the browser's print dialog). */
  'minutes:print': channel(printableSchema).returns<PrintableHtml>(),
  /** 打印 in the desktop app: the system's print dialog for that page ('unavailable' through the web bridge). */
  'minutes:sendToPrinter': channel(printableSchema).returns<{ printed: boolean }>(),
  /** 打开所在文件夹: a file an export saved in this run, shown in the file manager (desktop only). */
  'files:reveal': channel(z.strictObject({ path: required(4096) })).returns<{ path: string }>()
} as const
