import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../../../src/shared/domain'
import { uuidv7 } from '../../../src/core/store/ids'
import { DAY, errorOf, HOUR, insertSession, runCleanups, T0, valueOf, withDatabase } from '../../helpers'
import {
  bruteForce,
  expectSnippetMarks,
  MINUTE,
  openTable,
  remarkHits,
  remarkRows,
  search,
  SECOND,
  writeRemark,
  type Filters,
  type Table
} from './fixtures'

/**
 * The full-text index over remarks (FTS5 trigram, external content kept by triggers) and its LIKE fallback
 * for 1–2 characters: after every kind of write — insert, edit, re-assign, soft delete, restore, a hard
 * DELETE — `search:query` finds exactly what a brute force over the remarks table finds (text contains the
 * query, not deleted, filters pass, newest first). Then the filters, the snippets, and themes.
 */

afterEach(runCleanups)

const mark = (query: string): string => `${HIGHLIGHT_START}${query}${HIGHLIGHT_END}`

/** Index queries (3+ characters) and LIKE queries (1–2), matching and not. */
const QUERIES = [
  '乡村振兴',
  '村振兴',
  '光伏',
  '乡',
  '伏',
  '腰包鼓',
  '发展',
  '主动权',
  '新发展格局',
  '光伏电站',
  '钱袋子',
  '乡亲们',
  '屋顶',
  '共同富裕'
]

/** What search finds for `query` equals the brute force, hit by hit (id, session, time, tags, snippet). */
async function expectFound(table: Table, query: string, filters: Filters = {}): Promise<SearchHit[]> {
  const hits = await remarkHits(table.core, { text: query, limit: 200, ...filters })
  const expected = bruteForce(table.reader, query, filters)
  expect(hits.map((hit) => hit.id), `search ${JSON.stringify({ query, ...filters })}`).toEqual(expected.map((row) => row.id))
  hits.forEach((hit, i) => {
    const row = expected[i]!
    expect(hit).toMatchObject({ kind: 'remark', sessionId: row.session_id, at: row.created_at })
    expect([...(hit.tags ?? [])].sort()).toEqual((JSON.parse(row.tags) as string[]).sort())
    expectSnippetMarks(hit.snippet, row.text, query)
  })
  return hits
}

async function expectAllFound(table: Table, queries = QUERIES): Promise<void> {
  for (const query of queries) {
    await expectFound(table, query)
    for (const personId of table.people) await expectFound(table, query, { personId })
  }
}

const ids = (hits: SearchHit[]): string[] => hits.map((hit) => hit.id)

