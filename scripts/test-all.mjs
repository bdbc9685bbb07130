#!/usr/bin/env node
// `npm test`: typecheck, lint, vitest, then the Playwright e2e suite; every suite runs even when an
// earlier one fails, and the last line totals them all: `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process'
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

/**
 * The checks without a test count of their own (typecheck, lint, the security review) count as one test
 * each. Each is one single-threaded process, so they run two at a time (a core each on a 2-core machine);
 * each one's output is printed whole when it ends, under its own heading.
 */
const checks = [
  { name: 'typecheck (node)', command: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.node.json'] },
  { name: 'lint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  { name: 'typecheck (web)', command: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.web.json'] },
  { name: 'electronegativity', heading: 'Electron security (electronegativity)', command: process.execPath, args: ['scripts/electronegativity.mjs'] },
  // The app the e2e specs drive, built here beside the checks rather than alone later (not a test itself).
  { name: 'build', heading: 'build for e2e (electron-vite)', command: 'npx', args: ['electron-vite', 'build', '--logLevel', 'warn'], counted: false }
]

function runQuietly(check) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(check.command, check.args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    const done = (status) => {
      console.log(`\n=== ${check.heading ?? check.name} ===`)
      process.stdout.write(Buffer.concat(output))
      resolve({ status, seconds: ((Date.now() - started) / 1000).toFixed(1) })
    }
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`))
      done(1)
    })
    child.on('close', (status) => done(status))
  })
}

let built = false
{
  const outcomes = new Map()
  const queue = [...checks]
  const lane = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) outcomes.set(check, await runQuietly(check))
  }
  await Promise.all([lane(), lane()])
  for (const check of checks) {
    const { status, seconds } = outcomes.get(check)
    if (check.counted === false) built = status === 0
    else results.push({ name: check.name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, seconds })
  }
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
  // Built above; if that failed, the e2e global setup builds again and shows why.
  const { status, seconds } = run('e2e (Playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    ...(built ? { ROUNDTABLE_E2E_SKIP_BUILD: '1' } : {})
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
