import i18n from 'i18next'
import type { Language } from '@shared/domain'
import { DOCUMENT_RESOURCES, DOCUMENTS_NS } from '@shared/i18n/documents'
import { en } from './en'
import { zhCN } from './zh-CN'

/** The UI's words (`translation`), and the documents' (`documents`, shared with core: the names of the documents). */
export const resources = {
  'zh-CN': { translation: zhCN, [DOCUMENTS_NS]: DOCUMENT_RESOURCES['zh-CN'] },
  en: { translation: en, [DOCUMENTS_NS]: DOCUMENT_RESOURCES.en }
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

/** Switches the UI language and tells the browser (fonts, screen readers) which language the page is in. */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language
  if (i18n.language !== language) await i18n.changeLanguage(language)
}

export default i18n
