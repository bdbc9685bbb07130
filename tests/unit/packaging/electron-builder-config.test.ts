import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { Configuration, NsisOptions, Packager, TargetConfiguration } from 'app-builder-lib'
import { AppInfo } from 'app-builder-lib/out/appInfo.js'
import { LangConfigurator } from 'app-builder-lib/out/targets/nsis/nsisLang.js'
import { getWindowsInstallationDirName } from 'app-builder-lib/out/targets/targetUtil.js'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { convertIcon, type IconFormat } from 'app-builder-lib/out/util/iconConverter.js'
import { expandMacro } from 'app-builder-lib/out/util/macroExpander.js'
import { Arch, DebugLogger, getArtifactArchName } from 'builder-util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// electron-builder cannot package here (it downloads Electron), so CI checks its configuration the way a
// release would read it: electron-builder.yml loaded by electron-builder's own loader, validated against
// its schema, and each decision read back through the electron-builder code that acts on it (the
// installer's languages, the Windows install folder, artifact names, where each platform's icon comes from).

const root = join(import.meta.dirname, '../../..')
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string }

let config: Configuration
let scratch: string
beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null)
  scratch = mkdtempSync(join(tmpdir(), 'roundtable-packaging-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** What electron-builder's packagers build their names from (it reads only the config and package.json). */
function appInfo(platform: 'win' | 'linux' | 'mac'): AppInfo {
  const metadata = { ...packageJson, ...config.extraMetadata }
  const info = { config, metadata, repositoryInfo: Promise.resolve(null) } as Partial<Packager> as Packager
  return new AppInfo(info, null, config[platform] ?? null)
}

const nsis = (): NsisOptions => config.nsis ?? {}
const targetsOf = (platform: 'win' | 'linux' | 'mac'): TargetConfiguration[] =>
  [config[platform]?.target ?? []].flat().map((t) => (typeof t === 'string' ? { target: t } : t))

describe('electron-builder.yml as electron-builder reads it', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('would be refused if a key were misspelt (the check can fail)', async () => {
    const misspelt = { ...config, nsis: { ...nsis(), createStartMenuShortcutt: true } } as Configuration
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/nsis/)
  })

  it('builds a Windows NSIS installer for x64, a Linux AppImage and a .deb', () => {
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(targetsOf('linux').map((t) => t.target)).toEqual(['AppImage', 'deb'])
  })

  it('is called 圆桌派, with a stable app id (Windows keys the taskbar and the installer’s GUID on it)', () => {
    expect(config.productName).toBe('圆桌派')
    expect(config.appId).toBe('cn.zhengjia.roundtable')
    expect(appInfo('win').id).toBe('cn.zhengjia.roundtable')
    expect(appInfo('win').productName).toBe('圆桌派')
  })

  it('installs Roundtable.exe into an ASCII folder on Windows', () => {
    const win = appInfo('win')
    expect(win.productFilename).toBe('Roundtable')
    expect(getWindowsInstallationDirName(win, true)).toBe('Roundtable')
  })

  it('names every artifact in ASCII', () => {
    // As the packagers do (computeArtifactName): the arch as each format spells it, then the pattern.
    const name = (pattern: string | null | undefined, platform: 'win' | 'linux', ext: string) =>
      expandMacro(pattern ?? '', getArtifactArchName(Arch.x64, ext), appInfo(platform), { ext })
    const v = packageJson.version
    expect(name(nsis().artifactName, 'win', 'exe')).toBe(`Roundtable-Setup-${v}-x64.exe`)
    expect(name(config.artifactName, 'linux', 'AppImage')).toBe(`Roundtable-${v}-x86_64.AppImage`)
    expect(name(config.artifactName, 'linux', 'deb')).toBe(`Roundtable-${v}-amd64.deb`)
  })

  it('installs per user, in Chinese, with a desktop and a Start-menu shortcut named 圆桌派', () => {
    const options = nsis()
    expect(options.oneClick).toBe(false)
    expect(options.perMachine).toBe(false)
    expect(options.selectPerMachineByDefault).not.toBe(true)
    // The installer's pages come only in the languages this yields (electron-builder's own reading).
    expect(new LangConfigurator(options).langs).toEqual(['zh_CN'])
    expect(options.language).toBe('2052')
    expect(options.createDesktopShortcut).toBe('always')
    expect(options.createStartMenuShortcut).toBe(true)
    expect(options.shortcutName).toBe('圆桌派')
  })

  it('never deletes the archive in %APPDATA% when the app is uninstalled', () => {
    expect(nsis().deleteAppDataOnUninstall).toBe(false)
  })

  it('runs as 圆桌派, and Linux can match its windows to the menu entry by an ASCII id', () => {
    expect(config.extraMetadata?.productName).toBe('圆桌派')
    expect(config.extraMetadata?.desktopName).toBe('roundtable.desktop')
    expect(config.linux?.syncDesktopName).toBe(true)
  })

  it('gives the .deb what electron-builder demands of it: a homepage and a maintainer', async () => {
    expect(await appInfo('linux').computePackageUrl()).toMatch(/^https:\/\//)
    expect(config.linux?.maintainer).toBeTruthy()
  })

  it('packs into app.asar with the hardening fuses set', () => {
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
})

// ---------------------------------------------------------------------------------------------------------
// Icons: resolved by electron-builder's icon code exactly as each packager asks for them (configured icon,
// then the build resources folder and the project), then opened to check every size is really there.

const buildResources = (): string => join(root, config.directories?.buildResources ?? 'build')

async function resolvedIcons(format: IconFormat, icon: string | null | undefined) {
  const result = await convertIcon({
    sources: icon ? [icon] : [],
    fallbackSources: [],
    roots: [buildResources(), root],
    format,
    outDir: join(scratch, format)
  })
  expect(result.isFallback).toBe(false)
  return result.icons.map((it) => ({ ...it, file: relative(root, it.file).replaceAll('\\', '/') }))
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(data.toString('latin1', 12, 16)).toBe('IHDR')
  return [data.readUInt32BE(16), data.readUInt32BE(20)]
}

/** The .ico directory: one 16-byte entry per image (a width byte of 0 means 256). */
function icoEntries(data: Buffer): { size: number; bitsPerPixel: number }[] {
  expect([data.readUInt16LE(0), data.readUInt16LE(2)]).toEqual([0, 1])
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i
    const [width, height, bitsPerPixel, bytes, offset] = [
      data[entry] || 256, data[entry + 1] || 256, data.readUInt16LE(entry + 6), data.readUInt32LE(entry + 8), data.readUInt32LE(entry + 12)
    ]
    expect(width).toBe(height)
    expect(offset + bytes).toBeLessThanOrEqual(data.length)
    return { size: width, bitsPerPixel }
  })
}

/** The .icns chunks: a 4-character type and a big-endian length that includes the 8-byte header. */
function icnsChunks(data: Buffer): Map<string, Buffer> {
  expect(data.toString('latin1', 0, 4)).toBe('icns')
  expect(data.readUInt32BE(4)).toBe(data.length)
  const chunks = new Map<string, Buffer>()
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at + 4)
    expect(length).toBeGreaterThan(8)
    chunks.set(data.toString('latin1', at, at + 4), data.subarray(at + 8, at + length))
    at += length
  }
  return chunks
}

