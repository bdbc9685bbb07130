import type { z } from 'zod'
import type { personSchema } from '../../shared/contract'
import type { Gender, Person, PersonFields } from '../../shared/domain'
import { compareNames } from '../../shared/people'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure, notFound } from '../errors'
import { uuidv7 } from '../store/ids'
import { replaceLabels } from '../store/labels'
import { sql } from '../store/sql'
import type { ParsedInputOf } from '../../shared/contract'

interface PersonRow {
  id: string
  name: string
  gender: Gender | null
  organisation: string
  village: string
  phone: string | null
  note: string
  archived_at: number | null
  is_demo: number
  created_at: number
  updated_at: number
  categories: string
  has_history: number
}

/** Anything that would lose meaning if the person disappeared. */
const HAS_HISTORY = `(
  EXISTS (SELECT 1 FROM attendance a JOIN sessions s ON s.id = a.session_id
          WHERE a.person_id = p.id AND s.status IN ('live', 'ended'))
  OR EXISTS (SELECT 1 FROM sessions s WHERE (s.host_id = p.id OR s.recorder_id = p.id) AND s.status IN ('live', 'ended'))
  OR EXISTS (SELECT 1 FROM agenda_segments g JOIN sessions s ON s.id = g.session_id
             WHERE g.lecturer_id = p.id AND s.status IN ('live', 'ended'))
  OR EXISTS (SELECT 1 FROM turns t WHERE t.person_id = p.id)
  OR EXISTS (SELECT 1 FROM remarks r WHERE r.speaker_id = p.id)
  OR EXISTS (SELECT 1 FROM decisions d WHERE d.owner_id = p.id)
)`

const SELECT_PERSON = `
  SELECT p.*,
    (SELECT json_group_array(category) FROM person_categories c WHERE c.person_id = p.id) AS categories,
    ${HAS_HISTORY} AS has_history
  FROM people p`

export function listPeople({ db }: ReadContext, options: ParsedInputOf<'people:list'>): Person[] {
  const rows = sql<PersonRow, [number]>(db, `${SELECT_PERSON} WHERE ? OR p.archived_at IS NULL`).all(options.includeArchived ? 1 : 0)
  // Chinese names sort by pinyin, which SQLite's collation does not know: sort all, then take the first.
  return rows
    .map(toPerson)
    .sort((a, b) => compareNames(a.name, b.name))
    .slice(0, options.limit)
}

export function getPerson({ db }: ReadContext, id: string): Person {
  const row = sql<PersonRow, [string]>(db, `${SELECT_PERSON} WHERE p.id = ?`).get(id)
  if (!row) throw notFound('person', id)
  return toPerson(row)
}

export function createPerson(ctx: CoreContext, fields: z.output<typeof personSchema>, isDemo = false): Person {
  const id = uuidv7(ctx.now())
  sql<never, PersonColumns & { id: string; isDemo: number; now: number }>(
    ctx.db,
    `INSERT INTO people (id, name, gender, organisation, village, phone, note, is_demo, created_at, updated_at)
     VALUES (@id, @name, @gender, @organisation, @village, @phone, @note, @isDemo, @now, @now)`
  ).run({ ...columns(fields), id, isDemo: isDemo ? 1 : 0, now: ctx.now() })
  replaceLabels(ctx.db, 'person_categories', 'person_id', id, fields.categories)
  ctx.emit({ name: 'people:changed', id })
  return getPerson(ctx, id)
}

export function updatePerson(ctx: CoreContext, id: string, fields: PersonFields): Person {
  const { changes } = sql<never, PersonColumns & { id: string; now: number }>(
    ctx.db,
    `UPDATE people SET name = @name, gender = @gender, organisation = @organisation, village = @village,
       phone = @phone, note = @note, updated_at = @now WHERE id = @id`
  ).run({ ...columns(fields), id, now: ctx.now() })
  if (changes === 0) throw notFound('person', id)
  replaceLabels(ctx.db, 'person_categories', 'person_id', id, fields.categories)
  ctx.emit({ name: 'people:changed', id })
  return getPerson(ctx, id)
}

export function archivePerson(ctx: CoreContext, id: string, archived: boolean): Person {
  const { changes } = sql<never, [number | null, number, string]>(
    ctx.db,
    'UPDATE people SET archived_at = ?, updated_at = ? WHERE id = ?'
  ).run(archived ? ctx.now() : null, ctx.now(), id)
  if (changes === 0) throw notFound('person', id)
  ctx.emit({ name: 'people:changed', id })
  return getPerson(ctx, id)
}

/** History stays whole: a person who took part in anything can only be archived. */
export function deletePerson(ctx: CoreContext, id: string): { id: string } {
  const person = getPerson(ctx, id)
  if (person.hasHistory) throw new AppFailure('conflict', 'This person has taken part in sessions; archive instead.', [
    { path: ['id'], code: 'has_history', message: 'has history' }
  ])
  // Still invited to a planned session: take them off its list (and seat plan) first.
  sql<never, [string]>(ctx.db, 'DELETE FROM attendance WHERE person_id = ?').run(id)
  sql<never, [string]>(ctx.db, 'UPDATE sessions SET host_id = NULL WHERE host_id = ?').run(id)
  sql<never, [string]>(ctx.db, 'UPDATE sessions SET recorder_id = NULL WHERE recorder_id = ?').run(id)
  sql<never, [string]>(ctx.db, 'UPDATE agenda_segments SET lecturer_id = NULL WHERE lecturer_id = ?').run(id)
  sql<never, [string]>(ctx.db, 'DELETE FROM people WHERE id = ?').run(id)
  ctx.emit({ name: 'people:changed', id })
  return { id }
}

/** Ids of the given people that do not exist; for validating references before a write. */
/** A person's phone, '' when none is on file (联系电话 in the documents). */
export const phoneOf = ({ db }: ReadContext, personId: string): string =>
  sql<{ phone: string | null }, [string]>(db, 'SELECT phone FROM people WHERE id = ?').get(personId)?.phone ?? ''

export function missingPeople({ db }: ReadContext, ids: string[]): Set<string> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Set()
  // The ids as one JSON array: one statement for any number of them.
  const found = sql<{ id: string }, [string]>(db, `SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(unique))
  const existing = new Set(found.map((row) => row.id))
  return new Set(unique.filter((id) => !existing.has(id)))
}

type PersonColumns = ReturnType<typeof columns>

function columns(fields: PersonFields) {
  return {
    name: fields.name,
    gender: fields.gender,
    organisation: fields.organisation,
    village: fields.village,
    phone: fields.phone,
    note: fields.note
  }
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    organisation: row.organisation,
    village: row.village,
    categories: (JSON.parse(row.categories) as string[]).sort(compareNames),
    phone: row.phone,
    note: row.note,
    archivedAt: row.archived_at,
    hasHistory: row.has_history === 1,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
