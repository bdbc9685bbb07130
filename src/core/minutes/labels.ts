import i18next from 'i18next'
import type { Language } from '../../shared/domain'
import { DOCUMENT_RESOURCES, DOCUMENTS_NS, type DocumentWords } from '../../shared/i18n/documents'

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

/** The documents' words in `language`. What fills a {{placeholder}} is taken as text, never as a key or a placeholder. */
export function documentWords(language: Language): DocumentWords {
  const t = documents.getFixedT(language, DOCUMENTS_NS)
  return (key, ...values) => {
    const replace: Record<string, string | number> = values[0] ?? {}
    return t(key, typeof replace.count === 'number' ? { replace, count: replace.count } : { replace })
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
