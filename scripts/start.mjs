#!/usr/bin/env node
// `npm start`: builds the app and opens it in Electron. Where no Electron binary is installed
// (as on the build machines), it says so in one sentence instead of failing with a stack trace.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

function electronBinary() {
  try {
    const packageDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
if (!binary) {
  console.error(
    'Roundtable cannot start because the Electron binary is not installed; run `npm install` on a computer with internet access ' +
      '(or `node node_modules/electron/install.js`), or use `npm run serve` to open the app in a browser instead.'
  )
  process.exit(1)
}

const run = (command, args, env = process.env) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1

// better-sqlite3 must be compiled for Electron's Node ABI (the tests rebuild it for Node again).
if (run(process.execPath, [join(root, 'scripts', 'native.mjs'), 'electron']) !== 0) process.exit(1)
if (run('npx', ['electron-vite', 'build']) !== 0) process.exit(1)
process.exit(run(binary, [root, ...process.argv.slice(2)]))
