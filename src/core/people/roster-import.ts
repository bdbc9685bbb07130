import type { ParsedInputOf } from '../../shared/contract'
import type { ColumnMapping, ImportOutcome, ImportPreview, ImportProblem, ImportRow, Person, PersonFields } from '../../shared/domain'
import type { FieldIssue } from '../../shared/result'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure } from '../errors'
import { compareNames } from '../../shared/people'
import { createPerson, getPerson, listPeople, updatePerson } from './people'
import { fileEmpty } from './roster-file'
import { findHeaderRow, guessMapping, isBlankRow } from './roster-mapping'
import { normaliseName, normaliseText, readPersonRow } from './roster-rows'

type PreviewInput = ParsedInputOf<'people:importPreview'>
type CommitInput = ParsedInputOf<'people:importCommit'>

/** The cells of a roster and where its header is; everything that needs no database. */
interface RosterSheet {
  cells: string[][]
  /** 0-based index into `cells`; the spreadsheet calls it row `headerIndex + 1`. */
  headerIndex: number
}

/** Reads the file and says what an import would do. Writes nothing. */
export async function previewImport(ctx: ReadContext, input: PreviewInput): Promise<ImportPreview> {
  const sheet = await readRosterSheet(ctx, input.contentBase64)
  return analyseSheet(ctx, sheet, input.mapping)
}

/**
 * Reads the file again with the mapping the user confirmed, then writes all of it or nothing:
 * rows with problems refuse the whole import unless the user chose to skip them.
 */
export async function commitImport(ctx: ReadContext, input: CommitInput): Promise<ImportOutcome> {
  const sheet = await readRosterSheet(ctx, input.contentBase64)
  // Parsing is async, so core cannot wrap this handler; duplicates are looked up inside the same transaction
  // as the writes, so they are judged against the database as it is written.
  return ctx.write((tx) => {
    const preview = analyseSheet(tx, sheet, input.mapping)
    if (preview.problems.length > 0 && !input.skipInvalid) throw refusal(preview.problems)
    return writeRows(tx, preview, input.onDuplicate)
  })
}

async function readRosterSheet(ctx: ReadContext, contentBase64: string): Promise<RosterSheet> {
  const cells = await ctx.readRoster(Buffer.from(contentBase64, 'base64'))
  const headerIndex = findHeaderRow(cells)
  if (headerIndex === null || cells.slice(headerIndex + 1).every(isBlankRow)) throw fileEmpty()
  return { cells, headerIndex }
}

function analyseSheet(ctx: ReadContext, { cells, headerIndex }: RosterSheet, chosenMapping?: ColumnMapping): ImportPreview {
  const headers = headerTexts(cells, headerIndex)
  const mapping = chosenMapping ?? guessMapping(headers)
  const existing = existingPeople(ctx)
  const earlierRows = new PeopleByName<PersonFields>()
  const rows: ImportRow[] = []
  const problems: ImportProblem[] = []

  cells.forEach((rowCells, index) => {
    if (index <= headerIndex) return
    const row = index + 1
    const reading = readPersonRow(rowCells, mapping, row)
    if (reading === null) return
    const { person } = reading
    problems.push(...reading.problems)
    // Only a readable row says who it is (a bad phone or place cannot be compared). The later row is the
    // problem; the first one may still be imported.
    if (!person) return
    if (earlierRows.find(person)) problems.push({ row, code: 'duplicate_in_file', field: 'name', value: person.name })
    else {
      earlierRows.add(person)
      rows.push({ row, person, duplicateOfId: existing.find(person)?.id ?? null })
    }
  })

  return { headerRow: headerIndex + 1, headers, mapping, rows, problems }
}

/** The header row's texts, one per column of the widest row, so every column with data can be mapped. */
function headerTexts(cells: string[][], headerIndex: number): string[] {
  const width = cells.reduce((widest, row) => Math.max(widest, row.length), 0)
  const header = cells[headerIndex] ?? []
  return Array.from({ length: width }, (_, index) => (header[index] ?? '').trim())
}

/** Archived people count: importing them again would make a second 温乐义 of the same village and unit. */
function existingPeople(ctx: ReadContext): PeopleByName<Person> {
  const people = new PeopleByName<Person>()
  for (const person of listPeople(ctx, { includeArchived: true }).sort((a, b) => a.createdAt - b.createdAt)) people.add(person)
  return people
}

/** What tells people apart: name, village, unit and phone. */
type Identity = Pick<PersonFields, 'name' | 'village' | 'organisation' | 'phone'>

