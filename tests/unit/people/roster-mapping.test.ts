import { describe, expect, it } from 'vitest'
import { findHeaderRow, guessMapping, headerKey } from '../../../src/core/people/roster-mapping'
import { IMPORT_FIELDS, type ImportField } from '../../../src/shared/domain'

describe('headerKey', () => {
  it.each([
    ['姓 名', '姓名'],
    ['姓\u3000名', '姓名'],
    [' 姓名： ', '姓名'],
    ['Name:', 'name'],
    ['PHONE', 'phone']
  ])('%j → %j', (header, expected) => {
    expect(headerKey(header)).toBe(expected)
  })
})

describe('guessMapping', () => {
  const SYNONYMS: [ImportField, string[]][] = [
    ['name', ['姓名', '名字', '姓 名', 'name', 'Name：']],
    ['gender', ['性别', 'sex', 'Gender']],
    ['organisation', ['单位', '工作单位', '所在单位', '组织', '企业', 'organisation', 'Organization']],
    ['village', ['村', '村庄', '所在村', '村居', '社区', 'village']],
    ['categories', ['类别', '身份', '人员类别', '政治面貌', 'category', 'categories']],
    ['phone', ['电话', '手机', '手机号', '联系电话', '联系方式', 'phone', 'Mobile']],
    ['note', ['备注', 'note']]
  ]

  it.each(SYNONYMS.flatMap(([field, headers]) => headers.map((header) => [header, field] as const)))('maps %j to %s', (header, field) => {
    const mapping = guessMapping(['序号', header])
    expect(mapping[field]).toBe(1)
    expect(IMPORT_FIELDS.filter((other) => other !== field).every((other) => mapping[other] === null)).toBe(true)
  })

  it('maps a whole roster header and leaves unknown columns unmapped', () => {
    expect(guessMapping(['序号', '姓 名', '性别', '出生年月', '工作单位', '村', '政治面貌', '联系电话', '备注'])).toEqual({
      name: 1,
      gender: 2,
      organisation: 4,
      village: 5,
      categories: 6,
      phone: 7,
      note: 8
    })
  })

  it('takes the first of two columns for the same field', () => {
    expect(guessMapping(['姓名', '手机', '电话']).phone).toBe(1)
  })

  it('maps nothing from an unrecognised header', () => {
    expect(Object.values(guessMapping(['a', 'b', '']))).toEqual([null, null, null, null, null, null, null])
  })
})

describe('findHeaderRow', () => {
  it('finds the header below a merged title row and a blank row', () => {
    const rows = [['温集新村党员花名册', '', ''], ['', '', ''], ['序号', '姓名', '性别'], ['1', '温乐义', '男']]
    expect(findHeaderRow(rows)).toBe(2)
  })

  it('needs two known headers, so a title that happens to say 姓名 is not the header', () => {
    const rows = [['姓名', '', ''], ['序号', '姓名', '电话'], ['1', '温乐义', '138']]
    expect(findHeaderRow(rows)).toBe(1)
  })

  it('falls back to the first non-blank row when no header is recognised', () => {
    expect(findHeaderRow([['', ''], ['甲', '乙'], ['1', '2']])).toBe(1)
  })

  it('looks no further than the tenth row', () => {
    const rows = [...Array.from({ length: 10 }, () => ['说明']), ['姓名', '电话']]
    expect(findHeaderRow(rows)).toBe(0)
  })

  it('finds nothing in a blank sheet', () => {
    expect(findHeaderRow([])).toBeNull()
    expect(findHeaderRow([[''], ['  ']])).toBeNull()
  })
})
