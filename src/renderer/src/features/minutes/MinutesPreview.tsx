import { Button, Group, Menu, Modal, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypeDocx } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Minutes } from '@shared/minutes'
import { api, transportName } from '../../api'
import { useChannel } from '../../api/use-channel'
import { formatDateTime, formatTime } from '../../format'
import { downloadFile } from '../../shell/download'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { useSettings } from '../../shell/settings-context'

/** 导出: the 会议纪要 as it will read, then the file. */
export function MinutesPreview({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const minutes = useChannel('minutes:get', { sessionId })
  const [exporting, setExporting] = useState(false)
  const [error, setError] = useState<Parameters<typeof ErrorNotice>[0]['error']>()

  async function exportAs(document: 'minutes' | 'record' | 'volunteer' | 'turns', format: 'docx' | 'markdown' | 'text' | 'csv'): Promise<void> {
    setExporting(true)
    setError(undefined)
    const file = await api.invoke('minutes:export', { sessionId, document, format })
    if (!file.ok) {
      setExporting(false)
      return setError(file.error)
    }
    // The desktop app saves through its save dialog (atomically); a browser downloads.
    const saved = await api.invoke('files:save', { fileName: file.value.fileName, contentBase64: file.value.contentBase64 })
    setExporting(false)
    if (!saved.ok) return setError(saved.error)
    if (saved.value.saved) notifications.show({ color: 'green', message: t('minutes.saved', { path: saved.value.path ?? '' }) })
    else if (transportName === 'http') downloadFile(file.value)
  }

  return (
    <Modal opened onClose={onClose} title={t('minutes.previewTitle')} size="xl">
      {minutes.error && <ErrorNotice error={minutes.error} onRetry={minutes.reload} />}
      {!minutes.data && !minutes.error && <Loading />}
      {minutes.data && (
        <ScrollArea.Autosize mah="65vh">
          <Paper withBorder p="xl" aria-label={t('minutes.previewTitle')}>
            <MinutesText minutes={minutes.data} />
          </Paper>
        </ScrollArea.Autosize>
      )}
      {error && <ErrorNotice error={error} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" size="md" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Menu position="top-end">
          <Menu.Target>
            <Button size="md" variant="default" disabled={!minutes.data || exporting}>
              {t('minutes.otherFormats')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void exportAs('record', 'docx')}>{t('minutes.recordDocx')}</Menu.Item>
            <Menu.Item onClick={() => void exportAs('volunteer', 'docx')}>{t('minutes.volunteerDocx')}</Menu.Item>
            <Menu.Item onClick={() => void exportAs('minutes', 'markdown')}>{t('minutes.markdown')}</Menu.Item>
            <Menu.Item onClick={() => void exportAs('minutes', 'text')}>{t('minutes.text')}</Menu.Item>
            <Menu.Item onClick={() => void exportAs('turns', 'csv')}>{t('minutes.turnsCsv')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button size="md" leftSection={<IconFileTypeDocx size={20} />} loading={exporting} disabled={!minutes.data} onClick={() => void exportAs('minutes', 'docx')}>
          {t('minutes.exportDocx')}
        </Button>
      </Group>
    </Modal>
  )
}

function MinutesText({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  const section = (title: string) => (
    <Title order={3} fz="md" mt="md">
      {title}
    </Title>
  )
  return (
    <Stack gap={4}>
      <Title order={2} ta="center" fz={22}>
        {minutes.title}
        {t('minutes.minutes')}
      </Title>
      <Text>{t('minutes.theme', { value: minutes.theme ?? minutes.title })}</Text>
      <Text>{t('minutes.time', { value: `${formatDateTime(minutes.startsAt, language)}–${formatTime(minutes.endsAt)}` })}</Text>
      <Text>{t('minutes.venue', { value: minutes.venue })}</Text>
      <Text>{t('minutes.host', { value: minutes.host ?? '—' })}</Text>
      <Text>{t('minutes.recorder', { value: minutes.recorder ?? '—' })}</Text>
      {section(t('minutes.attendees'))}
      <Text>{t('minutes.counts', { expected: minutes.attendance.expected, present: minutes.attendance.present, absent: minutes.attendance.absent })}</Text>
      {minutes.attendance.groups.map((group) => (
        <Text key={group.category}>
          {group.category}:{group.names.join('、')}
        </Text>
      ))}
      {section(t('minutes.study'))}
      {minutes.study.map((item) => (
        <Text key={`${item.lecturer}-${item.topic}`}>
          {item.lecturer}:{item.topic}
        </Text>
      ))}
      {section(t('minutes.roundtable'))}
      {minutes.speakers.map((speaker, index) => (
        <div key={`${speaker.name}-${index}`}>
          <Text fw={700}>{speaker.name}</Text>
          {speaker.remarks.map((remark, line) => (
            <Text key={line} pl="md">
              {remark.text}
            </Text>
          ))}
        </div>
      ))}
      {section(t('decisions.title'))}
      {minutes.decisions.length === 0 && <Text c="dimmed">{t('common.none')}</Text>}
      {minutes.decisions.map((item, index) => (
        <Text key={index}>
          {index + 1}. {item.text}
          {item.owner ? `(${item.owner})` : ''}
        </Text>
      ))}
      {section(t('sessionDetail.summary'))}
      <Text style={{ whiteSpace: 'pre-wrap' }}>{minutes.summary || t('common.none')}</Text>
    </Stack>
  )
}
