import { describe, expect, it } from 'vitest'
import { documentWords, numberedSection, numberedSubsection, pageOf, sectionCounter, withAside } from '../../../src/core/minutes/labels'
import { LANGUAGES } from '../../../src/shared/domain'
import { DOCUMENT_RESOURCES } from '../../../src/shared/i18n/document-resources'

type Tree = { readonly [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`)
  )
}

const PLURAL = /_(zero|one|two|few|many|other)$/

describe('the documents’ words in core', () => {
  it.each(LANGUAGES)('%s: every text is found, each {{placeholder}} filled with what it is given', (language) => {
    const words = documentWords(language) as (key: string, values?: Record<string, string | number>) => string
    for (const [path, text] of leaves(DOCUMENT_RESOURCES[language] as Tree).filter(([path]) => !PLURAL.test(path))) {
      const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!)
      const values = Object.fromEntries(names.map((name) => [name, `<${name}>`]))
      expect(words(path, values), path).toBe(text.replace(/\{\{(\w+)\}\}/g, '<$1>'))
    }
  })

  it('picks the plural form from the count: one walk-in, two walk-ins; Chinese has one form', () => {
    const en = documentWords('en')
    const zh = documentWords('zh-CN')
    expect([1, 2].map((count) => en('attendance.walkInsIncluded', { count }))).toEqual([' (1 walk-in included)', ' (2 walk-ins included)'])
    expect([1, 2].map((count) => zh('attendance.walkInsIncluded', { count }))).toEqual(['（含列席1人）', '（含列席2人）'])
  })

  it('takes what fills a placeholder as text: no placeholder, nesting, escaping or replacement pattern in a name acts', () => {
    const w = documentWords('zh-CN')
    for (const name of ['{{time}}', '$t(names.minutes)', '<b>&amp;"\'', "$& $' $`", '张三\n李四']) {
      expect(w('record.moment', { who: name, time: '15:00' })).toBe(`${name} 15:00 发言`)
      expect(w('aside', { text: name, aside: name })).toBe(`${name}（${name}）`)
    }
  })

  it('composes the pieces shown only sometimes, and numbers the sections as each language counts', () => {
    const zh = documentWords('zh-CN')
    const en = documentWords('en')
    expect(withAside(zh, '张秀兰', '')).toBe('张秀兰')
    expect(withAside(zh, '张秀兰', '外出务工')).toBe('张秀兰（外出务工）')
    expect(withAside(en, '张秀兰', 'away')).toBe('张秀兰 (away)')
    expect([1, 8, 10, 11, 30, 31].map((n) => numberedSection(zh, n, '议程'))).toEqual(['一、议程', '八、议程', '十、议程', '十一、议程', '三十、议程', '31、议程'])
    expect([1, 11].map((n) => numberedSection(en, n, 'Agenda'))).toEqual(['1. Agenda', '11. Agenda'])
    // GB/T 9704 §7.3.3: the second level is （一）, in full-width brackets with nothing after them.
    expect([1, 12].map((n) => numberedSubsection(zh, n, '学习研讨'))).toEqual(['（一）学习研讨', '（十二）学习研讨'])
    expect(numberedSubsection(en, 2, 'Study')).toBe('(2) Study')
    const section = sectionCounter(zh)
    expect(['议程', '交流发言', '总结'].map(section)).toEqual(['一、议程', '二、交流发言', '三、总结'])
  })

  it('says where the page number and the page count stand in 第 1 页 共 3 页', () => {
    const parts = { text: (text: string) => `"${text}"`, page: 'PAGE', pages: 'PAGES' }
    expect(pageOf(documentWords('zh-CN'), parts)).toEqual(['"第 "', 'PAGE', '" 页 共 "', 'PAGES', '" 页"'])
    expect(pageOf(documentWords('en'), parts)).toEqual(['"Page "', 'PAGE', '" of "', 'PAGES', '""'])
  })
})