describe('the remarks index through every kind of write', () => {
  it('stays right through insert, edit, re-assign, soft delete, restore and a hard DELETE', async () => {
    const table = await openTable()
    const [wen, zhai, zhang] = table.people as [string, string, string]

    // Insert
    table.wait(MINUTE)
    const r1 = await writeRemark(table, wen, '乡村振兴要靠产业,光伏板装上了屋顶,乡亲们的腰包鼓起来了', { tags: ['观点'] })
    table.wait(MINUTE)
    const r2 = await writeRemark(table, zhai, '企业要把握未来发展主动权,加快构建新发展格局', { tags: ['建议', '金句'] })
    table.wait(MINUTE)
    const r3 = await writeRemark(table, zhang, '村里的光伏电站每年给集体增收')
    table.wait(MINUTE)
    const r4 = await writeRemark(table, wen, '乡亲们盼着乡村振兴的好日子')
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '光伏' }))).toEqual([r3.id, r1.id])
    expect(ids(await remarkHits(table.core, { text: '乡村振兴' }))).toEqual([r4.id, r1.id])
    expect(ids(await remarkHits(table.core, { text: '乡' }))).toEqual([r4.id, r1.id])

    // Edit: the old words are gone from the index, the new ones are in it
    table.wait(MINUTE)
    valueOf(await table.core.invoke('remarks:update', { id: r1.id, text: '乡村振兴要靠产业,蔬菜大棚让群众的钱袋子鼓起来了' }))
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '光伏' }))).toEqual([r3.id])
    expect(ids(await remarkHits(table.core, { text: '腰包鼓' }))).toEqual([])
    expect(ids(await remarkHits(table.core, { text: '钱袋子' }))).toEqual([r1.id])

    // Re-assign: found under the new speaker, not under the old one
    valueOf(await table.core.invoke('remarks:update', { id: r3.id, speakerId: zhai }))
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '光伏电站', personId: zhai }))).toEqual([r3.id])
    expect(ids(await remarkHits(table.core, { text: '光伏电站', personId: zhang }))).toEqual([])
    expect(ids(await remarkHits(table.core, { text: '光伏', personId: zhai }))).toEqual([r3.id])
    expect(ids(await remarkHits(table.core, { text: '光伏', personId: zhang }))).toEqual([])

    // Soft delete, then restore
    valueOf(await table.core.invoke('remarks:delete', { id: r4.id }))
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '乡亲们' }))).toEqual([])
    expect(ids(await remarkHits(table.core, { text: '乡' }))).toEqual([r1.id])
    valueOf(await table.core.invoke('remarks:restore', { id: r4.id }))
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '乡亲们' }))).toEqual([r4.id])
    expect(ids(await remarkHits(table.core, { text: '乡' }))).toEqual([r4.id, r1.id])

    // Edited while deleted (through SQL: the app refuses it): found with its new text once restored, never with the old
    valueOf(await table.core.invoke('remarks:delete', { id: r4.id }))
    withDatabase(table.file, (db) => db.prepare('UPDATE remarks SET text = ? WHERE id = ?').run('乡亲们盼着共同富裕的好日子', r4.id))
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '共同富裕' }))).toEqual([])
    valueOf(await table.core.invoke('remarks:restore', { id: r4.id }))
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '共同富裕' }))).toEqual([r4.id])
    expect(ids(await remarkHits(table.core, { text: '乡村振兴' }))).toEqual([r1.id])

    // A hard DELETE through SQL (a second connection, as a repair tool would)
    withDatabase(table.file, (db) => db.prepare('DELETE FROM remarks WHERE id = ?').run(r2.id))
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '发展' }))).toEqual([])
    expect(ids(await remarkHits(table.core, { text: '新发展格局' }))).toEqual([])

    // A hard DELETE of a remark that was soft-deleted (it is not in the index) disturbs nothing
    valueOf(await table.core.invoke('remarks:delete', { id: r1.id }))
    withDatabase(table.file, (db) => db.prepare('DELETE FROM remarks WHERE id = ?').run(r1.id))
    await expectAllFound(table)

    // New remarks after all that are indexed like the first ones
    table.wait(MINUTE)
    const r5 = await writeRemark(table, zhang, '光伏进村,乡村振兴有了新动能')
    await expectAllFound(table)
    expect(ids(await remarkHits(table.core, { text: '乡村振兴' }))).toEqual([r5.id])
    expect(ids(await remarkHits(table.core, { text: '光伏' }))).toEqual([r5.id, r3.id])
    expect(remarkRows(table.reader).map((row) => row.id).sort()).toEqual([r3.id, r4.id, r5.id].sort())
  })

  it('forgets the remarks of a session deleted with SQL (the cascade runs the triggers)', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const kept = await writeRemark(table, wen, '光伏板装上了屋顶')
    const other = withDatabase(table.file, (db) => {
      const id = insertSession(db, { title: '第二场', plannedStart: T0 + DAY, plannedEnd: T0 + DAY + HOUR, status: 'live' })
      db.prepare('INSERT INTO attendance (id, session_id, person_id) VALUES (?, ?, ?)').run(uuidv7(), id, wen)
      return id
    })
    table.wait(MINUTE)
    const gone = valueOf(
      await table.core.invoke('remarks:create', { sessionId: other, speakerId: wen, text: '光伏电站给集体增收,装上了屋顶' })
    )
    expect(ids(await remarkHits(table.core, { text: '装上了屋顶' }))).toEqual([gone.id, kept.id])

    withDatabase(table.file, (db) => db.prepare('DELETE FROM sessions WHERE id = ?').run(other))

    expect(remarkRows(table.reader).map((row) => row.id)).toEqual([kept.id])
    await expectAllFound(table, [...QUERIES, '装上了屋顶', '屋'])
    expect(ids(await remarkHits(table.core, { text: '装上了屋顶' }))).toEqual([kept.id])
  })

  it('finds 1- and 2-character Chinese queries (光伏, 乡) through LIKE, as the issue asks', async () => {
    const table = await openTable()
    const [wen, zhai] = table.people as [string, string]
    const pv = await writeRemark(table, wen, '光伏')
    table.wait(SECOND)
    const light = await writeRemark(table, zhai, '光明的日子,伏天也不怕')
    table.wait(SECOND)
    const village = await writeRemark(table, zhai, '乡')
    table.wait(SECOND)
    const long = await writeRemark(table, wen, '我们村的光伏电站建成以后,乡亲们每年都有分红')

    const pvHits = await expectFound(table, '光伏')
    expect(ids(pvHits)).toEqual([long.id, pv.id])
    expect(pvHits.map((hit) => hit.snippet)).toEqual([`我们村的${mark('光伏')}电站建成以后,乡亲们每年都有分红`, mark('光伏')])

    const villageHits = await expectFound(table, '乡')
    expect(ids(villageHits)).toEqual([long.id, village.id])
    expect(villageHits[0]!.snippet).toContain(`,${mark('乡')}亲们`)

    expect(ids(await expectFound(table, '光'))).toEqual([long.id, light.id, pv.id])
    expect(ids(await expectFound(table, '伏天'))).toEqual([light.id])
    expect(ids(await expectFound(table, '分红'))).toEqual([long.id])
    expect(ids(await expectFound(table, '伏乡'))).toEqual([])
    // The same words as 3+ characters go through the index and agree
    expect(ids(await expectFound(table, '光伏电'))).toEqual([long.id])
    expect(ids(await expectFound(table, '乡亲们'))).toEqual([long.id])
  })

  it('takes %, _, \\, quotes and FTS5 syntax in a query literally', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    await writeRemark(table, wen, '覆盖率达到100%了')
    table.wait(SECOND)
    await writeRemark(table, wen, '文件名是a_b.docx')
    table.wait(SECOND)
    await writeRemark(table, wen, '他说"光伏"真好 AND 乡亲们 OR NOT')
    table.wait(SECOND)
    await writeRemark(table, wen, '路径C:\\乡村\\光伏*')
    table.wait(SECOND)
    await writeRemark(table, wen, '光伏好')

    for (const query of ['%', '_', '\\', '"', '0%', 'a_', '"光伏"', '光伏"', 'AND', 'OR NOT', '光伏*', '\\光伏*', 'NEAR(光伏)', '乡亲们 OR']) {
      await expectFound(table, query)
    }
    expect(await remarkHits(table.core, { text: '%' })).toHaveLength(1)
    expect(await remarkHits(table.core, { text: '"光伏"' })).toHaveLength(1)
  })

  it('marks the query in the snippet, for index and LIKE queries, at the start, middle and end of long remarks', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const filler = '大家围坐在一起畅所欲言,话筒被依次传递,掌声一阵接一阵。'
    const texts = [`乡村振兴${filler}${filler}`, `${filler}${filler}乡村振兴${filler}${filler}`, `${filler}${filler}乡村振兴`]
    for (const text of texts) {
      table.wait(SECOND)
      await writeRemark(table, wen, text)
    }
    for (const query of ['乡村振兴', '振兴', '兴', '村振兴', '掌声']) {
      const hits = await expectFound(table, query)
      expect(hits.length).toBeGreaterThan(0)
      for (const hit of hits) expect(hit.snippet).toContain(mark(query))
    }
    const [end, middle, start] = await remarkHits(table.core, { text: '乡村振兴' })
    expect(start!.snippet.startsWith(mark('乡村振兴'))).toBe(true)
    expect(middle!.snippet).toMatch(/^….*…$/u)
    expect(end!.snippet.endsWith(mark('乡村振兴'))).toBe(true)
  })

  it('marks the whole match where the snippet window ends inside it', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const filler = '大家围坐在一起畅所欲言,话筒被依次传递,掌声一阵接一阵。'
    await writeRemark(table, wen, `${filler}乡村振兴${filler}`)
    // FTS5 cuts its 24-token window at 「…传递,掌声一阵接一」 and marks 「掌声一阵接一」: not what was searched for
    const [hit] = await expectFound(table, '掌声一阵接一阵')
    expect(hit!.snippet).toContain(mark('掌声一阵接一阵'))
  })

  it('marks a long query whole (queries may have up to 100 characters)', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const sentence = '加快构建以国内大循环为主体、国内国际双循环相互促进的新发展格局,把握未来发展主动权'
    await writeRemark(table, wen, `我们要${sentence}。`)
    const [hit] = await expectFound(table, sentence)
    expect(hit!.snippet).toContain(mark(sentence))
  })
})

