import { describe, expect, it } from 'vitest'
import { normaliseName, personKey, readPersonRow, splitCategories } from '../../../src/core/people/roster-rows'
import { personSchema } from '../../../src/shared/contract'
import type { ColumnMapping } from '../../../src/shared/domain'
import { LIMITS } from '../../../src/shared/limits'

/** Columns in the order of the export: 姓名 性别 单位 村 类别 电话 备注. */
const MAPPING: ColumnMapping = { name: 0, gender: 1, organisation: 2, village: 3, categories: 4, phone: 5, note: 6 }

const row = (cells: Partial<Record<keyof ColumnMapping, string>>): string[] => [
  cells.name ?? '',
  cells.gender ?? '',
  cells.organisation ?? '',
  cells.village ?? '',
  cells.categories ?? '',
  cells.phone ?? '',
  cells.note ?? ''
]

const read = (cells: Partial<Record<keyof ColumnMapping, string>>) => readPersonRow(row(cells), MAPPING, 7)

describe('normaliseName', () => {
  it.each([
    ['  温乐义 ', '温乐义'],
    ['\u3000温乐义\u3000', '温乐义'],
    ['李\u3000芳', '李芳'],
    ['李  芳', '李芳'],
    ['John   Smith', 'John Smith'],
    ['John\u3000Smith', 'John Smith'],
    ['买买提·艾力', '买买提·艾力'],
    ['张三\n', '张三'],
    ['\t', '']
  ])('%j → %j', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected)
  })
})

describe('personKey', () => {
  it('is the same however the name and organisation were spaced or typed', () => {
    expect(personKey('李\u3000芳', ' 郑家镇（政府） ')).toBe(personKey('李芳', '郑家镇(政府)'))
    expect(personKey('John Smith', 'ABC')).toBe(personKey('john  smith', 'abc'))
  })

  it('tells different organisations apart', () => {
    expect(personKey('李芳', '郑家镇人民政府')).not.toBe(personKey('李芳', '温集新村村委会'))
    expect(personKey('李芳', '')).not.toBe(personKey('李', '芳'))
  })
})

describe('splitCategories', () => {
  it.each([
    ['党员、干部', ['党员', '干部']],
    ['党员，志愿者', ['党员', '志愿者']],
    ['党员,志愿者', ['党员', '志愿者']],
    ['党员/企业职工', ['党员', '企业职工']],
    ['党员;群众；青年', ['党员', '群众', '青年']],
    ['志愿者 青年\u3000干部', ['志愿者', '青年', '干部']],
    ['党员、、党员 ', ['党员']],
    ['', []]
  ])('%j → %j', (raw, expected) => {
    expect(splitCategories(raw)).toEqual(expected)
  })
})

