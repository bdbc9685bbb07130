import type { FlatNamespace, TFunction } from 'i18next'
import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react'
import i18n from './index'

/**
 * The UI's words in a component: `const { t } = useTranslation()` gives `t` in the current language, as
 * react-i18next's hook of that name did, for a fraction of its cost. Its hook copied the i18n instance and
 * subscribed to its events in every component that translates, and the console draws ~200 of them (each seat,
 * each remark and its menu): ~15 ms of the console's first draw (issue 16: time to interactive). Here one
 * provider listens for the language; components read it from a context, and `t` is one function per
 * language (and namespaces), the same one between draws, so it can stand in a hook's dependencies.
 */
const LanguageContext = createContext<string | null>(null)

/** Redraws what translates when the language changes (App applies the language of the settings). */
export function LanguageProvider({ children }: { children: ReactNode }): ReactNode {
  const [language, setLanguage] = useState(i18n.language)
  useEffect(() => {
    const changed = (next: string): void => setLanguage(next)
    i18n.on('languageChanged', changed)
    setLanguage(i18n.language) // it may have changed between the first draw and this listening
    return () => i18n.off('languageChanged', changed)
  }, [])
  return createElement(LanguageContext.Provider, { value: language }, children)
}

type Namespaces = FlatNamespace | readonly [FlatNamespace, ...FlatNamespace[]]
const fixed = new Map<string, unknown>()

/**
 * `t` that remembers the words it gave for a key alone (no count, no values: most of the UI's labels). The
 * words are bundled and never change, and i18next works out each key afresh on every call; the console asks for
 * several hundred labels as it is drawn (issue 16). A call with options goes to i18next every time.
 */
function remembering(t: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  const words = new Map<string, unknown>()
  return (...args) => {
    const [key] = args
    if (args.length !== 1 || typeof key !== 'string') return t(...args)
    if (!words.has(key)) words.set(key, t(key))
    return words.get(key)
  }
}

/**
 * `t` for the current language; with `namespaces`, keys of those too (`t('documents:names.minutes')`).
 * Outside a LanguageProvider (a component drawn alone in a test) it follows i18n's language when called.
 */
export function useTranslation<const N extends Namespaces = 'translation'>(namespaces?: N): { t: TFunction<N>; i18n: typeof i18n } {
  const language = useContext(LanguageContext)
  const key = `${language ?? ''}|${String(namespaces ?? '')}`
  let t = fixed.get(key) as TFunction<N> | undefined
  if (!t) {
    const plain = language === null ? i18n.getFixedT(null, namespaces ?? 'translation') : i18n.getFixedT(language, namespaces)
    // Outside a provider the language is read at each call, so nothing is remembered there.
    t = (language === null ? plain : remembering(plain as unknown as (...args: unknown[]) => unknown)) as unknown as TFunction<N>
    fixed.set(key, t)
  }
  return { t, i18n }
}
