import { ActionIcon, AspectRatio, Card, Checkbox, Group, Image, Loader, Stack, TextInput, Tooltip } from '@mantine/core'
import { IconArrowLeft, IconArrowRight, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { SessionPhoto } from '@shared/photos'
import { api } from '../../api'
import { useAction } from '../../api/use-action'
import { useChannel } from '../../api/use-channel'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { useFieldErrors } from '../../shell/field-errors'
import { PHOTO_REASONS } from './reasons'

interface Props {
  photo: SessionPhoto
  /** 1, 2, 3 … as the session shows them. */
  number: number
  count: number
  editable: boolean
  /** Whether it may be ticked for the 志愿服务活动记录 (four are chosen already otherwise). */
  canChoose: boolean
}

/** One photo: the picture, its caption (saved when the field is left), the 志愿服务活动记录 tick, order and delete. */
export function PhotoTile({ photo, number, count, editable, canChoose }: Props) {
  const { t } = useTranslation()
  const content = useChannel('photos:get', { id: photo.id })
  const [caption, setCaption] = useState(photo.caption)
  const [deleting, setDeleting] = useState(false)
  const update = useAction('photos:update')
  const move = useAction('photos:move')
  const fieldError = useFieldErrors(update.error)
  const name = t('photos.photo', { number })

  async function saveCaption(): Promise<void> {
    if (caption.trim() === photo.caption) return
    const result = await update.run({ id: photo.id, caption })
    if (result.ok) setCaption(result.value.caption)
  }

  return (
    <Card withBorder padding="xs" component="figure" m={0} aria-label={photo.caption || name}>
      <AspectRatio ratio={4 / 3} bg="gray.1">
        {content.data ? (
          <Image src={`data:${content.data.mime};base64,${content.data.contentBase64}`} alt={photo.caption || name} fit="contain" />
        ) : (
          <Group justify="center">{content.error ? null : <Loader size="sm" />}</Group>
        )}
      </AspectRatio>
      {content.error && <ErrorNotice error={content.error} onRetry={content.reload} />}
      <Stack gap={6} mt="xs">
        {editable ? (
          <TextInput
            aria-label={t('photos.captionFor', { number })}
            placeholder={t('photos.captionPlaceholder')}
            value={caption}
            error={fieldError('caption')}
            onChange={(event) => setCaption(event.currentTarget.value)}
            onBlur={() => void saveCaption()}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void saveCaption()
            }}
          />
        ) : (
          <figcaption>{photo.caption || name}</figcaption>
        )}
        {editable && (
          <Group justify="space-between" wrap="nowrap" gap={4}>
            <Checkbox
              label={t('photos.forVolunteerRecord')}
              aria-label={`${t('photos.forVolunteerRecord')}（${name}）`}
              checked={photo.inVolunteerRecord}
              disabled={!canChoose || update.running}
              onChange={(event) => void update.run({ id: photo.id, inVolunteerRecord: event.currentTarget.checked })}
            />
            <Group gap={2} wrap="nowrap">
              <Tooltip label={t('photos.moveEarlier', { number })}>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  aria-label={t('photos.moveEarlier', { number })}
                  disabled={number === 1 || move.running}
                  onClick={() => void move.run({ id: photo.id, position: number - 2 })}
                >
                  <IconArrowLeft size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('photos.moveLater', { number })}>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  aria-label={t('photos.moveLater', { number })}
                  disabled={number === count || move.running}
                  onClick={() => void move.run({ id: photo.id, position: number })}
                >
                  <IconArrowRight size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('photos.delete', { number })}>
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('photos.delete', { number })} onClick={() => setDeleting(true)}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        )}
        {update.error && !fieldError('caption') && <ErrorNotice error={update.error} reasons={PHOTO_REASONS} />}
        {move.error && <ErrorNotice error={move.error} reasons={PHOTO_REASONS} />}
      </Stack>
      {deleting && (
        <ConfirmModal
          title={t('photos.deleteTitle')}
          message={t('photos.deleteMessage')}
          confirmLabel={t('photos.deleteConfirm')}
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            const result = await api.invoke('photos:delete', { id: photo.id })
            if (result.ok) setDeleting(false)
            return result
          }}
        />
      )}
    </Card>
  )
}
