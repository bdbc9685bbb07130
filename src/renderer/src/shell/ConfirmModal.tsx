import { Button, Group, Modal, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from '../i18n/use-translation'
import type { AppError, Result } from '@shared/result'
import { ErrorNotice } from './ErrorNotice'

interface Props {
  title: string
  message: string
  confirmLabel: string
  danger?: boolean
  onCancel: () => void
  onConfirm: () => Promise<Result<unknown>>
}

/** Asked only before something that cannot be undone; the safe choice has the focus. */
export function ConfirmModal({ title, message, confirmLabel, danger, onCancel, onConfirm }: Props) {
  const { t } = useTranslation()
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<AppError>()
  return (
    <Modal opened onClose={onCancel} title={title} centered>
      <Text mb="md">{message}</Text>
      {error && <ErrorNotice error={error} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" size="md" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button
          size="md"
          color={danger ? 'red' : undefined}
          loading={running}
          onClick={async () => {
            setRunning(true)
            const result = await onConfirm()
            setRunning(false)
            if (!result.ok) setError(result.error)
          }}
        >
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  )
}
