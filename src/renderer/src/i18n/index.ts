import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '@shared/domain'
import { en } from './en'
import { zhCN } from './zh-CN'

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const

void i18n.use(initReactI18next).init({
  resources,
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
