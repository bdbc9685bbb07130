import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { issuesOf, refusedWithoutTrace, runCleanups, T0, tempDir, HOUR } from '../../helpers'
import { Laptop } from './pack-rig'

/**
 * Bad packs are refused with the reason, and nothing is written: not a row of the archive (every table
 * compared before and after), not a change event; and no temporary copy is left behind.
 */

afterEach(runCleanups)

let town: Laptop
let good: Buffer
let folder: string

beforeEach(async () => {
  const village = new Laptop('温集新村笔记本', T0)
  const held = await village.holdSession('温集新村圆桌派', T0 + HOUR, [{ name: '温乐义', village: '温集新村' }, { name: '张秀兰', village: '温集新村' }])
  good = readFileSync((await village.exportPack({ sessionIds: [held.id] })).file)
  town = new Laptop('郑家镇文明实践所', T0 + HOUR)
  // Something already in the town's archive, so "nothing written" compares real rows.
  await town.holdSession('镇机关圆桌派', T0 + 2 * HOUR, [{ name: '任肖彤', organisation: '郑家镇党委' }])
  folder = tempDir('roundtable-bad-packs-')
})

function write(name: string, bytes: Uint8Array): string {
  const file = join(folder, name)
  writeFileSync(file, bytes)
  return file
}

/** The pack with its parts changed, zipped again (a tampered pack whose zip itself is sound). */
function repacked(change: (parts: Record<string, Uint8Array>) => void): Buffer {
  const parts = unzipSync(good)
  change(parts)
  return Buffer.from(zipSync(parts))
}

const withManifest = (edit: (manifest: Record<string, unknown>) => void) =>
  repacked((parts) => {
    const manifest = JSON.parse(strFromU8(parts['manifest.json']!)) as Record<string, unknown>
    edit(manifest)
    parts['manifest.json'] = strToU8(JSON.stringify(manifest))
  })

/** Temporary copies of packs are made beside the archive and removed after. */
const packTemps = (): string[] => readdirSync(dirname(town.file)).filter((name) => name.startsWith('.pack-work-'))

/** Refused by preview and by import alike, with this reason, leaving no trace. */
async function refusedAs(file: string, code: string): Promise<void> {
  const tempsBefore = packTemps()
  for (const channel of ['packs:preview', 'packs:import']) {
    const error = await refusedWithoutTrace(town.core, channel, { file })
    expect(error.code, channel).toBe('invalid_input')
    expect(issuesOf(error), channel).toEqual([{ path: ['file'], code }])
  }
  expect(tempsBefore).toEqual([])
  expect(packTemps()).toEqual([])
}

describe('a bad pack is refused and nothing is written', () => {
  it('a byte of the database changed: the checksum is wrong', async () => {
    const tampered = repacked((parts) => {
      const database = Buffer.from(parts['archive.sqlite']!)
      const at = database.length - 200
      database[at] = database[at]! ^ 0x01
      parts['archive.sqlite'] = database
    })
    await refusedAs(write('flipped.roundtable-pack', tampered), 'pack_checksum')
  })

  it('a byte of the file flipped on the way: refused (the zip or the checksum no longer holds)', async () => {
    const flipped = Buffer.from(good)
    const middle = Math.floor(flipped.length / 2)
    flipped[middle] = flipped[middle]! ^ 0xff
    const file = write('flipped-raw.roundtable-pack', flipped)
    const error = await refusedWithoutTrace(town.core, 'packs:import', { file })
    expect(['pack_checksum', 'pack_damaged']).toContain(issuesOf(error)[0]?.code)
  })

  it('a copy cut short (truncated)', async () => {
    await refusedAs(write('truncated.roundtable-pack', good.subarray(0, Math.floor(good.length * 0.6))), 'pack_damaged')
  })

  it('from a newer app: its manifest says a schema this app does not know', async () => {
    await refusedAs(write('newer.roundtable-pack', withManifest((manifest) => (manifest.schemaVersion = 99))), 'pack_too_new')
  })

  it('a manifest that does not match its database (another schema version, other counts)', async () => {
    await refusedAs(write('wrong-version.roundtable-pack', withManifest((manifest) => (manifest.schemaVersion = 8))), 'pack_damaged')
    await refusedAs(
      write('wrong-counts.roundtable-pack', withManifest((manifest) => ((manifest.counts as Record<string, number>).remarks = 7))),
      'pack_damaged'
    )
  })

  it('not a pack at all: random bytes, a zip of something else, a text file', async () => {
    await refusedAs(write('random.roundtable-pack', randomBytes(4096)), 'pack_not_a_pack')
    await refusedAs(write('other.zip', zipSync({ 'word/document.xml': strToU8('<w:document/>') })), 'pack_not_a_pack')
    await refusedAs(write('notes.txt', strToU8('温集新村会议记录')), 'pack_not_a_pack')
    await refusedAs(write('empty.roundtable-pack', new Uint8Array(0)), 'pack_not_a_pack')
  })

  it('a file that is not there', async () => {
    await refusedAs(join(folder, 'missing.roundtable-pack'), 'pack_unreadable')
  })

  it('a link that does not join a new person of the pack with someone here', async () => {
    const file = write('good.roundtable-pack', good)
    const preview = await town.call('packs:preview', { file })
    expect(preview.sessions).toHaveLength(1)
    const someoneHere = (await town.call('people:list', {}))[0]!.id
    const error = await refusedWithoutTrace(town.core, 'packs:import', { file, links: [{ incomingPersonId: someoneHere, existingPersonId: someoneHere }] })
    expect(issuesOf(error)).toEqual([{ path: ['links', 0], code: 'pack_link_invalid' }])
  })
})

describe('exporting refuses what it cannot do, and writes no file', () => {
  it('a relative path, nothing chosen, a session that is not there', async () => {
    const [session] = await town.call('sessions:list', { when: 'all' })
    const refusedExport = async (input: Record<string, unknown>) => issuesOf(await refusedWithoutTrace(town.core, 'packs:export', input))
    expect(await refusedExport({ destination: 'packs/温集新村.roundtable-pack', sessionIds: [session!.id] })).toEqual([{ path: ['destination'], code: 'path_not_absolute' }])
    expect(await refusedExport({ destination: join(folder, 'a.roundtable-pack'), sessionIds: [] })).toEqual([{ path: ['sessionIds'], code: 'pack_nothing_chosen' }])
    expect(await refusedExport({ destination: join(folder, 'b.roundtable-pack'), sessionIds: [session!.id, '01900000-0000-7000-8000-000000000000'] })).toEqual([
      { path: ['sessionIds', 1], code: 'session_not_found' }
    ])
    expect(readdirSync(folder)).toEqual([])
    expect(packTemps()).toEqual([])
  })

  it('names the file as a pack when the name given is not one', async () => {
    const [session] = await town.call('sessions:list', { when: 'all' })
    const exported = await town.call('packs:export', { destination: join(folder, '镇机关 2025年8月'), sessionIds: [session!.id] })
    expect(exported.file).toBe(join(folder, '镇机关 2025年8月.roundtable-pack'))
    expect(readdirSync(folder)).toEqual(['镇机关 2025年8月.roundtable-pack'])
  })
})
