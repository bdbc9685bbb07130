import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { AppFailure } from '../../../src/core/errors'
import { ROSTER_BOUNDS } from '../../../src/core/people/roster-bounds'
import { readRosterCells } from '../../../src/core/people/roster-file'
import { rosterReaderInWorker } from '../../../src/core/people/roster-reader'
import { deflatedXlsx, hugeCellSheet, hugeSheet, paddedSheet, sheetOf } from '../../fixtures/hostile-rosters'
import { csvBase64, toBase64, xlsxBytes } from '../../fixtures/rosters'
import { errorOf, runCleanups, tempDir, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

/** The two files of the issue: 62 KB holding one 60 MB cell, and a 300 MB sheet whose zip declares ~1 KB. */
let hugeCell: Buffer
let bomb: Buffer
/** 300 MB of empty elements that declares ~1 KB: only the cap on real unpacked bytes stops it. */
let padded: Buffer
beforeAll(async () => {
  hugeCell = await deflatedXlsx(hugeCellSheet(60))
  bomb = await deflatedXlsx(hugeSheet(300), () => 1000)
  padded = await deflatedXlsx(paddedSheet(300), () => 1000)
})

async function refusalOf(read: Promise<unknown>): Promise<AppFailure> {
  try {
    await read
  } catch (error) {
    if (error instanceof AppFailure) return error
    throw error
  }
  throw new Error('expected the file to be refused')
}

describe('the bounds on a roster file', () => {
  it('refuses the 60 MB cell as soon as the cell passes the bound, and the lying 300 MB sheet by its rows', async () => {
    expect(hugeCell.length).toBeLessThan(100_000)
    expect((await refusalOf(readRosterCells(hugeCell))).issues).toMatchObject([{ path: ['contentBase64'], code: 'cell_too_long' }])
    expect(bomb.length).toBeLessThan(1_200_000)
    expect((await refusalOf(readRosterCells(bomb))).issues).toMatchObject([{ path: ['contentBase64'], code: 'too_many_rows' }])
  })

  it('stops inflating at 32 MB of real content, whatever the zip declares', async () => {
    const refusal = await refusalOf(readRosterCells(padded))
    expect(refusal.code).toBe('invalid_input')
    expect(refusal.issues).toMatchObject([{ path: ['contentBase64'], code: 'file_too_large', params: { limit: 32 } }])
  })

  it('refuses a cell longer than any roster cell, even when the file is small when unpacked', async () => {
    const file = await deflatedXlsx(hugeCellSheet(1))
    expect((await refusalOf(readRosterCells(file))).issues).toMatchObject([{ code: 'cell_too_long' }])
    const csv = Buffer.from(`姓名,备注\n李芳,${'长'.repeat(ROSTER_BOUNDS.cellBytes + 1)}\n`)
    expect((await refusalOf(readRosterCells(csv))).issues).toMatchObject([{ code: 'cell_too_long' }])
  })

  it('refuses more rows than a roster has, in .xlsx and in CSV', async () => {
    const rows = Array.from({ length: ROSTER_BOUNDS.rows + 1 }, (_, i) => [`李芳${i}`])
    const xlsx = await deflatedXlsx(sheetOf([['姓名'], ...rows]))
    expect((await refusalOf(readRosterCells(xlsx))).issues).toMatchObject([{ code: 'too_many_rows', params: { limit: ROSTER_BOUNDS.rows } }])
    const csv = Buffer.from(['姓名', ...rows.map((row) => row[0])].join('\n'))
    expect((await refusalOf(readRosterCells(csv))).issues).toMatchObject([{ code: 'too_many_rows' }])
  })

  it('reads an ordinary roster right up to the bounds', async () => {
    const rows = Array.from({ length: ROSTER_BOUNDS.rows - 1 }, (_, i) => [`李芳${i}`, '13800138000'])
    const cells = await readRosterCells(await deflatedXlsx(sheetOf([['姓名', '电话'], ...rows])))
    expect(cells).toHaveLength(ROSTER_BOUNDS.rows)
    const note = '备'.repeat(2_000)
    expect(await readRosterCells(await xlsxBytes([['姓名', '备注'], ['王芳', note]]))).toEqual([['姓名', '备注'], ['王芳', note]])
  })
})

describe('reading in a worker thread', () => {
  const workerFile = () => inject('rosterWorkerFile')

  it('refuses both hostile files while the calling thread keeps answering', async () => {
    const read = rosterReaderInWorker(workerFile())
    for (const file of [hugeCell, bomb]) {
      // The calling thread is the one that serves the window: it must never stop for the file.
      let last = Date.now()
      let longestGap = 0
      const ticker = setInterval(() => {
        longestGap = Math.max(longestGap, Date.now() - last)
        last = Date.now()
      }, 5)
      const refusal = await refusalOf(read(file)).finally(() => clearInterval(ticker))
      expect(refusal.issues?.[0]?.code).toMatch(/^(cell_too_long|too_many_rows)$/)
      expect(longestGap).toBeLessThan(1_000)
    }
  })

  it('answers with the cells of a good file, one file after another, also after a refusal', async () => {
    const read = rosterReaderInWorker(workerFile())
    const good = await xlsxBytes([['姓名', '电话'], ['李芳', 13800138000]])
    const [first, refused, second] = await Promise.allSettled([read(good), read(hugeCell), read(Buffer.from('姓名\n王芳'))])
    expect(first).toEqual({ status: 'fulfilled', value: [['姓名', '电话'], ['李芳', '13800138000']] })
    expect(refused).toMatchObject({ status: 'rejected', reason: { issues: [{ code: 'cell_too_long' }] } })
    expect(second).toEqual({ status: 'fulfilled', value: [['姓名'], ['王芳']] })
  })

  it('starts a new worker for the next file after one was stopped', async () => {
    const read = rosterReaderInWorker(workerFile(), { timeoutMs: 0, heapMb: 64, idleMs: 1_000 })
    await expect(read(Buffer.from('姓名\n王芳'))).rejects.toThrow(/took longer/)
    const patient = rosterReaderInWorker(workerFile())
    await expect(patient(Buffer.from('姓名\n王芳'))).resolves.toEqual([['姓名'], ['王芳']])
  })

  it('stops a worker that takes too long, with a refusal rather than a freeze', async () => {
    const read = rosterReaderInWorker(workerFile(), { timeoutMs: 0, heapMb: 64, idleMs: 1_000 })
    const refusal = await refusalOf(read(await xlsxBytes([['姓名'], ['李芳']])))
    expect(refusal.issues).toMatchObject([{ code: 'file_too_large' }])
    expect(refusal.message).toMatch(/took longer/)
  })

  it('treats a missing worker file as our own fault, not the file’s', async () => {
    const read = rosterReaderInWorker(join(tempDir(), 'no-such-worker.mjs'))
    await expect(read(Buffer.from('姓名\n李芳\n'))).rejects.not.toBeInstanceOf(AppFailure)
  })

  it('refuses each hostile file within 2 s and 200 MB, measured in a process of its own', () => {
    const folder = tempDir()
    for (const [name, file, code] of [
      ['huge-cell.xlsx', hugeCell, 'cell_too_long'],
      ['bomb.xlsx', bomb, 'too_many_rows'],
      ['padded.xlsx', padded, 'file_too_large']
    ] as const) {
      const path = join(folder, name)
      writeFileSync(path, file)
      // A bare Node process that only starts the worker on the file: its peak memory is the reader's.
      const script = `
        const { Worker } = require('node:worker_threads')
        const bytes = require('node:fs').readFileSync(${JSON.stringify(path)})
        const started = performance.now()
        const worker = new Worker(${JSON.stringify(workerFile())}, { resourceLimits: { maxOldGenerationSizeMb: 192 } })
        worker.postMessage({ id: 1, bytes })
        worker.once('message', (reply) => {
          const ms = performance.now() - started
          console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, reply: reply.ok ? 'read' : reply.issues[0].code }))
          process.exit(0)
        })`
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
      const figures = JSON.parse(run.stdout) as { ms: number; maxRssMb: number; reply: string }
      console.log(`[hostile roster] ${name}: refused (${figures.reply}) in ${Math.round(figures.ms)} ms, peak ${Math.round(figures.maxRssMb)} MB`)
      expect(figures.reply).toBe(code)
      expect(figures.ms).toBeLessThan(2_000)
      expect(figures.maxRssMb).toBeLessThan(200)
    }
  })
})

describe('through the import channel', () => {
  it('refuses a bomb small enough to pass the upload limit, and writes nothing', async () => {
    const core = testCore()
    const before = valueOf(await core.invoke('people:list', {}))
    const contentBase64 = toBase64(padded)
    const error = errorOf(await core.invoke('people:importPreview', { fileName: '名单.xlsx', contentBase64 }))
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['contentBase64'], code: 'file_too_large' }] })
    // An ordinary CSV still reads through the same worker; its mapping, sent with the bomb, changes nothing.
    const preview = valueOf(await core.invoke('people:importPreview', { fileName: 'a.csv', contentBase64: csvBase64('姓名,电话\n李芳,13800138000\n') }))
    expect(preview.rows).toHaveLength(1)
    const commit = errorOf(
      await core.invoke('people:importCommit', { fileName: '名单.xlsx', contentBase64, mapping: preview.mapping, onDuplicate: 'skip', skipInvalid: true })
    )
    expect(commit.issues).toMatchObject([{ code: 'file_too_large' }])
    expect(valueOf(await core.invoke('people:list', {}))).toEqual(before)
  })
})
