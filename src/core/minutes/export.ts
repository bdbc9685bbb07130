import type { ExportedFile } from '../../shared/domain'
import type { CoreContext } from '../context'
import { getSettings } from '../settings/settings'
import { minutesDocx, recordDocx, volunteerDocx } from './docx'
import { LABELS } from './labels'
import { buildMinutes } from './model'
import { minutesMarkdown } from './text'
import { chinaDate } from './time'
import { turnsCsv } from './turns-csv'

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8'
} as const
const EXTENSIONS = { docx: 'docx', markdown: 'md', text: 'txt', csv: 'csv' } as const

export interface ExportRequest {
  sessionId: string
  document: 'minutes' | 'record' | 'volunteer' | 'turns'
  format: keyof typeof TYPES
}

/** 导出: one document of the session in one format, named like 2025-08-21-思想圆桌派-会议纪要.docx. */
export async function exportDocument(ctx: CoreContext, request: ExportRequest): Promise<ExportedFile> {
  const { language } = getSettings(ctx)
  const l = LABELS[language]
  const minutes = buildMinutes(ctx, request.sessionId)
  const bytes =
    request.document === 'turns'
      ? Buffer.from(turnsCsv(ctx, request.sessionId, language), 'utf8')
      : request.document === 'record'
        ? await recordDocx(minutes, language)
        : request.document === 'volunteer'
          ? await volunteerDocx(minutes, language)
        : request.format === 'docx'
          ? await minutesDocx(minutes, language)
          : Buffer.from(minutesMarkdown(minutes, language, request.format === 'text'), 'utf8')
  const name = l[request.document]
  return {
    fileName: `${chinaDate(minutes.startsAt)}-${l.project}-${name}.${EXTENSIONS[request.format]}`,
    mimeType: TYPES[request.format],
    contentBase64: bytes.toString('base64')
  }
}
