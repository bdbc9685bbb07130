import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView } from '@shared/domain'
import { nameOf, personOf, queueLabelKey } from './live-view'

/** How many waiting speakers are named; the rest are counted (还有 N 人). */
const QUEUE_SHOWN = 3

/** 下一位: the next few speakers in order, the first one stressed, each with why they are waiting. */
export function QueueStrip({ view }: { view: LiveView }) {
  const { t } = useTranslation()
  const { queue } = view.state
  return (
    // One line where it fits: the word, then the names (they wrap under it when many or long).
    <Group gap={6} role="group" aria-label={t('live.next')}>
      <Text c="dimmed" fw={700} size="sm" mr={4}>
        {t('live.next')}
      </Text>
      {queue.length === 0 && <Text c="dimmed">{t('live.queueEmpty')}</Text>}
      {queue.slice(0, QUEUE_SHOWN).map((entry, index) => {
        const person = personOf(view, entry.personId)
        const labelKey = queueLabelKey(entry)
        return (
          <Badge key={`${entry.personId}-${index}`} size="lg" radius="sm" variant={index === 0 ? 'filled' : 'light'} color={index === 0 ? 'blue' : 'gray'} tt="none">
            {person ? nameOf(view, person.personId) : '?'}
            {labelKey ? ` · ${t(labelKey)}` : ''}
          </Badge>
        )
      })}
      {queue.length > QUEUE_SHOWN && (
        <Text size="sm" c="dimmed">
          {t('live.queueMore', { count: queue.length - QUEUE_SHOWN })}
        </Text>
      )}
    </Group>
  )
}
