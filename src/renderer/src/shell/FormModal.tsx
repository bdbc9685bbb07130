import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from '../i18n/use-translation'
import { ErrorNotice } from './ErrorNotice'
import type { Form } from './use-form'

interface Props {
  title: string
  size?: ModalProps['size']
  onClose: () => void
  /** The form's send, its running state and its error; an error that belongs to no field is shown here. */
  form: Pick<Form<unknown>, 'onSubmit' | 'running' | 'error'>
  children: ReactNode
}

/** A dialog holding one form: Enter in a field saves it (and only it), 取消 and Escape close without saving. */
export function FormModal({ title, size = 'lg', onClose, form, children }: Props) {
  const { t } = useTranslation()
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form
        noValidate
        onSubmit={(event) => {
          // The modal is in a portal, but React bubbles its submit to the forms around where it was opened
          // (the planner): it must save this dialog and nothing else.
          event.stopPropagation()
          form.onSubmit(event)
        }}
      >
        <Stack>
          {children}
          {form.error && !form.error.issues && <ErrorNotice error={form.error} />}
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={form.running}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
