import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node'
import type { ExportOutcome, Gender, Person } from '../../shared/domain'
import type { ReadContext } from '../context'
import { csvText } from '../files/csv'
import { saveMadeFile } from '../files/save'
import { listPeople } from './people'
import { chinaIsoDate } from '../../shared/china-time'

type ExportFormat = 'xlsx' | 'csv'

/** The columns, in the order organisers expect; the headers are ones the importer recognises (round trip). */
const COLUMNS: { header: string; width: number; text: (person: Person) => string }[] = [
  { header: '姓名', width: 12, text: (p) => p.name },
  { header: '性别', width: 6, text: (p) => genderText(p.gender) },
  { header: '单位', width: 24, text: (p) => p.organisation },
  { header: '村', width: 14, text: (p) => p.village },
  { header: '类别', width: 20, text: (p) => p.categories.join('、') },
  { header: '电话', width: 16, text: (p) => p.phone ?? '' },
  { header: '备注', width: 30, text: (p) => p.note }
]
const STATUS_COLUMN = { header: '状态', width: 8, text: (p: Person) => (p.archivedAt === null ? '' : '已归档') }

const MIME_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv'
}

/** 导出 the directory as 人员名录-2025-08-21.xlsx (or .csv), made and saved in one call, as the documents are. */
export async function exportPeople(ctx: ReadContext, input: { format: ExportFormat; includeArchived: boolean }): Promise<ExportOutcome> {
  const people = listPeople(ctx, { includeArchived: input.includeArchived })
  const columns = input.includeArchived ? [...COLUMNS, STATUS_COLUMN] : COLUMNS
  const table = [columns.map((column) => column.header), ...people.map((person) => columns.map((column) => column.text(person)))]
  const bytes = input.format === 'xlsx' ? await xlsxBytes(table, columns) : csvBytes(table)
  return saveMadeFile(ctx, { fileName: `人员名录-${chinaIsoDate(ctx.now())}.${input.format}`, mimeType: MIME_TYPES[input.format], bytes })
}

async function xlsxBytes(table: string[][], columns: { width: number }[]): Promise<Buffer> {
  const [header = [], ...body] = table
  const sheetData: SheetData = [
    header.map((text) => ({ value: text, fontWeight: 'bold' as const })),
    // Every cell is text: a phone number written as a number would lose its leading 0 or + and show as 1.38E+10.
    ...body.map((row): Row => row.map((text) => (text === '' ? null : { value: text, type: String })))
  ]
  return writeXlsxFile(sheetData, {
    sheet: '人员名录',
    columns: columns.map(({ width }) => ({ width })),
    stickyRowsCount: 1
  }).toBuffer()
}

const csvBytes = (table: string[][]): Buffer => Buffer.from(csvText(table), 'utf8')

function genderText(gender: Gender | null): string {
  if (gender === 'male') return '男'
  if (gender === 'female') return '女'
  return ''
}


