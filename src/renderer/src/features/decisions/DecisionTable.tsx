import { ActionIcon, Anchor, Badge, Checkbox, Table, Text } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useRef } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Decision } from '@shared/domain'
import { api } from '../../api'
import { formatIsoDate } from '../../format'
import { hrefFor, useLocation } from '../../router'

/** Where 搜索 opens a decision: its session's page, scrolled to the decision and marking it. */
export const decisionHref = (sessionId: string, decisionId: string): string => hrefFor('sessions', sessionId, 'decision', decisionId)

/** The decision the page was opened at (`#/sessions/<id>/decision/<decisionId>`), if any. */
function useLinkedDecision(): string | undefined {
  const [, kind, id] = useLocation().params
  return kind === 'decision' ? id : undefined
}

/** 议定事项 with a tick for done; overdue open ones stand out, and one opened from 搜索 is shown and marked. */
export function DecisionTable({ decisions, showSession }: { decisions: Decision[]; showSession: boolean }) {
  const { t } = useTranslation()
  const today = formatIsoDate(Date.now())
  const highlightId = useLinkedDecision()
  // Scroll to it once: ticking it done re-renders the table, and the page should not jump back to it then.
  const scrolledTo = useRef<string | null>(null)
  const scrollOnce = (element: HTMLTableRowElement | null): void => {
    if (!element || scrolledTo.current === highlightId) return
    scrolledTo.current = highlightId ?? null
    element.scrollIntoView({ block: 'center' })
  }
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
          const highlighted = decision.id === highlightId
          return (
            <Table.Tr
              key={decision.id}
              id={`decision-${decision.id}`}
              data-testid="decision"
              data-highlighted={highlighted || undefined}
              bg={highlighted ? 'yellow.1' : undefined}
              ref={highlighted ? scrollOnce : undefined}
              c={decision.status === 'done' ? 'dimmed' : undefined}
            >
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
