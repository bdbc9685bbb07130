import type { Gender, Person } from '../../shared/domain'
import type { CoreContext } from '../context'
import { notFound } from '../errors'

interface PersonRow {
  id: string
  name: string
  gender: Gender | null
  organisation: string
  village: string
  phone: string | null
  note: string
  archived_at: number | null
  created_at: number
  updated_at: number
  categories: string
}

const SELECT_PERSON = `
  SELECT p.*, (SELECT json_group_array(category) FROM person_categories c WHERE c.person_id = p.id) AS categories
  FROM people p`

const collator = new Intl.Collator('zh-CN')

export function listPeople({ db }: CoreContext, options: { includeArchived?: boolean; limit?: number }): Person[] {
  const rows = db
    .prepare(`${SELECT_PERSON} WHERE ? OR p.archived_at IS NULL LIMIT ?`)
    .all(options.includeArchived ? 1 : 0, options.limit ?? -1) as PersonRow[]
  // Chinese names sort by pinyin, which SQLite's collation does not know.
  return rows.map(toPerson).sort((a, b) => collator.compare(a.name, b.name))
}

export function getPerson({ db }: CoreContext, id: string): Person {
  const row = db.prepare(`${SELECT_PERSON} WHERE p.id = ?`).get(id) as PersonRow | undefined
  if (!row) throw notFound('person', id)
  return toPerson(row)
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    organisation: row.organisation,
    village: row.village,
    categories: (JSON.parse(row.categories) as string[]).sort(collator.compare),
    phone: row.phone,
    note: row.note,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
