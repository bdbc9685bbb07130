import fc from 'fast-check'
import Papa from 'papaparse'
import { readSheet } from 'read-excel-file/node'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { Person } from '../../../src/shared/domain'
import { LIMITS } from '../../../src/shared/limits'
import { samePerson } from '../../../src/core/people/roster-import'
import { fieldsOf } from '../../fixtures/rosters'
import { exportedBytes, insertPerson, runCleanups, saveDialogInto, T0, testCore, valueOf, withDatabase, type PersonFixture } from '../../helpers'

afterEach(runCleanups)

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const HEADERS = ['姓名', '性别', '单位', '村', '类别', '电话', '备注']

const ROSTER: PersonFixture[] = [
  { name: '温乐义', gender: 'male', organisation: '温集新村村委会', village: '温集新村', categories: ['党员', '干部'], phone: '13800138000' },
  { name: '李芳', gender: 'female', organisation: '郑家镇人民政府', categories: ['党员', '志愿者'], phone: '0635-8888888', note: '党员暖心志愿服务队' },
  { name: '翟自恩', organisation: '聊城某企业', categories: ['企业职工'], phone: '+86 159 0000 1111', note: '说："好, 很好"\n第二行' },
  { name: '赵海云', note: '=HYPERLINK("http://example.com")' },
  { name: '王明', organisation: '郑家村', archivedAt: T0 }
]

/**
 * The desktop app (its save dialog saves in a temp folder), or the web bridge (no save dialog), whose clock
 * stands at `now`, with `roster` in its directory.
 */
function seededCore(roster: PersonFixture[] = ROSTER, { now = T0, web = false } = {}): Core & { databaseFile: string } {
  const core = testCore({ now: () => now, platform: web ? {} : { chooseSavePath: saveDialogInto() } })
  withDatabase(core.databaseFile, (db) => roster.forEach((person) => insertPerson(db, person)))
  return core
}

/** Exported by the desktop app: the file it saved, read back. */
async function exportAs(core: Core, format: 'xlsx' | 'csv', includeArchived?: boolean): Promise<{ fileName: string; bytes: Buffer }> {
  const outcome = valueOf(await core.invoke('people:export', { format, ...(includeArchived === undefined ? {} : { includeArchived }) }))
  return { fileName: outcome.fileName, bytes: exportedBytes(outcome, 'saved') }
}

async function listed(core: Core, includeArchived = false): Promise<Person[]> {
  return valueOf(await core.invoke('people:list', { includeArchived }))
}

/** Previews the file with the guessed mapping and commits it, as the import dialog does. */
async function importFile(core: Core, file: { fileName: string; bytes: Buffer }): Promise<void> {
  const { fileName } = file
  const contentBase64 = file.bytes.toString('base64')
  const preview = valueOf(await core.invoke('people:importPreview', { fileName, contentBase64 }))
  expect(preview.problems).toEqual([])
  valueOf(await core.invoke('people:importCommit', { fileName, contentBase64, mapping: preview.mapping, onDuplicate: 'skip' }))
}

