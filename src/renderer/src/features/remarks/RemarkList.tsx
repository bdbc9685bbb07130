import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconFileCheck, IconStarFilled } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Remark } from '@shared/domain'
import { api } from '../../api'
import { DeferredSelect } from '../../common/DeferredSelect'
import type { PersonOption } from '../../common/person-labels'
import { RemarkEditor, RemarkMenu } from './RemarkActions'
import classes from './remarks.module.css'

interface Props {
  remarks: Remark[]
  people: PersonOption[]
  /** Speakers' names as the session shows them (with their place beside a namesake); else the stored name. */
  names?: ReadonlyMap<string, string>
  /** A remark to show and mark (opened from 搜索). */
  highlightId?: string
}

/** One speaker's remarks in a row, under their name. */
interface SpeakerGroup {
  key: string
  speakerId: string
  speakerName: string
  remarks: Remark[]
}

function bySpeaker(remarks: Remark[]): SpeakerGroup[] {
  const groups: SpeakerGroup[] = []
  for (const remark of remarks) {
    const last = groups.at(-1)
    if (last && last.speakerId === remark.speakerId) last.remarks.push(remark)
    else groups.push({ key: `${remark.speakerId}-${groups.length}`, speakerId: remark.speakerId, speakerName: remark.speakerName, remarks: [remark] })
  }
  return groups
}

/**
 * The remarks grouped by speaker, in speaking order: edit, re-assign, mark 入纪要, delete (with 撤销). All
 * of them drawn (the session page, where one opened from 搜索 is scrolled to and marked).
 */
export const RemarkList = memo(function RemarkList({ remarks, people, names, highlightId }: Props) {
  const { t } = useTranslation()
  if (remarks.length === 0) return <Text c="dimmed">{t('remarks.empty')}</Text>
  return (
    <Stack gap="xs" aria-label={t('remarks.list')} role="list">
      {bySpeaker(remarks).map((group) => (
        <RemarkGroup key={group.key} group={group} people={people} names={names} highlightId={highlightId} itemClassName={classes.offscreenItem} />
      ))}
    </Stack>
  )
})

/**
 * The console's list: the same groups, newest first, and only those in view (and a few either side) are
 * drawn, in a box of its own that scrolls under the remark box. Newest first: a remark saved in the box
 * shows just below it, with the speaker's turn it belongs to; in speaking order it went to the end of a
 * list hundreds of remarks long, out of sight. A group's own remarks stay in the order they were made.
 * Virtual: a long evening's hundreds of remarks made the console slow to open (React built every one of
 * them) and every keystroke in the box slower (issue 16).
 * Memoised: the remark box above it re-renders on every keystroke, and the list must not.
 */
/** A group's name and padding, and one remark in it, in px: VirtualRemarkList's guess of a group's height before it is measured. */
const GROUP_HEIGHT = 24
const REMARK_HEIGHT = 100