describe('search filters', () => {
  it('keeps remarks written from `from` (inclusive) to `to` (exclusive), by when they were written', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const at = [T0 + 10 * MINUTE, T0 + HOUR, T0 + 2 * HOUR - 1, T0 + 2 * HOUR, T0 + DAY]
    const written: string[] = []
    for (const when of at) {
      table.clock.now = when
      written.push((await writeRemark(table, wen, `光伏板装上了屋顶 ${when - T0}`)).id)
    }
    const [tenMinutes, oneHour, justBeforeTwo, twoHours, nextDay] = written as [string, string, string, string, string]
    const cases: [Filters, string[]][] = [
      [{ from: T0 + HOUR, to: T0 + 2 * HOUR }, [justBeforeTwo, oneHour]],
      [{ from: T0 + HOUR }, [nextDay, twoHours, justBeforeTwo, oneHour]],
      [{ to: T0 + HOUR }, [tenMinutes]],
      [{ from: T0 + HOUR + 1, to: T0 + 2 * HOUR + 1 }, [twoHours, justBeforeTwo]],
      [{ from: T0 + 2 * HOUR, to: T0 + 2 * HOUR }, []],
      [{ from: T0 + DAY + 1 }, []],
      [{}, [nextDay, twoHours, justBeforeTwo, oneHour, tenMinutes]]
    ]
    for (const [filters, expected] of cases) {
      for (const query of ['光伏', '光伏板装上', '屋']) {
        expect(ids(await expectFound(table, query, filters)), `${query} ${JSON.stringify(filters)}`).toEqual(expected)
      }
    }
  })

  it('filters by speaker and by tag, and then returns remarks only', async () => {
    const table = await openTable({ names: ['温乐义', '翟自恩', '赵振兴'] })
    const [wen, zhai, zhao] = table.people as [string, string, string]
    valueOf(await table.core.invoke('themes:create', { title: '全面推进乡村振兴', description: '乡村振兴与光伏产业' }))
    withDatabase(table.file, (db) =>
      insertSession(db, { title: '乡村振兴专题圆桌派', plannedStart: T0 + DAY, plannedEnd: T0 + DAY + HOUR, venue: '乡村振兴讲习所' })
    )
    const a = await writeRemark(table, wen, '乡村振兴要靠产业', { tags: ['观点'] })
    table.wait(SECOND)
    const b = await writeRemark(table, zhai, '乡村振兴要靠人才', { tags: ['建议', '金句'] })
    table.wait(SECOND)
    const c = await writeRemark(table, wen, '振兴乡村,人人有责', { tags: ['金句'], starred: true })
    table.wait(SECOND)
    const d = await writeRemark(table, zhao, '我叫赵振兴')

    for (const query of ['振兴', '乡村振兴', '兴']) {
      const all = await search(table.core, { text: query })
      expect(new Set(all.map((hit) => hit.kind)), query).toEqual(new Set(['remark', 'session', 'theme', ...(query === '乡村振兴' ? [] : ['person'])]))
      for (const filters of [{ personId: wen }, { personId: zhai }, { personId: zhao }, { tag: '金句' }, { tag: '观点' }, { tag: '承诺' }, { personId: wen, tag: '金句' }]) {
        const hits = await search(table.core, { text: query, ...filters })
        expect(hits.every((hit) => hit.kind === 'remark'), `${query} ${JSON.stringify(filters)}`).toBe(true)
        await expectFound(table, query, filters)
      }
    }
    expect(ids(await remarkHits(table.core, { text: '振兴', personId: wen }))).toEqual([c.id, a.id])
    expect(ids(await remarkHits(table.core, { text: '振兴', personId: zhao }))).toEqual([d.id])
    expect(ids(await remarkHits(table.core, { text: '振兴', tag: '金句' }))).toEqual([c.id, b.id])
    expect(ids(await remarkHits(table.core, { text: '乡村振兴', tag: '金句' }))).toEqual([b.id])
    expect(ids(await remarkHits(table.core, { text: '振兴', personId: wen, tag: '金句' }))).toEqual([c.id])
    expect(await search(table.core, { text: '振兴', tag: '承诺' })).toEqual([])

    // Re-tagged: the tag filter follows
    valueOf(await table.core.invoke('remarks:update', { id: b.id, tags: ['建议'] }))
    expect(ids(await expectFound(table, '振兴', { tag: '金句' }))).toEqual([c.id])
  })

  it('puts remark hits first, newest first, then sessions, themes and people', async () => {
    const table = await openTable({ names: ['温乐义', '光伏站长'] })
    const [wen] = table.people as [string]
    valueOf(await table.core.invoke('themes:create', { title: '光伏进村' }))
    withDatabase(table.file, (db) => insertSession(db, { title: '光伏专题', plannedStart: T0 + DAY, plannedEnd: T0 + DAY + HOUR }))
    const first = await writeRemark(table, wen, '光伏板')
    table.wait(SECOND)
    const second = await writeRemark(table, wen, '光伏电站')
    const hits = await search(table.core, { text: '光伏' })
    expect(hits.map((hit) => [hit.kind, hit.title])).toEqual([
      ['remark', '温乐义'],
      ['remark', '温乐义'],
      ['session', '光伏专题'],
      ['theme', '光伏进村'],
      ['person', '光伏站长']
    ])
    expect(ids(hits.slice(0, 2))).toEqual([second.id, first.id])
  })

  it('respects the limit, keeping the newest remarks', async () => {
    const table = await openTable()
    const [wen] = table.people as [string]
    const written: string[] = []
    for (let i = 0; i < 8; i++) {
      table.wait(SECOND)
      written.push((await writeRemark(table, wen, `第${i}条:光伏板装上了屋顶`)).id)
    }
    const newest = written.slice(-3).reverse()
    expect(ids(await remarkHits(table.core, { text: '光伏', limit: 3 }))).toEqual(newest)
    expect(ids(await remarkHits(table.core, { text: '光伏板装', limit: 3 }))).toEqual(newest)
  })

  it('orders remarks by when they were written, even when they were stored out of that order', async () => {
    // An archive merged from a second laptop (DESIGN §3), or a clock corrected backwards: rows arrive in
    // another order than their times. "Newest first" is about the time shown with each hit.
    const table = await openTable()
    const [wen] = table.people as [string]
    table.clock.now = T0 + 2 * HOUR
    const later = await writeRemark(table, wen, '光伏电站建成了')
    table.clock.now = T0 + HOUR
    const earlier = await writeRemark(table, wen, '光伏电站在规划')
    for (const query of ['光伏', '光伏电站']) {
      const hits = await remarkHits(table.core, { text: query })
      expect(hits.map((hit) => hit.at)).toEqual([T0 + 2 * HOUR, T0 + HOUR])
      expect(ids(hits)).toEqual([later.id, earlier.id])
    }
  })

  it('refuses an empty query and a limit out of range', async () => {
    const table = await openTable()
    expect(errorOf(await table.core.invoke('search:query', { text: '   ' })).code).toBe('invalid_input')
    expect(errorOf(await table.core.invoke('search:query', { text: '光伏', limit: 0 })).code).toBe('invalid_input')
    expect(errorOf(await table.core.invoke('search:query', { text: '光伏', limit: 201 })).code).toBe('invalid_input')
    expect(errorOf(await table.core.invoke('search:query', { text: '光伏', personId: 'nobody' })).code).toBe('invalid_input')
  })
})

