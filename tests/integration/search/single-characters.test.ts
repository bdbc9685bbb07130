import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { highlight } from '../../../src/core/search/search'
import { uuidv7 } from '../../../src/core/store/ids'
import type { SearchHit } from '../../../src/shared/domain'
import { runCleanups, T0, valueOf, withDatabase } from '../../helpers'
import { MINUTE, openTable, remarkHits, SECOND, writeRemark, type Filters, type Table } from '../remarks/fixtures'

/**
 * Queries of 1–2 characters come from the single-character index (migration 11) instead of a LIKE scan, and
 * must find exactly what the LIKE scan found: the same remarks in the same order with the same snippets.
 * The oracle is that scan itself (the statement search ran before, on a second connection), so these cases
 * would fail if the index split text otherwise than LIKE reads it: whitespace joining characters, punctuation
 * or symbols dropped, letters beyond A–Z folded, an edit or a deletion not followed.
 */

afterEach(runCleanups)

/** What search answered for 1–2 characters before migration 11: LIKE over the time index, newest first. */
function likeScan(reader: Database, query: string, filters: Filters = {}, limit = 200): { id: string; text: string }[] {
  return reader
    .prepare(
      `SELECT r.id, r.text FROM remarks r INDEXED BY remarks_by_time JOIN people p ON p.id = r.speaker_id
       WHERE r.text LIKE @like ESCAPE '\\' AND r.deleted_at IS NULL
         AND (@from IS NULL OR r.created_at >= @from) AND (@to IS NULL OR r.created_at < @to)
         AND (@person IS NULL OR r.speaker_id = @person)
         AND (@tag IS NULL OR EXISTS (SELECT 1 FROM remark_tags t WHERE t.remark_id = r.id AND t.tag = @tag))
       ORDER BY r.created_at DESC LIMIT @limit`
    )
    .all({
      like: `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      from: filters.from ?? null,
      to: filters.to ?? null,
      person: filters.personId ?? null,
      tag: filters.tag ?? null,
      limit
    }) as { id: string; text: string }[]
}

/** Search answers as the LIKE scan did, hit by hit, snippets included; returns the hits. */
async function expectAsLike(table: Table, query: string, filters: Filters = {}, limit = 200): Promise<SearchHit[]> {
  const hits = await remarkHits(table.core, { text: query, limit, ...filters })
  const expected = likeScan(table.reader, query, filters, limit)
  expect(hits.map((hit) => hit.id), `${JSON.stringify(query)} ${JSON.stringify(filters)}`).toEqual(expected.map((row) => row.id))
  expect(hits.map((hit) => hit.snippet)).toEqual(expected.map((row) => highlight(row.text, query)))
  return hits
}

const ids = (hits: SearchHit[]): string[] => hits.map((hit) => hit.id)

describe('1–2 characters from the single-character index', () => {
  it('mixes Chinese, Latin letters, digits and symbols as LIKE did, A–Z in either case and nothing else folded', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const texts = [
      '5G基站覆盖率达到100%，Wi-Fi进村',
      '文件名是a_b.docx，路径C:\\乡村\\光伏',
      '他说“光伏”真好，AND 乡亲们 OR NOT',
      'ＡＢＣ全角字母，ａｂｃ也是',
      'Café和CAFÉ不一样，É与é',
      '𠮷野家的👍表情',
      "it's 3.5亩、7½分地"
    ]
    const written: string[] = []
    for (const text of texts) {
      table.wait(SECOND)
      written.push((await writeRemark(table, wen, text)).id)
    }
    const queries = ['5G', '5g', 'g基', '0%', '%', '_', 'a_', '\\', '\\乡', 'Wi', 'wI', 'i-', '-F', 'C:', '“光', '”真', '，']
    queries.push('ＡＢ', 'ａｂ', 'Ａ', 'é', 'É', 'Ca', 'fÉ', '𠮷', '𠮷野', '👍', "'s", '.5', '½', '、', '亩、', 'do', 'X')
    for (const query of queries) await expectAsLike(table, query)
    // The cases a tokenizer could get wrong, spelled out.
    expect(ids(await remarkHits(table.core, { text: '5g' }))).toEqual([written[0]])
    expect(ids(await remarkHits(table.core, { text: '%' }))).toEqual([written[0]])
    expect(ids(await remarkHits(table.core, { text: '，' })).sort()).toEqual(written.slice(0, 5).sort())
    expect(ids(await remarkHits(table.core, { text: 'ａｂ' }))).toEqual([written[3]])
    expect(ids(await remarkHits(table.core, { text: 'é' }))).toEqual([written[4]])
    expect(ids(await remarkHits(table.core, { text: '👍' }))).toEqual([written[5]])
  })

  it('does not join characters across a space, a tab, a line break or a full-width space', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const apart = []
    for (const text of ['光 伏', '光\t伏', '光\n伏', '光　伏', 'a b', 'a\nb']) {
      table.wait(SECOND)
      apart.push((await writeRemark(table, wen, text)).id)
    }
    table.wait(SECOND)
    const together = await writeRemark(table, wen, '光伏和ab')
    for (const query of ['光伏', 'ab', 'AB', '光', '伏', 'a', 'b']) await expectAsLike(table, query)
    expect(ids(await remarkHits(table.core, { text: '光伏' }))).toEqual([together.id])
    expect(ids(await remarkHits(table.core, { text: 'ab' }))).toEqual([together.id])
    expect(await remarkHits(table.core, { text: '伏' })).toHaveLength(apart.length - 2 + 1)
  })

  it('forgets a character that is only in a deleted remark, and finds it again when the remark is restored', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const kept = await writeRemark(table, wen, '鑫源农机的合作社')
    table.wait(SECOND)
    const deleted = await writeRemark(table, zhai, '犇犇牛业，鑫源')
    valueOf(await table.core.invoke('remarks:delete', { id: deleted.id }))
    for (const query of ['犇', '犇犇', '牛业', '鑫', '鑫源']) await expectAsLike(table, query)
    expect(await remarkHits(table.core, { text: '犇' })).toEqual([])
    expect(ids(await remarkHits(table.core, { text: '鑫源' }))).toEqual([kept.id])

    valueOf(await table.core.invoke('remarks:restore', { id: deleted.id }))
    expect(ids(await expectAsLike(table, '犇'))).toEqual([deleted.id])
    expect(ids(await expectAsLike(table, '鑫源'))).toEqual([deleted.id, kept.id])

    // Gone for good (a repair tool's DELETE, through a second connection): nothing of it stays in the index.
    withDatabase(table.file, (db) => db.prepare('DELETE FROM remarks WHERE id = ?').run(deleted.id))
    expect(await expectAsLike(table, '犇')).toEqual([])
    // Deleted, then removed: the index was already without it and stays right.
    valueOf(await table.core.invoke('remarks:delete', { id: kept.id }))
    withDatabase(table.file, (db) => db.prepare('DELETE FROM remarks WHERE id = ?').run(kept.id))
    expect(await expectAsLike(table, '鑫')).toEqual([])
  })

  it('follows an edit: the old characters are gone, the new ones found', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const remark = await writeRemark(table, wen, '猕猴桃园要扩大')
    table.wait(SECOND)
    const other = await writeRemark(table, wen, '桃花开了')
    valueOf(await table.core.invoke('remarks:update', { id: remark.id, text: '蓝莓基地要扩大' }))
    for (const query of ['猕', '猕猴', '桃', '蓝莓', '莓', '扩大']) await expectAsLike(table, query)
    expect(await remarkHits(table.core, { text: '猕' })).toEqual([])
    expect(ids(await remarkHits(table.core, { text: '桃' }))).toEqual([other.id])
    expect(ids(await remarkHits(table.core, { text: '莓' }))).toEqual([remark.id])
    // Edited while deleted (through SQL; the app refuses it): found by its new text once restored.
    valueOf(await table.core.invoke('remarks:delete', { id: remark.id }))
    withDatabase(table.file, (db) => db.prepare('UPDATE remarks SET text = ? WHERE id = ?').run('葡萄架下', remark.id))
    expect(await expectAsLike(table, '葡萄')).toEqual([])
    valueOf(await table.core.invoke('remarks:restore', { id: remark.id }))
    expect(ids(await expectAsLike(table, '葡萄'))).toEqual([remark.id])
    expect(await expectAsLike(table, '莓')).toEqual([])
  })
})

describe('many matches (more than the index fetches and sorts)', () => {
  /** 2,100 remarks written through SQL on a second connection (the triggers index them), each a minute apart. */
  function manyRemarks(table: Table, texts: (i: number) => string): void {
    withDatabase(table.file, (db) => {
      const insert = db.prepare('INSERT INTO remarks (id, session_id, speaker_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      const tag = db.prepare('INSERT INTO remark_tags (remark_id, tag) VALUES (?, ?)')
      db.transaction(() => {
        for (let i = 0; i < 2_100; i++) {
          const at = T0 + i * MINUTE
          const id = uuidv7()
          insert.run(id, table.sessionId, table.people[i % table.people.length], texts(i), at, at)
          if (i % 7 === 0) tag.run(id, '建议')
        }
      })()
    })
  }

  it('answers 1–2 characters as LIKE did, with every filter and limit', async () => {
    const table = await openTable()
    manyRemarks(table, (i) => `第${i}条：村里的${i % 3 === 0 ? '光伏' : '光 伏'}${i % 50 === 0 ? '，犇' : ''}`)
    // Deleted ones among them are not found.
    withDatabase(table.file, (db) => db.prepare(`UPDATE remarks SET deleted_at = created_at WHERE text LIKE '%5条%'`).run())
    const [wen] = table.people as [string]
    for (const query of ['村', '光伏', '光', '：', '犇', '条：']) {
      for (const filters of [{}, { personId: wen }, { tag: '建议' }, { from: T0 + 100 * MINUTE, to: T0 + 900 * MINUTE }]) {
        await expectAsLike(table, query, filters)
        await expectAsLike(table, query, filters, 3)
      }
    }
    expect(await remarkHits(table.core, { text: '村', limit: 200 })).toHaveLength(200)
  })

  it('answers 3+ characters as the trigram index does, a letter beyond A–Z in either case too', async () => {
    const table = await openTable()
    manyRemarks(table, (i) => `${i % 2 ? 'ＡＢＣ' : 'ａｂｃ'}合作社第${i}条`)
    // Trigram folds Ａ/ａ; so do both ways of reading many matches, as they do for a few.
    const upper = await remarkHits(table.core, { text: 'ＡＢＣ', limit: 200 })
    expect(upper).toHaveLength(200)
    expect(upper.map((hit) => hit.at)).toEqual([...upper.map((hit) => hit.at!)].sort((a, b) => b - a))
    expect(ids(await remarkHits(table.core, { text: 'ａｂｃ', limit: 200 }))).toEqual(ids(upper))
    const newest = ids(await remarkHits(table.core, { text: '合作社', limit: 200 }))
    expect(ids(upper)).toEqual(newest)
  })
})
