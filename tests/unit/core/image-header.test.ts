import { describe, expect, it } from 'vitest'
import { readImageHeader } from '../../../src/core/photos/image-header'
import { chartPng, jpegBytes, landscapeJpeg, pngBytes } from '../../fixtures/images'

/** The size of a JPEG or PNG from its header alone: what core checks before it stores a photo. */

const black = () => [0, 0, 0] as const

describe('readImageHeader', () => {
  it('reads a PNG’s IHDR', () => {
    expect(readImageHeader(chartPng(48, 32))).toEqual({ mime: 'image/png', width: 48, height: 32 })
    expect(readImageHeader(pngBytes(1, 1920, black))).toEqual({ mime: 'image/png', width: 1, height: 1920 })
  })

  it('reads a JPEG’s start of frame, past the segments before it', () => {
    expect(readImageHeader(landscapeJpeg(64, 48))).toEqual({ mime: 'image/jpeg', width: 64, height: 48 })
    expect(readImageHeader(jpegBytes(1921, 3, black))).toEqual({ mime: 'image/jpeg', width: 1921, height: 3 })
    // An EXIF segment first (as a camera writes), and fill bytes before a marker.
    const jpeg = jpegBytes(300, 200, black)
    const exif = Buffer.from([0xff, 0xe1, 0x00, 0x0a, ...Buffer.from('Exif\0\0'), 0x4d, 0x4d])
    const withExif = Buffer.concat([jpeg.subarray(0, 2), exif, Buffer.from([0xff, 0xff]), jpeg.subarray(2)])
    expect(readImageHeader(withExif)).toEqual({ mime: 'image/jpeg', width: 300, height: 200 })
  })

  it('reads a progressive JPEG (SOF2) and skips DHT (C4), which is not a frame', () => {
    const jpeg = Buffer.from(jpegBytes(40, 30, black))
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
    jpeg[sof + 1] = 0xc2
    expect(readImageHeader(jpeg)).toEqual({ mime: 'image/jpeg', width: 40, height: 30 })
    // The DHT comes after the frame here; a DHT first must not be read as a frame.
    const dht = Buffer.from([0xff, 0xc4, 0x00, 0x05, 0x00, 0x00, 0x00])
    expect(readImageHeader(Buffer.concat([jpeg.subarray(0, 2), dht, jpeg.subarray(2)]))).toEqual({ mime: 'image/jpeg', width: 40, height: 30 })
  })

  it('says unknown for what is neither (GIF, WebP, PDF, text, nothing)', () => {
    for (const text of ['GIF89a', 'RIFF\0\0\0\0WEBPVP8 ', '%PDF-1.7', 'hello', '']) expect(readImageHeader(Buffer.from(text, 'latin1'))).toBe('unknown')
  })

  it('says unreadable for a header cut short or broken, without reading past the end', () => {
    const png = chartPng()
    const jpeg = landscapeJpeg()
    for (let length = 8; length < 33; length++) expect(readImageHeader(png.subarray(0, length))).toBe('unreadable')
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
    for (let length = 3; length < sof + 9; length++) expect(readImageHeader(jpeg.subarray(0, length)), `${length} bytes`).toBe('unreadable')
    // A zero size, a chunk other than IHDR first, a segment whose length runs past the end, a scan before any frame.
    const zeroWide = Buffer.from(png)
    zeroWide.writeUInt32BE(0, 16)
    expect(readImageHeader(zeroWide)).toBe('unreadable')
    const notIhdr = Buffer.from(png)
    notIhdr.write('tEXt', 12, 'latin1')
    expect(readImageHeader(notIhdr)).toBe('unreadable')
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0x00]))).toBe('unreadable')
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toBe('unreadable')
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe('unreadable')
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02, 0x12]))).toBe('unreadable')
  })
})
