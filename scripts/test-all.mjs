#!/usr/bin/env node
// `npm test`: typecheck, lint, vitest, then the Playwright e2e suite; every suite runs even when an
// earlier one fails, and the last line totals them all: `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const reports = mkdtempSync(join(tmpdir(), 'roundtable-test-'))
const results = []

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`)
  const started = Date.now()
  const status = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status
  return { status, seconds: ((Date.now() - started) / 1000).toFixed(1) }
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
  } catch {
    return null
  }
}

/** A check without its own test count (typecheck, lint) counts as one test. */
function single(name, command, args) {
  const { status, seconds } = run(name, 'npx', [command, ...args])
  results.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, seconds })
}

single('typecheck (node)', 'tsc', ['--noEmit', '-p', 'tsconfig.node.json'])
single('typecheck (web)', 'tsc', ['--noEmit', '-p', 'tsconfig.web.json'])
single('lint', 'eslint', ['--max-warnings', '0', '.'])
{
  const { status, seconds } = run('Electron security (electronegativity)', process.execPath, ['scripts/electronegativity.mjs'])
  results.push({ name: 'electronegativity', passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, seconds })
}

{
  const file = join(reports, 'vitest.json')
  const { status, seconds } = run('vitest (unit + integration)', 'npx', [
    'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`
  ])
  const report = readJson(file)
  const passed = report?.numPassedTests ?? 0
  const failed = (report?.numFailedTests ?? 0) + (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0)
  // A crash before any report still counts as a failure.
  results.push({ name: 'vitest', passed, failed: status !== 0 && failed === 0 ? 1 : failed, seconds })
}

{
  const file = join(reports, 'playwright.json')
  const { status, seconds } = run('e2e (Playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file
  })
  const stats = readJson(file)?.stats
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0)
  // Skipped specs count as failed: nothing may be skipped silently.
  const failed = (stats?.unexpected ?? 0) + (stats?.skipped ?? 0)
  results.push({ name: 'e2e', passed, failed: status !== 0 && failed === 0 ? 1 : failed, seconds })
}

rmSync(reports, { recursive: true, force: true })
console.log('\n=== summary ===')
for (const r of results) console.log(`${r.name.padEnd(20)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed  (${r.seconds}s)`)
const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
