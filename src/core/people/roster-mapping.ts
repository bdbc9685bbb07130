import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../shared/domain'

/** Header texts seen in real rosters, per field; compared after `headerKey`. */
const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: ['姓名', '名字', 'name'],
  gender: ['性别', 'sex', 'gender'],
  organisation: ['单位', '工作单位', '所在单位', '组织', '企业', 'organisation', 'organization'],
  village: ['村', '村庄', '所在村', '村居', '社区', 'village'],
  categories: ['类别', '身份', '人员类别', '政治面貌', 'category', 'categories'],
  phone: ['电话', '手机', '手机号', '手机号码', '电话号码', '联系电话', '联系方式', 'phone', 'mobile'],
  note: ['备注', 'note']
}

/** Columns rosters carry that we do not import; they still tell a header row from a title row. */
const OTHER_KNOWN_HEADERS = ['序号', '编号', '民族', '年龄', '学历', '出生年月', '出生日期', '身份证号', '入党时间', '职务']

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => HEADER_SYNONYMS[field].map((header) => [headerKey(header), field] as const))
)
const KNOWN_HEADERS = new Set([...FIELD_BY_HEADER.keys(), ...OTHER_KNOWN_HEADERS.map(headerKey)])

/** The header row is searched for only this far down: titles and notes above it are short. */
const HEADER_SEARCH_ROWS = 10
const MIN_KNOWN_HEADERS = 2

/** "姓 名：" and "Name" are the same header as "姓名" and "name". */
export function headerKey(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase()
}

export const isBlankRow = (cells: string[]): boolean => cells.every((cell) => cell.trim() === '')

/**
 * 0-based index of the header row: the first (of the first ten) with at least two known header names.
 * A sheet without a recognisable header falls back to its first non-blank row, so the user can map by hand.
 */
export function findHeaderRow(rows: string[][]): number | null {
  const searched = rows.slice(0, HEADER_SEARCH_ROWS)
  const recognised = searched.findIndex((cells) => cells.filter((cell) => KNOWN_HEADERS.has(headerKey(cell))).length >= MIN_KNOWN_HEADERS)
  if (recognised >= 0) return recognised
  const firstFilled = rows.findIndex((cells) => !isBlankRow(cells))
  return firstFilled >= 0 ? firstFilled : null
}

/** Per field, the first column whose header is one of its synonyms. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping
  headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER.get(headerKey(header))
    if (field && mapping[field] === null) mapping[field] = index
  })
  return mapping
}
