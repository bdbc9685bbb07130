import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { ColumnMapping, ImportPreview, Person } from '../../../src/shared/domain'
import { LIMITS } from '../../../src/shared/limits'
import { csvBase64, docxBytes, fieldsOf, MESSY_ROSTER, pngBytes, randomBytes, toBase64, xlsxBase64, xlsxBytes } from '../../fixtures/rosters'
import { errorOf, insertPerson, recordEvents, runCleanups, T0, testCore, valueOf, withDatabase } from '../../helpers'

afterEach(runCleanups)

const MESSY_MAPPING: ColumnMapping = { name: 1, gender: 2, organisation: 3, village: 4, categories: 5, phone: 6, note: null }

async function preview(core: Core, contentBase64: string, mapping?: ColumnMapping, fileName = 'roster.xlsx'): Promise<ImportPreview> {
  return valueOf(await core.invoke('people:importPreview', { fileName, contentBase64, ...(mapping ? { mapping } : {}) }))
}

async function people(core: Core): Promise<Person[]> {
  return valueOf(await core.invoke('people:list', { includeArchived: true }))
}

/** 李芳 as MESSY_ROSTER's row 4 reads. */
const LI_FANG_IN_MESSY_ROSTER = {
  name: '李芳',
  gender: 'female',
  organisation: '郑家镇人民政府',
  village: '郑家村',
  categories: ['党员', '志愿者'],
  phone: '0635-8888888',
  note: ''
}