describe('readPersonRow', () => {
  it('skips a row with nothing in any mapped column, even when an unmapped 序号 is filled in', () => {
    expect(readPersonRow(['', '', ''], MAPPING, 3)).toBeNull()
    expect(readPersonRow(['', '', '', '', '', '', '', '12'], MAPPING, 3)).toBeNull()
    expect(readPersonRow(['\u3000', ' '], MAPPING, 3)).toBeNull()
  })

  it('reads a full row into person fields the contract accepts', () => {
    const reading = read({
      name: ' 温乐义 ',
      gender: '男',
      organisation: ' 温集新村  村委会 ',
      village: '温集新村',
      categories: '党员、干部',
      phone: '13800138000',
      note: '  第一行\n第二行  '
    })
    expect(reading?.problems).toEqual([])
    expect(reading?.person).toEqual({
      name: '温乐义',
      gender: 'male',
      organisation: '温集新村 村委会',
      village: '温集新村',
      categories: ['党员', '干部'],
      phone: '13800138000',
      note: '第一行\n第二行'
    })
    expect(personSchema.safeParse(reading?.person).success).toBe(true)
  })

  it.each([
    ['男', 'male'],
    ['女', 'female'],
    ['男性', 'male'],
    ['M', 'male'],
    ['f', 'female'],
    ['Male', 'male'],
    ['FEMALE', 'female'],
    [' 女 ', 'female'],
    ['', null]
  ])('reads gender %j as %j', (gender, expected) => {
    expect(read({ name: '李芳', gender })?.person?.gender).toBe(expected)
  })

  it.each(['未知', '男/女', 'x', '1'])('reports gender %j as gender_unknown', (gender) => {
    expect(read({ name: '李芳', gender })).toMatchObject({ person: null, problems: [{ row: 7, code: 'gender_unknown', field: 'gender', value: gender }] })
  })

  it.each([
    ['13800138000', '13800138000'],
    ['0635-8888888', '0635-8888888'],
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['0635 (888) 8888', '0635 (888) 8888'],
    ['(0635) 8888888', '(0635) 8888888'],
    ['１３８００１３８０００', '13800138000'],
    ['０６３５－８８８８８８８', '0635-8888888'],
    ['', null],
    ['1'.repeat(30), '1'.repeat(30)]
  ])('reads phone %j as %j', (phone, expected) => {
    expect(read({ name: '李芳', phone })?.person?.phone).toBe(expected)
  })

  it.each(['138-abc', '电话13800138000', '13800138000/13900139000', '-138', '1'.repeat(31), '1.38E+10'])(
    'reports phone %j as phone_invalid',
    (phone) => {
      expect(read({ name: '李芳', phone })).toMatchObject({ person: null, problems: [{ code: 'phone_invalid', field: 'phone', value: phone }] })
    }
  )

  it('reports a row with data but no name', () => {
    expect(read({ organisation: '郑家镇人民政府', phone: '13800138000' })).toMatchObject({
      name: '',
      person: null,
      problems: [{ row: 7, code: 'name_missing', field: 'name' }]
    })
  })

  it('accepts texts at their limits and reports them one character over', () => {
    const atLimit = read({
      name: '郑'.repeat(LIMITS.name),
      organisation: '单'.repeat(LIMITS.shortText),
      village: '村'.repeat(LIMITS.shortText),
      categories: `${'类'.repeat(LIMITS.tag)}、党员`,
      note: '备'.repeat(LIMITS.note)
    })
    expect(atLimit?.problems).toEqual([])
    expect(personSchema.safeParse(atLimit?.person).success).toBe(true)

    const over = read({
      name: '郑'.repeat(LIMITS.name + 1),
      organisation: '单'.repeat(LIMITS.shortText + 1),
      village: '村'.repeat(LIMITS.shortText + 1),
      categories: `党员、${'类'.repeat(LIMITS.tag + 1)}`,
      note: '备'.repeat(LIMITS.note + 1)
    })
    expect(over?.person).toBeNull()
    expect(over?.problems.map((p) => [p.code, p.field])).toEqual([
      ['name_too_long', 'name'],
      ['too_long', 'organisation'],
      ['too_long', 'village'],
      ['too_long', 'note'],
      ['too_long', 'categories']
    ])
    // The user sees which text is too long, not the whole of it.
    expect(over?.problems.find((p) => p.field === 'note')?.value).toBe(`${'备'.repeat(100)}…`)
  })

  it('reports more categories than a person may have', () => {
    const categories = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `类别${i}`).join('、')
    expect(read({ name: '李芳', categories })?.problems).toMatchObject([{ code: 'too_long', field: 'categories' }])
  })

  it('lists every problem of a row, and keeps its name and organisation for duplicate detection', () => {
    const reading = read({ name: '李\u3000芳', organisation: '郑家镇', gender: '?', phone: 'abc' })
    expect(reading).toMatchObject({ name: '李芳', organisation: '郑家镇', person: null })
    expect(reading?.problems.map((p) => p.code)).toEqual(['gender_unknown', 'phone_invalid'])
  })

  it('reads only mapped columns; a column beyond the row is empty', () => {
    const mapping: ColumnMapping = { name: 2, gender: null, organisation: null, village: null, categories: null, phone: 9, note: null }
    expect(readPersonRow(['1', '男', '李芳'], mapping, 4)?.person).toEqual({
      name: '李芳',
      gender: null,
      organisation: '',
      village: '',
      categories: [],
      phone: null,
      note: ''
    })
  })
})
