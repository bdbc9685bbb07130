import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, openDatabase, type Database } from '../../../src/core/store/database'
import { uuidv7 } from '../../../src/core/store/ids'
import { MIGRATIONS } from '../../../src/core/store/migrations'
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../src/shared/domain'
import { insertPerson, insertSession, onCleanup, runCleanups, T0, tempDatabaseFile, tempDir, testCore, valueOf } from '../../helpers'

/**
 * Migration 11 builds the single-character index (remarks_char_fts) for the remarks an archive already holds,
 * inside its own transaction: every remark not deleted, one token per character, and nothing of the deleted.
 */

afterEach(runCleanups)

const SINGLE_CHARACTER_SEARCH = 11

/** How many tokens the index holds per remark rowid (fts5vocab reads the index itself). */
function tokensPerRemark(db: Database): { rowid: number; tokens: number }[] {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.char_vocab USING fts5vocab(main, remarks_char_fts, instance)')
  return db.prepare('SELECT doc AS rowid, count(*) AS tokens FROM temp.char_vocab GROUP BY doc ORDER BY doc').all() as { rowid: number; tokens: number }[]
}

/** What the index should hold: each remark not deleted, with as many tokens as it has characters. */
function remarksNotDeleted(db: Database): { rowid: number; tokens: number }[] {
  return db.prepare(`SELECT rowid, length(text) AS tokens FROM remarks WHERE deleted_at IS NULL AND text <> '' ORDER BY rowid`).all() as {
    rowid: number
    tokens: number
  }[]
}

const plain = (snippet: string): string => snippet.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_END).join('')

describe('migration 11: the single-character index', () => {
  it('indexes the remarks of an archive at version 10, leaves out the deleted ones, and search finds them', async () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(SINGLE_CHARACTER_SEARCH)
    const file = tempDatabaseFile()
    const texts = ['光伏板装上了屋顶', '5G基站，Wi-Fi 100%', '光 伏', '乡亲们\n的腰包', '']
    const before = openDatabase(file, MIGRATIONS.slice(0, SINGLE_CHARACTER_SEARCH - 1))
    const speaker = insertPerson(before, { name: '温乐义' })
    const session = insertSession(before, { title: '思想圆桌派', plannedStart: T0, plannedEnd: T0 + 3_600_000, status: 'live' })
    const insert = before.prepare('INSERT INTO remarks (id, session_id, speaker_id, text, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    texts.forEach((text, i) => insert.run(uuidv7(), session, speaker, text, T0 + i * 1000, T0 + i * 1000, null))
    insert.run(uuidv7(), session, speaker, '犇犇牛业（记错了）', T0 + 9000, T0 + 9000, T0 + 9500)
    expect(before.pragma('user_version', { simple: true })).toBe(SINGLE_CHARACTER_SEARCH - 1)
    expect(before.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'remarks_char_fts'`).get()).toEqual({ n: 0 })
    before.close()

    const after = openDatabase(file)
    onCleanup(() => void after.close())
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(tokensPerRemark(after)).toEqual(remarksNotDeleted(after))
    expect(tokensPerRemark(after)).toHaveLength(4)

    const core = testCore({ databaseFile: file })
    const found = async (text: string): Promise<string[]> =>
      valueOf(await core.invoke('search:query', { text })).filter((hit) => hit.kind === 'remark').map((hit) => plain(hit.snippet))
    expect(await found('光伏')).toEqual(['光伏板装上了屋顶'])
    expect(await found('伏')).toEqual(['光 伏', '光伏板装上了屋顶'])
    expect(await found('%')).toEqual(['5G基站，Wi-Fi 100%'])
    expect(await found('5g')).toEqual(['5G基站，Wi-Fi 100%'])
    expect(await found('们的')).toEqual([])
    expect(await found('犇')).toEqual([])
  })

  it('indexes the archive fixture of version 10 as a fresh install would have', () => {
    const file = join(tempDir('roundtable-char-index-'), 'roundtable.sqlite')
    copyFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'archives', 'v10.sqlite'), file)
    const db = openDatabase(file)
    onCleanup(() => void db.close())
    expect(tokensPerRemark(db)).toEqual(remarksNotDeleted(db))
    // Seven remarks said, one set aside (the fixture's story, tests/fixtures/archives/README.md).
    expect(tokensPerRemark(db)).toHaveLength(7)
    const raw = new BetterSqlite3(file, { readonly: true })
    onCleanup(() => void raw.close())
    expect(raw.prepare(`SELECT count(*) AS n FROM remarks WHERE deleted_at IS NOT NULL`).get()).toEqual({ n: 1 })
  })
})