describe('people:importPreview', () => {
  it('reads a messy WPS roster: title row, 序号, full-width spaces, numeric phones, several categories, blank rows', async () => {
    const core = testCore()
    const result = await preview(core, await xlsxBase64(MESSY_ROSTER))

    expect(result.headerRow).toBe(2)
    expect(result.headers).toEqual(['序号', '姓 名', '性别', '单位', '所在村', '政治面貌', '联系电话', '入党时间'])
    expect(result.mapping).toEqual(MESSY_MAPPING)
    expect(result.problems).toEqual([])
    expect(result.rows).toEqual([
      {
        row: 3,
        duplicateOfId: null,
        person: {
          name: '温乐义',
          gender: 'male',
          organisation: '温集新村村委会',
          village: '温集新村',
          categories: ['党员', '干部'],
          phone: '13800138000',
          note: ''
        }
      },
      {
        row: 4,
        duplicateOfId: null,
        person: LI_FANG_IN_MESSY_ROSTER
      },
      {
        row: 5,
        duplicateOfId: null,
        person: {
          name: '翟自恩',
          gender: 'male',
          organisation: '聊城某企业',
          village: '',
          categories: ['党员', '企业职工'],
          phone: '15900001111',
          note: ''
        }
      },
      {
        row: 6,
        duplicateOfId: null,
        person: { name: 'Zhao Haiyun', gender: 'female', organisation: '', village: '温集新村', categories: ['志愿者', '青年'], phone: null, note: '' }
      },
      {
        row: 8,
        duplicateOfId: null,
        person: { name: '赵海云', gender: null, organisation: '郑家镇新时代文明实践所', village: '', categories: [], phone: null, note: '' }
      }
    ])
    expect(await people(core)).toEqual([])
  })

  it('uses the mapping the user chose, and reads date and number cells as text without crashing', async () => {
    const core = testCore()
    const result = await preview(core, await xlsxBase64(MESSY_ROSTER), { ...MESSY_MAPPING, phone: null, note: 7 })
    expect(result.mapping).toEqual({ ...MESSY_MAPPING, phone: null, note: 7 })
    expect(result.rows.map((row) => [row.row, row.person.phone, row.person.note])).toEqual([
      [3, null, '1998-07-01'],
      [4, null, '36000'],
      [5, null, ''],
      [6, null, ''],
      [8, null, '']
    ])
  })

  it('counts leading blank rows in the row numbers', async () => {
    const core = testCore()
    const result = await preview(core, await xlsxBase64([[null, null], [null, null], ['姓名', '电话'], ['李芳', 13800138000]]))
    expect(result.headerRow).toBe(3)
    expect(result.rows.map((row) => row.row)).toEqual([4])
  })

  it('reads a UTF-8 CSV with English headers, quoted commas and a BOM', async () => {
    const core = testCore()
    const csv =
      'Name,Gender,Organization,Village,Category,Phone,Note\r\n' +
      'Li Fang,F,"Zhengjia, town government",Zhengjia,"党员,志愿者",13800138000,"says ""hello"""\r\n' +
      '\r\n' +
      '温乐义,男,温集新村村委会,温集新村,党员,,\r\n'
    const result = await preview(core, csvBase64(csv, 'utf8-bom'), undefined, 'roster.csv')
    expect(result.headerRow).toBe(1)
    expect(result.problems).toEqual([])
    expect(result.rows.map((row) => [row.row, row.person])).toEqual([
      [
        2,
        {
          name: 'Li Fang',
          gender: 'female',
          organisation: 'Zhengjia, town government',
          village: 'Zhengjia',
          categories: ['党员', '志愿者'],
          phone: '13800138000',
          note: 'says "hello"'
        }
      ],
      [4, { name: '温乐义', gender: 'male', organisation: '温集新村村委会', village: '温集新村', categories: ['党员'], phone: null, note: '' }]
    ])
  })

  it('reads a GBK CSV, as Excel in China saves it', async () => {
    const core = testCore()
    const csv = '温集新村党员花名册,,,\r\n序号,姓名,性别,单位,政治面貌\r\n1,温乐义,男,温集新村村委会,党员、干部\r\n2,李芳,女,郑家镇人民政府,群众\r\n'
    const result = await preview(core, csvBase64(csv, 'gbk'), undefined, '花名册.csv')
    expect(result.headerRow).toBe(2)
    expect(result.headers).toEqual(['序号', '姓名', '性别', '单位', '政治面貌'])
    expect(result.rows.map((row) => [row.row, row.person.name, row.person.organisation, row.person.categories])).toEqual([
      [3, '温乐义', '温集新村村委会', ['党员', '干部']],
      [4, '李芳', '郑家镇人民政府', ['群众']]
    ])
  })

  it('decides the type by content: a CSV named .xlsx and an .xlsx named .csv are both read', async () => {
    const core = testCore()
    const fromCsv = await preview(core, csvBase64('姓名,电话\n李芳,13800138000\n'), undefined, 'roster.xlsx')
    const fromXlsx = await preview(core, await xlsxBase64([['姓名', '电话'], ['李芳', 13800138000]]), undefined, 'roster.csv')
    expect(fromCsv.rows).toEqual(fromXlsx.rows)
  })

  it('lists bad rows with their row number and reason', async () => {
    const core = testCore()
    const content = await xlsxBase64([
      [{ value: '花名册', columnSpan: 7 }, null, null, null, null, null, null],
      ['姓名', '性别', '单位', '村', '类别', '电话', '备注'],
      ['温乐义', '男', '温集新村村委会', null, '党员', 13800138000, null],
      [null, '女', '郑家镇人民政府', null, null, null, null],
      ['郑'.repeat(51), null, null, null, null, null, null],
      ['李芳', '未知', null, null, null, null, null],
      ['王明', null, null, null, null, '138-abc', null],
      ['赵云', null, '单'.repeat(101), null, '类'.repeat(21), null, null],
      ['\u3000温 乐义', null, '温集新村村委会', null, '群众', null, null],
      ['孙丽', null, null, null, null, null, '好']
    ])
    const result = await preview(core, content)
    expect(result.problems).toEqual([
      { row: 4, code: 'name_missing', field: 'name' },
      { row: 5, code: 'name_too_long', field: 'name', value: '郑'.repeat(51) },
      { row: 6, code: 'gender_unknown', field: 'gender', value: '未知' },
      { row: 7, code: 'phone_invalid', field: 'phone', value: '138-abc' },
      { row: 8, code: 'too_long', field: 'organisation', value: '单'.repeat(100) + '…' },
      { row: 8, code: 'too_long', field: 'categories', value: '类'.repeat(21) },
      { row: 9, code: 'duplicate_in_file', field: 'name', value: '温乐义' }
    ])
    expect(result.rows.map((row) => row.row)).toEqual([3, 10])
  })

  it('marks rows that match an existing person (archived ones too) by name, village and organisation', async () => {
    const core = testCore()
    const [liFang, wenLeyi] = withDatabase(core.databaseFile, (db) => [
      insertPerson(db, { name: '李\u3000芳 ', organisation: '郑家镇人民政府', village: '郑家村' }),
      insertPerson(db, { name: '温乐义', organisation: '温集新村村委会', village: '温集新村', archivedAt: T0 }),
      // Same name, another organisation: another person.
      insertPerson(db, { name: '翟自恩', organisation: '另一家企业' })
    ])
    const result = await preview(core, await xlsxBase64(MESSY_ROSTER))
    expect(Object.fromEntries(result.rows.map((row) => [row.person.name, row.duplicateOfId]))).toEqual({
      温乐义: wenLeyi,
      李芳: liFang,
      翟自恩: null,
      'Zhao Haiyun': null,
      赵海云: null
    })
  })

  it('falls back to the first row as the header when none is recognised, mapping nothing', async () => {
    const core = testCore()
    const result = await preview(core, csvBase64('甲,乙\n李芳,13800138000\n'))
    expect(result.headerRow).toBe(1)
    expect(result.headers).toEqual(['甲', '乙'])
    expect(Object.values(result.mapping).every((index) => index === null)).toBe(true)
    // Nothing is mapped, so nothing is read; the user maps the columns and previews again.
    expect(result.rows).toEqual([])
    const mapped = await preview(core, csvBase64('甲,乙\n李芳,13800138000\n'), { ...result.mapping, name: 0, phone: 1 })
    expect(mapped.rows.map((row) => [row.person.name, row.person.phone])).toEqual([['李芳', '13800138000']])
  })
})

