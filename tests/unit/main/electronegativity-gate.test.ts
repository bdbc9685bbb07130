import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCleanups, tempDir } from '../../helpers'

// The gate over electronegativity's report (the tool itself runs in npm test's own step): given a report,
// does the script pass or fail the build?
afterEach(runCleanups)

const HEADER = 'issue,severity,confidence,filename,location,sample,description,url'
const script = join(import.meta.dirname, '../../../scripts/electronegativity.mjs')

function gate(...rows: string[]): { status: number | null; output: string } {
  const report = join(tempDir(), 'report.csv')
  writeFileSync(report, [HEADER, ...rows].join('\n') + '\n')
  const run = spawnSync(process.execPath, [script, '--report', report], { encoding: 'utf8' })
  return { status: run.status, output: run.stdout + run.stderr }
}

const reviewedPreload = 'PRELOAD_JS_CHECK,MEDIUM,TENTATIVE,src/main/window.ts,35:6,sample,description,url'

describe('the electronegativity gate', () => {
  it('passes when every MEDIUM finding is in the reviewed allowlist and LOW ones are only printed', () => {
    const run = gate(reviewedPreload, 'CSP_GLOBAL_CHECK,LOW,CERTAIN,src/main/security.ts,29:6,s,d,u')
    expect(run.status).toBe(0)
    expect(run.output).toContain('0 MEDIUM or worse not reviewed')
  })

  it.each(['MEDIUM', 'HIGH', 'CRITICAL'])('fails on a %s finding nobody reviewed', (severity) => {
    const run = gate(reviewedPreload, `NODE_INTEGRATION_HTML_CHECK,${severity},CERTAIN,src/main/print.ts,20:4,s,d,u`)
    expect(run.status).toBe(1)
    expect(run.output).toContain('NOT REVIEWED')
  })

  it('fails when a reviewed entry no longer matches any finding, so the list stays true', () => {
    const run = gate('CSP_GLOBAL_CHECK,LOW,CERTAIN,src/main/security.ts,29:6,s,d,u')
    expect(run.status).toBe(1)
    expect(run.output).toContain('STALE')
  })
})
