import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../../src/core/files/file-names'

/**
 * Any code point but a lone surrogate, drawn as fast-check's `unit: 'binary'` draws it (the same index
 * over the same two ranges). The built-in unit first maps all 1.1 million code points back to indexes (to
 * slip in strings such as `__proto__`, which mean nothing to a file name): seconds of setup per run.
 */
const codePoint = fc.nat({ max: 0x10f7ff }).map((index) => String.fromCodePoint(index < 0xd800 ? index : index + 0x800))

describe('safeFileName', () => {
  it.each([
    ['示例场次 · 思想圆桌派', '示例场次 · 思想圆桌派'],
    ['乡村振兴: 第2场/总结?', '乡村振兴_ 第2场_总结_'],
    ['  多余   空格  ', '多余 空格'],
    ['...点开头和结尾. ', '点开头和结尾'],
    ['a\u0000b\nc', 'a_b_c'],
    ['', '_'],
    ['..', '_']
  ])('%j → %j', (title, expected) => {
    expect(safeFileName(title)).toBe(expected)
  })

  it('never holds a character Windows refuses, never ends in a dot or space, and stays short', () => {
    fc.assert(
      fc.property(fc.string({ unit: codePoint, maxLength: 300 }), (title) => {
        const name = safeFileName(title)
        // eslint-disable-next-line no-control-regex -- control characters are what must not be there
        expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/)
        expect(name).not.toMatch(/^[. ]|[. ]$/)
        expect([...name].length).toBeLessThanOrEqual(60)
        expect(name.length).toBeGreaterThan(0)
      })
    )
  })
})
