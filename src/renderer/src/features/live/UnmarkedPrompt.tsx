import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { AppError } from '@shared/result'
import { ErrorNotice } from '../../shell/ErrorNotice'

interface Props {
  /** Why the last try failed (e.g. another window ended the session first). */
  error?: AppError
  /** 开始场次 or 结束场次: what the user asked for, and will get with 仍然开始 / 仍然结束. */
  moment: 'start' | 'end'
  /** The people still 未签到, as the session names them. */
  names: string[]
  onEveryonePresent: () => Promise<boolean>
  onAnyway: () => Promise<boolean>
  onGoCheckIn: () => void
  onCancel: () => void
}

/**
 * Asked when a session starts or ends with people neither checked in nor marked absent (DESIGN §9):
 * they are never counted as present unless someone says so.
 */
export function UnmarkedPrompt({ moment, names, error, onEveryonePresent, onAnyway, onGoCheckIn, onCancel }: Props) {
  const { t } = useTranslation()
  const [running, setRunning] = useState<'all' | 'anyway' | null>(null)
  const run = async (which: 'all' | 'anyway', call: () => Promise<boolean>): Promise<void> => {
    setRunning(which)
    await call()
    setRunning(null)
  }
  return (
    <Modal opened onClose={onCancel} title={t('live.unmarked.title', { count: names.length })} centered size="lg">
      <Stack gap="sm">
        <Text>{t(`live.unmarked.${moment}`)}</Text>
        <Text fw={600} data-testid="unmarked-names">
          {names.join(t('common.listSeparator'))}
        </Text>
        {error && running === null && <ErrorNotice error={error} />}
        <Group justify="flex-end" mt="md">
          <Button variant="default" size="md" onClick={onGoCheckIn} disabled={running !== null} data-autofocus>
            {t('live.unmarked.goCheckIn')}
          </Button>
          <Button variant="light" size="md" loading={running === 'anyway'} disabled={running !== null} onClick={() => void run('anyway', onAnyway)}>
            {t(moment === 'start' ? 'live.unmarked.startAnyway' : 'live.unmarked.endAnyway')}
          </Button>
          <Button size="md" color="green" loading={running === 'all'} disabled={running !== null} onClick={() => void run('all', onEveryonePresent)}>
            {t('live.unmarked.everyonePresent')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
