import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

/**
 * `npm run guide:screenshots`: only tests/e2e/guide.spec.ts, which saves the user guide's screenshots to
 * docs/guide/<language>/. The normal e2e run skips that spec (it adds a minute or more and tests nothing
 * the other specs do not). The global setup builds the app first, as for every e2e run.
 *
 * The screenshots are always taken through the web bridge in Chromium, so they look the same whichever
 * machine makes them, and the archive packs can be chosen by typed paths instead of file dialogs.
 */
process.env.ROUNDTABLE_GUIDE_SCREENSHOTS = '1'
process.env.ROUNDTABLE_E2E_MODE ??= 'web'

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'guide.spec.ts',
  globalSetup: './global-setup.ts',
  // One walk per language, side by side.
  workers: 2,
  timeout: (base.timeout ?? 60_000) * 5,
  outputDir: '../../test-results'
})
