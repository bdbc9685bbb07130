import type { Language } from '../domain'
import type { DocumentsResource } from './documents'
import { documentsEn } from './documents-en'
import { documentsZhCN } from './documents-zh-CN'

/**
 * Every language's document words, for core (it writes the documents in any language). Kept apart from
 * `documents.ts` so that the renderer, which fetches English only when it is chosen, does not ship it at start.
 */
export const DOCUMENT_RESOURCES: Record<Language, DocumentsResource> = { 'zh-CN': documentsZhCN, en: documentsEn }
