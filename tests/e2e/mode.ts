import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type E2eMode = 'electron' | 'web'

/** Debian's Chromium; Playwright's own browser download does not work on the build machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Chromium's flags for the e2e specs, the PDF checks and the benches (scripts/chromium-args.json, one list for
 * all). `--disable-features` is given once: Chromium keeps only the last of a repeated switch, and Playwright
 * passes its own list before ours, so ours holds Playwright's (1.65; tests/unit/packaging/chromium-args.test.ts
 * fails when Playwright's changes) and two more: headless Chromium loads its address bar's pop-up, a page of its
 * own, for every new window (each test's context, each bench load), ~750 ms of CPU that the app's window never
 * spends (WebUIOmniboxPopup, WebUIOmniboxAimPopup).
 */
export const CHROMIUM_ARGS: string[] = JSON.parse(readFileSync(new URL('../../scripts/chromium-args.json', import.meta.url), 'utf8'))

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
