import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { damageTable } from '../../fixtures/damage'
import { runCleanups, T0, tempDatabaseFile, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

describe('restoring over a damaged archive', () => {
  it('goes ahead although the copy taken before it fails its check, and puts the backup in place', async () => {
    const file = tempDatabaseFile()
    let core = testCore({ databaseFile: file, now: () => T0 })
    for (let i = 0; i < 200; i++) valueOf(await core.invoke('people:create', { name: `李芳${i}`, village: '郑家村' }))
    const { backup } = valueOf(await core.invoke('backups:create', { chooseFile: false }))
    core.close()
    const bytes = damageTable(file, 'people')

    core = testCore({ databaseFile: file, now: () => T0 + 60_000 })
    const { restored, setAside } = valueOf(await core.invoke('backups:restore', { name: backup.name }))
    expect(restored.name).toBe(backup.name)
    expect(readFileSync(setAside)).toEqual(bytes)
    expect(valueOf(await core.invoke('people:list', {})).length).toBeGreaterThanOrEqual(200)
    // No before-restore copy of the damaged file was kept.
    expect(valueOf(await core.invoke('backups:list', {})).map((b) => b.reason)).toEqual(['manual'])
  })
})
