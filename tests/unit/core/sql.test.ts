import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sql, type WriteDb } from '../../../src/core/store/sql'

describe('sql: typed statements, kept per connection', () => {
  it('compiles a text once per connection and reuses it', () => {
    const db = new BetterSqlite3(':memory:') as WriteDb
    db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')
    const insert = sql<never, [string]>(db, 'INSERT INTO people (name) VALUES (?)')
    insert.run('李芳')
    expect(sql<never, [string]>(db, 'INSERT INTO people (name) VALUES (?)')).toBe(insert)
    const byName = sql<{ id: number; name: string }, { name: string }>(db, 'SELECT id, name FROM people WHERE name = @name')
    expect(byName.get({ name: '李芳' })).toEqual({ id: 1, name: '李芳' })
    expect(byName.all({ name: '王芳' })).toEqual([])
    // Another connection (after a restore, say) gets its own statements.
    const other = new BetterSqlite3(':memory:') as WriteDb
    other.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')
    expect(sql<never, [string]>(other, 'INSERT INTO people (name) VALUES (?)')).not.toBe(insert)
    db.close()
    other.close()
  })
})
