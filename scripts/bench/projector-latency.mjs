#!/usr/bin/env node
// How long from an action to the projector showing it (issue 16: p95 ≤ 100 ms; issue 4 had 200 ms).
// Starts the web bridge on a temp database with the demo session, opens the projector page in Chromium,
// then changes the speaker N times through the API and times each until the projector's DOM shows it.
// Baseline, from the same actions: the bare event round trip — the call committed and its change event
// delivered over /events to a plain EventSource in the same page, without the projector's re-read
// (live:get) and drawing. The difference is what the projector itself adds. Both are observed the same way
// (waitForFunction polling on animation frames), so the polling's own delay is in both.
import { chromium } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBridge } from './bridge.mjs'
import { entry, quantile, report } from './results.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60)
const BUDGET_MS = 100
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
  // The baseline's listener: counts the change events that reach the page.
  await page.evaluate((token) => {
    const page = globalThis
    page.benchEvents = 0
    const source = new page.EventSource(`/events?token=${token}`)
    source.onmessage = () => void (page.benchEvents += 1)
    return new Promise((resolve) => (source.onopen = resolve))
  }, bridge.token)

  const latencies = []
  const delivered = []
  for (let i = 0; i < ROUNDS; i++) {
    const segment = i % 2 === 0 ? first : second
    const seen = await page.evaluate(() => globalThis.benchEvents)
    const started = performance.now()
    await call('live:act', { sessionId: demo.id, action: { type: 'phase', segmentId: segment.id } })
    await page.waitForFunction((count) => globalThis.benchEvents > count, seen, { polling: 'raf', timeout: 5000 })
    delivered.push(performance.now() - started)
    await page.waitForFunction(
      // Runs in the page.
      (name) => globalThis.document.querySelector('[data-testid="projector-current"]')?.textContent === name,
      segment.lecturerName,
      { polling: 'raf', timeout: 5000 }
    )
    latencies.push(performance.now() - started)
  }
  const at = (q) => quantile(latencies, q)
  console.log(
    `projector latency over ${ROUNDS} actions: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (budget ${BUDGET_MS} ms); ` +
      `event delivered to the page: p50 ${quantile(delivered, 0.5).toFixed(0)} ms, p95 ${quantile(delivered, 0.95).toFixed(0)} ms`
  )
  report([entry('projector: action to screen p95', at(0.95), 'ms', { baseline: quantile(delivered, 0.95), budget: BUDGET_MS, digits: 1, note: 'vs the change event reaching the page' })])
} finally {
  await browser.close()
  bridge.child.kill()
  rmSync(dir, { recursive: true, force: true })
}
