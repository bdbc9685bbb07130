import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupFolder } from '../../../src/core/backup/backups'
import { runCleanups, T0, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

describe('copies left half-written', () => {
  it('by a process that was killed mid-backup are cleared at the next backup; real backups stay', async () => {
    const core = testCore({ now: () => T0 })
    const folder = backupFolder(core.databaseFile)
    mkdirSync(folder, { recursive: true })
    const leftovers = ['.backup-20250820T060000000Z-session-end.sqlite.partial', '.backup-20250820T060000000Z-session-end.sqlite.partial-journal']
    for (const name of leftovers) writeFileSync(join(folder, name), Buffer.alloc(4096))
    writeFileSync(join(folder, 'notes.txt'), '不是备份，也不归我们管')
    const { backup } = valueOf(await core.invoke('backups:create', { chooseFile: false }))
    for (const name of leftovers) expect(existsSync(join(folder, name))).toBe(false)
    expect(readdirSync(folder).sort()).toEqual([backup.name, 'notes.txt'].sort())
  })
})
