#!/usr/bin/env node
// Makes a fresh checkout ready, so the README's one-line commands work on a new machine:
//   --for test : dependencies (Electron's binary download skipped), better-sqlite3 built for Node,
//                Chromium + CJK fonts and LibreOffice Writer for the tests (via apt-get when we are root).
//   --for bench: what the tests need, and pandoc (the baseline of the .docx benchmark).
//   --for web  : dependencies, better-sqlite3 for Node.
//   --for app  : dependencies with Electron's binary (falls back to none if it cannot be downloaded).
// Only Node's standard library is used here: this runs before `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = process.argv[process.argv.indexOf('--for') + 1] ?? 'test'
const say = (line) => console.log(`[setup] ${line}`)

function installedMatchesLock() {
  const lockFile = join(root, 'package-lock.json')
  const installedFile = join(root, 'node_modules', '.package-lock.json')
  if (!existsSync(installedFile)) return false
  const wanted = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {}
  const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {}
  return Object.entries(wanted).every(([path, pkg]) => path === '' || pkg.optional || installed[path]?.version === pkg.version)
}

function npmCi(skipElectronDownload) {
  say(`installing dependencies (npm ci${skipElectronDownload ? ', without the Electron binary' : ''})…`)
  const env = { ...process.env }
  if (skipElectronDownload) env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1'
  return spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env }).status === 0
}

function ensureDependencies() {
  if (installedMatchesLock()) return
  if (target === 'app') {
    if (npmCi(false)) return
    say('the Electron binary could not be downloaded; installing without it')
  }
  if (!npmCi(true)) {
    console.error('[setup] npm ci failed; see the messages above.')
    process.exit(1)
  }
}

/** better-sqlite3 is a native module: the tests and the web bridge need it built for Node. */
function ensureNativeForNode() {
  const status = spawnSync(process.execPath, [join(root, 'scripts', 'native.mjs'), 'node'], { cwd: root, stdio: 'inherit' }).status
  if (status !== 0) process.exit(1)
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto'

/**
 * Chromium and CJK fonts for the e2e suite and the PDFs; LibreOffice to lay out each .docx as an office would; for
 * the benchmarks also pandoc, which turns the same minutes into a .docx for the export's baseline.
 */
function ensureTestTools() {
  const missing = []
  if (target === 'bench' && process.platform === 'linux' && !existsSync('/usr/bin/pandoc')) missing.push('pandoc')
  if (!existsSync(CHROMIUM)) missing.push('chromium')
  if (process.platform === 'linux' && !existsSync(CJK_FONT_DIR)) missing.push('fonts-noto-cjk')
  if (process.platform === 'linux' && !existsSync('/usr/bin/soffice')) missing.push('libreoffice-writer-nogui')
  if (missing.length === 0) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`[setup] the ${target === 'bench' ? 'benchmarks' : 'tests'} need ${missing.join(' and ')}; install them (Debian: sudo apt-get install ${missing.join(' ')}), or set CHROMIUM_PATH.`)
    process.exit(1)
  }
  say(`installing ${missing.join(', ')} with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
}

ensureDependencies()
if (target !== 'app') ensureNativeForNode()
if (target === 'test' || target === 'bench') ensureTestTools()