describe('the icons the packagers pick up', () => {
  it('Windows: resources/icon.ico with 16 to 256 px, 32-bit', async () => {
    const [ico] = await resolvedIcons('ico', config.win?.icon ?? config.icon)
    expect(ico).toEqual({ file: 'resources/icon.ico', size: 256 })
    const entries = icoEntries(readFileSync(join(root, 'resources/icon.ico')))
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256])
    expect(entries.every((e) => e.bitsPerPixel === 32)).toBe(true)
  })

  it('macOS: resources/icon.icns with every size from 16 px to 512@2x', async () => {
    const [icns] = await resolvedIcons('icns', config.mac?.icon ?? config.icon)
    expect(icns?.file).toBe('resources/icon.icns')
    const chunks = icnsChunks(readFileSync(join(root, 'resources/icon.icns')))
    const pngTypes = { ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 }
    for (const [type, size] of Object.entries(pngTypes)) {
      const chunk = chunks.get(type)
      expect(chunk, type).toBeDefined()
      expect(pngSize(chunk!), type).toEqual([size, size])
    }
    // The classic 16/32 px images for Finder's list view, each with its 8-bit alpha mask.
    expect(chunks.get('s8mk')?.length).toBe(16 * 16)
    expect(chunks.get('l8mk')?.length).toBe(32 * 32)
    expect(chunks.has('is32') && chunks.has('il32')).toBe(true)
  })

  it('Linux: resources/icons/NxN.png from 16 to 512 px, each the size its name says', async () => {
    const icons = await resolvedIcons('set', config.linux?.icon ?? config.icon)
    expect(icons.map((it) => it.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512])
    for (const { file, size } of icons) {
      expect(file).toBe(`resources/icons/${size}x${size}.png`)
      expect(pngSize(readFileSync(join(root, file)))).toEqual([size, size])
    }
  })

  it('the window icon the running app loads is shipped beside app.asar', () => {
    const shipped = [config.extraResources ?? []].flat().find((it) => typeof it === 'object' && it?.to === 'icon.png')
    expect(shipped).toMatchObject({ from: 'resources/icon.png' })
    expect(pngSize(readFileSync(join(root, 'resources/icon.png')))).toEqual([256, 256])
  })
})
