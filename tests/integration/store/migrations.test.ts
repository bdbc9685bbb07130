import BetterSqlite3 from 'better-sqlite3'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseTooNewError } from '../../../src/core/errors'
import { LATEST_SCHEMA_VERSION, openDatabase, schemaVersion, type Database } from '../../../src/core/store/database'
import { uuidv7 } from '../../../src/core/store/ids'
import { MIGRATIONS } from '../../../src/core/store/migrations'
import { insertPerson, insertSession, insertTheme, onCleanup, runCleanups, T0, HOUR, tempDatabaseFile } from '../../helpers'

const DOMAIN_TABLES = [
  'settings',
  'people',
  'person_categories',
  'themes',
  'theme_tags',
  'sessions',
  'agenda_segments',
  'attendance',
  'speaking_events',
  'turns',
  'remarks',
  'remark_tags',
  'remark_drafts',
  'remarks_fts',
  // 1–2 character search (migration 11): one token per character.
  'remarks_char_fts',
  'themes_fts',
  'decisions',
  'session_photos',
  // 归档包 (migration 9): versions a merge did not keep, people linked across laptops, the last pack per folder.
  'merge_history',
  'person_links',
  'pack_exports',
  // 统计 (migration 12): remarks counted by session and speaker, kept by triggers.
  'remark_counts',
  // 传递话筒 (migration 13): each speaking log's shape (events, newest, undone), kept by triggers.
  'speaking_log_shapes'
]

afterEach(runCleanups)

function open(file: string, migrations = MIGRATIONS): Database {
  const db = openDatabase(file, migrations)
  onCleanup(() => {
    if (db.open) db.close()
  })
  return db
}

/** A plain connection that applies no pragmas and no migrations. */
function rawOpen(file: string): Database {
  const db = new BetterSqlite3(file)
  onCleanup(() => {
    if (db.open) db.close()
  })
  return db
}

function tableNames(db: Database): string[] {
  return (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string
    }[]
  )
    .map((row) => row.name)
    // FTS5 keeps its index in shadow tables of its own; they are not tables of the domain.
    .filter((name) => !/_fts_(config|data|docsize|idx)$/.test(name))
}

describe('a fresh install', () => {
  it('creates every table of the domain and sets user_version to the latest schema version', () => {
    const file = tempDatabaseFile()
    const db = open(file)
    expect(existsSync(file)).toBe(true)
    expect(tableNames(db)).toEqual([...DOMAIN_TABLES].sort())
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
  })

  it('creates the folder of the database file when it is missing', () => {
    const file = join(tempDatabaseFile(), '..', 'nested', 'deeper', 'roundtable.sqlite')
    const db = open(file)
    expect(existsSync(file)).toBe(true)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
  })

  it('sets WAL, synchronous=FULL and foreign_keys=ON', () => {
    const db = open(tempDatabaseFile())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
  })
})

describe('reopening', () => {
  it('is idempotent: same version, same schema, data kept', () => {
    const file = tempDatabaseFile()
    const first = open(file)
    const schemaBefore = first.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()
    const personId = insertPerson(first, { name: '温乐义', categories: ['党员'] })
    first.close()

    const second = open(file)
    expect(schemaVersion(second)).toBe(LATEST_SCHEMA_VERSION)
    expect(second.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore)
    expect(second.prepare('SELECT name FROM people WHERE id = ?').get(personId)).toEqual({ name: '温乐义' })
    second.close()

    const third = open(file)
    expect(schemaVersion(third)).toBe(LATEST_SCHEMA_VERSION)
    expect(third.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 })
  })

  it('applies only the migrations a file has not had yet', () => {
    const file = tempDatabaseFile()
    const calls: string[] = []
    const m1 = (db: Database): void => {
      calls.push('m1')
      db.exec('CREATE TABLE one (x INTEGER) STRICT')
    }
    const m2 = (db: Database): void => {
      calls.push('m2')
      db.exec('CREATE TABLE two (x INTEGER) STRICT')
    }
    open(file, [m1]).close()
    expect(calls).toEqual(['m1'])

    const db = open(file, [m1, m2])
    expect(calls).toEqual(['m1', 'm2'])
    expect(schemaVersion(db)).toBe(2)
    expect(tableNames(db)).toEqual(['one', 'two'])
  })
})

