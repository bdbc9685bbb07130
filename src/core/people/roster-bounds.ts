import { inflateRawSync } from 'node:zlib'
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
 * Unpacks every entry of an .xlsx with a hard cap on the real output (inflating stops at the cap) and
 * checks the XML it holds for over-long cells and too many rows or cells. Throws a refusal; returns
 * nothing when the workbook is within bounds. The caller still parses the original bytes.
 */
export function checkXlsxBounds(bytes: Uint8Array, damaged: (reason: string) => AppFailure): void {
  const entries = zipEntries(bytes)
  if (entries === null) throw damaged('The zip file is damaged.')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let unpacked = 0
  let rows = 0
  let cells = 0
  for (const entry of entries) {
    const at = entry.localHeaderOffset
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged('The zip file is damaged.')
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize))
    const content = unpack(entry, data, ROSTER_BOUNDS.unpackedBytes - unpacked, damaged)
    unpacked += content.length
    if (!entry.name.endsWith('.xml')) continue
    if (longestText(content) > ROSTER_BOUNDS.cellBytes) {
      throw tooLarge('cell_too_long', `A cell holds more than ${ROSTER_BOUNDS.cellBytes} bytes of text.`)
    }
    if (entry.name.startsWith('xl/worksheets/')) {
      rows += countTags(content, '<row')
      cells += countTags(content, '<c')
      if (rows > ROSTER_BOUNDS.rows) throw tooLarge('too_many_rows', `The sheet has more than ${ROSTER_BOUNDS.rows} rows.`, ROSTER_BOUNDS.rows)
      if (cells > ROSTER_BOUNDS.cells) throw tooLarge('file_too_large', `The sheet has more than ${ROSTER_BOUNDS.cells} cells.`, megabytes())
    }
  }
}

const megabytes = (): number => ROSTER_BOUNDS.unpackedBytes / 1024 / 1024

function unpack(entry: ZipEntry, data: Uint8Array, room: number, damaged: (reason: string) => AppFailure): Buffer {
  const overCap = (): AppFailure => tooLarge('file_too_large', `The workbook unpacks to more than ${megabytes()} MB.`, megabytes())
  if (entry.method === 0) {
    if (data.length > room) throw overCap()
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  }
  if (entry.method !== 8) throw damaged(`The zip uses an unknown compression (${entry.method}).`)
  try {
    // zlib stops with ERR_BUFFER_TOO_LARGE once the output passes the room that is left: memory stays bounded.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, room) })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw overCap()
    throw damaged(`The zip file is damaged (${(error as Error).message}).`)
  }
}

const LT = 0x3c

/** The longest run of bytes between two '<': the longest text (or tag) in the XML. */
function longestText(xml: Buffer): number {
  let longest = 0
  let from = 0
  while (from < xml.length) {
    const next = xml.indexOf(LT, from)
    const end = next === -1 ? xml.length : next
    if (end - from > longest) longest = end - from
    from = end + 1
  }
  return longest
}

/** How many elements named exactly `tag` ('<row', '<c') the XML opens: the name must end there. */
function countTags(xml: Buffer, tag: string): number {
  let count = 0
  let at = xml.indexOf(tag)
  while (at !== -1) {
    const after = xml[at + tag.length]
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) count++
    at = xml.indexOf(tag, at + tag.length)
  }
  return count
}