describe('themes in the index', () => {
  it('finds themes by title, description and materials, by the index and by LIKE, and follows edits and deletes', async () => {
    const table = await openTable()
    const themeHits = async (text: string): Promise<SearchHit[]> => (await search(table.core, { text })).filter((hit) => hit.kind === 'theme')
    const growth = valueOf(
      await table.core.invoke('themes:create', {
        title: '加快构建新发展格局',
        description: '把握未来发展主动权',
        materials: '学习材料:全面推进乡村振兴,发展光伏产业'
      })
    )
    const pv = valueOf(await table.core.invoke('themes:create', { title: '光伏进村', description: '屋顶光伏与集体增收' }))

    const expectThemes = async (text: string, expected: string[], field?: string): Promise<void> => {
      const hits = await themeHits(text)
      expect(hits.map((hit) => hit.id).sort(), text).toEqual([...expected].sort())
      for (const hit of hits) {
        expect(hit.snippet, text).toContain(mark(text))
        if (field !== undefined) expect(hit.snippet.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_END).join('')).toContain(field)
      }
    }
    // The index (3+ characters): title, description, materials
    await expectThemes('新发展格局', [growth.id], '加快构建新发展格局')
    await expectThemes('未来发展', [growth.id], '把握未来发展主动权')
    await expectThemes('全面推进乡村', [growth.id])
    await expectThemes('集体增收', [pv.id])
    await expectThemes('光伏产业', [growth.id])
    await expectThemes('共同富裕', [])
    // LIKE (1–2 characters)
    await expectThemes('光伏', [growth.id, pv.id])
    await expectThemes('格局', [growth.id])
    await expectThemes('振兴', [growth.id])
    await expectThemes('屋', [pv.id])
    await expectThemes('富', [])

    // Edit: the old title is gone from the index, the new one found; unchanged fields still found
    valueOf(
      await table.core.invoke('themes:update', {
        id: growth.id,
        title: '扎实推动共同富裕',
        description: '把握未来发展主动权',
        materials: '学习材料:全面推进乡村振兴'
      })
    )
    await expectThemes('新发展格局', [])
    await expectThemes('格局', [])
    await expectThemes('共同富裕', [growth.id], '扎实推动共同富裕')
    await expectThemes('富', [growth.id])
    await expectThemes('未来发展', [growth.id])
    await expectThemes('光伏产业', [])
    await expectThemes('光伏', [pv.id])

    // Delete
    valueOf(await table.core.invoke('themes:delete', { id: pv.id }))
    await expectThemes('光伏进村', [])
    await expectThemes('集体增收', [])
    await expectThemes('光伏', [])
    await expectThemes('未来发展', [growth.id])
  })
})