describe('upgrading', () => {
  const EARLIER_VERSIONS = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1)

  it.each(EARLIER_VERSIONS)(
    'a database at version %i upgrades to the latest and keeps its rows',
    (version) => {
      const file = tempDatabaseFile()
      const old = open(file, MIGRATIONS.slice(0, version))
      expect(schemaVersion(old)).toBe(version)
      const personId = insertPerson(old, { name: '温乐义', categories: ['党员', '群众'] })
      const themeId = insertTheme(old, { title: '乡村振兴', tags: ['乡村振兴'] })
      const sessionId = insertSession(old, { title: '圆桌派', themeId, plannedStart: T0, plannedEnd: T0 + HOUR })
      old.close()

      const db = open(file)
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
      expect(tableNames(db)).toEqual([...DOMAIN_TABLES].sort())
      expect(db.prepare('SELECT name FROM people WHERE id = ?').get(personId)).toEqual({ name: '温乐义' })
      expect(db.prepare('SELECT count(*) AS n FROM person_categories WHERE person_id = ?').get(personId)).toEqual({ n: 2 })
      expect(db.prepare('SELECT theme_id FROM sessions WHERE id = ?').get(sessionId)).toEqual({ theme_id: themeId })
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    }
  )
})

describe('a database from a newer app', () => {
  function newerDatabase(): { file: string; version: number } {
    const file = tempDatabaseFile()
    const db = open(file)
    insertPerson(db, { name: '赵海云' })
    db.close()
    // Written by an imaginary newer app: one more table, one more version, back in rollback-journal mode so
    // the whole database lives in the one file we compare byte for byte.
    const raw = rawOpen(file)
    raw.exec('CREATE TABLE from_the_future (x INTEGER)')
    const version = LATEST_SCHEMA_VERSION + 1
    raw.pragma(`user_version = ${version}`)
    raw.pragma('journal_mode = DELETE')
    raw.close()
    return { file, version }
  }

  it('is refused with DatabaseTooNewError, and the file is left byte for byte as it was', () => {
    const { file, version } = newerDatabase()
    const before = readFileSync(file)

    let thrown: unknown
    try {
      openDatabase(file)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError)
    expect(thrown).toMatchObject({ fileVersion: version, appVersion: LATEST_SCHEMA_VERSION })

    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
    const raw = rawOpen(file)
    expect(raw.pragma('user_version', { simple: true })).toBe(version)
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 })
    expect(tableNames(raw)).toEqual([...DOMAIN_TABLES, 'from_the_future'].sort())
  })

  it('is refused by a custom migration list too, without running any migration', () => {
    const file = tempDatabaseFile()
    const raw = rawOpen(file)
    raw.pragma('user_version = 3')
    raw.close()
    let ran = false
    const step = (): void => {
      ran = true
    }
    expect(() => openDatabase(file, [step, step])).toThrow(DatabaseTooNewError)
    expect(ran).toBe(false)
    const check = rawOpen(file)
    expect(check.pragma('user_version', { simple: true })).toBe(3)
    expect(tableNames(check)).toEqual([])
  })
})

describe('a failing migration', () => {
  it('rolls back completely: user_version stays at the last good step and its table does not exist', () => {
    const file = tempDatabaseFile()
    const migrations = [
      (db: Database) => db.exec('CREATE TABLE first (x INTEGER) STRICT'),
      (db: Database) => {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT')
        db.exec('INSERT INTO half_done VALUES (1)')
        throw new Error('migration 2 failed')
      }
    ]
    expect(() => openDatabase(file, migrations)).toThrow('migration 2 failed')

    const raw = rawOpen(file)
    expect(raw.pragma('user_version', { simple: true })).toBe(1)
    expect(tableNames(raw)).toEqual(['first'])
  })

  it('can be retried once fixed', () => {
    const file = tempDatabaseFile()
    const first = (db: Database): void => void db.exec('CREATE TABLE first (x INTEGER) STRICT')
    const broken = (): void => {
      throw new Error('broken')
    }
    const fixed = (db: Database): void => void db.exec('CREATE TABLE second (x INTEGER) STRICT')
    expect(() => openDatabase(file, [first, broken])).toThrow('broken')
    const db = open(file, [first, fixed])
    expect(schemaVersion(db)).toBe(2)
    expect(tableNames(db)).toEqual(['first', 'second'])
  })
})

