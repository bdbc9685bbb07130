import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type E2eMode = 'electron' | 'web'

/** Debian's Chromium; Playwright's own browser download does not work on the build machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * As the benches' (scripts/bench/bridge.mjs). The last flag: headless Chromium loads its address bar's pop-up, a
 * page of its own, for every new window (each test's context), ~750 ms of CPU that the app's window never spends.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
]

/** The Electron binary, if `npm install` was able to download it. */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const packageDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** ROUNDTABLE_E2E_MODE forces a mode; otherwise Electron when its binary exists. */
export function e2eMode(): E2eMode {
  const forced = process.env.ROUNDTABLE_E2E_MODE
  if (forced === 'electron' || forced === 'web') return forced
  return electronBinary() ? 'electron' : 'web'
}
