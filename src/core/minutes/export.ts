import type { ExportedFile } from '../../shared/domain'
import type { CoreContext } from '../context'
import { getSettings } from '../settings/settings'
import { minutesDocx } from './docx'
import { LABELS } from './labels'
import { buildMinutes } from './model'
import { chinaDate } from './time'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** 导出: the document as a file, named like 2025-08-21-思想圆桌派-会议纪要.docx. */
export async function exportMinutes(ctx: CoreContext, input: { sessionId: string; document: 'minutes'; format: 'docx' }): Promise<ExportedFile> {
  const { language } = getSettings(ctx)
  const minutes = buildMinutes(ctx, input.sessionId)
  const bytes = await minutesDocx(minutes, language)
  const l = LABELS[language]
  return { fileName: `${chinaDate(minutes.startsAt)}-${l.project}-${l.minutes}.docx`, mimeType: DOCX, contentBase64: bytes.toString('base64') }
}