describe('constraints', () => {
  it('enforces foreign keys: attendance for a missing session is refused', () => {
    const db = open(tempDatabaseFile())
    const personId = insertPerson(db, { name: '翟自恩' })
    const addAttendance = db.prepare('INSERT INTO attendance (id, session_id, person_id) VALUES (?, ?, ?)')
    expect(() => addAttendance.run(uuidv7(), uuidv7(), personId)).toThrow(/FOREIGN KEY constraint failed/)
    expect(db.prepare('SELECT count(*) AS n FROM attendance').get()).toEqual({ n: 0 })

    const sessionId = insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR })
    addAttendance.run(uuidv7(), sessionId, personId)
    expect(db.prepare('SELECT count(*) AS n FROM attendance').get()).toEqual({ n: 1 })
  })

  it('cascades a deleted session to its attendance and keeps a theme-less session when its theme goes', () => {
    const db = open(tempDatabaseFile())
    const personId = insertPerson(db, { name: '李芳' })
    const themeId = insertTheme(db, { title: '乡村振兴' })
    const sessionId = insertSession(db, { title: '圆桌派', themeId, plannedStart: T0, plannedEnd: T0 + HOUR })
    db.prepare('INSERT INTO attendance (id, session_id, person_id) VALUES (?, ?, ?)').run(uuidv7(), sessionId, personId)

    db.prepare('DELETE FROM themes WHERE id = ?').run(themeId)
    expect(db.prepare('SELECT theme_id FROM sessions WHERE id = ?').get(sessionId)).toEqual({ theme_id: null })
    db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId)
    expect(db.prepare('SELECT count(*) AS n FROM attendance').get()).toEqual({ n: 0 })
  })

  it('version 5: attendance keeps an organiser’s correction of service hours (none by default; 0–24 hours), kept through an upgrade', () => {
    const file = tempDatabaseFile()
    const old = open(file, MIGRATIONS.slice(0, 4))
    const personId = insertPerson(old, { name: '李芳' })
    const sessionId = insertSession(old, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR })
    old.prepare('INSERT INTO attendance (id, session_id, person_id, role) VALUES (?, ?, ?, ?)').run(uuidv7(), sessionId, personId, 'lecturer')
    old.close()
    const db = open(file)
    expect(db.prepare('SELECT role, service_hours FROM attendance').get()).toEqual({ role: 'lecturer', service_hours: null })
    const set = db.prepare('UPDATE attendance SET service_hours = ?')
    set.run(1.5)
    expect(db.prepare('SELECT service_hours FROM attendance').get()).toEqual({ service_hours: 1.5 })
    expect(() => set.run(25)).toThrow(/CHECK constraint failed/)
    expect(() => set.run(-0.5)).toThrow(/CHECK constraint failed/)
  })

  it('version 5: sessions held before it keep their attendance (everyone not absent was counted present); a walk-in is never absent', () => {
    const file = tempDatabaseFile()
    const old = open(file, MIGRATIONS.slice(0, 4))
    const [came, away, walkIn, later] = ['温乐义', '张秀兰', '高明', '翟自恩'].map((name) => insertPerson(old, { name }))
    const held = insertSession(old, { title: '开过的', plannedStart: T0, plannedEnd: T0 + HOUR, status: 'ended' })
    old.prepare('UPDATE sessions SET started_at = ? WHERE id = ?').run(T0 + 5 * 60_000, held)
    const planned = insertSession(old, { title: '还没开', plannedStart: T0 + 24 * HOUR, plannedEnd: T0 + 25 * HOUR })
    const add = old.prepare('INSERT INTO attendance (id, session_id, person_id, invited, absent, absent_reason, checked_in_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    add.run(uuidv7(), held, came!, 1, 0, '', null)
    add.run(uuidv7(), held, away!, 1, 1, '外出务工', null)
    add.run(uuidv7(), held, walkIn!, 0, 1, '', T0)
    add.run(uuidv7(), planned, later!, 1, 0, '', null)
    old.close()
    const db = open(file)
    const rows = db.prepare('SELECT p.name, a.absent, a.absent_reason, a.checked_in_at FROM attendance a JOIN people p ON p.id = a.person_id ORDER BY p.name').all()
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: '温乐义', absent: 0, absent_reason: '', checked_in_at: T0 + 5 * 60_000 },
        { name: '张秀兰', absent: 1, absent_reason: '外出务工', checked_in_at: null },
        { name: '高明', absent: 0, absent_reason: '', checked_in_at: T0 },
        { name: '翟自恩', absent: 0, absent_reason: '', checked_in_at: null }
      ])
    )
  })

  it('version 7: remarks and drafts carry 入纪要 (0 or 1); those of an older archive come out unmarked', () => {
    const file = tempDatabaseFile()
    const old = open(file, MIGRATIONS.slice(0, 6))
    const personId = insertPerson(old, { name: '温乐义' })
    const sessionId = insertSession(old, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR, status: 'ended' })
    old
      .prepare('INSERT INTO remarks (id, session_id, speaker_id, text, starred, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(uuidv7(), sessionId, personId, '让乡亲们的腰包鼓起来', 1, T0, T0)
    old.prepare('INSERT INTO remark_drafts (session_id, speaker_id, text, updated_at) VALUES (?, ?, ?, ?)').run(sessionId, personId, '半句', T0)
    old.close()
    const db = open(file)
    expect(db.prepare('SELECT text, starred, for_minutes FROM remarks').get()).toEqual({ text: '让乡亲们的腰包鼓起来', starred: 1, for_minutes: 0 })
    expect(db.prepare('SELECT text, for_minutes FROM remark_drafts').get()).toEqual({ text: '半句', for_minutes: 0 })
    db.prepare('UPDATE remarks SET for_minutes = 1').run()
    expect(db.prepare('SELECT for_minutes FROM remarks').get()).toEqual({ for_minutes: 1 })
    for (const table of ['remarks', 'remark_drafts']) {
      expect(() => db.prepare(`UPDATE ${table} SET for_minutes = 2`).run(), table).toThrow(/CHECK constraint failed/)
      expect(() => db.prepare(`UPDATE ${table} SET for_minutes = NULL`).run(), table).toThrow(/NOT NULL constraint failed/)
    }
  })

  it('refuses a session that ends before or when it starts', () => {
    const db = open(tempDatabaseFile())
    expect(() => insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 })).toThrow(/CHECK constraint failed/)
    expect(() => insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 - 1 })).toThrow(/CHECK constraint failed/)
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 })
  })

  it('refuses values outside the allowed sets', () => {
    const db = open(tempDatabaseFile())
    expect(() => insertSession(db, { title: '', plannedStart: T0, plannedEnd: T0 + HOUR })).toThrow(/CHECK constraint failed/)
    expect(() =>
      insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR, status: 'paused' as 'live' })
    ).toThrow(/CHECK constraint failed/)
    expect(() =>
      insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR, speakerLimitSeconds: 0 })
    ).toThrow(/CHECK constraint failed/)
    expect(() => insertPerson(db, { name: '王五', gender: 'other' as 'male' })).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('language', 'not json', 0)`).run()).toThrow(
      /CHECK constraint failed/
    )
    const sessionId = insertSession(db, { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR })
    expect(() =>
      db
        .prepare(`INSERT INTO decisions (id, session_id, text, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(uuidv7(), sessionId, '修路', '2025/9/1', T0, T0)
    ).toThrow(/CHECK constraint failed/)
  })

  it('tables are STRICT: a text in an integer column is refused', () => {
    const db = open(tempDatabaseFile())
    expect(() =>
      db
        .prepare(`INSERT INTO people (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`)
        .run(uuidv7(), '温乐义', 'yesterday', T0)
    ).toThrow(/cannot store TEXT value in INTEGER column/)
  })
})
