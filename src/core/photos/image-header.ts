import type { PhotoMime } from '../../shared/photos'

/** What the first bytes of an image say: its type and size in pixels. */
export interface ImageHeader {
  mime: PhotoMime
  width: number
  height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * The type and size of a JPEG or PNG, read from its header alone (PNG: the IHDR chunk; JPEG: the first
 * start-of-frame segment). `unknown` when the bytes are neither; `unreadable` when they start like one but
 * the header is cut short or broken. Nothing is decoded, so a hostile file costs a few comparisons.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | 'unknown' | 'unreadable' {
  if (startsWith(bytes, PNG_SIGNATURE)) return readPng(bytes)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes)
  return 'unknown'
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte)
}

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at]! << 8) | bytes[at + 1]!
const u32 = (bytes: Uint8Array, at: number): number => ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!

function readPng(bytes: Uint8Array): ImageHeader | 'unreadable' {
  // Signature (8), then the first chunk must be IHDR: length 13, type, width, height (big-endian).
  if (bytes.length < 33) return 'unreadable'
  if (u32(bytes, 8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return 'unreadable'
  const width = u32(bytes, 16)
  const height = u32(bytes, 20)
  return width > 0 && height > 0 ? { mime: 'image/png', width, height } : 'unreadable'
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): C0–CF but DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

function readJpeg(bytes: Uint8Array): ImageHeader | 'unreadable' {
  let at = 2
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return 'unreadable'
    // Any number of 0xFF fill bytes may come before a marker.
    while (at < bytes.length && bytes[at] === 0xff) at++
    if (at >= bytes.length) return 'unreadable'
    const marker = bytes[at]!
    at++
    // Markers with no length: TEM, RST0–7 (and SOI again).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue
    // End of image, or the scan starting, before any frame: there is no size to read.
    if (marker === 0xd9 || marker === 0xda || at + 2 > bytes.length) return 'unreadable'
    const length = u16(bytes, at)
    if (length < 2 || at + length > bytes.length) return 'unreadable'
    if (isStartOfFrame(marker)) {
      // Length (2), sample precision (1), height (2), width (2).
      if (length < 7) return 'unreadable'
      const height = u16(bytes, at + 3)
      const width = u16(bytes, at + 5)
      return width > 0 && height > 0 ? { mime: 'image/jpeg', width, height } : 'unreadable'
    }
    at += length
  }
  return 'unreadable'
}
