import { test, expect } from '@playwright/test'
import BetterSqlite3 from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBridge, stopProcess } from './app'

/**
 * A bad database file, through the real web bridge process: one sentence in Chinese and English that
 * says what to do, exit code 2, no stack trace, and the file exactly as it was.
 */
function runBridge(databaseFile: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['out/main/server.js', '--db', databaseFile, '--port', '0', '--no-demo'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, output }))
    // A bridge that did start is a failure of the test: stop it once it says so.
    child.stdout.on('data', () => /token=/.test(output) && child.kill('SIGTERM'))
  })
}

const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

let dir = ''
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roundtable-bad-'))
})
test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

function expectSentence(result: { code: number | null; output: string }, zh: RegExp): void {
  expect(result.code, result.output).toBe(2)
  expect(result.output).toMatch(zh)
  expect(result.output).not.toMatch(/\n\s+at /) // no stack trace
}

test('a file of random bytes is not a database: said so, and left as it was', async () => {
  const file = join(dir, 'roundtable.sqlite')
  writeFileSync(file, randomBytes(64 * 1024))
  const before = hash(file)
  expectSentence(await runBridge(file), /数据库文件已损坏，或者不是圆桌派的数据库/)
  expect(hash(file)).toBe(before)
})

test('a truncated database: said so, and left as it was', async () => {
  const whole = join(dir, 'whole.sqlite')
  const db = new BetterSqlite3(whole)
  db.exec('CREATE TABLE t (x TEXT); ' + Array.from({ length: 200 }, (_, i) => `INSERT INTO t VALUES ('${'温'.repeat(200)}${i}');`).join(''))
  db.close()
  const file = join(dir, 'roundtable.sqlite')
  writeFileSync(file, readFileSync(whole).subarray(0, 3000))
  const before = hash(file)
  expectSentence(await runBridge(file), /数据库文件已损坏，或者不是圆桌派的数据库/)
  expect(hash(file)).toBe(before)
})

test('a --db in a folder that does not exist is refused, and no empty archive is made', async () => {
  const file = join(dir, 'U盘', 'roundtable.sqlite')
  expectSentence(await runBridge(file), /找不到数据库所在的文件夹/)
  expect(existsSync(join(dir, 'U盘'))).toBe(false)
})

test('a file another program holds locked: said so, and left as it was', async () => {
  const file = join(dir, 'roundtable.sqlite')
  const other = new BetterSqlite3(file)
  other.exec('CREATE TABLE t (x INTEGER)')
  other.pragma('locking_mode = EXCLUSIVE')
  other.exec('BEGIN EXCLUSIVE')
  try {
    expectSentence(await runBridge(file), /数据库正被另一个程序使用/)
  } finally {
    other.exec('ROLLBACK')
    other.close()
  }
})

test('a second process on the same archive is refused while the first runs, and may open it once the first has stopped', async () => {
  const file = join(dir, 'roundtable.sqlite')
  const first = await startBridge(file)
  try {
    expectSentence(await runBridge(file), /数据库正被另一个程序使用/)
  } finally {
    await stopProcess(first.child)
  }
  // Stopped before the folder is removed: a bridge that opens an archive backs it up in the background, and a
  // folder removed under that write is not empty when the removal ends (ENOTEMPTY on a busy machine).
  await stopProcess((await startBridge(file)).child)
})
