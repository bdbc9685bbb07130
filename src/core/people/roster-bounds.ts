import { createInflateRaw } from 'node:zlib'
import type { FieldIssue } from '../../shared/result'
import { AppFailure } from '../errors'

/**
 * Bounds on a roster file, checked before any spreadsheet parser sees it. A roster of thousands of people
 * unpacks to a few MB with cells of a few dozen characters; a file far beyond that is a mistake or an attack
 * (a zip bomb, one 60 MB cell) that would hold the parser for a minute and take gigabytes.
 */
export const ROSTER_BOUNDS = {
  /** Real bytes unpacked, counted while inflating: the sizes a zip declares can lie. */
  unpackedBytes: 32 * 1024 * 1024,
  /** Bytes of text between two XML tags: one cell's text (a note is at most 2,000 characters). */
  cellBytes: 32 * 1024,
  rows: 20_000,
  cells: 500_000
} as const

export type BoundCode = 'file_too_large' | 'cell_too_long' | 'too_many_rows'

export function tooLarge(code: BoundCode, reason: string, limit?: number): AppFailure {
  const issue: FieldIssue = { path: ['contentBase64'], code, message: reason, ...(limit === undefined ? {} : { params: { limit } }) }
  return new AppFailure('invalid_input', reason, [issue])
}

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  localHeaderOffset: number
}

/** The entries the zip's central directory lists; null when there is no readable central directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue
    const count = view.getUint16(end + 10, true)
    let offset = view.getUint32(end + 16, true)
    const entries: ZipEntry[] = []
    for (let i = 0; i < count; i++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null
      const nameLength = view.getUint16(offset + 28, true)
      entries.push({
        name: Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8'),
        method: view.getUint16(offset + 10, true),
        compressedSize: view.getUint32(offset + 20, true),
        localHeaderOffset: view.getUint32(offset + 42, true)
      })
      offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
    }
    return entries
  }
  return null
}

/**
 * Unpacks every entry of an .xlsx as a stream with a hard cap on the real output (inflating stops at the
 * cap; nothing unpacked is kept) and checks the XML it holds for over-long cells and too many rows or
 * cells. Throws a refusal; resolves when the workbook is within bounds. The caller then parses the bytes.
 */
export async function checkXlsxBounds(bytes: Uint8Array, damaged: (reason: string) => AppFailure): Promise<void> {
  const entries = zipEntries(bytes)
  if (entries === null) throw damaged('The zip file is damaged.')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const totals = { unpacked: 0, rows: 0, cells: 0 }
  for (const entry of entries) {
    const at = entry.localHeaderOffset
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged('The zip file is damaged.')
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize))
    const scan = new XmlScan(entry.name.endsWith('.xml'), entry.name.startsWith('xl/worksheets/'))
    for await (const chunk of unpacked(entry, data, damaged)) {
      totals.unpacked += chunk.length
      if (totals.unpacked > ROSTER_BOUNDS.unpackedBytes) {
        throw tooLarge('file_too_large', `The workbook unpacks to more than ${megabytes()} MB.`, megabytes())
      }
      scan.add(chunk)
      if (scan.longestText > ROSTER_BOUNDS.cellBytes) {
        throw tooLarge('cell_too_long', `A cell holds more than ${ROSTER_BOUNDS.cellBytes} bytes of text.`)
      }
      if (totals.rows + scan.rows > ROSTER_BOUNDS.rows) throw tooLarge('too_many_rows', `The sheet has more than ${ROSTER_BOUNDS.rows} rows.`, ROSTER_BOUNDS.rows)
      if (totals.cells + scan.cells > ROSTER_BOUNDS.cells) throw tooLarge('file_too_large', `The sheet has more than ${ROSTER_BOUNDS.cells} cells.`, megabytes())
    }
    totals.rows += scan.rows
    totals.cells += scan.cells
  }
}

const megabytes = (): number => ROSTER_BOUNDS.unpackedBytes / 1024 / 1024

/** The entry's content in pieces as it is inflated; the caller stops reading (and so inflating) at its cap. */
async function* unpacked(entry: ZipEntry, data: Uint8Array, damaged: (reason: string) => AppFailure): AsyncGenerator<Buffer> {
  if (entry.method === 0) {
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    return
  }
  if (entry.method !== 8) throw damaged(`The zip uses an unknown compression (${entry.method}).`)
  const inflater = createInflateRaw()
  inflater.end(data)
  try {
    for await (const chunk of inflater) yield chunk as Buffer
  } catch (error) {
    throw damaged(`The zip file is damaged (${(error as Error).message}).`)
  } finally {
    inflater.destroy()
  }
}

const LT = 0x3c

/**
 * Reads XML in pieces as it is unpacked: the longest run of bytes between two '<' (the longest text: one
 * cell's), and, in a worksheet, how many rows and cells it opens. State carries across pieces.
 */
class XmlScan {
  longestText = 0
  rows = 0
  cells = 0
  private run = 0
  private tail = Buffer.alloc(0)

  constructor(
    private readonly isXml: boolean,
    private readonly isSheet: boolean
  ) {}

  add(chunk: Buffer): void {
    if (!this.isXml) return
    let from = 0
    for (;;) {
      const next = chunk.indexOf(LT, from)
      this.run += (next === -1 ? chunk.length : next) - from
      if (this.run > this.longestText) this.longestText = this.run
      if (next === -1) break
      this.run = 0
      from = next + 1
    }
    if (!this.isSheet) return
    // A tag cut in two by the piece boundary is found in the tail of the last piece plus this one; counted
    // where its name ends, so no tag is counted twice.
    const joined = Buffer.concat([this.tail, chunk])
    this.rows += countTags(joined, '<row', this.tail.length)
    this.cells += countTags(joined, '<c', this.tail.length)
    this.tail = joined.subarray(Math.max(0, joined.length - 4))
  }
}

/** Elements named exactly `tag` ('<row', '<c') whose name ends at or after `from`. */
function countTags(xml: Buffer, tag: string, from: number): number {
  let count = 0
  let at = xml.indexOf(tag)
  while (at !== -1) {
    const end = at + tag.length
    const after = xml[end]
    const named = after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d
    if (named && end >= from) count++
    at = xml.indexOf(tag, end)
  }
  return count
}
