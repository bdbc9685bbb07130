import BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { zipPack } from '../../../src/core/packs/pack-file'
import { PACK_TABLES } from '../../../src/core/packs/tables'
import { LATEST_SCHEMA_VERSION } from '../../../src/core/store/database'
import { runCleanups, T0, tempDir } from '../../helpers'
import { Laptop, mergedRows } from './pack-rig'

/**
 * A pack made by an older app: its database is at an older schema version. It is migrated in a temporary
 * copy (never the pack file) and then merged like any other. The packs are made of the committed archive
 * fixtures (tests/fixtures/archives), real archives of each schema version.
 */

afterEach(runCleanups)

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'archives')
const ENDED_TITLE = '思想圆桌派 · 新发展格局'

/** A pack as an app of schema `version` would have written it, holding that version's fixture archive. */
function olderPack(version: number): string {
  const database = readFileSync(join(FIXTURES, `v${version}.sqlite`))
  const db = new BetterSqlite3(database, { readonly: true })
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name))
  const counts = Object.fromEntries(
    PACK_TABLES.filter((table) => tables.has(table)).map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n])
  )
  db.close()
  const file = join(tempDir('roundtable-old-pack-'), `v${version}.roundtable-pack`)
  writeFileSync(file, zipPack({ sourceLaptop: '旧版笔记本', schemaVersion: version, createdAt: T0, counts }, database))
  return file
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe.each([1, 5, 8])('a pack of schema version %i', (version) => {
  it('is migrated in a temporary copy, then merged: its sessions, people and records read as in a new archive', async () => {
    expect(version).toBeLessThan(LATEST_SCHEMA_VERSION)
    const file = olderPack(version)
    const hashBefore = sha256(file)
    const town = new Laptop('郑家镇文明实践所', Date.UTC(2026, 0, 5))

    const preview = await town.call('packs:preview', { file })
    expect(preview).toMatchObject({ sourceLaptop: '旧版笔记本', schemaVersion: version, migrated: true, conflicts: [], links: [] })
    expect(preview.sessions.every((session) => session.change === 'new')).toBe(true)
    expect(preview.sessions).toHaveLength(version >= 2 ? 4 : 3)

    const imported = await town.call('packs:import', { file })
    expect(imported.counts.people.added).toBe(version >= 2 ? 14 : 12)
    expect(imported.counts.remarks.added).toBe(version >= 4 ? 8 : 7)
    const sessions = await town.call('sessions:list', { when: 'all' })
    const ended = await town.call('sessions:get', { id: sessions.find((session) => session.title === ENDED_TITLE)!.id })
    expect(ended).toMatchObject({ status: 'ended', hostName: '任肖彤', sourceLaptop: '旧版笔记本' })
    expect(ended.attendance).toHaveLength(10)
    // The speaking log replays to the turns that came with it (migration 3 rewrote them for version 1 and 2).
    const live = await town.call('live:get', { sessionId: ended.id })
    expect(live.state.ended).toBe(true)
    expect(live.state.turns.length).toBe(version >= 3 ? 9 : 7)
    const minutes = await town.call('minutes:get', { sessionId: ended.id })
    expect(minutes.speakers.length).toBeGreaterThan(0)

    // Only the pack's records came in (not its settings, nor its unsent draft), and the pack file is as it was.
    expect(mergedRows(town.file).sessions).toHaveLength(version >= 2 ? 4 : 3)
    expect(await town.call('drafts:get', { sessionId: ended.id })).toBeNull()
    expect(sha256(file)).toBe(hashBefore)
  })
})
