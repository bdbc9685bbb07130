import { describe, expect, it } from 'vitest'
import { fitWithin, PHOTO_MAX_BASE64, PHOTO_MAX_BYTES, PHOTO_MAX_SIDE } from '../../../src/shared/photos'
import { MAX_BODY_BYTES } from '../../../src/server/bridge'

/** The arithmetic the page resizes photos with, and the limits core holds them to. */

describe('fitWithin', () => {
  it('scales the longer side down to 1920 px, keeping the proportions', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1920, height: 1440 })
    expect(fitWithin(3024, 4032)).toEqual({ width: 1440, height: 1920 })
    expect(fitWithin(4000, 4000)).toEqual({ width: 1920, height: 1920 })
    // A panorama: the short side rounds, and never to 0.
    expect(fitWithin(12_000, 1000)).toEqual({ width: 1920, height: 160 })
    expect(fitWithin(100_000, 10)).toEqual({ width: 1920, height: 1 })
    expect(fitWithin(1921, 1081)).toEqual({ width: 1920, height: 1080 })
  })

  it('never enlarges: what fits is kept as it is', () => {
    expect(fitWithin(1920, 1080)).toEqual({ width: 1920, height: 1080 })
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 })
    expect(fitWithin(1, 1)).toEqual({ width: 1, height: 1 })
  })

  it('takes another limit, and never answers more than it', () => {
    expect(fitWithin(1000, 500, 300)).toEqual({ width: 300, height: 150 })
    for (const [w, h] of [[1999, 1997], [7, 3000], [2880, 1799]] as const) {
      const fitted = fitWithin(w, h)
      expect(Math.max(fitted.width, fitted.height)).toBe(PHOTO_MAX_SIDE)
    }
  })

  it('refuses an image without a size', () => {
    expect(() => fitWithin(0, 10)).toThrow(RangeError)
    expect(() => fitWithin(Number.NaN, 10)).toThrow(RangeError)
  })
})

describe('the byte limit', () => {
  it('lets a photo’s base64, with the rest of the request, through the web bridge’s body limit', () => {
    expect(PHOTO_MAX_BASE64).toBe(Math.ceil(PHOTO_MAX_BYTES / 3) * 4)
    const request = JSON.stringify({ sessionId: '0198c6a0-0000-7000-8000-000000000000', contentBase64: 'A'.repeat(PHOTO_MAX_BASE64), caption: '说'.repeat(200) })
    expect(Buffer.byteLength(request)).toBeLessThan(MAX_BODY_BYTES)
  })
})
