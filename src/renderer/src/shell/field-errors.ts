import { useTranslation } from 'react-i18next'
import type { AppError } from '@shared/result'

/**
 * The translated message for the field at `path` (e.g. 'plannedEnd' or 'agenda.0.lecturerId'),
 * from an `invalid_input` error's issues; for showing beside that field.
 */
export function useFieldErrors(error: AppError | undefined): (path: string) => string | undefined {
  const { t } = useTranslation()
  return (path) => {
    const issue = error?.issues?.find((candidate) => candidate.path.join('.') === path)
    if (!issue) return undefined
    return t(`validation.${issue.code}` as 'validation.custom', { defaultValue: t('validation.custom'), ...(issue.params ?? {}) })
  }
}
