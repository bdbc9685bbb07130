import { Button, Group, Stack, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileCheck, IconFileX, IconPencil, IconTrash, IconUserShare } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Remark } from '@shared/domain'
import type { ErrorCode } from '@shared/result'
import { api } from '../../api'
import { MoreMenu } from '../../shell/MoreMenu'

/** A remark's ⋯ menu: 编辑, 改为 (another speaker), 入纪要 (on or off) and 删除. */
export function RemarkMenu({ remark, onEdit, onReassign }: { remark: Remark; onEdit: () => void; onReassign: () => void }) {
  const { t } = useTranslation()
  const refused = (code: ErrorCode): void => void notifications.show({ color: 'red', message: t(`errors.${code}`) })

  // The list shows the new mark when remarks:changed comes back.
  async function toggleForMinutes(): Promise<void> {
    const result = await api.invoke('remarks:update', { id: remark.id, forMinutes: !remark.forMinutes })
    if (!result.ok) refused(result.error.code)
  }

  // Deleted at once; the notice offers 撤销 for a while instead of asking first.
  async function remove(): Promise<void> {
    const result = await api.invoke('remarks:delete', { id: remark.id })
    if (!result.ok) return refused(result.error.code)
    const id = notifications.show({
      message: (
        <Group justify="space-between">
          <span>{t('remarks.deleted')}</span>
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              void api.invoke('remarks:restore', { id: remark.id })
              notifications.hide(id)
            }}
          >
            {t('live.actions.undo')}
          </Button>
        </Group>
      ),
      autoClose: 8000
    })
  }

  return (
    <MoreMenu
      label={t('remarks.actions')}
      compact
      items={[
        { label: t('remarks.edit'), icon: <IconPencil size={16} />, onClick: onEdit },
        { label: t('remarks.reassign'), icon: <IconUserShare size={16} />, onClick: onReassign },
        {
          label: remark.forMinutes ? t('remarks.unmarkForMinutes') : t('remarks.markForMinutes'),
          icon: remark.forMinutes ? <IconFileX size={16} /> : <IconFileCheck size={16} />,
          onClick: () => void toggleForMinutes()
        },
        { label: t('people.delete'), icon: <IconTrash size={16} />, color: 'red', onClick: () => void remove() }
      ]}
    />
  )
}

/** A remark's text being corrected in place; `onDone` once it is saved or left. */
export function RemarkEditor({ remark, onDone }: { remark: Remark; onDone: () => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState(remark.text)
  return (
    <Stack gap={4}>
      <Textarea aria-label={t('remarks.edit')} autosize minRows={2} value={text} onChange={(event) => setText(event.currentTarget.value)} data-autofocus />
      <Group gap="xs">
        <Button
          size="xs"
          onClick={async () => {
            const result = await api.invoke('remarks:update', { id: remark.id, text })
            if (result.ok) onDone()
          }}
        >
          {t('common.save')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  )
}
