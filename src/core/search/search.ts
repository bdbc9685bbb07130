import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../../shared/domain'
import { compareNames, nameLabels, type NamedPerson } from '../../shared/people'
import type { ReadContext } from '../context'
import { likePattern } from '../store/like'
import { sql } from '../store/sql'
import { chinaTimeToUtc } from '../../shared/china-time'
import type { ParsedInputOf } from '../../shared/contract'

type SearchQuery = ParsedInputOf<'search:query'>

const SNIPPET_CONTEXT = 30
/** Up to this many index matches are fetched and sorted; above it the time index is walked instead. */
const FEW_MATCHES = 2_000

/** A hit and the person from the directory its title names (a remark's speaker, a decision's owner, a person). */
interface Found {
  hit: SearchHit
  person?: NamedPerson
}

/**
 * Full-text search of the archive: remarks first (newest first), then sessions, 议定事项, themes and people.
 * Remarks are found through an index: FTS5 trigram for queries of 3+ characters, and for 1–2 characters
 * (光伏, 乡) an index of single characters (see searchRemarks). A person or tag filter narrows the search to
 * remarks.
 */
export function search(ctx: ReadContext, query: SearchQuery): SearchHit[] {
  const remarks = searchRemarks(ctx, query)
  if (query.personId || query.tag) return withNameLabels(remarks)
  return withNameLabels([
    ...remarks,
    ...searchSessions(ctx, query),
    ...searchDecisions(ctx, query),
    ...searchThemes(ctx, query),
    ...searchPeople(ctx, query)
  ])
}

/**
 * Names as DESIGN §9 wants them: where two different people of the same name are among the results
 * (two 李芳 speaking, or one speaking and one owning a decision), each name carries their place.
 */
function withNameLabels(found: Found[]): SearchHit[] {
  const labels = nameLabels(found.flatMap(({ person }) => (person ? [person] : [])))
  return found.map(({ hit, person }) => (person ? { ...hit, title: labels.get(person.id) ?? hit.title } : hit))
}

/** 3+ characters: the trigram index (themes have only that one; their 1–2 characters are found by LIKE). */
const usesIndex = (text: string): boolean => [...text].length >= 3
/** The text as one FTS5 phrase: every character literal. */
const phrase = (text: string): string => `"${text.replace(/"/g, '""')}"`

/**
 * The index that answers a query, and the query as its MATCH. FTS5 trigram (migration 4) needs 3+ characters;
 * 1–2 characters are a phrase of single-character tokens in remarks_char_fts (migration 11): 光伏 → "光 伏".
 * A query never holds whitespace or a control character (trimmed and refused by the contract), so each of its
 * characters is one token there, as the triggers wrote the text.
 */
function indexFor(text: string): { table: 'remarks_fts' | 'remarks_char_fts'; match: string; likeAgrees: boolean } {
  if (usesIndex(text)) return { table: 'remarks_fts', match: phrase(text), likeAgrees: caselessBeyondAscii(text) }
  // The single-character index folds A–Z only, as LIKE does: the two always agree.
  return { table: 'remarks_char_fts', match: phrase([...text].join(' ')), likeAgrees: true }
}

/**
 * Whether LIKE finds what trigram finds: both fold the case of A–Z, but trigram also folds other letters
 * (Ａ/ａ, É/é). A query whose other characters have no case (Chinese, digits, punctuation) is safe.
 */
function caselessBeyondAscii(text: string): boolean {
  return [...text].every((c) => c.charCodeAt(0) < 128 || (c.toLowerCase() === c && c.toUpperCase() === c))
}

/** A remark found, with its speaker. */
interface RemarkHitRow {
  id: string
  session_id: string
  created_at: number
  text: string
  speaker_id: string
  speaker: string
  village: string
  organisation: string
  tags: string
}

/**
 * Remarks, newest first by when they were said, from the index that answers the query (indexFor). How they
 * are fetched depends on how many match, which the index counts first (stopping at "many"):
 *
 * - few (a rare word, ≤ FEW_MATCHES): every match is taken from the index and sorted by time; only the
 *   `limit` newest are then joined to their speaker and tags (doing that before the sort cost ~4 µs a match);
 * - many (乡, 我们, 合作社): the time index is walked from the newest and the walk stops at the limit. Taking
 *   all matches from the index first would cost 7–40 ms for 30,000–200,000 of them, so each remark on the
 *   walk is checked by LIKE on its text, which the time index holds: with many matches the walk reads a few
 *   thousand index entries at most. FTS5 cannot give matches in time order (only by rowid), which is why
 *   LIKE stays here. Where LIKE and trigram could disagree (a cased letter beyond A–Z), the walk checks
 *   each remark against the full set of matches instead.
 */
