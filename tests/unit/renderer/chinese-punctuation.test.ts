import { describe, expect, it } from 'vitest'
import { documentsZhCN } from '../../../src/shared/i18n/documents-zh-CN'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

type Tree = { readonly [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === 'string' ? [[path, value] as [string, string]] : leaves(value, path)
  })
}

/**
 * Chinese text takes full-width punctuation (：，（）；？！): an ASCII mark beside a Chinese character
 * is refused. Marks between Latin letters or digits (14:30, Ctrl+J, .xlsx) are left alone.
 */
const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”]'
const ASCII_BESIDE_CJK = new RegExp(`${CJK}[:,;()?!]|[:,;()?!]${CJK}`)

describe('Chinese punctuation', () => {
  it.each([
    ['the app (zh-CN)', zhCN],
    ['the documents (documents namespace, zh-CN)', documentsZhCN]
  ])('%s uses full-width marks next to Chinese characters', (_name, words) => {
    const wrong = leaves(words as Tree).filter(([, text]) => ASCII_BESIDE_CJK.test(text))
    expect(wrong.map(([path, text]) => `${path}: ${text}`)).toEqual([])
  })

  it('the check catches the marks it is about', () => {
    for (const text of ['主题:乡村振兴', '应到12人,实到11人', '张秀兰(外出务工)', '谁?', '(负责人', '结束;']) {
      expect(ASCII_BESIDE_CJK.test(text), text).toBe(true)
    }
    for (const text of ['14:30', 'Ctrl+J', '主题：乡村振兴', 'Excel（.xlsx）', '{{count}} 人']) {
      expect(ASCII_BESIDE_CJK.test(text), text).toBe(false)
    }
  })
})
