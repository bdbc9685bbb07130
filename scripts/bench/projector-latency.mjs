#!/usr/bin/env node
// How long from an action to the projector showing it (budget: 200 ms, issue 4).
// Starts the web bridge on a temp database with the demo session, opens the projector page in Chromium,
// then changes the speaker N times through the API and times each until the projector's DOM shows it.
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40)
const BUDGET_MS = 200
const dir = mkdtempSync(join(tmpdir(), 'roundtable-bench-'))
const server = spawn(process.execPath, ['out/main/server.js', '--db', join(dir, 'bench.sqlite'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((resolve, reject) => {
  let output = ''
  server.stdout.on('data', (chunk) => {
    output += chunk
    const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(output)
    if (match) resolve({ origin: match[1], token: match[2] })
  })
  server.on('exit', () => reject(new Error('the web bridge did not start; run npm run build first')))
})
const call = async (channel, input) => {
  const response = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.token}` },
    body: JSON.stringify(input)
  })
  const result = await response.json()
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
try {
  const [demo] = await call('sessions:list', { when: 'all' })
  const live = await call('sessions:start', { id: demo.id })
  const [first, second] = live.session.agenda.filter((segment) => segment.kind === 'study')
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.goto(`${url.origin}/?token=${url.token}#/projector/${demo.id}`)
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
  latencies.sort((a, b) => a - b)
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  const line = `projector latency over ${ROUNDS} actions: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (budget ${BUDGET_MS} ms)`
  console.log(line)
  process.exitCode = at(0.95) <= BUDGET_MS ? 0 : 1
} finally {
  await browser.close()
  server.kill()
  rmSync(dir, { recursive: true, force: true })
}