function searchRemarks(ctx: ReadContext, query: SearchQuery): Found[] {
  const filters = `r.deleted_at IS NULL
    AND (@from IS NULL OR r.created_at >= @from) AND (@to IS NULL OR r.created_at < @to)
    AND (@person IS NULL OR r.speaker_id = @person)
    AND (@tag IS NULL OR EXISTS (SELECT 1 FROM remark_tags t WHERE t.remark_id = r.id AND t.tag = @tag))`
  const columns = `r.id, r.session_id, r.created_at, r.text, r.speaker_id, p.name AS speaker, p.village, p.organisation,
    (SELECT json_group_array(tag) FROM remark_tags t WHERE t.remark_id = r.id) AS tags`
  // Of remarks with the same time, the few come later-written (higher rowid) first; the walk gives them in
  // the time index's order.
  const order = `ORDER BY r.created_at DESC LIMIT @limit`
  const byTime = `FROM remarks r INDEXED BY remarks_by_time JOIN people p ON p.id = r.speaker_id`
  const { table, match, likeAgrees } = indexFor(query.text)
  const params = {
    from: query.from ?? null,
    to: query.to ?? null,
    person: query.personId ?? null,
    tag: query.tag ?? null,
    limit: query.limit
  }
  // Counting stops as soon as there are "many": a common word is not counted to the end. A count is always one row.
  const { n: matches } = sql<{ n: number }, [string, number]>(
    ctx.db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ?)`
  ).get(match, FEW_MATCHES + 1)!
  let rows: RemarkHitRow[]
  if (matches === 0) {
    rows = []
  } else if (matches <= FEW_MATCHES) {
    rows = sql<RemarkHitRow, typeof params & { match: string }>(
      ctx.db,
      `WITH newest AS MATERIALIZED (
         SELECT r.rowid AS rid, r.created_at AS at FROM ${table} JOIN remarks r ON r.rowid = ${table}.rowid
         WHERE ${table} MATCH @match AND ${filters} ORDER BY r.created_at DESC, r.rowid DESC LIMIT @limit
       )
       SELECT ${columns} FROM newest JOIN remarks r ON r.rowid = newest.rid JOIN people p ON p.id = r.speaker_id
       ORDER BY newest.at DESC, newest.rid DESC`
    ).all({ ...params, match })
  } else if (likeAgrees) {
    rows = sql<RemarkHitRow, typeof params & { like: string }>(
      ctx.db,
      `SELECT ${columns} ${byTime} WHERE r.text LIKE @like ESCAPE '\\' AND ${filters} ${order}`
    ).all({ ...params, like: likePattern(query.text) })
  } else {
    rows = sql<RemarkHitRow, typeof params & { match: string }>(
      ctx.db,
      `SELECT ${columns} ${byTime} WHERE r.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @match) AND ${filters} ${order}`
    ).all({ ...params, match })
  }
  // Snippets are cut here, not by FTS5: its token window can end inside a match and mark only part of it.
  return rows.map((row) => ({
    hit: {
      kind: 'remark',
      id: row.id,
      title: row.speaker,
      snippet: highlight(row.text, query.text),
      sessionId: row.session_id,
      at: row.created_at,
      tags: JSON.parse(row.tags) as string[]
    },
    person: { id: row.speaker_id, name: row.speaker, village: row.village, organisation: row.organisation }
  }))
}

/** A LIKE pattern within a time range, as sessions and decisions are searched. */
interface LikeInRange {
  like: string
  from: number | null
  to: number | null
  limit: number
}
const likeInRange = (query: SearchQuery): LikeInRange => ({ like: likePattern(query.text), from: query.from ?? null, to: query.to ?? null, limit: query.limit })

function searchSessions(ctx: ReadContext, query: SearchQuery): Found[] {
  const rows = sql<{ id: string; title: string; venue: string; planned_start: number; theme: string | null }, LikeInRange>(
    ctx.db,
    `SELECT s.id, s.title, s.venue, s.planned_start, t.title AS theme FROM sessions s LEFT JOIN themes t ON t.id = s.theme_id
     WHERE (s.title LIKE @like ESCAPE '\\' OR s.venue LIKE @like ESCAPE '\\')
       AND (@from IS NULL OR s.planned_start >= @from) AND (@to IS NULL OR s.planned_start < @to)
     ORDER BY s.planned_start DESC LIMIT @limit`
  ).all(likeInRange(query))
  return rows.map((row) => ({
    hit: {
      kind: 'session',
      id: row.id,
      title: row.title,
      snippet: highlight([row.venue, row.theme].filter(Boolean).join(' · ') || row.title, query.text),
      sessionId: row.id,
      at: row.planned_start
    }
  }))
}

/**
 * 议定事项 by their text or their owner's name (from the directory, or as typed for someone outside it),
 * newest session first; the date filters apply to the session they were agreed in. Decisions are few
 * (a handful per session), so LIKE answers every query length, with no index of their own to keep.
 * A hit's title is the owner, its `at` the due date (midnight, China time), and it opens the session.
 */
interface DecisionHitRow {
  id: string
  session_id: string
  text: string
  due_date: string | null
  owner_id: string | null
  owner: string
  village: string | null
  organisation: string | null
}

function searchDecisions(ctx: ReadContext, query: SearchQuery): Found[] {
  const rows = sql<DecisionHitRow, LikeInRange>(
    ctx.db,
    `SELECT d.id, d.session_id, d.text, d.due_date, d.owner_id, coalesce(p.name, d.owner_name) AS owner, p.village, p.organisation
     FROM decisions d JOIN sessions s ON s.id = d.session_id LEFT JOIN people p ON p.id = d.owner_id
     WHERE (d.text LIKE @like ESCAPE '\\' OR coalesce(p.name, d.owner_name) LIKE @like ESCAPE '\\')
       AND (@from IS NULL OR s.planned_start >= @from) AND (@to IS NULL OR s.planned_start < @to)
     ORDER BY s.planned_start DESC, d.created_at LIMIT @limit`
  ).all(likeInRange(query))
  return rows.map((row) => ({
    hit: {
      kind: 'decision',
      id: row.id,
      title: row.owner,
      snippet: highlight(row.text, query.text),
      sessionId: row.session_id,
      ...(row.due_date ? { at: chinaTimeToUtc(row.due_date) } : {})
    },
    ...(row.owner_id ? { person: { id: row.owner_id, name: row.owner, village: row.village ?? '', organisation: row.organisation ?? '' } } : {})
  }))
}

interface ThemeHitRow {
  id: string
  title: string
  description: string
  materials: string
}

function searchThemes(ctx: ReadContext, query: SearchQuery): Found[] {
  const rows = usesIndex(query.text)
    ? sql<ThemeHitRow, { match: string; limit: number }>(
        ctx.db,
        `SELECT t.id, t.title, t.description, t.materials FROM themes_fts JOIN themes t ON t.rowid = themes_fts.rowid
         WHERE themes_fts MATCH @match ORDER BY rank LIMIT @limit`
      ).all({ match: phrase(query.text), limit: query.limit })
    : sql<ThemeHitRow, { like: string; limit: number }>(
        ctx.db,
        `SELECT id, title, description, materials FROM themes
         WHERE title LIKE @like ESCAPE '\\' OR description LIKE @like ESCAPE '\\' OR materials LIKE @like ESCAPE '\\'
         ORDER BY updated_at DESC LIMIT @limit`
      ).all({ like: likePattern(query.text), limit: query.limit })
  return rows.map((row) => {
    const where = [row.title, row.description, row.materials].find((field) => field.includes(query.text)) ?? row.description
    return { hit: { kind: 'theme', id: row.id, title: row.title, snippet: highlight(where, query.text) } }
  })
}

function searchPeople(ctx: ReadContext, query: SearchQuery): Found[] {
  const rows = sql<NamedPerson & { place: string }, { like: string }>(
    ctx.db,
    `SELECT id, name, village, organisation, trim(organisation || ' ' || village) AS place FROM people
     WHERE name LIKE @like ESCAPE '\\' OR organisation LIKE @like ESCAPE '\\' OR village LIKE @like ESCAPE '\\'
     `
  ).all({ like: likePattern(query.text) })
  // By pinyin, then the first `limit` (a village directory is hundreds of people).
  rows.sort((a, b) => compareNames(a.name, b.name))
  return rows.slice(0, query.limit).map(({ place, ...person }) => ({ hit: { kind: 'person', id: person.id, title: person.name, snippet: highlight(place, query.text) }, person }))
}

/** The text around the first match, with every match in it marked. */
export function highlight(text: string, query: string): string {
  const at = text.indexOf(query)
  if (at < 0 || query === '') return text.slice(0, SNIPPET_CONTEXT * 2)
  const start = Math.max(0, at - SNIPPET_CONTEXT)
  const end = Math.min(text.length, at + query.length + SNIPPET_CONTEXT)
  const window = text.slice(start, end).split(query).join(`${HIGHLIGHT_START}${query}${HIGHLIGHT_END}`)
  return `${start > 0 ? '…' : ''}${window}${end < text.length ? '…' : ''}`
}
