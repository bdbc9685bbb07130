import type { Database } from 'better-sqlite3'

/**
 * 统计 asks, over a whole archive, how many remarks each person made at each session (the participation
 * table) and whether someone present said anything (参加但未发言). Counting 200,000 remarks for that took
 * about a quarter of statistics:get on a ten-year archive, every time the page asked. `remark_counts` keeps
 * the answer: one row per session and speaker with the number of their remarks not deleted, kept by
 * triggers on every write to remarks (typed, edited to another speaker, deleted and undone, merged from an
 * archive pack, or removed with their session), so it cannot drift from the remarks themselves. A row
 * goes when its count would reach 0: a row means "said something here".
 *
 * Spoken turns get a partial index for the same reason: the statistics read only the spoken turns of
 * 圆桌时间 (IS_SPOKEN_TURN in src/core/statistics/scope.ts, the same expression), by session and person.
 */
export function remarkCounts(db: Database): void {
  db.exec(`
    CREATE TABLE remark_counts (
      session_id TEXT NOT NULL,
      speaker_id TEXT NOT NULL,
      remarks    INTEGER NOT NULL CHECK (remarks > 0),
      PRIMARY KEY (session_id, speaker_id)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO remark_counts (session_id, speaker_id, remarks)
      SELECT session_id, speaker_id, count(*) FROM remarks WHERE deleted_at IS NULL GROUP BY session_id, speaker_id;

    -- A remark counts while it is not deleted. Each trigger takes the old row out (the row goes at 1,
    -- otherwise the count drops) and puts the new one in, each only where it counted / counts.
    CREATE TRIGGER remark_counts_after_insert AFTER INSERT ON remarks WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO remark_counts (session_id, speaker_id, remarks) VALUES (new.session_id, new.speaker_id, 1)
        ON CONFLICT (session_id, speaker_id) DO UPDATE SET remarks = remarks + 1;
    END;

    CREATE TRIGGER remark_counts_after_delete AFTER DELETE ON remarks WHEN old.deleted_at IS NULL BEGIN
      DELETE FROM remark_counts WHERE session_id = old.session_id AND speaker_id = old.speaker_id AND remarks = 1;
      UPDATE remark_counts SET remarks = remarks - 1 WHERE session_id = old.session_id AND speaker_id = old.speaker_id;
    END;

    CREATE TRIGGER remark_counts_after_update AFTER UPDATE OF session_id, speaker_id, deleted_at ON remarks BEGIN
      DELETE FROM remark_counts
        WHERE old.deleted_at IS NULL AND session_id = old.session_id AND speaker_id = old.speaker_id AND remarks = 1;
      UPDATE remark_counts SET remarks = remarks - 1
        WHERE old.deleted_at IS NULL AND session_id = old.session_id AND speaker_id = old.speaker_id;
      INSERT INTO remark_counts (session_id, speaker_id, remarks) SELECT new.session_id, new.speaker_id, 1 WHERE new.deleted_at IS NULL
        ON CONFLICT (session_id, speaker_id) DO UPDATE SET remarks = remarks + 1;
    END;

    CREATE INDEX turns_spoken ON turns (session_id, person_id) WHERE kind <> 'study' AND outcome = 'spoken';
  `)
}