describe('files that are not rosters', () => {
  const notRosters: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['a PNG', pngBytes],
    ['random bytes', () => randomBytes(4096)],
    ['a zip that is not an .xlsx (a .docx)', docxBytes],
    ['an old .xls', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(504)])],
    ['a damaged .xlsx', async () => (await xlsxBytes(MESSY_ROSTER)).subarray(0, 1200)]
  ]

  it.each(notRosters)('refuses %s as file_type, in preview and commit', async (_, bytes) => {
    const core = testCore()
    const contentBase64 = toBase64(await bytes())
    for (const [channel, extra] of [
      ['people:importPreview', {}],
      ['people:importCommit', { mapping: MESSY_MAPPING, onDuplicate: 'skip' }]
    ] as const) {
      const error = errorOf(await core.invoke(channel, { fileName: 'roster.xlsx', contentBase64, ...extra }))
      expect(error.code).toBe('invalid_input')
      expect(error.issues).toMatchObject([{ path: ['contentBase64'], code: 'file_type' }])
    }
  })

  it.each([
    ['zero bytes', async () => '='],
    ['a CSV of blank lines', async () => csvBase64('\uFEFF\r\n\r\n  \r\n')],
    ['a sheet with a title and a header but no people', async () => xlsxBase64([['花名册', null], ['姓名', '电话'], [null, null]])],
    ['an empty sheet', async () => xlsxBase64([])]
  ])('refuses %s as file_empty', async (_, content) => {
    const core = testCore()
    const error = errorOf(await core.invoke('people:importPreview', { fileName: 'roster.xlsx', contentBase64: await content() }))
    expect(error.code).toBe('invalid_input')
    expect(error.issues).toMatchObject([{ path: ['contentBase64'], code: 'file_empty' }])
  })

  it('the contract refuses no content and content over the size limit', async () => {
    const core = testCore()
    const empty = errorOf(await core.invoke('people:importPreview', { fileName: 'roster.csv', contentBase64: '' }))
    expect(empty).toMatchObject({ code: 'invalid_input', issues: [{ path: ['contentBase64'] }] })

    const tooBig = 'A'.repeat(LIMITS.importBase64 + 1)
    for (const channel of ['people:importPreview', 'people:importCommit'] as const) {
      const error = errorOf(
        await core.invoke(channel, { fileName: 'roster.csv', contentBase64: tooBig, mapping: MESSY_MAPPING, onDuplicate: 'skip' })
      )
      expect(error.code).toBe('invalid_input')
      expect(error.issues).toContainEqual(
        expect.objectContaining({ path: ['contentBase64'], code: 'too_big', params: { max: LIMITS.importBase64 } })
      )
    }
  })
})

