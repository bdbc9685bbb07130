#!/usr/bin/env node
// Electron security review (Doyensec's electronegativity). It exits 0 whatever it finds, so we read its
// CSV and fail on any HIGH or CRITICAL finding. LOW and MEDIUM findings are printed for a human to read.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const report = join(dir, 'report.csv')
// -e: our Electron major, since the tool cannot look it up offline.
const run = spawnSync('npx', ['electronegativity', '-i', 'src', '-o', report, '-e', '45.0.0'], { encoding: 'utf8' })
let rows
try {
  rows = readFileSync(report, 'utf8').trim().split('\n').slice(1)
} catch {
  console.error('electronegativity wrote no report:\n' + run.stdout + run.stderr)
  process.exit(1)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const findings = rows.map((line) => {
  const [check, severity, confidence, file, location] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''))
  return { check, severity, confidence, file: file?.replace(process.cwd() + '/', ''), location }
})
for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location}`)
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')
console.log(`electronegativity: ${findings.length} findings, ${serious.length} HIGH or CRITICAL`)
process.exit(serious.length === 0 ? 0 : 1)
