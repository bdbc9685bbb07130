import type { Theme } from '../../shared/domain'
import type { CoreContext } from '../context'
import { notFound } from '../errors'

interface ThemeRow {
  id: string
  title: string
  description: string
  materials: string
  refs: string
  tags: string
  session_count: number
  created_at: number
  updated_at: number
}

const SELECT_THEME = `
  SELECT t.*,
    (SELECT json_group_array(tag) FROM theme_tags g WHERE g.theme_id = t.id) AS tags,
    (SELECT count(*) FROM sessions s WHERE s.theme_id = t.id AND s.status != 'cancelled') AS session_count
  FROM themes t`

export function listThemes({ db }: CoreContext): Theme[] {
  return (db.prepare(`${SELECT_THEME} ORDER BY t.updated_at DESC`).all() as ThemeRow[]).map(toTheme)
}

export function getTheme({ db }: CoreContext, id: string): Theme {
  const row = db.prepare(`${SELECT_THEME} WHERE t.id = ?`).get(id) as ThemeRow | undefined
  if (!row) throw notFound('theme', id)
  return toTheme(row)
}

function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    materials: row.materials,
    references: JSON.parse(row.refs) as string[],
    tags: (JSON.parse(row.tags) as string[]).sort(),
    sessionCount: row.session_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
