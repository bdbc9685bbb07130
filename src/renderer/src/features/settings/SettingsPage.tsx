import { Alert, Button, Card, Code, Group, SegmentedControl, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core'
import { IconFolderOpen, IconInfoCircle } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { FONT_SIZES, LANGUAGES, type AppFolder, type AppInfo, type DemoRemovalPlan, type FontSize, type Language, type Settings } from '@shared/domain'
import type { AppError, FieldIssue } from '@shared/result'
import { api } from '../../api'
import { useAction } from '../../api/use-action'
import { useChannel } from '../../api/use-channel'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { useFieldErrors } from '../../shell/field-errors'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { BackupsCard } from '../backups/BackupsCard'
import { PacksCard } from '../packs/PacksCard'
import { TourSettingsCard } from '../tour/TourSettingsCard'

export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Stack gap="lg" maw={720}>
        <ChoiceCard setting="language" choices={LANGUAGES} />
        <ChoiceCard setting="fontSize" choices={FONT_SIZES} />
        <OrganisationForm />
        <LabelListForm field="categories" />
        <LabelListForm field="remarkTags" />
        <BackupsCard />
        <PacksCard />
        <DemoCard />
        <TourSettingsCard />
        <AboutCard />
      </Stack>
    </>
  )
}

/**
 * A setting chosen from a few (语言, 字号：标准 / 大 / 特大), stored as soon as it is chosen and applied
 * to the whole app at once (App.tsx).
 */
function ChoiceCard<K extends 'language' | 'fontSize'>({ setting, choices }: { setting: K; choices: readonly Settings[K][] }) {
  const { t } = useTranslation()
  const settings = useSettings()
  const save = useAction('settings:update')
  const headingId = `${setting}-heading`
  const label = (choice: Settings[K]): string =>
    setting === 'language' ? t(`settings.languages.${choice as Language}`) : t(`settings.fontSizes.${choice as FontSize}`)
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="lg" id={headingId}>
        {t(`settings.${setting}`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`settings.${setting}Description`)}
      </Text>
      <SegmentedControl
        size="md"
        aria-labelledby={headingId}
        value={settings[setting]}
        onChange={(value) => void save.run({ [setting]: value })}
        data={choices.map((choice) => ({ value: choice, label: label(choice) }))}
      />
      {save.error && <ErrorNotice error={save.error} />}
    </Card>
  )
}

function OrganisationForm() {
  const { t } = useTranslation()
  const settings = useSettings()
  const [organisationName, setOrganisationName] = useState(settings.organisationName)
  const [defaultVenue, setDefaultVenue] = useState(settings.defaultVenue)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<AppError>()
  const dirty = organisationName !== settings.organisationName || defaultVenue !== settings.defaultVenue

  const fieldError = (field: string): string | undefined => {
    const issue: FieldIssue | undefined = error?.issues?.find((candidate) => candidate.path[0] === field)
    return issue ? t(`validation.${issue.code}` as 'validation.custom', issue.params ?? {}) : undefined
  }

  async function save(event: React.FormEvent): Promise<void> {
    event.preventDefault()
    setSaving(true)
    const result = await api.invoke('settings:update', { organisationName, defaultVenue })
    setSaving(false)
    if (result.ok) {
      setError(undefined)
      setOrganisationName(result.value.organisationName)
      setDefaultVenue(result.value.defaultVenue)
      notifications.show({ message: t('settings.saved'), color: 'green' })
    } else setError(result.error)
  }

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(event) => void save(event)} aria-labelledby="organisation-heading">
      <Title order={2} fz="lg" mb="sm" id="organisation-heading">
        {t('settings.organisation')}
      </Title>
      <Stack>
        <TextInput
          size="md"
          label={t('settings.organisationName')}
          description={t('settings.organisationNameDescription')}
          value={organisationName}
          onChange={(event) => setOrganisationName(event.currentTarget.value)}
          error={fieldError('organisationName')}
        />
        <TextInput
          size="md"
          label={t('settings.defaultVenue')}
          description={t('settings.defaultVenueDescription')}
          value={defaultVenue}
          onChange={(event) => setDefaultVenue(event.currentTarget.value)}
          error={fieldError('defaultVenue')}
        />
        {error && !error.issues && <ErrorNotice error={error} />}
        <Group>
          <Button type="submit" size="md" loading={saving} disabled={!dirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

/** An editable list of labels: the people categories, or the remark panel's quick tags. */
function LabelListForm({ field }: { field: 'categories' | 'remarkTags' }) {
  const { t } = useTranslation()
  const settings = useSettings()
  const [labels, setLabels] = useState(settings[field])
  const save = useAction('settings:update')
  const fieldError = useFieldErrors(save.error)
  const dirty = labels.join('\n') !== settings[field].join('\n')
  const headingId = `${field}-heading`

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="lg" id={headingId}>
        {t(`settings.${field}`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`settings.${field}Description`)}
      </Text>
      <TagsInput size="md" aria-labelledby={headingId} value={labels} onChange={setLabels} error={fieldError(field) ?? fieldError(`${field}.0`)} />
      <Group mt="sm">
        <Button
          size="md"
          disabled={!dirty}
          loading={save.running}
          onClick={async () => {
            const result = await save.run({ [field]: labels })
            if (result.ok) notifications.show({ message: t('settings.saved'), color: 'green' })
          }}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Card>
  )
}

