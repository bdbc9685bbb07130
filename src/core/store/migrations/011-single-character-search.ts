import type { Database } from 'better-sqlite3'

/**
 * Search of 1–2 characters (光伏, 乡) from an index instead of a LIKE scan of every remark (issue 16: a rare
 * character in a 200,000-remark archive took ~50 ms to not find). The trigram index of migration 4 cannot
 * answer them: its smallest token is three characters.
 *
 * `remarks_char_fts` holds every remark not deleted as one token per character, and a 1–2 character query is
 * a phrase of those tokens (src/core/search/search.ts). No built-in tokenizer cuts Chinese per character:
 * unicode61 keeps a run of CJK letters as one token and drops punctuation; trigram has no size option. So the
 * triggers write the text with a space between its characters, and the table's tokenizer splits on that
 * space only:
 *
 * - `ascii` takes every non-ASCII character as part of a token (CJK, full-width punctuation, emoji) and folds
 *   only A–Z to a–z: exactly the case rule of SQLite's LIKE, which answered these queries before;
 * - `tokenchars` makes every ASCII punctuation mark a token too, so 100% or a_b is found as it was by LIKE;
 * - a space, tab, newline or other control character of the text itself becomes U+3000 (a full-width space)
 *   that still takes its place: 「a b」 must not match 「ab」. A query never holds one of those (it is trimmed
 *   and refuses control characters), so nothing is lost by writing them all alike.
 *
 * Contentless with `contentless_delete` (SQLite ≥ 3.43): the text is in `remarks` already, and a row goes by
 * its rowid, so a trigger need not space the old text again to take it out. The triggers keep the table as
 * migration 4's keep the trigram index: a remark is in it while `deleted_at` is NULL, through insert, edit,
 * soft delete, restore and a hard DELETE (also one cascading from its session).
 */
const TOKENCHARS = "!\"#$%&''''()*+,-./:;<=>?@[\\]^_`{|}~"

/** The text with a space between its characters, whitespace and controls as U+3000 (one SQL expression). */
const spaced = (text: string): string => `(
  SELECT group_concat(CASE WHEN unicode(ch) < 33 OR unicode(ch) = 127 THEN char(12288) ELSE ch END, ' ' ORDER BY i)
  -- SQLite has no split: json_each over an array of length(text) zeros gives the positions 0 … length − 1.
  FROM (SELECT key AS i, substr(${text}, key + 1, 1) AS ch
        FROM json_each('[' || substr(replace(hex(zeroblob(length(${text}))), '00', ',0'), 2) || ']'))
)`

export function singleCharacterSearch(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE remarks_char_fts USING fts5(
      text, content='', contentless_delete=1, tokenize='ascii tokenchars ''${TOKENCHARS}'''
    );
    INSERT INTO remarks_char_fts (rowid, text) SELECT rowid, ${spaced('text')} FROM remarks WHERE deleted_at IS NULL;
    CREATE TRIGGER remarks_char_fts_insert AFTER INSERT ON remarks WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO remarks_char_fts (rowid, text) VALUES (new.rowid, ${spaced('new.text')});
    END;
    CREATE TRIGGER remarks_char_fts_delete AFTER DELETE ON remarks WHEN old.deleted_at IS NULL BEGIN
      DELETE FROM remarks_char_fts WHERE rowid = old.rowid;
    END;
    CREATE TRIGGER remarks_char_fts_update AFTER UPDATE OF text, deleted_at ON remarks BEGIN
      DELETE FROM remarks_char_fts WHERE old.deleted_at IS NULL AND rowid = old.rowid;
      INSERT INTO remarks_char_fts (rowid, text) SELECT new.rowid, ${spaced('new.text')} WHERE new.deleted_at IS NULL;
    END;
  `)
}
