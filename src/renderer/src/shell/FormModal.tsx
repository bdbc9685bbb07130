import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '@shared/result'
import { ErrorNotice } from './ErrorNotice'

interface Props {
  title: string
  size?: ModalProps['size']
  onClose: () => void
  onSubmit: () => void
  running: boolean
  /** An error that belongs to no field (field errors are shown beside their fields). */
  error: AppError | undefined
  children: ReactNode
}

/** A dialog holding one form: Enter in a field saves, 取消 and Escape close without saving. */
export function FormModal({ title, size = 'lg', onClose, onSubmit, running, error, children }: Props) {
  const { t } = useTranslation()
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        <Stack>
          {children}
          {error && !error.issues && <ErrorNotice error={error} />}
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={running}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