describe('people:importCommit', () => {
  const commit = (core: Core, contentBase64: string, options: { mapping?: ColumnMapping; onDuplicate?: 'skip' | 'update'; skipInvalid?: boolean } = {}) =>
    core.invoke('people:importCommit', {
      fileName: 'roster.xlsx',
      contentBase64,
      mapping: options.mapping ?? MESSY_MAPPING,
      onDuplicate: options.onDuplicate ?? 'skip',
      ...(options.skipInvalid === undefined ? {} : { skipInvalid: options.skipInvalid })
    })

  it('creates everyone the preview showed, and announces it', async () => {
    const core = testCore()
    const events = recordEvents(core)
    const content = await xlsxBase64(MESSY_ROSTER)
    const { mapping, rows } = await preview(core, content)

    expect(valueOf(await commit(core, content, { mapping }))).toEqual({ created: 5, updated: 0, skipped: 0 })
    const stored = await people(core)
    expect(stored).toHaveLength(rows.length)
    for (const { person } of rows) {
      const match = stored.find((p) => p.name === person.name)
      // The directory sorts categories by pinyin; the file's order does not matter.
      expect(match && { ...fieldsOf(match), categories: [...match.categories].sort() }).toEqual({ ...person, categories: [...person.categories].sort() })
    }
    expect(stored.find((p) => p.name === '温乐义')?.phone).toBe('13800138000')
    expect(events.filter((event) => event.name === 'people:changed')).toHaveLength(5)
  })

  it('skips people who are already in the directory when asked to', async () => {
    const core = testCore()
    const id = withDatabase(core.databaseFile, (db) => insertPerson(db, { name: '李芳', organisation: '郑家镇人民政府', village: '郑家村', note: '原有' }))
    const before = valueOf(await core.invoke('people:get', { id }))

    expect(valueOf(await commit(core, await xlsxBase64(MESSY_ROSTER), { onDuplicate: 'skip' }))).toEqual({ created: 4, updated: 0, skipped: 1 })
    expect(valueOf(await core.invoke('people:get', { id }))).toEqual(before)
    expect((await people(core)).filter((p) => p.name === '李芳')).toHaveLength(1)
  })

  it('updates people who are already in the directory with what the file says, keeping what it leaves empty', async () => {
    const core = testCore({ now: () => T0 + 1000 })
    const [liFang, zhao] = withDatabase(core.databaseFile, (db) => [
      // No phone here: a different one in the file would make the row another person.
      insertPerson(db, { name: '李芳', organisation: '郑家镇人民政府', village: '郑家村', note: '原有备注', categories: ['群众'] }),
      insertPerson(db, { name: '赵海云', organisation: '郑家镇新时代文明实践所', gender: 'male', categories: ['志愿者'], archivedAt: T0 })
    ])

    expect(valueOf(await commit(core, await xlsxBase64(MESSY_ROSTER), { onDuplicate: 'update' }))).toEqual({ created: 3, updated: 2, skipped: 0 })

    const updated = valueOf(await core.invoke('people:get', { id: liFang }))
    // The file's fields replace hers, but a blank note in the file leaves hers as it was.
    expect(fieldsOf(updated)).toEqual({ ...LI_FANG_IN_MESSY_ROSTER, note: '原有备注' })
    expect(updated.updatedAt).toBe(T0 + 1000)
    // The file's row for 赵海云 has nothing but a name and an organisation: nothing to change, not even the time.
    const untouched = valueOf(await core.invoke('people:get', { id: zhao }))
    expect(fieldsOf(untouched)).toMatchObject({ gender: 'male', categories: ['志愿者'] })
    expect(untouched.updatedAt).toBe(T0)
    expect(untouched.archivedAt).toBe(T0)
    expect(await people(core)).toHaveLength(5)
  })

  describe('a file with bad rows', () => {
    const BAD_ROWS = async () =>
      xlsxBase64([
        [{ value: '温集新村党员花名册', columnSpan: 7 }, null, null, null, null, null, null],
        ['序号', '姓名', '性别', '单位', '村', '类别', '电话'],
        [1, '温乐义', '男', '温集新村村委会', '温集新村', '党员', 13800138000],
        [2, null, '女', '郑家镇人民政府', null, null, null],
        [3, '李芳', '女', '郑家镇人民政府', null, null, '电话坏了'],
        [4, '翟自恩', '男', '聊城某企业', null, null, null],
        [5, '翟自恩', '男', '聊城某企业', null, null, null],
        [6, '赵海云', '?', null, null, null, null]
      ])
    const MAPPING: ColumnMapping = { name: 1, gender: 2, organisation: 3, village: 4, categories: 5, phone: 6, note: null }

    it('is refused whole, with each row number and reason, and nothing is written', async () => {
      const core = testCore()
      withDatabase(core.databaseFile, (db) => insertPerson(db, { name: '已有的人' }))
      const events = recordEvents(core)

      const error = errorOf(await commit(core, await BAD_ROWS(), { mapping: MAPPING }))
      expect(error.code).toBe('invalid_input')
      expect(error.message).toBe('The file has rows that cannot be imported')
      expect(error.issues?.map(({ path, code, params }) => ({ path, code, params }))).toEqual([
        { path: ['rows', 4], code: 'name_missing', params: { row: 4, field: 'name' } },
        { path: ['rows', 5], code: 'phone_invalid', params: { row: 5, field: 'phone', value: '电话坏了' } },
        { path: ['rows', 7], code: 'duplicate_in_file', params: { row: 7, field: 'name', value: '翟自恩' } },
        { path: ['rows', 8], code: 'gender_unknown', params: { row: 8, field: 'gender', value: '?' } }
      ])
      expect(error.issues?.every((issue) => issue.message.length > 0)).toBe(true)
      expect((await people(core)).map((p) => p.name)).toEqual(['已有的人'])
      expect(events).toEqual([])
    })

    it('imports only the good rows when the user chooses to skip the bad ones', async () => {
      const core = testCore()
      const outcome = valueOf(await commit(core, await BAD_ROWS(), { mapping: MAPPING, skipInvalid: true }))
      expect(outcome).toEqual({ created: 2, updated: 0, skipped: 4 })
      expect((await people(core)).map((p) => p.name).sort()).toEqual(['温乐义', '翟自恩'].sort())
    })
  })

  it('writes all or nothing: when the database refuses one row, the rows before it are rolled back', async () => {
    const core = testCore()
    withDatabase(core.databaseFile, (db) => {
      insertPerson(db, { name: '已有的人' })
      // A stand-in for any failure midway (a full disk, a constraint): the database refuses the fourth person.
      db.exec(`CREATE TRIGGER refuse_zhao BEFORE INSERT ON people WHEN NEW.name = 'Zhao Haiyun'
               BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`)
    })
    const events = recordEvents(core)

    const error = errorOf(await commit(core, await xlsxBase64(MESSY_ROSTER)))
    expect(error.code).toBe('internal')
    expect((await people(core)).map((p) => p.name)).toEqual(['已有的人'])
    expect(events).toEqual([])
  })

  it('reads the file with the mapping given, not the guessed one', async () => {
    const core = testCore()
    valueOf(await commit(core, await xlsxBase64(MESSY_ROSTER), { mapping: { ...MESSY_MAPPING, phone: null, categories: null } }))
    const stored = await people(core)
    expect(stored).toHaveLength(5)
    expect(stored.every((p) => p.phone === null && p.categories.length === 0)).toBe(true)
  })

  it('imports the first of two rows for the same person when skipping invalid rows', async () => {
    const core = testCore()
    const content = csvBase64('姓名,单位,电话\n李芳,郑家镇,13800138000\n李\u3000芳,郑家镇,\n')
    const mapping: ColumnMapping = { name: 0, gender: null, organisation: 1, village: null, categories: null, phone: 2, note: null }
    expect(valueOf(await commit(core, content, { mapping, skipInvalid: true }))).toEqual({ created: 1, updated: 0, skipped: 1 })
    expect((await people(core)).map((p) => [p.name, p.phone])).toEqual([['李芳', '13800138000']])
  })
})

