import i18next from 'i18next'
import type { Language } from '../../shared/domain'
import { DOCUMENT_RESOURCES } from '../../shared/i18n/document-resources'
import { DOCUMENTS_NS, type DocumentWords } from '../../shared/i18n/documents'

export type { DocumentWords } from '../../shared/i18n/documents'

/**
 * Core's own i18next, with only the documents' words (src/shared/i18n): the documents are made in the
 * language of the settings, whatever language a window shows. Initialised at once, with no backend.
 */
const documents = i18next.createInstance()
void documents.init({
  resources: Object.fromEntries(Object.entries(DOCUMENT_RESOURCES).map(([language, words]) => [language, { [DOCUMENTS_NS]: words }])),
  ns: [DOCUMENTS_NS],
  defaultNS: DOCUMENTS_NS,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  initAsync: false,
  // The documents escape for their own format (print-html); names and remarks go in as typed.
  interpolation: { escapeValue: false }
})

/**
 * The documents' words in `language`. What fills a {{placeholder}} is taken as text, never as a key or a placeholder.
 *
 * A document asks for a few hundred words (each speaker's name with their village, each numbered item), and
 * each t() copies i18next's options and scans the text with its regular expressions: the texts are looked up
 * once per language instead, and a text with plain {{placeholders}} is filled by splitting it, as i18next fills
 * it. i18next still chooses the plural form (a `count`) and fills any text that wants more (nesting, formats).
 */
export function documentWords(language: Language): DocumentWords {
  let words = wordsByLanguage.get(language)
  if (!words) wordsByLanguage.set(language, (words = wordsIn(language)))
  return words
}

const wordsByLanguage = new Map<Language, DocumentWords>()

/** A text split at its placeholders: literal, name, literal, name, …, literal. */
type Template = readonly string[]
const PLACEHOLDER = /\{\{(\w+)\}\}/
/** What i18next would do more with than fill a {{name}}: nesting ($t(…)), a format or a prefix ({{- name}}, {{n, number}}). */
const MORE_THAN_PLACEHOLDERS = /\$t\(|\{\{(?!\w+\}\})/

function wordsIn(language: Language): DocumentWords {
  const t = documents.getFixedT(language, DOCUMENTS_NS)
  // null: a text i18next fills itself.
  const templates = new Map<string, Template | null>()
  const templateOf = (key: string): Template | null => {
    let template = templates.get(key)
    if (template === undefined) {
      const text: unknown = t(key, { skipInterpolation: true })
      template = typeof text === 'string' && !MORE_THAN_PLACEHOLDERS.test(text) ? text.split(PLACEHOLDER) : null
      templates.set(key, template)
    }
    return template
  }
  return (key, ...values) => {
    const replace: Record<string, string | number> = values[0] ?? {}
    if (typeof replace.count === 'number') return t(key, { replace, count: replace.count })
    const template = templateOf(key)
    if (!template) return t(key, { replace })
    let text = template[0]!
    for (let i = 1; i < template.length; i += 2) {
      const value = replace[template[i]!]
      // A value not given leaves its placeholder, as i18next does.
      text += (value === undefined ? `{{${template[i]}}}` : String(value)) + template[i + 1]!
    }
    return text
  }
}

/** Whether `key` is one of `texts`' keys (a record section, a mark), so that it can be looked up. */
export const isKeyOf = <T extends object>(texts: T, key: string): key is keyof T & string => Object.hasOwn(texts, key)

/** 张三（郑家村）: a name with what tells it apart or explains it, when there is something to say. */
export const withAside = (words: DocumentWords, text: string, aside: string): string => (aside ? words('aside', { text, aside }) : text)

const numberOf = (words: DocumentWords, n: number) => words('sectionNumbers').split(' ')[n - 1] ?? String(n)

/** 一、会议议程 / 1. Agenda: a heading of the first level (GB/T 9704 §7.3.3). */
export function numberedSection(words: DocumentWords, n: number, heading: string): string {
  return words('numberedSection', { number: numberOf(words, n), heading })
}

/** （一）学习研讨 / (1) Study: the second level. */
export function numberedSubsection(words: DocumentWords, n: number, heading: string): string {
  return words('numberedSubsection', { number: numberOf(words, n), heading })
}

/** Numbers the first-level headings in order, so that a section left out (no 学习研讨) leaves no gap. */
export function sectionCounter(words: DocumentWords): (heading: string) => string {
  let n = 0
  return (heading) => numberedSection(words, ++n, heading)
}

/**
 * 第 1 页 共 3 页: the words of `record.pageOf` in order, with the page number and the page count where they
 * stand, each as the .docx or the print page writes it.
 */
export function pageOf<T>(words: DocumentWords, parts: { text: (text: string) => T; page: T; pages: T }): T[] {
  return words('record.pageOf', { page: '\uE000', pages: '\uE001' })
    .split(/(\uE000|\uE001)/)
    .map((part) => (part === '\uE000' ? parts.page : part === '\uE001' ? parts.pages : parts.text(part)))
}
