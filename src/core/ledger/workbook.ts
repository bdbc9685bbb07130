import writeXlsxFile, { type Row } from 'write-excel-file/node'

/** A cell of a period's table: text, or a number a spreadsheet can sum (counts, hours). */
export type LedgerCell = string | number

export interface LedgerSheet {
  /** The sheet's tab, in the document language (Excel allows 31 characters, none of : \ / ? * [ ]). */
  name: string
  header: string[]
  rows: LedgerCell[][]
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * An .xlsx of one or more sheets as offices keep them: the header row bold and frozen (it stays in view
 * while scrolling a year of rows), each column as wide as its longest text. Text is written as text, never
 * as a number or a date Excel would reformat (a phone number keeps its leading 0; 2025-08-21 stays as
 * written), and numbers as numbers, so the columns of figures can be summed.
 */
export async function workbookBytes(sheets: LedgerSheet[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((sheet) => ({
      sheet: sheet.name,
      data: [sheet.header.map((text) => ({ value: text, fontWeight: 'bold' as const })), ...sheet.rows.map(rowOf)],
      columns: sheet.header.map((header, index) => ({ width: columnWidth([header, ...sheet.rows.map((row) => row[index] ?? '')]) })),
      stickyRowsCount: 1
    }))
  ).toBuffer()
}

const rowOf = (row: LedgerCell[]): Row =>
  row.map((cell) => (typeof cell === 'number' ? { value: cell, type: Number } : cell === '' ? null : { value: cell, type: String }))

// Excel measures a column in widths of the digit 0; a Chinese character (or a full-width sign) takes two.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud840-\ud8bf][\udc00-\udfff]/
const MIN_WIDTH = 6
// A long title wraps nowhere in a cell: past this width, a column would push the others off the screen.
const MAX_WIDTH = 60

/** The width of the widest cell of a column, in Excel's units, with a little room either side. */
export function columnWidth(cells: LedgerCell[]): number {
  const widest = Math.max(...cells.map((cell) => [...String(cell)].reduce((width, char) => width + (WIDE.test(char) ? 2 : 1), 0)))
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2))
}
