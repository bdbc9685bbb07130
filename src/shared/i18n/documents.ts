import type { documentsZhCN } from './documents-zh-CN'

/**
 * The i18next namespace of the documents' words: core has its own i18next instance with it (it makes the
 * documents), the renderer registers it beside `translation` (it names the documents), one copy of each word.
 */
export const DOCUMENTS_NS = 'documents'

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many'
/**
 * Every language has exactly the keys of zh-CN (a missing one is a compile error). A plural key is written
 * `…_other` (the only form Chinese has); another language adds the forms it needs (`…_one` in English).
 */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> } & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${PluralForm}` : never]?: string
}
export type DocumentsResource = Widen<typeof documentsZhCN>

type Source = typeof documentsZhCN
/** `a.b.c` for every text; a plural key without its form (i18next picks the form from `count`). */
type KeyOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K extends `${infer Base}_other` ? Base : K}` : KeyOf<T[K], `${Prefix}${K}.`>
}[keyof T & string]
export type DocumentKey = KeyOf<Source>

type TextOf<T, Key extends string> = Key extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? TextOf<T[Head], Rest>
    : never
  : Key extends keyof T
    ? T[Key]
    : `${Key}_other` extends keyof T
      ? T[`${Key}_other`]
      : never
type Placeholders<Text> = Text extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never

/** What a text's {{placeholders}} are filled with: all of them, no others. */
export type DocumentValues<Key extends DocumentKey> = Record<Placeholders<TextOf<Source, Key>>, string | number>

/** One language's words: `words('names.minutes')`, `words('record.adjourned', { time })`. */
export type DocumentWords = <Key extends DocumentKey>(
  key: Key,
  ...values: [Placeholders<TextOf<Source, Key>>] extends [never] ? [] : [DocumentValues<Key>]
) => string
