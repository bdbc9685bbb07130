import type { ColumnMapping, Gender, ImportField, ImportProblem, ImportProblemCode, PersonFields } from '../../shared/domain'
import { LIMITS } from '../../shared/limits'
import { PHONE_PATTERN } from '../../shared/contract'

/** What one non-blank data row of a roster says: a person, or (person null) why it cannot be one. */
export interface RowReading {
  /** Normalised, even when the row has problems: enough to tell whether it repeats an earlier row. */
  name: string
  organisation: string
  person: PersonFields | null
  problems: ImportProblem[]
}

const PHONE_MAX = 30
const CATEGORY_SEPARATORS = /[、，,/／;；\s]+/
/** Problem values are shown to the user; a 2,000-character note does not need to be shown whole. */
const VALUE_SHOWN = 100

const GENDER_WORDS: Record<string, Gender> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female'
}

/** Collapses whitespace (full-width included); Chinese names padded for alignment (张\u3000三) lose the padding. */
export function normaliseName(text: string): string {
  return normaliseText(text).replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')
}

export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Who a row is, for finding duplicates: same name and same organisation, however they were typed. */
export function personKey(name: string, organisation: string): string {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase()
  return `${fold(normaliseName(name))}\u0000${fold(normaliseText(organisation))}`
}

/** Reads one data row through the mapping; null for a row with nothing in any mapped column. */
export function readPersonRow(cells: string[], mapping: ColumnMapping, row: number): RowReading | null {
  const raw = (field: ImportField): string => {
    const index = mapping[field]
    return index === null ? '' : (cells[index] ?? '').trim()
  }
  const mapped = Object.values(mapping).filter((index): index is number => index !== null)
  if (mapped.every((index) => (cells[index] ?? '').trim() === '')) return null

  const problems: ImportProblem[] = []
  const problem = (code: ImportProblemCode, field?: ImportField, value?: string): void => {
    problems.push({ row, code, ...(field ? { field } : {}), ...(value !== undefined ? { value: shown(value) } : {}) })
  }

  const name = normaliseName(raw('name'))
  if (name === '') problem('name_missing', 'name')
  else if (tooLong(name, LIMITS.name)) problem('name_too_long', 'name', name)

  const gender = readGender(raw('gender'))
  if (gender === undefined) problem('gender_unknown', 'gender', raw('gender'))

  const organisation = normaliseText(raw('organisation'))
  const village = normaliseText(raw('village'))
  const note = raw('note')
  if (tooLong(organisation, LIMITS.shortText)) problem('too_long', 'organisation', organisation)
  if (tooLong(village, LIMITS.shortText)) problem('too_long', 'village', village)
  if (tooLong(note, LIMITS.note)) problem('too_long', 'note', note)

  const categories = splitCategories(raw('categories'))
  const longCategory = categories.find((category) => tooLong(category, LIMITS.tag))
  if (longCategory !== undefined) problem('too_long', 'categories', longCategory)
  else if (categories.length > LIMITS.tags) problem('too_long', 'categories', raw('categories'))

  const phone = readPhone(raw('phone'))
  if (phone === undefined) problem('phone_invalid', 'phone', raw('phone'))

  const valid = problems.length === 0 && gender !== undefined && phone !== undefined
  return { name, organisation, problems, person: valid ? { name, gender, organisation, village, categories, phone, note } : null }
}

/** null when empty; undefined when it says something we cannot read as a gender. */
function readGender(text: string): Gender | null | undefined {
  if (text === '') return null
  return Object.hasOwn(GENDER_WORDS, text.toLowerCase()) ? GENDER_WORDS[text.toLowerCase()] : undefined
}

/** null when empty; undefined when invalid. Full-width digits and brackets typed with a Chinese IME are fine. */
function readPhone(text: string): string | null | undefined {
  const phone = normaliseText(text.normalize('NFKC'))
  if (phone === '') return null
  return PHONE_PATTERN.test(phone) && phone.length <= PHONE_MAX ? phone : undefined
}

export function splitCategories(text: string): string[] {
  const parts = text.split(CATEGORY_SEPARATORS).filter((part) => part !== '')
  return [...new Set(parts)]
}

// Limits count characters as zod does (UTF-16 units), so an accepted row is also accepted by the contract.
const tooLong = (text: string, max: number): boolean => text.length > max

const shown = (value: string): string => ([...value].length > VALUE_SHOWN ? `${[...value].slice(0, VALUE_SHOWN).join('')}…` : value)
