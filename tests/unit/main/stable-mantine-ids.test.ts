import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STABLE_MANTINE_USE_ID, stableMantineIds } from '../../../vite.renderer.config'

// The installed @mantine/hooks' use-id module, as the build reads it.
const hooksEntry = createRequire(import.meta.url).resolve('@mantine/hooks')
const useIdFile = join(dirname(hooksEntry), '..', 'esm', 'use-id', 'use-id.mjs')
const original = readFileSync(useIdFile, 'utf8')

type Transform = (this: { error: (message: string) => never }, code: string, id: string) => { code: string } | null
const transform = stableMantineIds().transform as Transform
const context = {
  error: (message: string): never => {
    throw new Error(message)
  }
}

describe('Mantine’s ids in the built renderer (stableMantineIds)', () => {
  it('replaces the installed use-id module with React’s id, and leaves every other module alone', () => {
    expect(original).toContain('setUuid(randomId())')
    expect(transform.call(context, original, useIdFile)?.code).toBe(STABLE_MANTINE_USE_ID)
    expect(STABLE_MANTINE_USE_ID).not.toMatch(/randomId|useIsomorphicEffect|useState/)
    expect(transform.call(context, original, join(dirname(useIdFile), '..', 'use-idle', 'use-idle.mjs'))).toBeNull()
  })

  it('stops the build when the module no longer swaps in a random id as it did', () => {
    const changed = original.replace('setUuid(randomId())', 'setUuid(nextId())')
    expect(() => transform.call(context, changed, useIdFile)).toThrow(/use-id\.mjs has changed/)
  })
})
