import Papa from 'papaparse'
import { readSheet } from 'read-excel-file/node'
import type { FieldIssue } from '../../shared/result'
import { AppFailure } from '../errors'
import { checkXlsxBounds, ROSTER_BOUNDS, tooLarge } from './roster-bounds'

/**
 * Turns the bytes of a roster file into rows of cell texts, whatever the organiser saved it as:
 * .xlsx from Excel or WPS, or CSV in UTF-8 or GBK. Index 0 of the result is the sheet's row 1.
 */
export async function readRosterCells(bytes: Uint8Array): Promise<string[][]> {
  if (bytes.length === 0) throw fileEmpty()
  const kind = sniffKind(bytes)
  if (kind.type === 'refused') throw fileType(kind.reason)
  return kind.type === 'xlsx' ? readXlsx(bytes) : readCsv(kind.text)
}

type FileKind = { type: 'xlsx' } | { type: 'csv'; text: string } | { type: 'refused'; reason: string }

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-

/** By content, not by name: a renamed file is read for what it is. */
function sniffKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return { type: 'xlsx' }
  if (startsWith(bytes, OLE2)) return { type: 'refused', reason: 'This is an old .xls (or .doc) file; save it as .xlsx or .csv.' }
  if (startsWith(bytes, PDF)) return { type: 'refused', reason: 'This is a PDF, not a spreadsheet.' }
  if (hasBinaryControlBytes(bytes)) return { type: 'refused', reason: 'This is neither an .xlsx nor a CSV file.' }
  const text = decodeText(bytes)
  if (text === null) return { type: 'refused', reason: 'The text is neither UTF-8 nor GBK.' }
  return { type: 'csv', text }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

/** Text files never hold NUL or most C0 controls; images, archives and random bytes almost always do. */
function hasBinaryControlBytes(bytes: Uint8Array): boolean {
  const allowed = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a])
  return bytes.some((byte) => byte < 0x20 && !allowed.has(byte))
}

/** UTF-8 when it is valid UTF-8; otherwise GBK, which is what Excel in China saves CSV as. */
function decodeText(bytes: Uint8Array): string | null {
  for (const encoding of ['utf-8', 'gbk']) {
    // 0xFF is never part of GBK, yet Node's GBK decoder drops it silently instead of failing.
    if (encoding === 'gbk' && bytes.includes(0xff)) continue
    try {
      // TextDecoder drops a leading UTF-8 BOM by itself.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes)
    } catch {
      // Not this encoding (or, for GBK, a Node built without full ICU): try the next one.
    }
  }
  return null
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  await checkXlsxBounds(bytes, fileType)
  let rows: unknown[][]
  try {
    rows = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false })
  } catch (error) {
    // A zip that is no workbook (.docx), a truncated download, a damaged sheet: all the same to the user.
    const detail = error instanceof Error ? error.message : String(error)
    throw fileType(`This zip file is not a readable .xlsx workbook (${detail}).`)
  }
  return rows.map((row) => row.map(cellText))
}

function readCsv(text: string): string[][] {
  // Empty lines are kept so that row numbers match what a spreadsheet program shows.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false })
  if (parsed.data.length > ROSTER_BOUNDS.rows) {
    throw tooLarge('too_many_rows', `The file has more than ${ROSTER_BOUNDS.rows} rows.`, ROSTER_BOUNDS.rows)
  }
  if (parsed.data.some((row) => row.some((cell) => cell.length > ROSTER_BOUNDS.cellBytes))) {
    throw tooLarge('cell_too_long', `A cell holds more than ${ROSTER_BOUNDS.cellBytes} characters.`)
  }
  return parsed.data.map((row) => row.map(unescapeFormula))
}

/** Our CSV export guards formula-like texts with a leading apostrophe (see roster-export); take it off again. */
function unescapeFormula(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text
}

/** One cell as the text a person would read in it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  return String(value)
}

/** Phone numbers stored as numbers must come back as their digits, never as 1.38e+10. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return ''
  return Number.isInteger(value) ? BigInt(value).toString() : String(value)
}

/** Excel date serials arrive as Dates at UTC midnight (plus the time of day, if any). */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  const time = iso.slice(11, 16)
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`
}

function fileIssue(code: 'file_type' | 'file_empty', message: string): FieldIssue {
  return { path: ['contentBase64'], code, message }
}

export function fileType(reason: string): AppFailure {
  return new AppFailure('invalid_input', reason, [fileIssue('file_type', reason)])
}

export function fileEmpty(): AppFailure {
  const message = 'The file holds no rows of people.'
  return new AppFailure('invalid_input', message, [fileIssue('file_empty', message)])
}
