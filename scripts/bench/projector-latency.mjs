#!/usr/bin/env node
// How long from an action to the projector showing it (budget: 200 ms, issue 4).
// Starts the web bridge on a temp database with the demo session, opens the projector page in Chromium,
// then changes the speaker N times through the API and times each until the projector's DOM shows it.
import { chromium } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH, percentile, startBridge } from './bridge.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40)
const BUDGET_MS = 200
const dir = mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const bridge = await startBridge(join(dir, 'bench.sqlite'))
const call = bridge.call

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
try {
  const [demo] = await call('sessions:list', { when: 'all' })
  const live = await call('sessions:start', { id: demo.id })
  const [first, second] = live.session.agenda.filter((segment) => segment.kind === 'study')
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.goto(`${bridge.origin}/?token=${bridge.token}#/projector/${demo.id}`)
  await page.getByTestId('projector-theme').waitFor()

  const latencies = []
  for (let i = 0; i < ROUNDS; i++) {
    const segment = i % 2 === 0 ? first : second
    const started = performance.now()
    await call('live:act', { sessionId: demo.id, action: { type: 'phase', segmentId: segment.id } })
    await page.waitForFunction(
      // Runs in the page.
      (name) => globalThis.document.querySelector('[data-testid="projector-current"]')?.textContent === name,
      segment.lecturerName,
      { polling: 'raf', timeout: 5000 }
    )
    latencies.push(performance.now() - started)
  }
  const at = (q) => percentile(latencies, q)
  const line = `projector latency over ${ROUNDS} actions: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (budget ${BUDGET_MS} ms)`
  console.log(line)
  process.exitCode = at(0.95) <= BUDGET_MS ? 0 : 1
} finally {
  await browser.close()
  bridge.child.kill()
  rmSync(dir, { recursive: true, force: true })
}
