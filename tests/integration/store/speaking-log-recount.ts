import type { Database } from 'better-sqlite3'

/** speaking_log_shapes as stored (migration 13). */
export const storedShapes = (db: Database) => db.prepare('SELECT * FROM speaking_log_shapes ORDER BY session_id').all()

/** The same, counted from the log itself: what the triggers must keep it equal to. */
export const recountedShapes = (db: Database) =>
  db
    .prepare(
      `SELECT session_id, count(*) AS events, max(seq) AS last_seq,
              (SELECT id FROM speaking_events n WHERE n.session_id = e.session_id ORDER BY seq DESC LIMIT 1) AS last_id,
              count(undone_at) AS undone, coalesce(max(undone_at), 0) AS last_undone_at
       FROM speaking_events e GROUP BY session_id ORDER BY session_id`
    )
    .all()
