import { Alert, Badge, Button, Group, Modal, Radio, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { PACK_RECORDS, type PackConflict, type PackLinkOffer, type PackPreview } from '@shared/contract/packs'
import { useSettings } from '../../shell/settings-context'
import { useAction } from '../../api/use-action'
import { useChannel } from '../../api/use-channel'
import { formatDate, formatDateTime } from '../../format'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'

const CHANGE_COLORS = { new: 'green', updated: 'blue', kept: 'orange', unchanged: 'gray' } as const

/**
 * 导入归档包: what the pack would add, change and conflict with, and the people it may share with this archive,
 * each to link or import as new. 合并 merges it all in one transaction; a refused pack says why, and nothing
 * was written.
 */
export function PackPreviewModal({ file, onClose }: { file: string; onClose: () => void }) {
  const { t } = useTranslation()
  const preview = useChannel('packs:preview', { file })
  const merge = useAction('packs:import')
  // Incoming person id → the person here they are, or absent: imported as a new person.
  const [links, setLinks] = useState<Record<string, string>>({})

  async function importPack(): Promise<void> {
    const result = await merge.run({ file, links: Object.entries(links).map(([incomingPersonId, existingPersonId]) => ({ incomingPersonId, existingPersonId })) })
    if (!result.ok) return
    const added = result.value.counts.sessions.added
    const updated = result.value.counts.sessions.updated
    notifications.show({ color: 'green', autoClose: 10_000, message: t('packs.imported', { laptop: result.value.sourceLaptop, added, updated, history: result.value.history }) })
    onClose()
  }

  return (
    <Modal opened onClose={onClose} title={t('packs.importTitle')} size={900}>
      {preview.error && <ErrorNotice error={preview.error} reasons={['packs.refused']} />}
      {!preview.data && !preview.error && <Loading />}
      {preview.data && (
        <Stack gap="md" data-testid="pack-preview">
          <PreviewBody preview={preview.data} links={links} onLinks={setLinks} />
          {merge.error && <ErrorNotice error={merge.error} reasons={['packs.refused']} />}
        </Stack>
      )}
      <Group justify="space-between" mt="md">
        <Button variant="default" size="md" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button size="md" disabled={!preview.data} loading={merge.running} onClick={() => void importPack()}>
          {t('packs.import.merge')}
        </Button>
      </Group>
    </Modal>
  )
}

function PreviewBody({ preview, links, onLinks }: { preview: PackPreview; links: Record<string, string>; onLinks: (links: Record<string, string>) => void }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  return (
    <>
      <Text>{t('packs.preview.from', { laptop: preview.sourceLaptop, date: formatDateTime(preview.createdAt, language) })}</Text>
      {preview.migrated && (
        <Alert color="blue" variant="light">
          {t('packs.migrated')}
        </Alert>
      )}
      <Title order={3} fz="md">
        {t('packs.preview.sessions', { count: preview.sessions.length })}
      </Title>
      <ScrollArea.Autosize mah={200} type="auto">
        <Table striped verticalSpacing={4} aria-label={t('packs.preview.sessionsTable')}>
          <Table.Tbody>
            {preview.sessions.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(session.plannedStart, language)}</Table.Td>
                <Table.Td>{session.title}</Table.Td>
                <Table.Td ta="right">
                  <Badge color={CHANGE_COLORS[session.change]} variant="light">
                    {t(`packs.change.${session.change}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <CountsTable preview={preview} />
      {preview.conflicts.length > 0 && <Conflicts conflicts={preview.conflicts} />}
      {preview.links.length > 0 && <LinkOffers offers={preview.links} links={links} onLinks={onLinks} />}
    </>
  )
}

function CountsTable({ preview }: { preview: PackPreview }) {
  const { t } = useTranslation()
  const columns = ['added', 'updated', 'keptHere', 'unchanged'] as const
  return (
    <Table withTableBorder verticalSpacing={4} aria-label={t('packs.preview.countsTable')} data-testid="pack-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {columns.map((column) => (
            <Table.Th key={column} ta="right">
              {t(`packs.counts.${column}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {/* Kinds the pack holds nothing of say nothing: left out. */}
        {PACK_RECORDS.filter((kind) => columns.some((column) => preview.counts[kind][column] > 0)).map((kind) => (
          <Table.Tr key={kind} data-kind={kind}>
            <Table.Td>{t(`packs.records.${kind}`)}</Table.Td>
            {columns.map((column) => (
              <Table.Td key={column} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {preview.counts[kind][column]}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Records edited on both laptops: the newer is kept, the older goes to the history (and is shown here). */
function Conflicts({ conflicts }: { conflicts: PackConflict[] }) {
  const { t } = useTranslation()
  const { language } = useSettings()
  return (
    <Stack gap={4} data-testid="pack-conflicts">
      <Title order={3} fz="md">
        {t('packs.preview.conflicts', { count: conflicts.length })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('packs.olderToHistory')}
      </Text>
      {conflicts.map((conflict) => (
        <Text key={`${conflict.kind}-${conflict.recordId}`} size="sm">
          {t('packs.preview.conflict', {
            kind: t(`packs.kind.${conflict.kind}`),
            pack: conflict.pack.label,
            packAt: formatDateTime(conflict.pack.updatedAt, language),
            archive: conflict.archive.label,
            archiveAt: formatDateTime(conflict.archive.updatedAt, language),
            kept: t(`packs.kept.${conflict.kept}`)
          })}
        </Text>
      ))}
    </Stack>
  )
}

const NEW_PERSON = ''

/** People who may be the same person under two ids: never merged silently, linked only when chosen. */
function LinkOffers({ offers, links, onLinks }: { offers: PackLinkOffer[]; links: Record<string, string>; onLinks: (links: Record<string, string>) => void }) {
  const { t } = useTranslation()
  const describe = (person: PackLinkOffer['incoming']) => [person.name, person.village || person.organisation, person.phone].filter(Boolean).join(t('common.listSeparator'))
  return (
    <Stack gap="sm" data-testid="pack-links">
      <Group justify="space-between">
        <Title order={3} fz="md">
          {t('packs.preview.links', { count: offers.length })}
        </Title>
        {/* A village's pack often names the same people again: one click links each to their first match. */}
        <Button
          size="sm"
          variant="light"
          onClick={() => onLinks(Object.fromEntries(offers.map((offer) => [offer.incoming.id, offer.candidates[0]!.id])))}
        >
          {t('packs.preview.linkAll')}
        </Button>
      </Group>
      {offers.map((offer) => (
        <Radio.Group
          key={offer.incoming.id}
          label={t('packs.preview.incoming', { person: describe(offer.incoming) })}
          value={links[offer.incoming.id] ?? NEW_PERSON}
          onChange={(value) => {
            const next = { ...links }
            if (value === NEW_PERSON) delete next[offer.incoming.id]
            else next[offer.incoming.id] = value
            onLinks(next)
          }}
        >
          <Stack gap={4} mt={4}>
            <Radio value={NEW_PERSON} label={t('packs.preview.asNew')} />
            {offer.candidates.map((candidate) => (
              <Radio key={candidate.id} value={candidate.id} label={t('packs.preview.linkTo', { person: describe(candidate), reason: t(`packs.linkReason.${candidate.reason}`) })} />
            ))}
          </Stack>
        </Radio.Group>
      ))}
    </Stack>
  )
}
