import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from 'better-sqlite3'
import { uuidv7 } from '../../../src/core/store/ids'
import { insertPerson, insertSession, runCleanups, T0, tempDatabaseFile, testCore, valueOf, withDatabase } from '../../helpers'

afterEach(runCleanups)

/**
 * remark_counts (migration 12) is kept by triggers, so statistics never count remarks one by one. It must
 * always be exactly the remarks not deleted, counted by session and speaker, whatever wrote to remarks: the
 * app's channels, an archive pack's merge, or a session removed with its remarks.
 */

const counted = (db: Database) => db.prepare('SELECT session_id, speaker_id, remarks FROM remark_counts ORDER BY 1, 2').all()
const counting = (db: Database) =>
  db.prepare('SELECT session_id, speaker_id, count(*) AS remarks FROM remarks WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2').all()

const SESSIONS = 3
const SPEAKERS = 3
const index = (n: number) => fc.integer({ min: 0, max: n - 1 })
/** Any write a remark can see, on a random remark of those written so far (`remark` wraps around). */
const operation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), session: index(SESSIONS), speaker: index(SPEAKERS), deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), remark: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), remark: fc.nat() }),
  fc.record({ kind: fc.constant('reassign' as const), remark: fc.nat(), speaker: index(SPEAKERS) }),
  fc.record({ kind: fc.constant('move' as const), remark: fc.nat(), session: index(SESSIONS) }),
  fc.record({ kind: fc.constant('edit' as const), remark: fc.nat() }),
  fc.record({ kind: fc.constant('erase' as const), remark: fc.nat() }),
  fc.record({ kind: fc.constant('dropSession' as const), session: index(SESSIONS) })
)

describe('remark_counts', () => {
  it('is the remarks not deleted counted by session and speaker after any sequence of writes', () => {
    const file = tempDatabaseFile()
    withDatabase(file, (db) => {
      const speakers = Array.from({ length: SPEAKERS }, (_, i) => insertPerson(db, { name: `发言人${i}` }))
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
          db.exec('SAVEPOINT sequence')
          try {
            const sessions = Array.from({ length: SESSIONS }, (_, i) =>
              insertSession(db, { title: `场次${i}`, plannedStart: T0, plannedEnd: T0 + 3_600_000, status: 'ended' })
            )
            const remarks: string[] = []
            const dropped = new Set<number>()
            const some = (n: number) => remarks[n % remarks.length]
            for (const op of operations) {
              if (op.kind === 'insert') {
                if (dropped.has(op.session)) continue
                const id = uuidv7()
                db.prepare(
                  'INSERT INTO remarks (id, session_id, speaker_id, text, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
                ).run(id, sessions[op.session], speakers[op.speaker], '光伏发电', T0, T0, op.deleted ? T0 : null)
                remarks.push(id)
              } else if (op.kind === 'dropSession') {
                // Its remarks go with it (ON DELETE CASCADE), and so must their counts.
                db.prepare('DELETE FROM sessions WHERE id = ?').run(sessions[op.session])
                dropped.add(op.session)
                remarks.splice(0, remarks.length, ...remarks.filter((id) => db.prepare('SELECT 1 FROM remarks WHERE id = ?').get(id)))
              } else if (remarks.length > 0) {
                const id = some(op.remark)
                if (op.kind === 'delete') db.prepare('UPDATE remarks SET deleted_at = ? WHERE id = ?').run(T0 + 1, id)
                else if (op.kind === 'restore') db.prepare('UPDATE remarks SET deleted_at = NULL WHERE id = ?').run(id)
                else if (op.kind === 'reassign') db.prepare('UPDATE remarks SET speaker_id = ? WHERE id = ?').run(speakers[op.speaker], id)
                else if (op.kind === 'move') {
                  if (!dropped.has(op.session)) db.prepare('UPDATE remarks SET session_id = ? WHERE id = ?').run(sessions[op.session], id)
                } else if (op.kind === 'edit') db.prepare("UPDATE remarks SET text = text || '。' WHERE id = ?").run(id)
                else db.prepare('DELETE FROM remarks WHERE id = ?').run(id)
              }
              expect(counted(db)).toEqual(counting(db))
            }
          } finally {
            db.exec('ROLLBACK TO sequence; RELEASE sequence')
          }
        }),
        { numRuns: 150 }
      )
    })
  })

  it('follows the app: a remark typed, re-assigned, deleted and restored through the channels', async () => {
    const file = tempDatabaseFile()
    const { session, first, second } = withDatabase(file, (db) => {
      const sessionId = insertSession(db, { title: '场次', plannedStart: T0, plannedEnd: T0 + 3_600_000, status: 'live' })
      const [firstId, secondId] = ['王芳', '李强'].map((name) => {
        const id = insertPerson(db, { name })
        db.prepare('INSERT INTO attendance (id, session_id, person_id, checked_in_at) VALUES (?, ?, ?, ?)').run(uuidv7(), sessionId, id, T0)
        return id
      })
      return { session: { id: sessionId }, first: { id: firstId! }, second: { id: secondId! } }
    })
    const core = testCore({ databaseFile: file })
    const remark = valueOf(
      await core.invoke('remarks:create', { sessionId: session!.id, speakerId: first!.id, text: '光伏项目明年再扩大一些。' })
    ) as { id: string }
    const countsNow = () => withDatabase(core.databaseFile, (db) => ({ counted: counted(db), counting: counting(db) }))
    const mine = (rows: unknown[]) =>
      (rows as { session_id: string; speaker_id: string; remarks: number }[]).filter((row) => row.session_id === session!.id)

    const afterCreate = countsNow()
    expect(afterCreate.counted).toEqual(afterCreate.counting)
    expect(mine(afterCreate.counted)).toContainEqual({ session_id: session!.id, speaker_id: first!.id, remarks: expect.any(Number) })

    valueOf(await core.invoke('remarks:update', { id: remark.id, speakerId: second!.id }))
    valueOf(await core.invoke('remarks:delete', { id: remark.id }))
    valueOf(await core.invoke('remarks:restore', { id: remark.id }))
    const afterAll = countsNow()
    expect(afterAll.counted).toEqual(afterAll.counting)
    expect(mine(afterAll.counted).find((row) => row.speaker_id === second!.id)?.remarks).toBeGreaterThan(0)
  })
})
