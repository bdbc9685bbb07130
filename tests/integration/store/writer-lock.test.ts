import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError } from '../../../src/core/errors'
import { takeWriterLock } from '../../../src/core/store/writer-lock'
import { runCleanups, tempDatabaseFile, testCore } from '../../helpers'

afterEach(runCleanups)

describe('one writer process per archive', () => {
  it('core holds a lock file with its process id while open, and removes it when closed', () => {
    const core = testCore()
    expect(readFileSync(`${core.databaseFile}.lock`, 'utf8')).toBe(String(process.pid))
    core.close()
    expect(existsSync(`${core.databaseFile}.lock`)).toBe(false)
  })

  it('refuses the file while another living process holds it, with the in_use sentence', () => {
    const file = tempDatabaseFile()
    writeFileSync(`${file}.lock`, String(process.ppid)) // our parent: alive, and not us
    expect(() => takeWriterLock(file)).toThrow(DatabaseOpenError)
    expect(() => takeWriterLock(file)).toThrow(/数据库正被另一个程序使用/)
  })

  it('takes over a lock left by a process that has gone (a crash or a power cut)', () => {
    const file = tempDatabaseFile()
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(`${file}.lock`, String(gone))
    const release = takeWriterLock(file)
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(`${file}.lock`)).toBe(false)
  })
})
