import BetterSqlite3 from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backedUpToday, backupFolder } from '../../../src/core/backup/backups'
import { newestGoodBackup } from '../../../src/core/backup/recovery'
import { KEEP_LATEST } from '../../../src/core/backup/rotation'
import { createCore } from '../../../src/core/core'
import { openDatabase } from '../../../src/core/store/database'
import { MIGRATIONS } from '../../../src/core/store/migrations'
import { rosterReaderInProcess } from '../../../src/core/people/roster-reader'
import { csvBase64 } from '../../fixtures/rosters'
import { APP_VERSION, DAY, errorOf, HOUR, insertPerson, onCleanup, runCleanups, T0, tempDatabaseFile, tempDir, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

function coreAt(file: string, clock: { now: number }) {
  const core = createCore({ databaseFile: file, appVersion: APP_VERSION, log: () => {}, now: () => clock.now })
  onCleanup(() => core.close())
  return core
}

const backupNames = (file: string): string[] => (existsSync(backupFolder(file)) ? readdirSync(backupFolder(file)).sort() : [])

describe('backups', () => {
  it('备份 now: a checked copy in the backups folder, listed with its time, reason, size and sessions', async () => {
    const core = testCore({ now: () => T0 })
    valueOf(await core.invoke('sessions:create', { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR }))
    const { backup, savedTo } = valueOf(await core.invoke('backups:create', { chooseFile: false }))
    expect(savedTo).toBeNull()
    expect(backup).toMatchObject({ takenAt: T0, reason: 'manual', sessions: 1 })
    expect(backup.bytes).toBeGreaterThan(0)
    const copy = new BetterSqlite3(join(backupFolder(core.databaseFile), backup.name), { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT title FROM sessions').all()).toEqual([{ title: '圆桌派' }])
    copy.close()
    expect(valueOf(await core.invoke('backups:list', {}))).toEqual([backup])
    // Choosing a file needs the desktop's save dialog.
    expect(errorOf(await core.invoke('backups:create', { chooseFile: true })).code).toBe('unavailable')
  })

  it('is made when a session ends, and once a day at the first start', async () => {
    const file = tempDatabaseFile()
    const clock = { now: T0 }
    let core = coreAt(file, clock)
    const session = valueOf(await core.invoke('sessions:create', { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR }))
    valueOf(await core.invoke('sessions:start', { id: session.id }))
    clock.now += HOUR
    valueOf(await core.invoke('sessions:end', { id: session.id }))
    await core.idle()
    expect(valueOf(await core.invoke('backups:list', {})).map((b) => b.reason)).toEqual(['session-end'])
    core.close()
    // The same day: no second daily backup; the next day: one.
    core = coreAt(file, clock)
    await core.idle()
    expect(backupNames(file), backupNames(file).join()).toHaveLength(1)
    core.close()
    clock.now += DAY
    core = coreAt(file, clock)
    await core.idle()
    expect(valueOf(await core.invoke('backups:list', {})).map((b) => b.reason)).toEqual(['daily', 'session-end'])
  })

  it('恢复 puts the backup in place, sets the current file aside (never deleted) after backing it up, and reopens on the restored data', async () => {
    const clock = { now: T0 }
    const file = tempDatabaseFile()
    const core = coreAt(file, clock)
    valueOf(await core.invoke('people:create', { name: '温乐义' }))
    const { backup } = valueOf(await core.invoke('backups:create', { chooseFile: false }))
    clock.now += HOUR
    valueOf(await core.invoke('people:create', { name: '翟自恩' }))
    const events: string[] = []
    core.subscribe((event) => events.push(event.name))

    const { restored, setAside } = valueOf(await core.invoke('backups:restore', { name: backup.name }))
    expect(restored).toEqual(backup)
    expect(valueOf(await core.invoke('people:list', {})).map((p) => p.name)).toEqual(['温乐义'])
    expect(events).toContain('archive:restored')
    // What was there before is kept twice: set aside as it was, and as a backup taken just before.
    const aside = new BetterSqlite3(setAside, { readonly: true })
    expect(aside.prepare('SELECT name FROM people ORDER BY name').all()).toHaveLength(2)
    aside.close()
    const before = valueOf(await core.invoke('backups:list', {})).find((b) => b.reason === 'before-restore')!
    expect(before).toBeDefined()
    // …and restoring that one brings 翟自恩 back.
    valueOf(await core.invoke('backups:restore', { name: before.name }))
    expect(valueOf(await core.invoke('people:list', {})).map((p) => p.name).sort()).toEqual(['温乐义', '翟自恩'].sort())
  })

  it('refuses a name it did not give (no path tricks), and changes nothing', async () => {
    const core = testCore({ now: () => T0 })
    for (const name of ['../roundtable.sqlite', 'backup-20250821T060000000Z-manual.sqlite', '/etc/passwd']) {
      const error = errorOf(await core.invoke('backups:restore', { name }))
      expect(['invalid_input', 'not_found']).toContain(error.code)
    }
    // Not even the copy taken before a restore: it is taken only once the backup is known to exist (found
    // by the fuzz test: each refused restore of a well-formed name left a before-restore copy, never rotated).
    expect(valueOf(await core.invoke('backups:list', {}))).toEqual([])
    expect(backupNames(core.databaseFile)).toEqual([])
  })

  // Found by the fuzz test (tests/integration/core/fuzz.test.ts): a call that awaits — a roster read in its
  // worker, a PDF being made, a save dialog — kept the connection it started with; a restore meanwhile
  // closed it, and the call ended in an internal error (a save after its file was already written).
  it('恢复 while other calls are under way: they finish on the restored archive instead of failing inside', async () => {
    const dir = tempDir()
    let restoreDone!: () => void
    const afterRestore = new Promise<void>((resolve) => (restoreDone = resolve))
    const logged: unknown[] = []
    const core = testCore({
      now: () => T0,
      log: (_message, error) => logged.push(error),
      readRoster: async (bytes) => {
        await afterRestore
        return rosterReaderInProcess(bytes)
      },
      platform: {
        printToPdf: async () => {
          await afterRestore
          return Buffer.from('%PDF-1.7')
        },
        chooseSavePath: async (name) => {
          await afterRestore
          return join(dir, name)
        }
      }
    })
    const session = valueOf(await core.invoke('sessions:create', { title: '圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR }))
    const { backup } = valueOf(await core.invoke('backups:create', { chooseFile: false }))
    const mapping = { name: 0, gender: null, organisation: null, village: null, categories: null, phone: null, note: null }
    const underWay = [
      core.invoke('minutes:export', { sessionId: session.id, document: 'minutes', format: 'pdf' }),
      core.invoke('people:importCommit', { fileName: '名单.csv', contentBase64: csvBase64('姓名\n温乐义\n'), mapping, onDuplicate: 'skip' }),
      core.invoke('people:export', { format: 'csv' })
    ] as const
    valueOf(await core.invoke('backups:restore', { name: backup.name }))
    restoreDone()
    const [exported, imported, saved] = await Promise.all(underWay)
    expect(logged).toEqual([])
    expect(valueOf(exported)).toEqual({ kind: 'saved', fileName: '2025-08-21-圆桌派-会议纪要.pdf', path: join(dir, '2025-08-21-圆桌派-会议纪要.pdf') })
    expect(readFileSync(join(dir, '2025-08-21-圆桌派-会议纪要.pdf'), 'utf8')).toBe('%PDF-1.7')
    expect(valueOf(imported)).toMatchObject({ created: 1 })
    expect(valueOf(saved)).toEqual({ kind: 'saved', fileName: '人员名录-2025-08-21.csv', path: join(dir, '人员名录-2025-08-21.csv') })
    // The import was written to the archive open now, the restored one.
    expect(valueOf(await core.invoke('people:list', {})).map((p) => p.name)).toEqual(['温乐义'])
  })

  it('is made before migrating an older archive, and holds it as it was', () => {
    const file = tempDatabaseFile()
    const old = openDatabase(file, MIGRATIONS.slice(0, 4))
    insertPerson(old, { name: '温乐义' })
    old.close()
    const core = coreAt(file, { now: T0 })
    const name = backupNames(file).find((n) => n.endsWith('-before-upgrade.sqlite'))!
    const copy = new BetterSqlite3(join(backupFolder(file), name), { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(4)
    expect(copy.prepare('SELECT name FROM people').all()).toEqual([{ name: '温乐义' }])
    copy.close()
    core.close()
  })

  it('lists an unreadable file in the folder without a count, and ignores files it did not make', async () => {
    const core = testCore({ now: () => T0 })
    valueOf(await core.invoke('backups:create', { chooseFile: false }))
    writeFileSync(join(backupFolder(core.databaseFile), 'backup-20250101T000000000Z-manual.sqlite'), 'not a database')
    writeFileSync(join(backupFolder(core.databaseFile), 'notes.txt'), 'hello')
    const list = valueOf(await core.invoke('backups:list', {}))
    expect(list.map((b) => b.sessions)).toEqual([0, null])
  })

  it('keeps each archive of a folder to its own backups: one’s rotation, daily backup and recovery never touch another’s', async () => {
    const folder = tempDir()
    const ownFile = join(folder, 'roundtable.sqlite')
    const otherFile = join(folder, '东山村.sqlite')
    const clock = { now: T0 }
    const own = coreAt(ownFile, clock)
    const other = coreAt(otherFile, clock)
    valueOf(await own.invoke('sessions:create', { title: '郑家村的圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR }))
    valueOf(await other.invoke('sessions:create', { title: '东山村的圆桌派', plannedStart: T0, plannedEnd: T0 + HOUR }))
    const otherBackup = valueOf(await other.invoke('backups:create', { chooseFile: false })).backup
    // The app's own file keeps `backups/`; the other archive a folder of its own inside it.
    expect(backupFolder(ownFile)).toBe(join(folder, 'backups'))
    expect(backupFolder(otherFile)).toBe(join(folder, 'backups', '东山村.sqlite'))

    // More backups of one archive than rotation keeps: the other's older copy stays.
    for (let i = 0; i <= KEEP_LATEST; i++) {
      clock.now += 1000
      valueOf(await own.invoke('backups:create', { chooseFile: false }))
    }
    expect(valueOf(await own.invoke('backups:list', {}))).toHaveLength(KEEP_LATEST)
    expect(valueOf(await other.invoke('backups:list', {}))).toEqual([otherBackup])

    // A third archive beside them has no backup today, whatever the others have.
    expect(backedUpToday(ownFile, clock.now)).toBe(true)
    expect(backedUpToday(join(folder, '西山村.sqlite'), clock.now)).toBe(false)

    // Recovery offers each archive its own copy.
    expect(newestGoodBackup(otherFile)?.name).toBe(otherBackup.name)
    const copy = new BetterSqlite3(join(backupFolder(otherFile), otherBackup.name), { readonly: true })
    expect(copy.prepare('SELECT title FROM sessions').all()).toEqual([{ title: '东山村的圆桌派' }])
    copy.close()
    expect(newestGoodBackup(join(folder, '西山村.sqlite'))).toBeNull()
  })
})