const fold = (text: string): string => normaliseText(text).normalize('NFKC').toLowerCase()
const nameKey = (name: string): string => fold(normaliseName(name))
/** Only the digits: 0635-8888888 and 0635 8888888 are one number. */
export const phoneDigits = (phone: string | null): string => (phone ?? '').normalize('NFKC').replace(/\D/g, '')

/**
 * Whether a roster row and a person (or two rows) are the same person, however their texts were typed.
 * Namesakes are common (two 李芳 of different villages), so name, village and unit must all agree; but a
 * phone number on both sides decides instead: another number is another person, the same one the same.
 */
export function samePerson(a: Identity, b: Identity): boolean {
  if (nameKey(a.name) !== nameKey(b.name)) return false
  const [phoneA, phoneB] = [phoneDigits(a.phone), phoneDigits(b.phone)]
  if (phoneA !== '' && phoneB !== '') return phoneA === phoneB
  return fold(a.village) === fold(b.village) && fold(a.organisation) === fold(b.organisation)
}

/**
 * Who in the directory (archived people too) a person being typed in may already be: the one the import
 * would take them for (`samePerson`), or anyone with the same phone number, whatever name they were given.
 */
export function likelyDuplicates(ctx: ReadContext, input: Identity & { excludeId?: string | undefined }): Person[] {
  const phone = phoneDigits(input.phone)
  if (nameKey(input.name) === '' && phone === '') return []
  return listPeople(ctx, { includeArchived: true }).filter(
    (person) =>
      person.id !== input.excludeId &&
      ((nameKey(input.name) !== '' && samePerson(person, input)) || (phone !== '' && phoneDigits(person.phone) === phone))
  )
}

/** People grouped by name, oldest first, to find the one a row is (`samePerson` is no key: phones overrule). */
class PeopleByName<T extends Identity> {
  private readonly byName = new Map<string, T[]>()

  add(person: T): void {
    const key = nameKey(person.name)
    this.byName.set(key, [...(this.byName.get(key) ?? []), person])
  }

  find(row: Identity): T | undefined {
    return this.byName.get(nameKey(row.name))?.find((person) => samePerson(person, row))
  }
}

function writeRows(ctx: CoreContext, preview: ImportPreview, onDuplicate: CommitInput['onDuplicate']): ImportOutcome {
  const outcome: ImportOutcome = { created: 0, updated: 0, skipped: new Set(preview.problems.map((p) => p.row)).size }
  for (const { person, duplicateOfId } of preview.rows) {
    if (duplicateOfId === null) {
      createPerson(ctx, person)
      outcome.created += 1
    } else if (onDuplicate === 'skip') {
      outcome.skipped += 1
    } else {
      updateFromRow(ctx, getPerson(ctx, duplicateOfId), person)
      outcome.updated += 1
    }
  }
  return outcome
}

/** A row updates only what it says: empty cells keep what the directory already knows. */
function updateFromRow(ctx: CoreContext, existing: Person, imported: PersonFields): void {
  const merged: PersonFields = {
    name: existing.name,
    // Matched by phone, the row may name another village or unit (the person moved): the row says so.
    organisation: imported.organisation || existing.organisation,
    gender: imported.gender ?? existing.gender,
    village: imported.village || existing.village,
    phone: imported.phone ?? existing.phone,
    note: imported.note || existing.note,
    categories: imported.categories.length > 0 ? imported.categories : existing.categories
  }
  // Re-importing the same file should not touch every record's updated time.
  if (!sameUpdatableFields(existing, merged)) updatePerson(ctx, existing.id, merged)
}

function sameUpdatableFields(a: PersonFields, b: PersonFields): boolean {
  const sorted = (list: string[]) => [...list].sort(compareNames).join('\u0000')
  return (
    a.gender === b.gender &&
    a.organisation === b.organisation &&
    a.village === b.village &&
    a.phone === b.phone &&
    a.note === b.note &&
    sorted(a.categories) === sorted(b.categories)
  )
}

function refusal(problems: ImportProblem[]): AppFailure {
  const issues = problems.map(
    (problem): FieldIssue => ({
      path: ['rows', problem.row],
      code: problem.code,
      params: { row: problem.row, ...(problem.field ? { field: problem.field } : {}), ...(problem.value ? { value: problem.value } : {}) },
      message: `Row ${problem.row}: ${problem.code}${problem.field ? ` (${problem.field})` : ''}`
    })
  )
  return new AppFailure('invalid_input', 'The file has rows that cannot be imported', issues)
}
