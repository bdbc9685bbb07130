import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Chromium keeps only the last of a repeated switch, and Playwright passes its own --disable-features before the
// args it is given: the list in scripts/chromium-args.json must hold Playwright's as well as ours, or it turns
// Playwright's back on (its network calls at start, PaintHolding) in the e2e suite and the benches.

/** The features Playwright's Chromium switches disable, read from the installed Playwright's own source. */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url)
  const bundle = readFileSync(join(dirname(require.resolve('playwright-core/package.json')), 'lib/coreBundle.js'), 'utf8')
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1]
  if (list === undefined) throw new Error('Playwright’s list of disabled features was not found in playwright-core/lib/coreBundle.js: see how it passes them now')
  return [...list.matchAll(/^\s*"(\w+)",?\s*$/gm)].map(([, feature]) => feature!)
}

const chromiumArgs: string[] = JSON.parse(readFileSync(join(import.meta.dirname, '../../../scripts/chromium-args.json'), 'utf8'))

describe('Chromium’s flags for the tests and benches', () => {
  const disableSwitches = chromiumArgs.filter((arg) => arg.startsWith('--disable-features='))
  const ours = (disableSwitches[0] ?? '').slice('--disable-features='.length).split(',')

  it('disable features in one switch, with the address bar’s pop-up', () => {
    expect(disableSwitches).toHaveLength(1)
    expect(ours).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']))
  })

  it('keep every feature the installed Playwright disables', () => {
    const playwright = playwrightDisabledFeatures()
    expect(playwright.length).toBeGreaterThan(5)
    expect(playwright.filter((feature) => !ours.includes(feature))).toEqual([])
  })
})
