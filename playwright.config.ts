import { defineConfig } from '@playwright/test'
import { availableParallelism, loadavg } from 'node:os'

/**
 * How much slower than usual this machine runs now: ROUNDTABLE_E2E_TIMEOUT_SCALE when set, else measured
 * once by the runner (its workers inherit the figure through the environment). Two signs of a busy machine:
 * a short busy loop that gets less of a core than the time it takes (another job shares the cores), and the
 * load average per core. Only the time allowed grows; what the specs wait for stays the same.
 */
function timeoutScale(): number {
  const forced = Number(process.env.ROUNDTABLE_E2E_TIMEOUT_SCALE)
  if (Number.isFinite(forced) && forced > 0) return forced
  const started = performance.now()
  const cpu = process.cpuUsage()
  let spin = 0
  while (performance.now() - started < 200) spin += Math.sqrt(spin + 1)
  const used = process.cpuUsage(cpu)
  const wall = performance.now() - started
  const shared = wall / Math.max(1, (used.user + used.system) / 1000)
  const load = loadavg()[0]! / availableParallelism()
  // Rounded up to half steps, between 1 (a quiet machine) and 4.
  const scale = Math.min(4, Math.max(1, Math.ceil(Math.max(shared, load) * 2) / 2))
  process.env.ROUNDTABLE_E2E_TIMEOUT_SCALE = String(scale)
  return scale
}

const scale = timeoutScale()

/**
 * One set of specs, two ways to run them (tests/e2e/app.ts): the real Electron app where an Electron
 * binary is installed, otherwise the built renderer in Debian's Chromium through the web bridge.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Every spec but the user guide's screenshots (tests/e2e/guide.config.ts runs that one alone).
  testMatch: /(?<![\\/]guide)\.spec\.ts$/,
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000 * scale,
  expect: { timeout: 10_000 * scale },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results'
})
