import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { walCheckpoints } from '../../../src/core/store/checkpoints'
import { onCleanup, runCleanups, tempDatabaseFile, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

/**
 * A WAL archive whose log SQLite itself would not checkpoint before 1,000 pages: the pages reach the database
 * file only when `walCheckpoints` copies them, so the file's size tells when it did.
 */
function walArchive() {
  const file = tempDatabaseFile()
  const db = new BetterSqlite3(file)
  onCleanup(() => void db.close())
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)')
  db.pragma('wal_checkpoint(TRUNCATE)')
  const insert = db.prepare('INSERT INTO notes (text) VALUES (?)')
  return { db, size: () => statSync(file).size, write: () => insert.run('字'.repeat(2000)) }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('WAL checkpoints after the answer', () => {
  it('copies the log into the database file after a run of writes, not in the commit', async () => {
    const archive = walArchive()
    const checkpoints = walCheckpoints(() => archive.db, { writes: 8, quietMs: 60_000 })
    onCleanup(() => checkpoints.stop())
    const empty = archive.size()
    for (let i = 0; i < 7; i++) {
      archive.write()
      checkpoints.afterWrite()
    }
    await nextTurn()
    expect(archive.size()).toBe(empty) // seven writes: still only in the log
    archive.write()
    checkpoints.afterWrite()
    expect(archive.size()).toBe(empty) // the eighth write's call answers first…
    await nextTurn()
    expect(archive.size()).toBeGreaterThan(empty + 7 * 4000) // …then the pages are copied
  })

  it('copies the log once the archive has been quiet, and never after it is stopped or closed', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] })
    onCleanup(() => void vi.useRealTimers())
    const archive = walArchive()
    const checkpoints = walCheckpoints(() => archive.db, { writes: 1000, quietMs: 1000 })
    const empty = archive.size()
    archive.write()
    checkpoints.afterWrite()
    vi.advanceTimersByTime(999)
    expect(archive.size()).toBe(empty)
    archive.write()
    checkpoints.afterWrite() // another write: the quiet second starts again
    vi.advanceTimersByTime(999)
    expect(archive.size()).toBe(empty)
    vi.advanceTimersByTime(1)
    const grown = archive.size()
    expect(grown).toBeGreaterThan(empty)

    archive.write()
    checkpoints.afterWrite()
    checkpoints.stop()
    vi.runAllTimers()
    expect(archive.size()).toBe(grown)
    archive.write()
    checkpoints.afterWrite()
    archive.db.close() // (SQLite's own checkpoint on closing) a timer left over finds the archive closed
    expect(() => vi.runAllTimers()).not.toThrow()
  })

  it('leaves a sound archive holding every write when they run between the calls of core', async () => {
    const core = testCore()
    const person = valueOf(await core.invoke('people:create', { name: '王建国', village: '东山村' }))
    for (let i = 0; i < 100; i++) {
      valueOf(await core.invoke('people:update', { id: person.id, name: `王建国${i}`, village: '东山村' }))
      if (i % 10 === 0) await nextTurn()
    }
    core.close()
    const db = new BetterSqlite3(core.databaseFile, { readonly: true })
    onCleanup(() => void db.close())
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    expect(db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(person.id)).toBe('王建国99')
  })

  it('runs for the writes of core\'s channels: after 32 calls the database file alone holds the last one', async () => {
    const core = testCore()
    const person = valueOf(await core.invoke('people:create', { name: '王建国', village: '东山村' }))
    // The database file without its log, as a copy: what a checkpoint has put there, and nothing more.
    const inFileAlone = () => {
      const copy = tempDatabaseFile()
      copyFileSync(core.databaseFile, copy)
      const db = new BetterSqlite3(copy, { readonly: true })
      try {
        // A new archive's tables themselves may still be only in the log.
        const hasPeople = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'people'").get() !== undefined
        return hasPeople ? db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(person.id) : undefined
      } finally {
        db.close()
      }
    }
    // With the create, 31 writes: all still only in the log (SQLite's own limit is far off).
    for (let i = 0; i < 30; i++) valueOf(await core.invoke('people:update', { id: person.id, name: `王建国${i}`, village: '东山村' }))
    await nextTurn()
    expect(inFileAlone()).toBeUndefined()
    valueOf(await core.invoke('people:update', { id: person.id, name: '王建国30', village: '东山村' }))
    await nextTurn()
    expect(inFileAlone()).toBe('王建国30')
    core.close()
  })
})
