#!/usr/bin/env node
// Electron security review (Doyensec's electronegativity). It exits 0 whatever it finds, so we read its
// CSV and fail on any CRITICAL, HIGH or MEDIUM finding that scripts/electronegativity-allowlist.json does
// not explain, and on an allowlist entry that no longer matches a finding. LOW findings are printed for a
// human to read. `--report <csv>` gates an existing report instead of running the tool (used by its test).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const allowlist = JSON.parse(readFileSync(join(root, 'scripts/electronegativity-allowlist.json'), 'utf8')).reviewed

function runTool() {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  const report = join(dir, 'report.csv')
  // -e: our Electron major, since the tool cannot look it up offline.
  const run = spawnSync('npx', ['electronegativity', '-i', 'src', '-o', report, '-e', '45.0.0'], { cwd: root, encoding: 'utf8' })
  try {
    return readFileSync(report, 'utf8')
  } catch {
    console.error('electronegativity wrote no report:\n' + run.stdout + run.stderr)
    process.exit(1)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const flag = process.argv.indexOf('--report')
const csv = flag > 0 ? readFileSync(process.argv[flag + 1], 'utf8') : runTool()
const findings = csv
  .trim()
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [check, severity, confidence, file, location] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''))
    const path = file && file.startsWith('/') ? relative(root, file) : file
    return { check, severity, confidence, file: path?.replaceAll('\\', '/'), location }
  })

const GATED = new Set(['CRITICAL', 'HIGH', 'MEDIUM'])
const explained = (f) => allowlist.some((entry) => entry.check === f.check && entry.file === f.file)
for (const f of findings) {
  const note = GATED.has(f.severity) ? (explained(f) ? '  (reviewed: see the allowlist)' : '  <- NOT REVIEWED') : ''
  console.log(`${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location}${note}`)
}
const unexplained = findings.filter((f) => GATED.has(f.severity) && !explained(f))
const stale = allowlist.filter((entry) => !findings.some((f) => f.check === entry.check && f.file === entry.file))
for (const entry of stale) console.log(`STALE    allowlist entry ${entry.check} ${entry.file} matches no finding: remove it`)
console.log(`electronegativity: ${findings.length} findings, ${unexplained.length} MEDIUM or worse not reviewed, ${stale.length} stale allowlist entries`)
process.exit(unexplained.length === 0 && stale.length === 0 ? 0 : 1)
