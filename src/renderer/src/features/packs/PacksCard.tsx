import { Button, Card, Group, MultiSelect, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPackageExport, IconPackageImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { AppError } from '@shared/result'
import { api, transportName } from '../../api'
import { useChannel } from '../../api/use-channel'
import { formatIsoDate } from '../../format'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { useFieldErrors } from '../../shell/field-errors'
import { PackPreviewModal } from './PackPreviewModal'

/**
 * 归档包: a village laptop exports its sessions to one file (a USB stick); the town office's laptop imports
 * it after a preview. The desktop app asks for the file with the system's dialogs; through the web bridge
 * (which runs on this same computer) the path is typed.
 */
export function PacksCard() {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="packs-heading">
      <Title order={2} fz="lg" id="packs-heading">
        {t('packs.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('packs.description')}
      </Text>
      <Stack gap="xl">
        <ExportPack />
        <ImportPack />
      </Stack>
    </Card>
  )
}

const typedPaths = transportName === 'http'

/** The file to write or read: the system's dialog on the desktop, the typed path through the web bridge. */
async function chooseFile(purpose: 'export' | 'import', typed: string): Promise<{ path: string | null; error?: AppError }> {
  if (typedPaths) return { path: typed.trim() || null }
  const chosen = await api.invoke('packs:chooseFile', { purpose })
  return chosen.ok ? { path: chosen.value.path } : { path: null, error: chosen.error }
}

function ExportPack() {
  const { t } = useTranslation()
  const [which, setWhich] = useState<'sinceLast' | 'chosen'>('sinceLast')
  const [sessionIds, setSessionIds] = useState<string[]>([])
  const [laptopName, setLaptopName] = useState('')
  const [path, setPath] = useState('')
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<AppError>()
  const fieldError = useFieldErrors(error)
  const sessions = useChannel('sessions:list', { when: 'past' }, ['sessions:changed'])
  const options = (sessions.data ?? []).map((session) => ({ value: session.id, label: `${formatIsoDate(session.plannedStart)} ${session.title}` }))

  async function exportPack(): Promise<void> {
    setError(undefined)
    const chosen = await chooseFile('export', path)
    if (chosen.error) return setError(chosen.error)
    if (!chosen.path) return
    setRunning(true)
    const exported = await api.invoke('packs:export', {
      destination: chosen.path,
      sinceLast: which === 'sinceLast',
      ...(which === 'chosen' ? { sessionIds } : {}),
      ...(laptopName.trim() ? { laptopName: laptopName.trim() } : {})
    })
    setRunning(false)
    if (!exported.ok) return setError(exported.error)
    notifications.show({
      color: 'green',
      autoClose: 10_000,
      message: t('packs.exported', { sessions: exported.value.counts.sessions, remarks: exported.value.counts.remarks, file: exported.value.file })
    })
  }

  return (
    <Stack gap="sm" data-testid="pack-export">
      <Text fw={600}>{t('packs.export.title')}</Text>
      <SegmentedControl
        size="md"
        value={which}
        onChange={(value) => setWhich(value as typeof which)}
        data={[
          { value: 'sinceLast', label: t('packs.export.sinceLast') },
          { value: 'chosen', label: t('packs.export.chosen') }
        ]}
      />
      {which === 'chosen' && (
        <MultiSelect
          size="md"
          label={t('packs.export.sessions')}
          data={options}
          value={sessionIds}
          onChange={setSessionIds}
          searchable
          clearable
          error={fieldError('sessionIds')}
        />
      )}
      <Group grow align="flex-start">
        <TextInput size="md" label={t('packs.export.laptopName')} description={t('packs.export.laptopNameHint')} value={laptopName} onChange={(event) => setLaptopName(event.currentTarget.value)} error={fieldError('laptopName')} />
        {typedPaths && (
          <TextInput size="md" label={t('packs.export.path')} description={t('packs.pathHint')} value={path} onChange={(event) => setPath(event.currentTarget.value)} error={fieldError('destination')} />
        )}
      </Group>
      {error && !fieldError('sessionIds') && !fieldError('destination') && <ErrorNotice error={error} />}
      <Group>
        <Button size="md" leftSection={<IconPackageExport size={20} />} loading={running} onClick={() => void exportPack()} disabled={which === 'chosen' && sessionIds.length === 0}>
          {t('packs.export.button')}
        </Button>
      </Group>
    </Stack>
  )
}

function ImportPack() {
  const { t } = useTranslation()
  const [path, setPath] = useState('')
  const [file, setFile] = useState<string | null>(null)
  const [error, setError] = useState<AppError>()
  const fieldError = useFieldErrors(error)

  async function open(): Promise<void> {
    setError(undefined)
    const chosen = await chooseFile('import', path)
    if (chosen.error) return setError(chosen.error)
    if (chosen.path) setFile(chosen.path)
  }

  return (
    <Stack gap="sm" data-testid="pack-import">
      <Text fw={600}>{t('packs.import.title')}</Text>
      <Text size="sm" c="dimmed">
        {t('packs.import.description')}
      </Text>
      {typedPaths && (
        <TextInput size="md" label={t('packs.import.path')} description={t('packs.pathHint')} value={path} onChange={(event) => setPath(event.currentTarget.value)} error={fieldError('file')} />
      )}
      {error && !fieldError('file') && <ErrorNotice error={error} />}
      <Group>
        <Button size="md" variant="default" leftSection={<IconPackageImport size={20} />} onClick={() => void open()}>
          {t('packs.import.button')}
        </Button>
      </Group>
      {file && <PackPreviewModal file={file} onClose={() => setFile(null)} />}
    </Stack>
  )
}
