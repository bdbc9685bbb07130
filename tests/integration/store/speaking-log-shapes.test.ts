import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { uuidv7 } from '../../../src/core/store/ids'
import { insertSession, runCleanups, T0, tempDatabaseFile, withDatabase } from '../../helpers'
import { recountedShapes, storedShapes } from './speaking-log-recount'

afterEach(runCleanups)

/**
 * speaking_log_shapes (migration 13) is kept by triggers, so a press of 传递话筒 reads one row instead of
 * counting the session's log (src/core/live/replayed.ts). It must always be exactly what counting the log
 * says, whatever wrote to speaking_events: a press, an undo, an archive pack's merge (rows deleted and
 * written again, in any order), or a session removed with its log.
 */


const SESSIONS = 3
const index = (n: number) => fc.integer({ min: 0, max: n - 1 })
/** Any write the log can see, on a random event of those written so far (`event` wraps around). */
const operation = fc.oneof(
  // Appended at the end (a press), or at a seq of its own below the newest (a merge writes rows in any order).
  fc.record({ kind: fc.constant('append' as const), session: index(SESSIONS), undone: fc.boolean() }),
  fc.record({ kind: fc.constant('insertBelow' as const), session: index(SESSIONS) }),
  fc.record({ kind: fc.constant('undo' as const), event: fc.nat(), at: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ kind: fc.constant('restore' as const), event: fc.nat() }),
  fc.record({ kind: fc.constant('renumber' as const), event: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), event: fc.nat(), session: index(SESSIONS) }),
  fc.record({ kind: fc.constant('erase' as const), event: fc.nat() }),
  fc.record({ kind: fc.constant('dropSession' as const), session: index(SESSIONS) })
)

describe('speaking_log_shapes', () => {
  it('is the speaking log counted by session after any sequence of writes', () => {
    const file = tempDatabaseFile()
    withDatabase(file, (db) => {
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
          db.exec('SAVEPOINT sequence')
          try {
            const sessions = Array.from({ length: SESSIONS }, (_, i) =>
              insertSession(db, { title: `场次${i}`, plannedStart: T0, plannedEnd: T0 + 3_600_000, status: 'live' })
            )
            const dropped = new Set<number>()
            const newest = (session: string) =>
              (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM speaking_events WHERE session_id = ?').get(session) as { seq: number }).seq
            const seqsOf = (session: string) =>
              (db.prepare('SELECT seq FROM speaking_events WHERE session_id = ?').all(session) as { seq: number }[]).map((row) => row.seq)
            const insert = db.prepare("INSERT INTO speaking_events (session_id, seq, id, type, payload, at, undone_at) VALUES (?, ?, ?, 'pass', '{}', ?, ?)")
            const events = () => (db.prepare('SELECT id, session_id AS session FROM speaking_events ORDER BY id').all() as { id: string; session: string }[])
            for (const op of operations) {
              const all = events()
              const some = (n: number) => all[n % all.length]!
              if (op.kind === 'append') {
                if (dropped.has(op.session)) continue
                const session = sessions[op.session]!
                insert.run(session, newest(session) + 1, uuidv7(), T0, op.undone ? T0 + 1 : null)
              } else if (op.kind === 'insertBelow') {
                if (dropped.has(op.session)) continue
                // A seq below the newest that no event has (left by an erase, a move or a renumbering).
                const session = sessions[op.session]!
                const taken = new Set(seqsOf(session))
                const seq = Array.from({ length: newest(session) }, (_, i) => i + 1).find((candidate) => !taken.has(candidate))
                if (seq !== undefined) insert.run(session, seq, uuidv7(), T0, null)
              } else if (op.kind === 'dropSession') {
                // Its log goes with it (ON DELETE CASCADE), and so must its shape.
                db.prepare('DELETE FROM sessions WHERE id = ?').run(sessions[op.session])
                dropped.add(op.session)
              } else if (all.length > 0) {
                const { id } = some(op.event)
                if (op.kind === 'undo') db.prepare('UPDATE speaking_events SET undone_at = ? WHERE id = ?').run(T0 + op.at, id)
                else if (op.kind === 'restore') db.prepare('UPDATE speaking_events SET undone_at = NULL WHERE id = ?').run(id)
                else if (op.kind === 'renumber') {
                  // The event becomes the newest of its log.
                  db.prepare('UPDATE speaking_events SET seq = (SELECT max(seq) + 1 FROM speaking_events e WHERE e.session_id = speaking_events.session_id) WHERE id = ?').run(id)
                } else if (op.kind === 'move') {
                  if (!dropped.has(op.session)) {
                    const session = sessions[op.session]!
                    db.prepare('UPDATE speaking_events SET session_id = ?, seq = ? WHERE id = ?').run(session, newest(session) + 1, id)
                  }
                } else db.prepare('DELETE FROM speaking_events WHERE id = ?').run(id)
              }
              expect(storedShapes(db)).toEqual(recountedShapes(db))
            }
          } finally {
            db.exec('ROLLBACK TO sequence; RELEASE sequence')
          }
        }),
        { numRuns: 300 }
      )
    })
  })
})