// ---------------------------------------------------------------------------------------------------------
// The property: random writes over a small alphabet of words; search always equals the brute force.

const WORDS = ['乡村振兴', '光伏', '乡亲', '发展', '主动权', '腰包', '新格局', '村', '振兴乡村']

type Op =
  | { kind: 'create'; speaker: number; words: number[]; tags: boolean[] }
  | { kind: 'edit'; which: number; words: number[] }
  | { kind: 'reassign'; which: number; speaker: number }
  | { kind: 'delete'; which: number }
  | { kind: 'restore'; which: number }
  | { kind: 'hardDelete'; which: number }

const TAGS = ['观点', '建议', '金句']
const words = fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 4 })
const which = fc.nat(50)
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), speaker: fc.nat(2), words, tags: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), which, words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reassign' as const), which, speaker: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), which }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), which }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hardDelete' as const), which }) }
)

/** Queries of 1 to 4 characters cut out of two words side by side (so some cross a word boundary). */
const query = fc
  .tuple(fc.nat(WORDS.length - 1), fc.nat(WORDS.length - 1), fc.nat(7), fc.integer({ min: 1, max: 4 }))
  .map(([a, b, start, length]) => {
    const chars = [...`${WORDS[a]}${WORDS[b]}`]
    const from = Math.min(start, chars.length - length)
    return chars.slice(Math.max(0, from), Math.max(0, from) + length).join('')
  })

