import { Paper, Text, Textarea } from '@mantine/core'
import { useCallback, useMemo, useRef } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView, Remark } from '@shared/domain'
import { useChannel } from '../../api/use-channel'
import { attendanceLabels, labelOn, personOptions } from '../../common/person-labels'
import { useSettings } from '../../shell/settings-context'
import { useRebindKey } from './rebind-key'
import { boxKey } from './remark-box'
import { MovedOnAlert, RemarkBinding } from './RemarkBinding'
import { VirtualRemarkList } from './RemarkList'
import { RemarkToolbar } from './RemarkToolbar'
import classes from './remarks.module.css'
import { useRemarkBox } from './use-remark-box'

/**
 * The note-taker's box, bound to the current speaker. Enter saves (保存记录), Shift+Enter is a new line,
 * Ctrl+1… toggles the quick tags, Ctrl+K the star, Ctrl+B 入纪要, Ctrl+J gives the draft to the current
 * speaker and Esc leaves the box (so the console's keys work again). What is typed is kept as a draft in
 * the database.
 * Whom the remark is for is always in plain sight, and unmistakable once the mic has moved on from them.
 */
/** No remarks yet: one list for every render, so the memoised list is not drawn again for a new empty one. */
const EMPTY: Remark[] = []

export function RemarkPanel({ view }: { view: LiveView }) {
  const { t } = useTranslation()
  const { remarkTags } = useSettings()
  const remarks = useChannel('remarks:list', { sessionId: view.session.id }, ['remarks:changed'])
  const textarea = useRef<HTMLTextAreaElement>(null)
  const remark = useRemarkBox(view)
  useRebindKey(remark.rebind, textarea)
  const { box, boundTo, movedOn } = remark
  // Names carry their place when a namesake is on the session (DESIGN §9).
  const boundName = labelOn(view.attendance, boundTo)
  const currentName = labelOn(view.attendance, view.state.current?.personId)
  // Kept between keystrokes (a new list each render would re-render every remark below: issue 16's keystroke budget).
  const people = useMemo(() => personOptions(view.attendance, view.attendance.filter((entry) => !entry.absent)), [view.attendance])
  const names = useMemo(() => attendanceLabels(view.attendance), [view.attendance])

  // The latest save, behind a function that stays the same (the toolbar keeps its drawing between keys).
  const saveRef = useRef(remark.save)
  saveRef.current = remark.save
  const save = useCallback(() => void saveRef.current(), [])

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>): void {
    const { key, shiftKey, ctrlKey, metaKey } = event
    const command = boxKey({ key, shiftKey, ctrlKey, metaKey, isComposing: event.nativeEvent.isComposing }, remarkTags)
    if (!command) return
    event.preventDefault()
    if (command.type === 'save') void remark.save()
    else if (command.type === 'leave') event.currentTarget.blur()
    else if (command.type === 'tag') remark.toggleTag(command.tag)
    else if (command.type === 'star') remark.toggleStar()
    else remark.toggleForMinutes()
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      className={classes.panel}
      component="section"
      aria-labelledby="remark-heading"
      data-moved-on={movedOn || undefined}
      // The whole box turns orange while it writes for someone other than the speaker.
      style={movedOn ? { border: '3px solid var(--mantine-color-orange-6)', background: 'var(--mantine-color-orange-0)' } : undefined}
    >
      <RemarkBinding boundTo={boundTo} boundName={boundName} movedOn={movedOn} people={people} onChoose={remark.choose} />
      {movedOn && <MovedOnAlert boundName={boundName} currentName={currentName} onRebind={remark.rebind} />}
      {remark.showRestored && (
        <Text size="sm" c="blue.8" fw={600} mb={4} data-testid="remark-restored">
          {boundTo ? t('remarks.restored', { name: boundName }) : t('remarks.restoredNobody')}
        </Text>
      )}
      <Textarea
        ref={textarea}
        aria-label={t('remarks.box')}
        placeholder={boundTo ? t('remarks.placeholder', { name: boundName }) : t('remarks.placeholderNobody')}
        classNames={{ input: classes.box }}
        value={box.text}
        onChange={(event) => remark.type(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        size="md"
      />
      <RemarkToolbar
        selectedTags={box.tags}
        starred={box.starred}
        forMinutes={box.forMinutes}
        tags={remarkTags}
        canSave={box.text.trim() !== '' && boundTo !== null}
        saving={remark.saving}
        onToggleTag={remark.toggleTag}
        onToggleStar={remark.toggleStar}
        onToggleForMinutes={remark.toggleForMinutes}
        onSave={save}
      />
      <VirtualRemarkList remarks={remarks.data ?? EMPTY} people={people} names={names} showNewest={remark.saved} />
    </Paper>
  )
}
