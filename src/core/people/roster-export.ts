import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node'
import type { ExportOutcome, Gender, Language, Person } from '../../shared/domain'
import type { ReadContext } from '../context'
import { csvText } from '../files/csv'
import { saveMadeFile } from '../files/save'
import { listPeople } from './people'
import { documentWords, type DocumentWords } from '../minutes/labels'
import type { DocumentsResource } from '../../shared/i18n/documents'
import { chinaIsoDate } from '../../shared/china-time'

type ExportFormat = 'xlsx' | 'csv'

/** A roster file is in Chinese whatever the app's language: its headers are ones the importer recognises (round trip). */
const ROSTER_LANGUAGE: Language = 'zh-CN'

type Column = { header: keyof DocumentsResource['roster']['columns']; width: number; text: (person: Person, w: DocumentWords) => string }

/** The columns, in the order organisers expect; each header is the word `roster.columns.<header>`. */
const COLUMNS: Column[] = [
  { header: 'name', width: 12, text: (p) => p.name },
  { header: 'gender', width: 6, text: (p, w) => genderText(p.gender, w) },
  { header: 'organisation', width: 24, text: (p) => p.organisation },
  { header: 'village', width: 14, text: (p) => p.village },
  { header: 'categories', width: 20, text: (p, w) => p.categories.join(w('listSeparator')) },
  { header: 'phone', width: 16, text: (p) => p.phone ?? '' },
  { header: 'note', width: 30, text: (p) => p.note }
]
const STATUS_COLUMN: Column = { header: 'status', width: 8, text: (p, w) => (p.archivedAt === null ? '' : w('roster.archived')) }

const MIME_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv'
}

/** 导出 the directory as 人员名录-2025-08-21.xlsx (or .csv), made and saved in one call, as the documents are. */
export async function exportPeople(ctx: ReadContext, input: { format: ExportFormat; includeArchived: boolean }): Promise<ExportOutcome> {
  const people = listPeople(ctx, { includeArchived: input.includeArchived })
  const columns = input.includeArchived ? [...COLUMNS, STATUS_COLUMN] : COLUMNS
  const w = documentWords(ROSTER_LANGUAGE)
  const table = [columns.map((column) => w(`roster.columns.${column.header}`)), ...people.map((person) => columns.map((column) => column.text(person, w)))]
  const bytes = input.format === 'xlsx' ? await xlsxBytes(table, columns, w('names.roster')) : csvBytes(table)
  return saveMadeFile(ctx, { fileName: `${w('names.roster')}-${chinaIsoDate(ctx.now())}.${input.format}`, mimeType: MIME_TYPES[input.format], bytes })
}

async function xlsxBytes(table: string[][], columns: { width: number }[], sheet: string): Promise<Buffer> {
  const [header = [], ...body] = table
  const sheetData: SheetData = [
    header.map((text) => ({ value: text, fontWeight: 'bold' as const })),
    // Every cell is text: a phone number written as a number would lose its leading 0 or + and show as 1.38E+10.
    ...body.map((row): Row => row.map((text) => (text === '' ? null : { value: text, type: String })))
  ]
  return writeXlsxFile(sheetData, {
    sheet,
    columns: columns.map(({ width }) => ({ width })),
    stickyRowsCount: 1
  }).toBuffer()
}

const csvBytes = (table: string[][]): Buffer => Buffer.from(csvText(table), 'utf8')

const genderText = (gender: Gender | null, w: DocumentWords): string => (gender === null ? '' : w(`roster.genders.${gender}`))