function DemoCard() {
  const { t } = useTranslation()
  const info = useChannel('app:info', {}, ['sessions:changed'])
  const [plan, setPlan] = useState<DemoRemovalPlan | null>(null)
  if (!info.data) return null
  const list = t('common.listSeparator')
  // What stays because it was used for real, said before anything is removed.
  const keeps = (p: DemoRemovalPlan): string =>
    [
      p.keepsSession ? t('demo.keepsSession') : '',
      p.keptPeople.length ? t('demo.keepsPeople', { names: p.keptPeople.join(list) }) : '',
      p.keepsTheme ? t('demo.keepsTheme') : ''
    ]
      .filter(Boolean)
      .join(' ')
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="demo-heading">
      <Title order={2} fz="lg" id="demo-heading" mb="xs">
        {t('demo.section')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {info.data.demoPresent ? t('demo.present') : t('demo.absent')}
      </Text>
      {info.data.demoPresent && (
        <Button
          size="md"
          color="red"
          variant="light"
          onClick={async () => {
            const result = await api.invoke('demo:plan', {})
            if (result.ok) setPlan(result.value)
          }}
        >
          {t('demo.remove')}
        </Button>
      )}
      {plan && (
        <ConfirmModal
          title={t('demo.confirmTitle')}
          message={[t('demo.confirm'), keeps(plan)].filter(Boolean).join(' ')}
          confirmLabel={t('demo.remove')}
          danger
          onCancel={() => setPlan(null)}
          onConfirm={async () => {
            const result = await api.invoke('demo:remove', {})
            if (result.ok) {
              setPlan(null)
              notifications.show({ message: t('demo.removed'), color: 'green' })
            }
            return result
          }}
        />
      )}
    </Card>
  )
}

/** 关于: the version, and where the archive lives on disk, each place with a button to open it (desktop app only). */
function AboutCard() {
  const { t } = useTranslation()
  const info = useChannel('app:info', {})
  const open = useAction('app:openFolder')
  const places: { folder: AppFolder; label: string; path: (info: AppInfo) => string; reveals: boolean }[] = [
    { folder: 'data', label: t('about.dataFolder'), path: (i) => i.dataFolder, reveals: false },
    { folder: 'database', label: t('settings.databaseFile'), path: (i) => i.databaseFile, reveals: true },
    { folder: 'backups', label: t('about.backupsFolder'), path: (i) => i.backupsFolder, reveals: false }
  ]
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="about-heading">
      <Title order={2} fz="lg" mb="sm" id="about-heading">
        {t('settings.about')}
      </Title>
      {info.error && <ErrorNotice error={info.error} />}
      {info.data && (
        <Table variant="vertical" withTableBorder={false} aria-labelledby="about-heading">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>{t('settings.version')}</Table.Th>
              <Table.Td>{info.data.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.schemaVersion')}</Table.Th>
              <Table.Td>{info.data.schemaVersion}</Table.Td>
            </Table.Tr>
            {places.map(({ folder, label, path, reveals }) => (
              <Table.Tr key={folder}>
                <Table.Th>{label}</Table.Th>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap" justify="space-between">
                    <Code style={{ wordBreak: 'break-all' }}>{path(info.data!)}</Code>
                    <Button
                      size="sm"
                      variant="default"
                      leftSection={<IconFolderOpen size={18} />}
                      aria-label={reveals ? t('about.showFileLabel', { what: label }) : t('about.openLabel', { what: label })}
                      style={{ flexShrink: 0 }}
                      onClick={() => void open.run({ folder })}
                    >
                      {reveals ? t('about.showFile') : t('about.open')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open.error &&
        (open.error.code === 'unavailable' ? (
          <Alert color="gray" variant="light" role="alert" mt="sm" icon={<IconInfoCircle />}>
            {t('about.desktopOnly')}
          </Alert>
        ) : (
          <ErrorNotice error={open.error} />
        ))}
    </Card>
  )
}
