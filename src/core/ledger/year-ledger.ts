import { formatChinaDate } from '../../shared/china-time'
import type { LedgerExportOutcome, LedgerPeriod } from '../../shared/contract/ledger'
import type { DocumentsResource } from '../../shared/i18n/documents'
import type { Language } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import type { ReadContext } from '../context'
import { exportPeriodWorkbook, sumOfHours } from './period-file'
import type { LedgerCell } from './workbook'

type YearColumn = keyof DocumentsResource['ledger']['yearColumns']

/**
 * The 年度台账's columns in order, each read off the session's 会议纪要 model (src/core/minutes/model.ts), so
 * the ledger cannot disagree with the minutes: it states what they state, counted the way they count.
 */
const COLUMNS: Record<YearColumn, (minutes: Minutes, language: Language) => LedgerCell> = {
  date: (m, language) => formatChinaDate(m.startsAt, language),
  title: (m) => m.title,
  theme: (m) => m.theme ?? '',
  venue: (m) => m.venue,
  host: (m) => m.host ?? '',
  recorder: (m) => m.recorder ?? '',
  expected: (m) => m.attendance.expected,
  present: (m) => m.attendance.present,
  absent: (m) => m.attendance.absent,
  // People with a spoken turn of 圆桌时间: the 交流发言's 先后发言 (lecturers are counted by the 学习研讨).
  speakers: (m) => m.statistics.speakers,
  // Every remark not deleted stands exactly once in the 会议记录 (DESIGN §9), lectures' included.
  remarks: (m) => m.record.reduce((count, entry) => count + entry.remarks.length, 0),
  decisions: (m) => m.decisions.length,
  // The hours of the 志愿服务活动记录: each volunteer's corrected hours, else those of their own time.
  volunteerHours: (m) => sumOfHours(m.volunteers.map((volunteer) => volunteer.hours))
}

/** 导出年度台账: one row per session held in the period, oldest first. */
export const exportYearLedger = (ctx: ReadContext, period: LedgerPeriod): Promise<LedgerExportOutcome> =>
  exportPeriodWorkbook(ctx, period, 'year', ({ sessions, language, words: w }) => {
    const columns = Object.entries(COLUMNS) as [YearColumn, (typeof COLUMNS)[YearColumn]][]
    return [
      {
        name: w('ledger.sheets.year'),
        header: columns.map(([column]) => w(`ledger.yearColumns.${column}`)),
        rows: sessions.map((minutes) => columns.map(([, cell]) => cell(minutes, language)))
      }
    ]
  })
