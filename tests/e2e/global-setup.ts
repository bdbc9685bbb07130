import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CHROMIUM_PATH, e2eMode, electronBinary } from './mode'

/** Builds the app once and says, loudly, which way the specs will run. */
export default function globalSetup(): void {
  console.log(`[e2e] timeouts scaled ×${process.env.ROUNDTABLE_E2E_TIMEOUT_SCALE ?? 1} for this machine's load (ROUNDTABLE_E2E_TIMEOUT_SCALE sets it)`)
  const mode = e2eMode()
  if (mode === 'electron') {
    console.log(`\n[e2e] mode: Electron — launching the real app with ${electronBinary()}\n`)
  } else {
    console.log('\n[e2e] mode: web bridge — no Electron binary is installed, so the built renderer runs in')
    console.log(`[e2e]       Chromium (${CHROMIUM_PATH}) against the web bridge with a fresh database per test\n`)
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it: apt-get install chromium fonts-noto-cjk`)
    }
  }
  if (!process.env.ROUNDTABLE_E2E_SKIP_BUILD) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  }
}
