import type { SearchHit } from '../../shared/domain'
import type { CoreContext } from '../context'
import { likePattern } from '../store/like'

const MAX_HITS = 50

/** Plain substring search over titles and names. Remarks and full-text search arrive with FTS5. */
export function search({ db }: CoreContext, text: string): SearchHit[] {
  const pattern = likePattern(text)
  return db
    .prepare(
      `SELECT 'session' AS kind, id, title, venue AS snippet, planned_start AS sort FROM sessions
         WHERE title LIKE :p ESCAPE '\\' OR venue LIKE :p ESCAPE '\\'
       UNION ALL
       SELECT 'theme', id, title, description, updated_at FROM themes
         WHERE title LIKE :p ESCAPE '\\' OR description LIKE :p ESCAPE '\\' OR materials LIKE :p ESCAPE '\\'
       UNION ALL
       SELECT 'person', id, name, trim(organisation || ' ' || village), updated_at FROM people
         WHERE name LIKE :p ESCAPE '\\' OR organisation LIKE :p ESCAPE '\\' OR village LIKE :p ESCAPE '\\'
       ORDER BY sort DESC LIMIT ${MAX_HITS}`
    )
    .all({ p: pattern })
    .map((row) => {
      const { kind, id, title, snippet } = row as SearchHit
      return { kind, id, title, snippet: snippet.slice(0, 160) }
    })
}
