import { useTranslation } from '../i18n/use-translation'
import type { AppError } from '@shared/result'

/** Validation codes a form found itself before sending, by field path (e.g. `{ date: 'required' }`). */
export type CheckedIssues = Partial<Record<string, string>>

/**
 * The translated message for the field at `path` (e.g. 'plannedEnd' or 'agenda.0.lecturerId'), for
 * showing beside that field: the form's own check first (`checked`), else the `invalid_input` issue
 * core returned for it. Both speak the same `validation.*` codes.
 */
export function useFieldErrors(error: AppError | undefined, checked: CheckedIssues = {}): (path: string) => string | undefined {
  const { t } = useTranslation()
  return (path) => {
    const local = checked[path]
    const issue = local ? { code: local, params: {} } : error?.issues?.find((candidate) => candidate.path.join('.') === path)
    if (!issue) return undefined
    return t(`validation.${issue.code}` as 'validation.custom', { defaultValue: t('validation.custom'), ...(issue.params ?? {}) })
  }
}
