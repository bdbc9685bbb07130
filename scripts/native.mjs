#!/usr/bin/env node
// Builds better-sqlite3 for the runtime that will load it: `node` (tests, web bridge) or `electron`.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const runtime = process.argv[2] === 'electron' ? 'electron' : 'node'
const probeCode = "new (require('better-sqlite3'))(':memory:').close()"

function loads() {
  if (runtime === 'node') return spawnSync(process.execPath, ['-e', probeCode], { cwd: root }).status === 0
  const electron = spawnSync(process.execPath, ['-p', "require('electron')"], { cwd: root, encoding: 'utf8' }).stdout.trim()
  return spawnSync(electron, ['-e', probeCode], { cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).status === 0
}

if (!loads()) {
  console.log(`[native] building better-sqlite3 for ${runtime}…`)
  const args = runtime === 'node' ? ['rebuild', 'better-sqlite3'] : ['exec', '--', 'electron-builder', 'install-app-deps']
  const status = spawnSync('npm', args, { cwd: root, stdio: 'inherit' }).status
  if (status !== 0 || !loads()) {
    console.error(`[native] better-sqlite3 could not be built for ${runtime}.`)
    process.exit(1)
  }
}