export const VirtualRemarkList = memo(function VirtualRemarkList({
  remarks,
  people,
  names,
  showNewest
}: Omit<Props, 'highlightId'> & {
  /** Changed when the box has saved a remark: the list goes back to the top, where that remark's turn is. */
  showNewest?: number
}) {
  const { t } = useTranslation()
  const scroller = useRef<HTMLDivElement>(null)
  // Keys are made in speaking order (bySpeaker), so a group keeps its key, and its measured height, as newer ones come.
  const groups = useMemo(() => bySpeaker(remarks).reverse(), [remarks])
  // Scrolled down to earlier turns: a change that adds a turn at the top (a remark re-assigned, one from another
  // window) must not move what is being read; the library keeps the group in view where it was. At the top, new
  // turns show as they come. Where the list is scrolled to is the library's figure, from the last scroll event it
  // saw (the instance of the draw before; the list is not measured as it draws).
  const previous = useRef<{ scrollOffset: number | null } | null>(null)
  const readingEarlier = (previous.current?.scrollOffset ?? 0) > 0
  const virtualizer = useVirtualizer({
    anchorTo: readingEarlier ? 'end' : 'start',
    count: groups.length,
    getScrollElement: () => scroller.current,
    getItemKey: (index) => groups[index]!.key,
    // A name and its remarks, each a line or three of text and its tags (~60–120 px); each group is measured once
    // drawn. Guessed by its count of remarks, not one size for all: groups guessed too small were drawn at the
    // console's opening only to be removed once measured (a turn of five remarks is ~580 px, issue 16).
    estimateSize: (index) => GROUP_HEIGHT + REMARK_HEIGHT * groups[index]!.remarks.length,
    // Two groups beyond those in view either way (each a name and its remarks, ~110–300 px): enough for the wheel
    // and the arrow keys, and each group more is some forty elements drawn as the console opens (6 → 2 was
    // 14–21 ms sooner to interactive by paired loads, issue 16).
    overscan: 2,
    gap: 8,
    // The box is measured as the first draw is put in place (the library does, before the page is painted) and
    // the groups in view are then added at once: the first draw holds only the first few (the overscan), not a
    // guessed window's height of them; on the console at 1366×768 two groups show, and drawing 13 groups to
    // remove 5 of them was a good part of opening it (issue 16: time to interactive).
    initialRect: { width: 0, height: 0 },
    // Measuring a group moves the ones after it: the library writes their positions and the list's height
    // itself, and draws again only when other groups come into view (a whole draw of the list, synchronously,
    // for each measurement was ~75 ms as the console opened).
    directDomUpdates: true
  })
  useEffect(() => {
    previous.current = virtualizer
  }, [virtualizer])
  // The library's own jump: a turn added before its scroll event has come back is not kept in place.
  useEffect(() => {
    if (showNewest) virtualizer.scrollToOffset(0)
  }, [showNewest, virtualizer])
  return (
    <div ref={scroller} className={classes.scroller} data-testid="remark-scroller">
      {remarks.length === 0 ? (
        <Text c="dimmed">{t('remarks.empty')}</Text>
      ) : (
        <div ref={virtualizer.containerRef} role="list" aria-label={t('remarks.list')} data-count={remarks.length} style={{ position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className={classes.row}>
              <RemarkGroup group={groups[row.index]!} people={people} names={names} />
            </div>
          ))}
        </div>
      )}
    </div>
  )
})

const RemarkGroup = memo(function RemarkGroup({ group, people, names, highlightId, itemClassName }: { group: SpeakerGroup; people: PersonOption[]; names?: ReadonlyMap<string, string>; highlightId?: string; itemClassName?: string }) {
  return (
    <Paper withBorder p="xs" role="listitem">
      <div className={classes.speaker}>{names?.get(group.speakerId) ?? group.speakerName}</div>
      <div className={classes.groupRemarks}>
        {group.remarks.map((remark) => (
          <RemarkItem key={remark.id} remark={remark} people={people} highlighted={remark.id === highlightId} className={itemClassName} />
        ))}
      </div>
    </Paper>
  )
})

function RemarkItem({ remark, people, highlighted, className }: { remark: Remark; people: PersonOption[]; highlighted: boolean; className?: string }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [reassigning, setReassigning] = useState(false)

  if (editing) return <RemarkEditor remark={remark} onDone={() => setEditing(false)} />

  // Plain elements styled by remarks.module.css, not Mantine's Group, Stack and Text: a session page draws every
  // remark, and their styling machinery cost more than the remarks themselves (issue 16).
  return (
    <div
      data-testid="remark"
      className={className ? `${classes.remark} ${className}` : classes.remark}
      id={`remark-${remark.id}`}
      data-highlighted={highlighted || undefined}
      ref={(element) => {
        if (highlighted && element) element.scrollIntoView({ block: 'center' })
      }}
    >
      <div className={classes.remarkBody}>
        <p className={classes.remarkText}>
          {remark.starred && <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-label={t('remarks.star')} />} {remark.text}
        </p>
        {(remark.forMinutes || remark.tags.length > 0) && (
          <Group gap={4}>
            {remark.forMinutes && (
              // Filled, unlike the tags: the one mark the 会议纪要 reads. Its text names it for everyone.
              <Badge size="sm" color="teal" leftSection={<IconFileCheck size={12} aria-hidden />} data-testid="remark-for-minutes">
                {t('remarks.forMinutes')}
              </Badge>
            )}
            {remark.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        {reassigning && (
          <DeferredSelect
            size="xs"
            w={180}
            aria-label={t('remarks.reassignTo')}
            data={people}
            value={remark.speakerId}
            searchable
            onChange={async (speakerId) => {
              if (speakerId && speakerId !== remark.speakerId) await api.invoke('remarks:update', { id: remark.id, speakerId })
              setReassigning(false)
            }}
          />
        )}
      </div>
      <RemarkMenu remark={remark} onEdit={() => setEditing(true)} onReassign={() => setReassigning(true)} />
    </div>
  )
}
