import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import type { ErrorCode } from '../../../src/shared/result'

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

const LANGUAGES: [string, Map<string, string>][] = [
  ['zh-CN', leaves(zhCN)],
  ['en', leaves(en as Tree)]
]
const zh = LANGUAGES[0]![1]
const english = LANGUAGES[1]![1]

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
  it('zh-CN and en have the same keys', () => {
    const missingInEn = [...zh.keys()].filter((key) => !english.has(key))
    const extraInEn = [...english.keys()].filter((key) => !zh.has(key))
    expect({ missingInEn, extraInEn }).toEqual({ missingInEn: [], extraInEn: [] })
    expect(zh.size).toBeGreaterThan(20)
  })

  it.each(LANGUAGES)('%s has no empty or blank strings', (_language, texts) => {
    const blank = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)
    expect(blank).toEqual([])
  })

  it('each pair of texts uses the same {{placeholders}}', () => {
    const mismatched = [...zh]
      .filter(([key, text]) => english.has(key) && placeholders(text).join() !== placeholders(english.get(key)!).join())
      .map(([key, text]) => ({ key, zh: text, en: english.get(key) }))
    expect(mismatched).toEqual([])
  })

  it.each(LANGUAGES)('%s has no broken placeholders', (_language, texts) => {
    const broken = [...texts]
      .filter(([, text]) => text.replace(/\{\{\s*[\w.]+\s*\}\}/g, '').match(/\{\{|\}\}/))
      .map(([key]) => key)
    expect(broken).toEqual([])
  })

  it.each(ERROR_MESSAGES)('%s has a message for every error code', (_language, messages) => {
    const missing = ERROR_CODES.filter((code) => typeof messages[code] !== 'string' || messages[code].trim() === '')
    expect(missing).toEqual([])
  })
})
