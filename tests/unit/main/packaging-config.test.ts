import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// electron-builder cannot package on the build machines (it downloads Electron), so its configuration
// is checked here instead: loaded and validated by electron-builder's own schema, and held to our rules.
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string, fromOptions: null) => Promise<Record<string, unknown>>
  validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const root = join(import.meta.dirname, '../../..')
const load = () => getConfig(root, join(root, 'electron-builder.yml'), null)

describe('the packaging configuration (electron-builder.yml)', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('would be refused by that schema if it were wrong (the check can fail)', async () => {
    const config = { ...(await load()), electronFuses: { runAsNode: 'no' } }
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/electronFuses/)
  })

  it('sets the hardening fuses the issue asks for', async () => {
    const config = await load()
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('packs the built app and the native database module', async () => {
    const config = await load()
    // electron-builder normalises the list into filter sets.
    expect(JSON.stringify(config.files)).toContain('"out/**"')
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.appId).toBe('cn.zhengjia.roundtable')
  })
})
