#!/usr/bin/env node
// Every icon the installers need, drawn from the one source image resources/icon.svg (`npm run icons`).
// Each size is rasterised from the vector itself rather than scaled down from one big PNG: a 16 px icon
// resampled from 1024 px loses its thin ring to blur or ringing, rendered directly it stays as sharp as
// 16 px allows. The outputs are committed, so packaging needs none of these tools; the packaging test
// runs this script into a temporary folder and checks that the committed files are what it makes.
//
//   node scripts/icons.mjs              writes into resources/
//   node scripts/icons.mjs --out DIR    writes into DIR (same names), for the test
import { Icns, IcnsImage } from '@fiahfy/icns'
import { Resvg } from '@resvg/resvg-js'
import pngToIco from 'png-to-ico'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'resources/icon.svg')

/** Linux (AppImage, .deb): a folder of NxN.png, installed into the hicolor theme by electron-builder. */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
/** Windows .ico: Explorer, the taskbar and the NSIS installer pick from these (256 for large views). */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/**
 * macOS .icns: the PNG-coded types of 10.7+ (1x and @2x up to 1024) plus the classic 16/32 px RGB + mask
 * pairs that Finder's list view still asks for.
 */
const ICNS_TYPES = [
  ['is32', 16], ['s8mk', 16], ['il32', 32], ['l8mk', 32],
  ['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic13', 256], ['ic08', 256], ['ic14', 512], ['ic09', 512], ['ic10', 1024]
]
/** The window icon the running app sets (src/main/window.ts, shipped by extraResources). */
const WINDOW_ICON_SIZE = 256

function rasterise(svg, size) {
  // No system fonts: the drawing has no text, and the output must not depend on the machine it runs on.
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng()
}

async function generateIcons(outDir) {
  const svg = readFileSync(source)
  const sizes = new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size), WINDOW_ICON_SIZE])
  const png = new Map([...sizes].map((size) => [size, rasterise(svg, size)]))

  const files = new Map()
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png.get(size))
  files.set('icon.png', png.get(WINDOW_ICON_SIZE))
  // png-to-ico stores every size as a 32-bit BMP with an AND mask: larger than PNG entries, but the one
  // form that every reader (NSIS's installer icon, rcedit, Windows 7's Explorer) accepts.
  files.set('icon.ico', await pngToIco(ICO_SIZES.map((size) => png.get(size))))
  const icns = new Icns()
  for (const [osType, size] of ICNS_TYPES) icns.append(IcnsImage.fromPNG(png.get(size), osType))
  files.set('icon.icns', icns.data)

  mkdirSync(join(outDir, 'icons'), { recursive: true })
  for (const [name, data] of files) writeFileSync(join(outDir, name), data)
  return [...files.keys()]
}

const flag = process.argv.indexOf('--out')
const outDir = flag === -1 ? join(root, 'resources') : process.argv[flag + 1]
if (!outDir) throw new Error('--out needs a folder')
const written = await generateIcons(outDir)
console.log(`${written.length} icons from ${relative(root, source)} into ${outDir}: ${written.join(', ')}`)
