import { ActionIcon, Anchor, Badge, Checkbox, Table, Text } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Decision } from '@shared/domain'
import { api } from '../../api'
import { formatIsoDate } from '../../format'
import { hrefFor } from '../../router'

/** 议定事项 with a tick for done; overdue open ones stand out. */
export function DecisionTable({ decisions, showSession }: { decisions: Decision[]; showSession: boolean }) {
  const { t } = useTranslation()
  const today = formatIsoDate(Date.now())
  if (decisions.length === 0) return <Text c="dimmed">{t('decisions.empty')}</Text>
  return (
    <Table verticalSpacing="xs" aria-label={t('decisions.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('decisions.done')}</Table.Th>
          <Table.Th>{t('decisions.text')}</Table.Th>
          <Table.Th>{t('decisions.owner')}</Table.Th>
          <Table.Th>{t('decisions.due')}</Table.Th>
          {showSession && <Table.Th>{t('decisions.session')}</Table.Th>}
          <Table.Th w={48} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {decisions.map((decision) => {
          const overdue = decision.status === 'open' && decision.dueDate !== null && decision.dueDate < today
          return (
            <Table.Tr key={decision.id} c={decision.status === 'done' ? 'dimmed' : undefined}>
              <Table.Td>
                <Checkbox
                  size="md"
                  aria-label={t('decisions.markDone', { text: decision.text })}
                  checked={decision.status === 'done'}
                  onChange={(event) => void api.invoke('decisions:update', { id: decision.id, status: event.currentTarget.checked ? 'done' : 'open' })}
                />
              </Table.Td>
              <Table.Td td={decision.status === 'done' ? 'line-through' : undefined}>{decision.text}</Table.Td>
              <Table.Td>{decision.ownerName || '—'}</Table.Td>
              <Table.Td>
                {decision.dueDate ?? '—'}
                {overdue && (
                  <Badge ml="xs" color="orange" variant="light">
                    {t('decisions.overdue')}
                  </Badge>
                )}
              </Table.Td>
              {showSession && (
                <Table.Td>
                  <Anchor href={hrefFor('sessions', decision.sessionId)}>{decision.sessionTitle}</Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label={t('decisions.delete', { text: decision.text })} onClick={() => void api.invoke('decisions:delete', { id: decision.id })}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
