import 'i18next'
import type { documentsZhCN } from '@shared/i18n/documents-zh-CN'
import type { zhCN } from './zh-CN'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof zhCN; documents: typeof documentsZhCN }
  }
}