describe('who is already there: name, village and unit, or the phone when both sides have one', () => {
  // A roster whose place column is mapped to 村, as village committees keep them.
  const MAPPING: ColumnMapping = { name: 0, gender: null, organisation: 2, village: 1, categories: null, phone: 3, note: null }
  const roster = (...lines: string[]) => csvBase64(['姓名,村,单位,电话', ...lines].join('\n'))
  const duplicates = async (core: Core, ...lines: string[]) => {
    const result = await preview(core, roster(...lines), MAPPING, 'roster.csv')
    return { of: result.rows.map((row) => row.duplicateOfId), inFile: result.problems.filter((p) => p.code === 'duplicate_in_file').map((p) => p.row) }
  }

  it('tells namesakes of different villages apart, and finds the one of the same village and unit', async () => {
    const core = testCore()
    const [ofWenji] = withDatabase(core.databaseFile, (db) => [
      insertPerson(db, { name: '李芳', village: '温集新村', organisation: '村委会' }),
      insertPerson(db, { name: '李芳', village: '郑家村', organisation: '镇政府' })
    ])
    expect(await duplicates(core, '李　芳,温集新村,村委会,', '李芳,翟庄村,村委会,', '李芳,温集新村,镇政府,')).toEqual({
      of: [ofWenji, null, null],
      inFile: []
    })
  })

  it('takes a different phone for a different person, and the same phone for the same person wherever they are', async () => {
    const core = testCore()
    const [withPhone, withoutPhone] = withDatabase(core.databaseFile, (db) => [
      insertPerson(db, { name: '王明', village: '温集新村', organisation: '村委会', phone: '0635-8888888' }),
      insertPerson(db, { name: '张秀兰', village: '郑家村', organisation: '村委会' })
    ])
    expect(
      await duplicates(
        core,
        '王明,温集新村,村委会,13800138000', // same name, village and unit, another phone: another 王明
        '王明,翟庄村,镇政府,0635 8888888', // same name and phone, written another way: the same 王明, who moved
        '张秀兰,郑家村,村委会,13900139000', // a phone on one side only: village and unit decide
        '张秀兰,翟庄村,村委会,' // and here they differ
      )
    ).toEqual({ of: [null, withPhone, withoutPhone, null], inFile: [] })
  })

  it('judges rows within the file by the same rule, the later row being the duplicate', async () => {
    const core = testCore()
    expect(
      await duplicates(
        core,
        '李芳,温集新村,村委会,', // row 2
        '李芳,郑家村,村委会,', // 3: another village, another 李芳
        '李 芳,温集新村,村委会,', // 4: the same as row 2
        '王明,温集新村,村委会,13800138000', // 5
        '王明,温集新村,村委会,13900139000', // 6: another phone, another 王明
        '王明,郑家村,镇政府,138 0013 8000', // 7: row 5's phone: row 5 again
        '王明,温集新村,村委会,' // 8: no phone, so village and unit decide: row 5 again
      )
    ).toEqual({ of: [null, null, null, null], inFile: [4, 7, 8] })
  })

  it('updates the person a phone matched with the village and unit the file gives', async () => {
    const core = testCore()
    const id = withDatabase(core.databaseFile, (db) => insertPerson(db, { name: '王明', village: '温集新村', organisation: '村委会', phone: '13800138000' }))
    const outcome = valueOf(
      await core.invoke('people:importCommit', {
        fileName: 'roster.csv',
        contentBase64: roster('王明,郑家村,镇政府,13800138000'),
        mapping: MAPPING,
        onDuplicate: 'update'
      })
    )
    expect(outcome).toEqual({ created: 0, updated: 1, skipped: 0 })
    expect(valueOf(await core.invoke('people:get', { id }))).toMatchObject({ village: '郑家村', organisation: '镇政府', phone: '13800138000' })
  })
})
