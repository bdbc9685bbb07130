import { Alert, List, ScrollArea } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { ImportProblem } from '@shared/domain'
import type { AppError } from '@shared/result'
import { ErrorNotice } from '../../shell/ErrorNotice'

/** Every unreadable row of a roster, by its row number in the file and the reason. */
export function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('people.import.problemsTitle')}>
      <ScrollArea.Autosize mah={160}>
        <List size="sm" spacing={2}>
          {problems.map((problem) => (
            <List.Item key={`${problem.row}-${problem.code}-${problem.field ?? ''}`}>
              {t('people.import.problemLine', {
                row: problem.row,
                reason: t(`people.import.problems.${problem.code}`, {
                  field: problem.field ? t(`people.fields.${problem.field}`) : '',
                  value: problem.value ?? ''
                })
              })}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  )
}

/** The file could not be read (wrong type, empty) or was refused at commit: say which and why. */
export function FileError({ error }: { error: AppError }) {
  const { t } = useTranslation()
  const fileIssue = error.issues?.find((issue) => issue.path[0] === 'contentBase64')
  if (fileIssue) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />}>
        {t(`people.import.fileProblems.${fileIssue.code}` as 'people.import.fileProblems.file_type', {
          ...fileIssue.params,
          defaultValue: t('errors.invalid_input')
        })}
      </Alert>
    )
  }
  const rowIssues = error.issues?.filter((issue) => issue.path[0] === 'rows') ?? []
  if (rowIssues.length > 0) {
    return (
      <ProblemList
        problems={rowIssues.map((issue) => ({
          row: Number(issue.params?.row ?? issue.path[1]),
          code: issue.code as ImportProblem['code'],
          ...(issue.params?.field ? { field: issue.params.field as ImportProblem['field'] } : {}),
          ...(issue.params?.value ? { value: String(issue.params.value) } : {})
        }))}
      />
    )
  }
  return <ErrorNotice error={error} />
}
