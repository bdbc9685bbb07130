import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, schemaVersion } from '../../../src/core/store/database'
import { uuidv7 } from '../../../src/core/store/ids'
import { MIGRATIONS } from '../../../src/core/store/migrations'
import { insertPerson, insertSession, onCleanup, runCleanups, T0, tempDatabaseFile } from '../../helpers'

afterEach(runCleanups)

/** Migration 3 rebuilds `turns`, which remarks reference: rows and links must survive it. */
describe('migration 3: turn kinds', () => {
  it('keeps turns and the remarks that point at them, and then accepts round 0 turns', () => {
    const file = tempDatabaseFile()
    const v2 = openDatabase(file, MIGRATIONS.slice(0, 2))
    const personId = insertPerson(v2, { name: '温乐义' })
    const sessionId = insertSession(v2, { title: '思想圆桌派', plannedStart: T0, plannedEnd: T0 + 7_200_000 })
    const turnId = uuidv7()
    v2.prepare(
      `INSERT INTO turns (id, session_id, person_id, round, position, outcome, started_at, ended_at, applause)
       VALUES (?, ?, ?, 1, 0, 'spoken', ?, ?, 3)`
    ).run(turnId, sessionId, personId, T0, T0 + 60_000)
    v2.prepare(
      `INSERT INTO remarks (id, session_id, turn_id, speaker_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, '让乡亲们的腰包鼓起来', ?, ?)`
    ).run(uuidv7(), sessionId, turnId, personId, T0, T0)
    v2.close()

    const db = openDatabase(file)
    onCleanup(() => void db.close())
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.prepare('SELECT kind, round, applause FROM turns WHERE id = ?').get(turnId)).toEqual({ kind: 'round', round: 1, applause: 3 })
    expect(db.prepare('SELECT turn_id FROM remarks').get()).toEqual({ turn_id: turnId })
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    // The new rule: a study turn lives outside rounds.
    db.prepare(
      `INSERT INTO turns (id, session_id, person_id, round, kind, position, outcome, started_at) VALUES (?, ?, ?, 0, 'study', 1, 'speaking', ?)`
    ).run(uuidv7(), sessionId, personId, T0)
    // Foreign keys still hold on the rebuilt table.
    expect(() =>
      db.prepare(`INSERT INTO turns (id, session_id, person_id, position, outcome, started_at) VALUES (?, ?, 'nobody', 2, 'spoken', ?)`).run(uuidv7(), sessionId, T0)
    ).toThrow(/FOREIGN KEY/)
  })
})
