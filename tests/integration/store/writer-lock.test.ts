import BetterSqlite3 from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError } from '../../../src/core/errors'
import { takeWriterLock } from '../../../src/core/store/writer-lock'
import type { AppInfo } from '../../../src/shared/domain'
import { damageTable } from '../../fixtures/damage'
import { onCleanup, runCleanups, tempDatabaseFile, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

const root = join(import.meta.dirname, '../../..')

/**
 * Another process that takes the lock the way core does (SQLite's EXCLUSIVE locking mode on `<db>.lock`)
 * and holds it until it is killed; resolves once it holds it.
 */
async function holderProcess(databaseFile: string): Promise<{ kill: () => Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(${JSON.stringify(`${databaseFile}.lock`)})
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec("CREATE TABLE IF NOT EXISTS archive_open (id INTEGER PRIMARY KEY CHECK (id = 1), open INTEGER NOT NULL, pid INTEGER NOT NULL)")
    db.prepare('INSERT OR REPLACE INTO archive_open VALUES (1, 1, ?)').run(process.pid)
    console.log('holding')
    setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const killed = once(child, 'exit')
  onCleanup(() => void child.kill('SIGKILL'))
  await once(child.stdout, 'data')
  return {
    kill: async () => {
      child.kill('SIGKILL')
      await killed
    }
  }
}

describe('one writer process per archive', () => {
  it('refuses the file while another process holds it, with the in_use sentence, and takes it once that process dies', async () => {
    const file = tempDatabaseFile()
    const other = await holderProcess(file)
    expect(() => takeWriterLock(file)).toThrow(DatabaseOpenError)
    expect(() => takeWriterLock(file)).toThrow(/数据库正被另一个程序使用/)
    expect(() => testCore({ databaseFile: file })).toThrow(/in use by another program/)
    // SIGKILL: no clean-up ran, yet the operating system has dropped the lock with the process.
    await other.kill()
    const lock = takeWriterLock(file)
    expect(lock.previousRunUnclean).toBe(true)
    lock.release()
  })

  it('records a clean close, so the next start knows the last one ended well', () => {
    const file = tempDatabaseFile()
    const first = testCore({ databaseFile: file })
    first.close()
    const lock = takeWriterLock(file)
    expect(lock.previousRunUnclean).toBe(false)
    lock.release()
  })

  it('lets the same process take the lock again while it holds it, and holds it until the last release', async () => {
    const file = tempDatabaseFile()
    const first = takeWriterLock(file)
    const second = takeWriterLock(file)
    first.release()
    const other = spawnSync(process.execPath, ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(`${file}.lock`)}, { timeout: 0 }); try { db.prepare('SELECT * FROM archive_open').all(); console.log('free') } catch (e) { console.log(e.code) }`], { cwd: root, encoding: 'utf8' })
    expect(other.stdout.trim()).toBe('SQLITE_BUSY')
    second.release()
    const after = new BetterSqlite3(`${file}.lock`, { timeout: 0 })
    expect(after.prepare('SELECT open FROM archive_open').get()).toEqual({ open: 0 })
    after.close()
  })

  it('clears a lock file of the old kind (a process id as text) left by a process that has gone', () => {
    const file = tempDatabaseFile()
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(`${file}.lock`, String(gone))
    const lock = takeWriterLock(file)
    expect(lock.previousRunUnclean).toBe(false)
    lock.release()
    // An old-kind lock of a living process still holds the archive.
    writeFileSync(`${file}.lock`, String(process.ppid))
    expect(() => takeWriterLock(file)).toThrow(/in use by another program/)
  })

  it('keeps its lock file beside the database, never inside the backups', () => {
    const core = testCore()
    expect(existsSync(`${core.databaseFile}.lock`)).toBe(true)
  })
})

describe('after an unclean exit', () => {
  /** Opens the archive again (after a run on it that was SIGKILLed, if `killed`); its health once the check is done. */
  async function healthOnOpening(file: string, { killed }: { killed: boolean }): Promise<AppInfo['health']> {
    if (killed) await (await holderProcess(file)).kill()
    const core = testCore({ databaseFile: file })
    await core.idle()
    return valueOf(await core.invoke('app:info', {})).health
  }

  it('runs quick_check after start-up and reports what it found', async () => {
    const file = tempDatabaseFile()
    testCore({ databaseFile: file }).close()
    expect(await healthOnOpening(file, { killed: true })).toEqual({ lastExit: 'unclean', check: 'ok' })
  })

  it('says the archive is damaged when quick_check finds damage', async () => {
    const file = tempDatabaseFile()
    const first = testCore({ databaseFile: file })
    for (let i = 0; i < 300; i++) valueOf(await first.invoke('people:create', { name: `李芳${i}`, village: '郑家村' }))
    first.close()
    damageTable(file, 'people')
    expect(await healthOnOpening(file, { killed: true })).toEqual({ lastExit: 'unclean', check: 'damaged' })
  })

  it('needs no check after a clean exit', async () => {
    const file = tempDatabaseFile()
    testCore({ databaseFile: file }).close()
    expect(await healthOnOpening(file, { killed: false })).toEqual({ lastExit: 'clean', check: 'not_needed' })
  })
})
