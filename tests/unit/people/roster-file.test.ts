import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/core/errors'
import { zipEntries } from '../../../src/core/people/roster-bounds'
import { cellText, readRosterCells } from '../../../src/core/people/roster-file'
import { docxBytes, encodeGbk, pngBytes, randomBytes, xlsxBytes } from '../../fixtures/rosters'

async function failureOf(bytes: Uint8Array): Promise<AppFailure> {
  try {
    await readRosterCells(bytes)
  } catch (error) {
    if (error instanceof AppFailure) return error
    throw error
  }
  throw new Error('expected the file to be refused')
}

describe('cellText', () => {
  it.each([
    [null, ''],
    ['  王芳 ', '  王芳 '],
    [13800138000, '13800138000'],
    [8613800138000, '8613800138000'],
    [1e21, '1000000000000000000000'],
    [1.5, '1.5'],
    [0, '0'],
    [Number.NaN, ''],
    [true, 'TRUE'],
    [new Date(Date.UTC(1998, 6, 1)), '1998-07-01'],
    [new Date(Date.UTC(2025, 7, 21, 14, 30)), '2025-08-21 14:30']
  ])('%j → %j', (value, expected) => {
    expect(cellText(value)).toBe(expected)
  })
})

describe('readRosterCells', () => {
  it('reads an .xlsx from its first row, keeping blank rows in the middle for the row numbers', async () => {
    const bytes = await xlsxBytes([
      [null, null],
      ['姓名', '电话'],
      [null, null],
      ['李芳', 13800138000]
    ])
    expect(await readRosterCells(bytes)).toEqual([
      ['', ''],
      ['姓名', '电话'],
      ['', ''],
      ['李芳', '13800138000']
    ])
  })

  it('reads UTF-8 CSV with or without a BOM, with CRLF or LF, quotes and commas in cells', async () => {
    const text = '姓名,类别\r\n"李芳","党员,志愿者"\r\n"王""小""明",群众\r\n'
    const expected = [['姓名', '类别'], ['李芳', '党员,志愿者'], ['王"小"明', '群众'], ['']]
    expect(await readRosterCells(Buffer.from(text, 'utf8'))).toEqual(expected)
    expect(await readRosterCells(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual(expected)
    expect(await readRosterCells(Buffer.from(text.replaceAll('\r\n', '\n'), 'utf8'))).toEqual(expected)
  })

  it('reads GBK CSV as Excel in China saves it', async () => {
    expect(await readRosterCells(encodeGbk('姓名,单位\r\n温乐义,温集新村村委会\r\n'))).toEqual([
      ['姓名', '单位'],
      ['温乐义', '温集新村村委会'],
      ['']
    ])
  })

  it('takes off the apostrophe our export puts before formula-like texts, and nothing else', async () => {
    const cells = await readRosterCells(Buffer.from("'=1+1,'-x,'abc,it's\n", 'utf8'))
    expect(cells[0]).toEqual(['=1+1', '-x', "'abc", "it's"])
  })

  it.each([
    ['a PNG', pngBytes()],
    ['random bytes', randomBytes(256)],
    ['a .docx (a zip without a workbook)', docxBytes()],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1')],
    ['a zip header and garbage', Buffer.from('PK\x03\x04 this is not really a zip', 'latin1')],
    ['bytes that are neither UTF-8 nor GBK', Buffer.from([0x41, 0xff, 0xff, 0x42])]
  ])('refuses %s as file_type', async (_, bytes) => {
    const failure = await failureOf(bytes)
    expect(failure.code).toBe('invalid_input')
    expect(failure.issues).toMatchObject([{ path: ['contentBase64'], code: 'file_type' }])
  })

  it('refuses a truncated .xlsx as file_type', async () => {
    const bytes = await xlsxBytes([['姓名'], ['李芳']])
    const failure = await failureOf(bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(failure.issues).toMatchObject([{ code: 'file_type' }])
  })

  it('refuses zero bytes as file_empty', async () => {
    expect((await failureOf(new Uint8Array())).issues).toMatchObject([{ path: ['contentBase64'], code: 'file_empty' }])
  })
})

describe('zip bomb guard', () => {
  it('lists the entries of a real workbook from its central directory', async () => {
    const names = zipEntries(await xlsxBytes([['姓名'], ['温乐义']]))?.map((entry) => entry.name)
    expect(names).toContain('xl/workbook.xml')
    expect(names?.some((name) => name.startsWith('xl/worksheets/'))).toBe(true)
  })

  it('still reads a workbook whose declared sizes are wrong but whose real contents are small', async () => {
    const bytes = await xlsxBytes([['姓名'], ['温乐义']])
    // Rewrite each central-directory entry's uncompressed size to 40 MB: the real size is what counts.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 40 * 1024 * 1024, true)
    expect(zipEntries(bytes)).not.toBeNull()
    await expect(readRosterCells(bytes)).resolves.toEqual([['姓名'], ['温乐义']])
  })

  it('treats a zip without a central directory as damaged', async () => {
    expect(zipEntries(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull()
    expect((await failureOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).issues).toMatchObject([{ code: 'file_type' }])
  })
})
