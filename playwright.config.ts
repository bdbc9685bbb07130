import { defineConfig } from '@playwright/test'

/**
 * One set of specs, two ways to run them (tests/e2e/app.ts): the real Electron app where an Electron
 * binary is installed, otherwise the built renderer in Debian's Chromium through the web bridge.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results'
})
