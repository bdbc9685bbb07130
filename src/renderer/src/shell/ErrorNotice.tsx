import { Alert, Button, Group, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from '../i18n/use-translation'
import type { AppError } from '@shared/result'

/**
 * A failed operation in the user's language, with what to do about it. `reasons` names more sections of
 * sentences for refusals (e.g. 'photos.refused'), looked up before the common ones.
 */
export function ErrorNotice({ error, onRetry, reasons = [] }: { error: AppError; onRetry?: () => void; reasons?: string[] }) {
  const { t, i18n } = useTranslation()
  // The rule that refused it, when there is a sentence for it (a speaker cannot be marked absent, a backup
  // is gone). Form fields show their own messages beside the field, so those are not repeated here.
  const reason = error.issues
    ?.flatMap((issue) => [...reasons, 'live.refused', 'errors.reasons'].map((section) => ({ key: `${section}.${issue.code}`, params: issue.params ?? {} })))
    .find(({ key }) => i18n.exists(key))
  return (
    <Alert color="red" variant="light" title={t('errors.title')} icon={<IconAlertTriangle />} role="alert" maw={640}>
      <Text size="sm">{t(`errors.${error.code}`)}</Text>
      {reason && (
        <Text size="sm" fw={600} mt={4}>
          {t(reason.key as 'errors.title', reason.params)}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="sm" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  )
}
