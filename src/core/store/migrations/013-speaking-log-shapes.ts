import type { Database } from 'better-sqlite3'

/**
 * 传递话筒 needs the replayed state of the session's whole speaking log on every press; core keeps it per
 * connection (src/core/live/replayed.ts) and only has to know whether the log is still the one it replayed:
 * how many events, the newest, how many taken back (撤销) and the latest such. Counting that over the log
 * on every press was the largest part of a press after the commit itself (about 0.1 ms at 330 events, and
 * growing with the session). `speaking_log_shapes` keeps the answer, one row per session with events, kept
 * by triggers on every write to speaking_events (a press, an undo, an archive pack's merge, a session
 * removed), so it cannot drift from the log: a press reads one row.
 *
 * Only what the log's content says (no rowids, no history of writes), so two archives holding the same
 * log hold the same row, as a pack's merge expects of every table it carries.
 */
/** The shape of the logs of the sessions `where` names, counted from the log (a session without events: no row). */
const recounted = (where: string): string => `
  INSERT INTO speaking_log_shapes (session_id, events, last_seq, last_id, undone, last_undone_at)
    SELECT session_id, count(*), max(seq), (SELECT id FROM speaking_events n WHERE n.session_id = e.session_id ORDER BY seq DESC LIMIT 1),
           count(undone_at), coalesce(max(undone_at), 0)
    FROM speaking_events e ${where} GROUP BY session_id;`

export function speakingLogShapes(db: Database): void {
  db.exec(`
    CREATE TABLE speaking_log_shapes (
      session_id     TEXT NOT NULL PRIMARY KEY,
      events         INTEGER NOT NULL CHECK (events > 0),
      -- The newest event: the largest seq, and its id (an event written in a transaction that was rolled
      -- back may come again at the same seq as another).
      last_seq       INTEGER NOT NULL,
      last_id        TEXT NOT NULL,
      undone         INTEGER NOT NULL CHECK (undone >= 0),
      last_undone_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    ${recounted('')}

    -- An event appended (every press): counted in place.
    CREATE TRIGGER speaking_log_shapes_after_insert AFTER INSERT ON speaking_events BEGIN
      INSERT INTO speaking_log_shapes (session_id, events, last_seq, last_id, undone, last_undone_at)
        VALUES (new.session_id, 1, new.seq, new.id, new.undone_at IS NOT NULL, coalesce(new.undone_at, 0))
        ON CONFLICT (session_id) DO UPDATE SET
          events = events + 1,
          last_id = CASE WHEN excluded.last_seq > last_seq THEN excluded.last_id ELSE last_id END,
          last_seq = max(last_seq, excluded.last_seq),
          undone = undone + excluded.undone,
          last_undone_at = max(last_undone_at, excluded.last_undone_at);
    END;

    -- Anything else (an undo marks an event; a merge or a removed session deletes them) is rare: the
    -- sessions concerned are counted again from their log, and a session without events has no row.
    CREATE TRIGGER speaking_log_shapes_after_update AFTER UPDATE ON speaking_events BEGIN
      DELETE FROM speaking_log_shapes WHERE session_id IN (old.session_id, new.session_id);
      ${recounted('WHERE session_id IN (old.session_id, new.session_id)')}
    END;

    CREATE TRIGGER speaking_log_shapes_after_delete AFTER DELETE ON speaking_events BEGIN
      DELETE FROM speaking_log_shapes WHERE session_id = old.session_id;
      ${recounted('WHERE session_id = old.session_id')}
    END;
  `)
}
