#!/usr/bin/env node
// The renderer's weight (issue 16): initial JS ≤ 600 KB minified. Reads the built renderer (npm run build):
// - initial JS: the entry script of out/renderer/index.html plus every chunk it modulepreloads (the shell);
// - first screen (#/sessions): that plus the sessions page's lazy chunk and the chunks Vite preloads with it
//   (its __vite__mapDeps list in the entry), JS and CSS;
// - all JS and all CSS. Raw and gzip. Entries (results.mjs) for initial JS and CSS, raw and gzip; only initial JS
//   raw has a budget (exit 1 when over). The first screen's figure is printed beside it for information.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { entry as result, report } from './results.mjs'

const BUDGET_KB = 600
// out/renderer, or the copy of the build run.mjs made (BENCH_OUT).
const root = resolve(process.env.BENCH_OUT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../out'), 'renderer')

let html
try {
  html = readFileSync(join(root, 'index.html'), 'utf8')
} catch {
  console.error(`No built renderer at ${root}; run npm run build first.`)
  process.exit(1)
}

/** The value of `attribute` in each tag of `html` that matches `tag`. */
const hrefs = (tag, attribute) =>
  [...html.matchAll(tag)].map((match) => match[0].match(new RegExp(`\\s${attribute}="([^"]+)"`))?.[1]).filter(Boolean)
const entry = hrefs(/<script\b[^>]*\btype="module"[^>]*>/g, 'src')
const preloaded = hrefs(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, 'href')
const stylesheets = hrefs(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, 'href')
if (entry.length === 0) {
  console.error('index.html names no module script.')
  process.exit(1)
}

const sizeOf = (file) => {
  const bytes = readFileSync(file)
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}
const total = (files) =>
  files.map(sizeOf).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), { raw: 0, gzip: 0 })
const inRoot = (href) => join(root, href.replace(/^\.?\//, ''))
const assets = readdirSync(join(root, 'assets')).map((name) => join(root, 'assets', name))

const initialFiles = [...new Set([...entry, ...preloaded])].map(inRoot)

/**
 * The files Vite loads for the lazy chunk of `module` (e.g. SessionsPage): read from the __vite__mapDeps of the
 * initial file that imports it (the entry, or a chunk the entry loads).
 */
function lazyChunkFiles(module) {
  for (const file of initialFiles.filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(file, 'utf8')
    const list = code.match(/__vite__mapDeps=[^]*?m\.f=(\[[^\]]*\])/)
    const call = code.match(new RegExp(`import\\([\`"']\\./(${module}-[\\w-]+\\.js)[\`"']\\)(?:(?!import\\()[^])*?__vite__mapDeps\\(\\[([\\d,]*)\\]\\)`))
    if (!list || !call) continue
    const deps = JSON.parse(list[1])
    return [...new Set([`./${call[1]}`, ...call[2].split(',').filter(Boolean).map((i) => deps[Number(i)])])].map((name) => join(dirname(file), name))
  }
  return null
}
// The list of sessions: 场次's routes are in the shell (shell/pages.ts), the list is a chunk of its own.
const FIRST_SCREEN = 'SessionsPage'
const firstScreenFiles = lazyChunkFiles(FIRST_SCREEN)
if (!firstScreenFiles) {
  console.error(`The entry has no lazy chunk for ${FIRST_SCREEN} (the first screen, #/sessions).`)
  process.exit(1)
}
const union = (...lists) => [...new Set(lists.flat())]
const rows = [
  { name: 'initial JS', files: initialFiles },
  { name: '#/sessions JS', files: union(initialFiles, firstScreenFiles.filter((file) => file.endsWith('.js'))) },
  { name: '#/sessions CSS', files: union(stylesheets.map(inRoot), firstScreenFiles.filter((file) => file.endsWith('.css'))) },
  { name: 'all JS', files: assets.filter((file) => file.endsWith('.js')) },
  { name: 'initial CSS', files: stylesheets.map(inRoot) },
  { name: 'all CSS', files: assets.filter((file) => file.endsWith('.css')) }
].map((row) => ({ ...row, ...total(row.files) }))

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`
console.log('renderer bundle (KB = 1000 bytes; gzip level 9)')
for (const row of rows) {
  console.log(`  ${row.name.padEnd(14)} ${String(row.files.length).padStart(3)} files  ${kb(row.raw).padStart(11)} raw  ${kb(row.gzip).padStart(10)} gzip`)
}
const [initial, firstScreen] = rows
const initialCss = rows.find((row) => row.name === 'initial CSS')
const ok = initial.raw <= BUDGET_KB * 1000
console.log(`  initial JS ${kb(initial.raw)} — budget ${BUDGET_KB} KB minified: ${ok ? 'ok' : 'OVER BUDGET'}`)
console.log(`  (for information: #/sessions loads ${kb(firstScreen.raw)} of JS once its page's chunk is in)`)
report([
  result('renderer: initial JS, minified', initial.raw / 1000, 'KB', { budget: BUDGET_KB, digits: 1, note: `${initial.files.length} files` }),
  result('renderer: initial JS, gzip', initial.gzip / 1000, 'KB', { digits: 1 }),
  result('renderer: initial CSS, minified', initialCss.raw / 1000, 'KB', { digits: 1 }),
  result('renderer: initial CSS, gzip', initialCss.gzip / 1000, 'KB', { digits: 1 })
])
