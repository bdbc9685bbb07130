import { afterAll, describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import i18n, { loadLanguage, resources } from '../../../src/renderer/src/i18n'
import { DOCUMENT_RESOURCES } from '../../../src/shared/i18n/document-resources'
import { DOCUMENTS_NS } from '../../../src/shared/i18n/documents'
import type { ErrorCode } from '../../../src/shared/result'

// The unit suite shares its modules between files (vitest.config.mts: isolate false): a test here switches to
// English, and the next file in this worker must find the app's default language.
afterAll(async () => {
  await i18n.changeLanguage('zh-CN')
})

type Tree = { readonly [key: string]: string | Tree }

/** Every leaf of a translation tree as `a.b.c` -> text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [p, v] of leaves(value, path)) out.set(p, v)
  }
  return out
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort()

/** i18next's plural forms: `walkIns_one` and `walkIns_other` are forms of one key, `walkIns`. */
const PLURAL = /_(zero|one|two|few|many|other)$/
const keyOf = (path: string): string => path.replace(PLURAL, '')

/** The namespaces, each in zh-CN (the source of the keys) and en: the UI's words, and the documents' (shared with core). */
const NAMESPACES: [string, Map<string, string>, Map<string, string>][] = [
  ['translation', leaves(zhCN), leaves(en as Tree)],
  [DOCUMENTS_NS, leaves(DOCUMENT_RESOURCES['zh-CN']), leaves(DOCUMENT_RESOURCES.en as Tree)]
]
const LANGUAGES: [string, Map<string, string>][] = NAMESPACES.flatMap(([ns, zh, english]): [string, Map<string, string>][] => [
  [`zh-CN ${ns}`, zh],
  [`en ${ns}`, english]
])

// ErrorCode is a type only; this object lists it for the test. A code added to ErrorCode and not here (or
// listed here and not in ErrorCode) does not typecheck, so the test below always covers every code.
const ERROR_CODE_SET: Record<ErrorCode, true> = {
  invalid_input: true,
  not_found: true,
  conflict: true,
  unknown_channel: true,
  forbidden: true,
  internal: true,
  io: true,
  unavailable: true,
  print_failed: true,
  unauthorized: true,
  network: true
}
const ERROR_CODES = Object.keys(ERROR_CODE_SET) as ErrorCode[]
// And a language without a message for a code does not typecheck either (tsconfig.web.json); the test checks the text.
const ERROR_MESSAGES: [string, Record<ErrorCode, string>][] = [
  ['zh-CN', zhCN.errors],
  ['en', en.errors]
]

describe('translations', () => {
  it.each(NAMESPACES)('%s: zh-CN and en have the same keys (a plural key in the forms each language has)', (_ns, zh, english) => {
    const zhKeys = new Set([...zh.keys()].map(keyOf))
    const enKeys = new Set([...english.keys()].map(keyOf))
    const missingInEn = [...zhKeys].filter((key) => !enKeys.has(key))
    const extraInEn = [...enKeys].filter((key) => !zhKeys.has(key))
    expect({ missingInEn, extraInEn }).toEqual({ missingInEn: [], extraInEn: [] })
    expect(zh.size).toBeGreaterThan(20)
  })

  it.each(LANGUAGES)('%s: every plural key has its _other form, and each form says {{count}}', (_language, texts) => {
    const forms = [...texts].filter(([key]) => PLURAL.test(key))
    const withoutOther = [...new Set(forms.map(([key]) => keyOf(key)))].filter((key) => !texts.has(`${key}_other`))
    const withoutCount = forms.filter(([, text]) => !placeholders(text).includes('count')).map(([key]) => key)
    expect({ withoutOther, withoutCount }).toEqual({ withoutOther: [], withoutCount: [] })
  })

  it.each(LANGUAGES)('%s has no empty or blank strings', (_language, texts) => {
    const blank = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)
    expect(blank).toEqual([])
  })

  it.each(NAMESPACES)('%s: each pair of texts uses the same {{placeholders}} (every plural form those of zh-CN)', (_ns, zh, english) => {
    const zhByKey = new Map([...zh].map(([key, text]) => [keyOf(key), text]))
    const mismatched = [...english]
      .filter(([key, text]) => zhByKey.has(keyOf(key)) && placeholders(text).join() !== placeholders(zhByKey.get(keyOf(key))!).join())
      .map(([key, text]) => ({ key, zh: zhByKey.get(keyOf(key)), en: text }))
    expect(mismatched).toEqual([])
  })

  it.each(LANGUAGES)('%s has no broken placeholders', (_language, texts) => {
    const broken = [...texts]
      .filter(([, text]) => text.replace(/\{\{\s*[\w.]+\s*\}\}/g, '').match(/\{\{|\}\}/))
      .map(([key]) => key)
    expect(broken).toEqual([])
  })

  it('the renderer registers the documents’ words core makes the documents with', async () => {
    expect(resources['zh-CN'][DOCUMENTS_NS]).toBe(DOCUMENT_RESOURCES['zh-CN'])
    expect(i18n.hasResourceBundle('en', DOCUMENTS_NS)).toBe(i18n.hasResourceBundle('en', 'translation'))
    await loadLanguage('en')
    expect(i18n.getResourceBundle('en', DOCUMENTS_NS)).toEqual(DOCUMENT_RESOURCES.en)
  })

  it('English is fetched when first needed, and then the UI’s words are English ones', async () => {
    await loadLanguage('en')
    expect(i18n.getResourceBundle('en', 'translation')).toEqual(en)
    expect(i18n.t('remarks.forLabel', { lng: 'en' })).toBe(en.remarks.forLabel)
  })

  it('the export dialog names a document with the word its file is named with', async () => {
    const turnsCsv = () => i18n.t('minutes.turnsCsv', { document: i18n.t('documents:names.turns') })
    await i18n.changeLanguage('zh-CN')
    expect([i18n.t('documents:names.record'), turnsCsv()]).toEqual(['会议记录', '发言明细（CSV 表格）'])
    await loadLanguage('en')
    await i18n.changeLanguage('en')
    expect([i18n.t('documents:names.record'), turnsCsv()]).toEqual(['Record', 'Turns (CSV table)'])
  })

  it.each(ERROR_MESSAGES)('%s has a message for every error code', (_language, messages) => {
    const missing = ERROR_CODES.filter((code) => typeof messages[code] !== 'string' || messages[code].trim() === '')
    expect(missing).toEqual([])
  })
})
