import { Alert, Button, Card, FileButton, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPhotoPlus } from '@tabler/icons-react'
import { useState, type DragEvent } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { SessionDetail } from '@shared/domain'
import { VOLUNTEER_RECORD_PHOTOS } from '@shared/photos'
import type { AppError } from '@shared/result'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { PhotoTile } from './PhotoTile'
import { PHOTO_REASONS } from './reasons'
import { preparePhoto } from './resize'

/** A file that was not added, and why (a sentence from the page, or core's refusal). */
type NotAdded = { name: string; problem: 'not_image' | 'too_large' } | { name: string; error: AppError }

/**
 * 活动照片 of the session page: add photos (a file picker or dropped on the card) before, during or after
 * the session; each is shown with its caption, and 2–4 are chosen for the 志愿服务活动记录.
 */
export function PhotosCard({ session }: { session: SessionDetail }) {
  const { t } = useTranslation()
  const photos = useChannel('photos:list', { sessionId: session.id }, ['photos:changed'])
  const [progress, setProgress] = useState<{ done: number; count: number } | null>(null)
  const [notAdded, setNotAdded] = useState<NotAdded[]>([])
  const [dragging, setDragging] = useState(false)
  const editable = session.status !== 'cancelled'
  const list = photos.data ?? []
  const chosen = list.filter((photo) => photo.inVolunteerRecord).length

  async function addFiles(files: File[]): Promise<void> {
    if (files.length === 0 || progress) return
    const failed: NotAdded[] = []
    let added = 0
    setNotAdded([])
    setProgress({ done: 0, count: files.length })
    for (const [index, file] of files.entries()) {
      const prepared = await preparePhoto(file)
      if (!prepared.ok) failed.push({ name: file.name, problem: prepared.problem })
      else {
        const result = await api.invoke('photos:add', { sessionId: session.id, contentBase64: prepared.base64, caption: '' })
        if (result.ok) added++
        else failed.push({ name: file.name, error: result.error })
      }
      setProgress({ done: index + 1, count: files.length })
    }
    setProgress(null)
    setNotAdded(failed)
    if (added > 0) notifications.show({ color: 'green', message: t('photos.added', { count: added }) })
  }

  const dropHandlers = editable
    ? {
        onDragOver: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes('Files')) return
          event.preventDefault()
          event.dataTransfer.dropEffect = 'copy'
          setDragging(true)
        },
        onDragLeave: (event: DragEvent) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
        },
        onDrop: (event: DragEvent) => {
          event.preventDefault()
          setDragging(false)
          void addFiles([...event.dataTransfer.files])
        }
      }
    : {}

  if (!editable && list.length === 0) return null
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="photos-heading"
      {...dropHandlers}
      style={dragging ? { outline: '3px dashed var(--mantine-color-blue-6)', outlineOffset: -3 } : undefined}
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="photos-heading">
          {t('photos.title')}
        </Title>
        {editable && (
          <FileButton multiple accept="image/*" onChange={(files) => void addFiles(files)}>
            {(props) => (
              <Button {...props} size="md" leftSection={<IconPhotoPlus size={20} />} loading={progress !== null}>
                {t('photos.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Stack gap="sm">
        {editable ? (
          <Text c={dragging ? 'blue' : 'dimmed'} fw={dragging ? 600 : undefined} role="note" aria-label={t('photos.dropZone')}>
            {dragging ? t('photos.dropNow') : t('photos.dropHint')}
          </Text>
        ) : (
          <Text c="dimmed">{t('photos.cancelled')}</Text>
        )}
        {progress && <Text aria-live="polite">{t('photos.adding', progress)}</Text>}
        {notAdded.length > 0 && <NotAddedList items={notAdded} />}
        {photos.error && <ErrorNotice error={photos.error} onRetry={photos.reload} />}
        {photos.data && list.length === 0 && <Text c="dimmed">{t('photos.empty')}</Text>}
        {list.length > 0 && editable && (
          <Text c={chosen >= 2 ? 'dimmed' : 'orange.8'} size="sm">
            {t('photos.chosen', { count: chosen })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {list.map((photo, index) => (
            <PhotoTile
              key={photo.id}
              photo={photo}
              number={index + 1}
              count={list.length}
              editable={editable}
              canChoose={photo.inVolunteerRecord || chosen < VOLUNTEER_RECORD_PHOTOS}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  )
}

function NotAddedList({ items }: { items: NotAdded[] }) {
  const { t } = useTranslation()
  const core = items.filter((item): item is { name: string; error: AppError } => 'error' in item)
  const page = items.filter((item): item is { name: string; problem: 'not_image' | 'too_large' } => 'problem' in item)
  return (
    <>
      {page.length > 0 && (
        <Alert color="red" variant="light" role="alert" title={t('photos.notAdded')}>
          <List size="sm">
            {page.map((item, index) => (
              <List.Item key={`${item.name}-${index}`}>
                {t('photos.notAddedItem', { name: item.name, problem: t(`photos.problems.${item.problem}`) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {core.map((item, index) => (
        <div key={`${item.name}-${index}`}>
          <Text size="sm" fw={600}>
            {item.name}
          </Text>
          <ErrorNotice error={item.error} reasons={PHOTO_REASONS} />
        </div>
      ))}
    </>
  )
}