describe('people:export as CSV', () => {
  it('writes a BOM, CRLF line ends, the header and everyone active, in the directory order', async () => {
    const core = seededCore()
    const { fileName, bytes } = await exportAs(core, 'csv')
    expect(fileName).toBe('人员名录-2025-08-21.csv')

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n')[0]).toBe(HEADERS.join(','))
    const records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
    const names = (await listed(core)).map((p) => p.name)
    expect(names).not.toContain('王明')
    expect(records.slice(1).map((record) => record[0])).toEqual(names)
    expect(text).toContain('温乐义,男,温集新村村委会,温集新村,党员、干部,13800138000,\r\n')
    expect(text).toContain('李芳,女,郑家镇人民政府,,党员、志愿者,0635-8888888,党员暖心志愿服务队\r\n')
    // A phone number is no formula; a note that is one is defused with an apostrophe.
    expect(text).toContain(',+86 159 0000 1111,"说：""好, 很好""\n第二行"\r\n')
    expect(text).toContain(`赵海云,,,,,,"'=HYPERLINK(""http://example.com"")"\r\n`)
  })

  it('adds archived people and a 状态 column only when asked', async () => {
    const core = seededCore()
    const text = (await exportAs(core, 'csv', true)).bytes.toString('utf8')
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${[...HEADERS, '状态'].join(',')}`)
    expect(text).toContain('王明,,郑家村,,,,,已归档\r\n')
    expect(text).toContain('温乐义,男,温集新村村委会,温集新村,党员、干部,13800138000,,\r\n')
  })

  it('names the file by the date in China, not in UTC', async () => {
    const core = seededCore([], { now: Date.UTC(2025, 7, 21, 16, 30) }) // 2025-08-22 00:30 in Asia/Shanghai
    expect((await exportAs(core, 'csv')).fileName).toBe('人员名录-2025-08-22.csv')
  })
})

describe('people:export as .xlsx', () => {
  it('writes the header and one row per person, phone numbers as text', async () => {
    const core = seededCore()
    const { fileName, bytes } = await exportAs(core, 'xlsx')
    expect(fileName).toBe('人员名录-2025-08-21.xlsx')

    const rows = await readSheet(bytes)
    expect(rows[0]).toEqual(HEADERS)
    expect(rows.slice(1).map((row) => row[0])).toEqual((await listed(core)).map((p) => p.name))
    expect(rows).toContainEqual(['温乐义', '男', '温集新村村委会', '温集新村', '党员、干部', '13800138000', null])
    expect(rows).toContainEqual(['赵海云', null, null, null, null, null, '=HYPERLINK("http://example.com")'])
  })

  it('adds archived people with 已归档 when asked', async () => {
    const core = seededCore()
    const rows = await readSheet((await exportAs(core, 'xlsx', true)).bytes)
    expect(rows[0]).toEqual([...HEADERS, '状态'])
    expect(rows).toContainEqual(['王明', null, '郑家村', null, null, null, null, '已归档'])
    expect(rows).toHaveLength(ROSTER.length + 1)
  })
})

describe('people:export through the web bridge', () => {
  it.each([
    ['csv', 'text/csv'],
    ['xlsx', XLSX_MIME]
  ] as const)('answers the %s file itself, as the desktop app saves it, for the browser to download', async (format, mimeType) => {
    const outcome = valueOf(await seededCore(ROSTER, { web: true }).invoke('people:export', { format }))
    expect(outcome).toMatchObject({ kind: 'download', fileName: `人员名录-2025-08-21.${format}`, mimeType })
    const downloaded = exportedBytes(outcome, 'download')
    const saved = (await exportAs(seededCore(), format)).bytes
    if (format === 'csv') expect(downloaded.toString('utf8')).toBe(saved.toString('utf8'))
    else expect(await readSheet(downloaded)).toEqual(await readSheet(saved))
  })
})

describe('round trip: an exported directory imports into a fresh database as the same people', () => {
  it.each(['xlsx', 'csv'] as const)('as %s', async (format) => {
    const source = seededCore()
    const target = testCore()
    await importFile(target, await exportAs(source, format))
    expect((await listed(target)).map(fieldsOf)).toEqual((await listed(source)).map(fieldsOf))
  })

  it('re-importing an export into the same database finds everyone as a duplicate', async () => {
    const core = seededCore()
    const { fileName, bytes } = await exportAs(core, 'csv', true)
    const contentBase64 = bytes.toString('base64')
    const preview = valueOf(await core.invoke('people:importPreview', { fileName, contentBase64 }))
    const all = await listed(core, true)
    expect(preview.rows.map((row) => row.duplicateOfId)).toEqual(all.map((p) => p.id))
    const outcome = valueOf(await core.invoke('people:importCommit', { fileName, contentBase64, mapping: preview.mapping, onDuplicate: 'update' }))
    expect(outcome).toEqual({ created: 0, updated: all.length, skipped: 0 })
    expect((await listed(core, true)).map((p) => [fieldsOf(p), p.updatedAt])).toEqual(all.map((p) => [fieldsOf(p), p.updatedAt]))
  })

  /** People as the directory holds them after an import: texts already trimmed and spaced as the importer leaves them. */
  const hanName = fc
    .array(fc.constantFrom(...'温乐义李芳翟自恩赵海云王明张欧阳'), { minLength: 1, maxLength: 4 })
    .map((chars) => chars.join(''))
  const latinName = fc.array(fc.constantFrom('Li', 'Fang', 'Zhao', 'Mary-Ann', "O'Neil"), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))
  const trickyText = fc
    .array(fc.constantFrom('郑家镇', '政府', 'A', ',', '"', '=', '+', '-', '@', "'", '（', ')', '、', ' '), { maxLength: 6 })
    .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  const personArb: fc.Arbitrary<PersonFixture> = fc.record({
    name: fc.oneof(hanName, latinName, fc.constantFrom('=1+1', '@王', '-李', "'=李")),
    gender: fc.constantFrom(null, 'male' as const, 'female' as const),
    organisation: trickyText,
    village: trickyText,
    categories: fc.uniqueArray(fc.constantFrom('党员', '入党积极分子', '群众', '干部', '志愿者', '企业职工', 'Youth'), { maxLength: 4 }),
    phone: fc.oneof(fc.constant(null), fc.constantFrom('13800138000', '0635-8888888', '+86 138 0013 8000', '010 (6) 555-01')),
    note: fc
      .array(fc.constantFrom('备注', '第二行\n', '"引号"', ', ', '=SUM(A1)', '\t'), { maxLength: 4 })
      .map((parts) => parts.join('').trim().slice(0, LIMITS.note))
  })
  // No two of them the same person by the importer's rule (name, village and unit; or the phone when both have one).
  const identity = (p: PersonFixture) => ({ name: p.name, village: p.village ?? '', organisation: p.organisation ?? '', phone: p.phone ?? null })
  const rosterArb = fc.uniqueArray(personArb, { minLength: 1, maxLength: 12, comparator: (a, b) => samePerson(identity(a), identity(b)) })

  it.each(['xlsx', 'csv'] as const)('holds for any directory, as %s', async (format) => {
    await fc.assert(
      fc.asyncProperty(rosterArb, async (roster) => {
        const source = seededCore(roster)
        const target = testCore()
        await importFile(target, await exportAs(source, format))
        expect((await listed(target)).map(fieldsOf)).toEqual((await listed(source)).map(fieldsOf))
        await runCleanups()
      }),
      { numRuns: 25 }
    )
  })
})
