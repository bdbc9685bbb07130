import type { LedgerExportOutcome, LedgerPeriod } from '../../shared/contract/ledger'
import type { Language } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import type { ReadContext } from '../context'
import { safeFileName } from '../files/file-names'
import { saveMadeFile } from '../files/save'
import { documentWords, type DocumentWords } from '../minutes/labels'
import { buildMinutes } from '../minutes/model'
import { getSettings } from '../settings/settings'
import { sessionsInPeriod } from './period'
import { workbookBytes, XLSX_MIME_TYPE, type LedgerSheet } from './workbook'

/** What a period's file is made of: the 会议纪要 model of each session held, oldest first, in the documents' language. */
export interface PeriodSessions {
  sessions: Minutes[]
  language: Language
  words: DocumentWords
}

/**
 * 导出 a file of the period: its sheets drawn from the sessions' minutes models, saved as every export is
 * (the desktop's save dialog; through the web bridge, the bytes to download), named after the period.
 * The sheets are drawn before the first await, so the file is one consistent reading of the archive.
 */
export async function exportPeriodWorkbook(
  ctx: ReadContext,
  period: LedgerPeriod,
  file: 'year' | 'volunteerHours',
  sheetsOf: (input: PeriodSessions) => LedgerSheet[]
): Promise<LedgerExportOutcome> {
  const { language } = getSettings(ctx)
  const words = documentWords(language)
  const sessions = sessionsInPeriod(ctx, period).map((sessionId) => buildMinutes(ctx, sessionId))
  const sheets = sheetsOf({ sessions, language, words })
  const bytes = await workbookBytes(sheets)
  const outcome = await saveMadeFile(ctx, { fileName: periodFileName(words, file, period), mimeType: XLSX_MIME_TYPE, bytes })
  return { ...outcome, sessions: sessions.length }
}

/** 年度台账-2025-01-01至2025-12-31.xlsx: the file's name, then the period it covers, first and last day. */
const periodFileName = (w: DocumentWords, file: 'year' | 'volunteerHours', period: LedgerPeriod): string =>
  `${safeFileName(w('ledger.fileName', { name: w(`ledger.names.${file}`), from: period.from, to: period.to }))}.xlsx`

/**
 * Hours added up as an office adds them, to the hundredth: corrected hours may be any half hour, and sums of
 * binary fractions must never show as 2.4999999999999996 in a cell.
 */
export const sumOfHours = (hours: number[]): number => Math.round(hours.reduce((sum, h) => sum + h, 0) * 100) / 100
