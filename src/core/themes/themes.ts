import type { z } from 'zod'
import type { themeSchema } from '../../shared/contract'
import type { Theme } from '../../shared/domain'
import type { CoreContext, ReadContext } from '../context'
import { AppFailure, notFound } from '../errors'
import { uuidv7 } from '../store/ids'
import { replaceLabels } from '../store/labels'
import { sql } from '../store/sql'

type ThemeFields = z.output<typeof themeSchema>

interface ThemeRow {
  id: string
  title: string
  description: string
  materials: string
  refs: string
  tags: string
  session_count: number
  is_demo: number
  created_at: number
  updated_at: number
}

const SELECT_THEME = `
  SELECT t.*,
    (SELECT json_group_array(tag) FROM theme_tags g WHERE g.theme_id = t.id) AS tags,
    (SELECT count(*) FROM sessions s WHERE s.theme_id = t.id AND s.status != 'cancelled') AS session_count
  FROM themes t`

export function listThemes({ db }: ReadContext): Theme[] {
  return sql<ThemeRow>(db, `${SELECT_THEME} ORDER BY t.updated_at DESC`).all().map(toTheme)
}

export function getTheme({ db }: ReadContext, id: string): Theme {
  const row = sql<ThemeRow, [string]>(db, `${SELECT_THEME} WHERE t.id = ?`).get(id)
  if (!row) throw notFound('theme', id)
  return toTheme(row)
}

export function createTheme(ctx: CoreContext, fields: ThemeFields, isDemo = false): Theme {
  const id = uuidv7(ctx.now())
  sql<never, [string, string, string, string, string, number, number, number]>(
    ctx.db,
    `INSERT INTO themes (id, title, description, materials, refs, is_demo, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(id, fields.title, fields.description, fields.materials, JSON.stringify(fields.references), isDemo ? 1 : 0, ctx.now(), ctx.now())
  replaceLabels(ctx.db, 'theme_tags', 'theme_id', id, fields.tags)
  ctx.emit({ name: 'themes:changed', id })
  return getTheme(ctx, id)
}

export function updateTheme(ctx: CoreContext, id: string, fields: ThemeFields): Theme {
  const { changes } = sql<never, [string, string, string, string, number, string]>(
    ctx.db,
    'UPDATE themes SET title = ?, description = ?, materials = ?, refs = ?, updated_at = ? WHERE id = ?'
  ).run(fields.title, fields.description, fields.materials, JSON.stringify(fields.references), ctx.now(), id)
  if (changes === 0) throw notFound('theme', id)
  replaceLabels(ctx.db, 'theme_tags', 'theme_id', id, fields.tags)
  ctx.emit({ name: 'themes:changed', id })
  return getTheme(ctx, id)
}

/** A theme that sessions used stays, so their minutes keep their theme. */
export function deleteTheme(ctx: CoreContext, id: string): { id: string } {
  // A count is always one row.
  const used = sql<{ n: number }, [string]>(ctx.db, 'SELECT count(*) AS n FROM sessions WHERE theme_id = ?').get(id)!
  getTheme(ctx, id)
  if (used.n > 0) {
    throw new AppFailure('conflict', 'Sessions use this theme.', [{ path: ['id'], code: 'theme_in_use', message: 'in use' }])
  }
  sql<never, [string]>(ctx.db, 'DELETE FROM themes WHERE id = ?').run(id)
  ctx.emit({ name: 'themes:changed', id })
  return { id }
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
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
