import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The committed icons must be what `npm run icons` makes from resources/icon.svg today: an edited drawing
// without regenerated icons, or an icon edited by hand, fails here. The script runs into a temporary
// folder (rasterising is deterministic: same SVG, same bytes) and every file is compared with its twin.

const root = join(import.meta.dirname, '../../..')
const resources = join(root, 'resources')
const out = mkdtempSync(join(tmpdir(), 'roundtable-icons-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Every file under dir, as paths relative to it ('icons/16x16.png'). */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replaceAll('\\', '/'))
    .sort()

describe('npm run icons', () => {
  it('makes exactly the icons committed in resources/ from resources/icon.svg', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/icons.mjs'), '--out', out], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)

    const made = filesUnder(out)
    expect(made).toEqual(expect.arrayContaining(['icon.ico', 'icon.icns', 'icon.png', 'icons/16x16.png', 'icons/512x512.png']))
    // Nothing stale beside them: every committed icon is one the script makes (the SVG is the source).
    expect(filesUnder(resources).filter((file) => file !== 'icon.svg')).toEqual(made)
    for (const file of made) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join(resources, file)))
      expect(same, `resources/${file} differs from what the script makes; run \`npm run icons\` and commit`).toBe(true)
    }
  })
})
