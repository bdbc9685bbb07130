import { Button, Group, Modal, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconMapPin } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { AppError } from '@shared/result'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { useFieldErrors } from '../../shell/field-errors'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { useSettings } from '../../shell/settings-context'
import { useFirstRun } from '../tour/first-run'
import { startTour } from '../tour/start-tour'

/**
 * The welcome of a new archive (shown until it is finished or dismissed): the organisation's name (the
 * default 组织单位 of new sessions and the 落款 of the 会议纪要), keep the 示例场次 or start empty, and the
 * two-minute walk-through. 以后再说 (or closing it) dismisses it; 设置 has all of it too.
 */
export function WelcomeModal() {
  const { t } = useTranslation()
  const settings = useSettings()
  const { firstRun, update } = useFirstRun()
  const info = useChannel('app:info', {}, ['sessions:changed'])
  const [organisationName, setOrganisationName] = useState(settings.organisationName)
  const [demo, setDemo] = useState<'keep' | 'remove'>('keep')
  const [running, setRunning] = useState<'finish' | 'tour' | null>(null)
  const [error, setError] = useState<AppError>()
  const fieldError = useFieldErrors(error)

  async function finish(withTour: boolean): Promise<void> {
    setRunning(withTour ? 'tour' : 'finish')
    setError(undefined)
    const steps = [
      () => (organisationName.trim() !== settings.organisationName ? api.invoke('settings:update', { organisationName }) : null),
      () => (demo === 'remove' && info.data?.demoPresent ? api.invoke('demo:remove', {}) : null),
      () => update({ welcome: 'finished' }),
      () => (withTour ? startTour(update, firstRun?.tour, 'restart') : null)
    ]
    for (const step of steps) {
      const result = await step()
      if (result && !result.ok) {
        setError(result.error)
        break
      }
    }
    setRunning(null)
  }

  return (
    <Modal
      opened
      onClose={() => void update({ welcome: 'dismissed' })}
      size={640}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={
        <Title order={2} fz={24}>
          {t('welcome.title')}
        </Title>
      }
    >
      <Stack gap="lg">
        <Text size="md">{t('welcome.intro')}</Text>
        <TextInput
          size="md"
          label={t('welcome.organisationName')}
          description={t('welcome.organisationNameDescription')}
          placeholder={t('welcome.organisationNamePlaceholder')}
          value={organisationName}
          onChange={(event) => setOrganisationName(event.currentTarget.value)}
          error={fieldError('organisationName')}
          data-autofocus
        />
        {info.data?.demoPresent && (
          <Radio.Group label={t('welcome.demo')} size="md" value={demo} onChange={(value) => setDemo(value as 'keep' | 'remove')}>
            <Stack gap="sm" mt="xs">
              <Radio value="keep" label={t('welcome.demoKeep')} description={t('welcome.demoKeepDescription')} />
              <Radio value="remove" label={t('welcome.demoRemove')} description={t('welcome.demoRemoveDescription')} />
            </Stack>
          </Radio.Group>
        )}
        <Stack gap={4}>
          <Group gap={6}>
            <IconMapPin size={18} aria-hidden />
            <Text fw={600}>{t('welcome.tour')}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('welcome.tourDescription')}
          </Text>
        </Stack>
        {error && !fieldError('organisationName') && <ErrorNotice error={error} />}
        <Group justify="space-between">
          <Button variant="subtle" color="gray" size="md" disabled={running !== null} onClick={() => void update({ welcome: 'dismissed' })}>
            {t('welcome.later')}
          </Button>
          <Group gap="sm">
            <Button variant="default" size="md" loading={running === 'finish'} disabled={running === 'tour'} onClick={() => void finish(false)}>
              {t('welcome.start')}
            </Button>
            <Button size="md" leftSection={<IconMapPin size={18} />} loading={running === 'tour'} disabled={running === 'finish'} onClick={() => void finish(true)}>
              {t('welcome.startWithTour')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  )
}
