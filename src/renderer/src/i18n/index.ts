import i18n from 'i18next'
import type { Language } from '@shared/domain'
import { DOCUMENTS_NS } from '@shared/i18n/documents'
import { documentsZhCN } from '@shared/i18n/documents-zh-CN'
import { zhCN } from './zh-CN'

/**
 * The UI's words (`translation`), and the documents' (`documents`, shared with core: the names of the documents).
 * Chinese is in the app's first file; English, ~45 KB with the documents' words, is fetched when it is first chosen
 * (`loadLanguage`).
 */
export const resources = {
  'zh-CN': { translation: zhCN, [DOCUMENTS_NS]: documentsZhCN }
} as const

void i18n.init({
  resources,
  ns: ['translation', DOCUMENTS_NS],
  defaultNS: 'translation',
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false
})

/** Makes a language's words available (fetching English the first time). */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh-CN' || i18n.hasResourceBundle(language, 'translation')) return
  const { en, documentsEn } = await import('./en')
  i18n.addResourceBundle(language, 'translation', en)
  i18n.addResourceBundle(language, DOCUMENTS_NS, documentsEn)
}

let chosen: Language | null = null

/**
 * Switches the UI language and tells the browser (fonts, screen readers) which language the page is in. Of
 * two switches made quickly (English chosen, its words still on their way, then 中文), the last one stays.
 */
export async function applyLanguage(language: Language): Promise<void> {
  chosen = language
  await loadLanguage(language)
  if (chosen !== language) return
  // Only when it changes: assigned again, even the same value makes the browser restyle the whole page for :lang
  // (App applies the language once more after the first draw: ~5 ms of the console's time to interactive, issue 16).
  if (document.documentElement.lang !== language) document.documentElement.lang = language
  if (i18n.language !== language) await i18n.changeLanguage(language)
}

export default i18n