/** A fixed query of every length, so each run checks both paths whatever the random ones are. */
const FIXED_QUERIES = ['乡', '光伏', '主动权', '乡村振兴', '兴光', '伏乡亲', '格局村', '富']

describe('property: the index equals the brute force after random writes', () => {
  it('for queries of 1, 2, 3 and 4 characters, with and without a speaker or tag filter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.array(query, { minLength: 2, maxLength: 4 }), async (ops, randomQueries) => {
        await runCleanups()
        const table = await openTable()
        const queries = [...FIXED_QUERIES, ...randomQueries]
        const alive: string[] = []
        const text = (indices: number[]): string => indices.map((i) => WORDS[i]!).join(',')
        for (const [step, operation] of ops.entries()) {
          table.wait(SECOND)
          const target = alive.length > 0 ? alive[('which' in operation ? operation.which : 0) % alive.length]! : null
          switch (operation.kind) {
            case 'create':
              alive.push(
                (
                  await writeRemark(table, table.people[operation.speaker]!, text(operation.words), {
                    tags: TAGS.filter((_, i) => operation.tags[i])
                  })
                ).id
              )
              break
            // A deleted remark is read-only (the app refuses the edit); the index must not change either way.
            case 'edit':
              if (target) await table.core.invoke('remarks:update', { id: target, text: text(operation.words) })
              break
            case 'reassign':
              if (target) await table.core.invoke('remarks:update', { id: target, speakerId: table.people[operation.speaker]! })
              break
            case 'delete':
              if (target) valueOf(await table.core.invoke('remarks:delete', { id: target }))
              break
            case 'restore':
              if (target) valueOf(await table.core.invoke('remarks:restore', { id: target }))
              break
            case 'hardDelete':
              if (target) {
                withDatabase(table.file, (db) => db.prepare('DELETE FROM remarks WHERE id = ?').run(target))
                alive.splice(alive.indexOf(target), 1)
              }
              break
          }
          for (const q of queries) await expectFound(table, q)
          // One filtered search per step, rotating through the speakers and tags
          const q = queries[step % queries.length]!
          await expectFound(table, q, { personId: table.people[step % table.people.length]! })
          await expectFound(table, q, { tag: TAGS[step % TAGS.length]! })
        }
      }),
      { numRuns: 50 }
    )
  })
})
