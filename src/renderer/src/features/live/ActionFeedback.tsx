import { Alert, Text } from '@mantine/core'
import { IconMessageCircle } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import type { AppError } from '@shared/result'
import { ErrorNotice } from '../../shell/ErrorNotice'

/** Under the buttons: what the last step was (what 撤销 would take back), and why core refused a key, if it did. */
export function ActionFeedback({ view, error }: { view: LiveView; error: AppError | undefined }) {
  const { t } = useTranslation()
  return (
    <>
      {view.lastAction && (
        <Text size="sm" c="dimmed">
          <IconMessageCircle size={14} /> {t('live.lastAction', { action: t(`live.actionNames.${view.lastAction}`) })}
        </Text>
      )}
      {error && (
        <Alert color="orange" variant="light" role="status">
          {/* A refusal names its reason (e.g. nobody is speaking); any other failure is shown in full. */}
          {error.code === 'conflict' && error.issues?.[0]
            ? t(`live.refused.${error.issues[0].code}` as 'live.refused.nobody_speaking', { defaultValue: t('errors.conflict') })
            : ''}
          {error.code !== 'conflict' && <ErrorNotice error={error} />}
        </Alert>
      )}
    </>
  )
}
