import { notifications } from '@mantine/notifications'
import { useCallback, useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { LiveView, RemarkDraft } from '@shared/domain'
import { api } from '../../api'
import { boundTo, boxFromDraft, chosenFor, EMPTY_BOX, movedOn, reboundTo, toggledForMinutes, toggledStar, toggledTag, turnOfRemark, typed, type Box } from './remark-box'
import { useDraft } from './use-draft'

/** The remark box's state against the live session (remark-box.ts), kept as a draft, and 保存记录. */
export function useRemarkBox(view: LiveView) {
  const { t } = useTranslation()
  const sessionId = view.session.id
  const current = view.state.current
  const [box, setBox] = useState<Box>(EMPTY_BOX)
  /** A draft came back after a restart: say whose it is until the note-taker types or saves. */
  const [showRestored, setShowRestored] = useState(false)
  const [saving, setSaving] = useState(false)
  /** How many remarks this box has saved: the list shows the newest turn when it grows (RemarkPanel). */
  const [saved, setSaved] = useState(0)
  const restore = useCallback((draft: RemarkDraft) => {
    setBox(boxFromDraft(draft))
    setShowRestored(draft.text.trim() !== '')
  }, [])
  const draft = useDraft(sessionId, box, restore)
  const speakerId = boundTo(box, current)

  const rebind = useCallback((): void => {
    if (!current) return
    setBox((previous) => reboundTo(previous, current))
    setShowRestored(false)
  }, [current])

  // Stable between keystrokes, so the picker and the toolbar around the box need not draw again as it is typed in.
  const choose = useCallback((personId: string | null) => setBox((previous) => chosenFor(previous, personId, current)), [current])
  const toggleTag = useCallback((tag: string) => setBox((previous) => toggledTag(previous, tag)), [])
  const toggleStar = useCallback(() => setBox(toggledStar), [])
  const toggleForMinutes = useCallback(() => setBox(toggledForMinutes), [])

  function type(text: string): void {
    setShowRestored(false)
    setBox((previous) => typed(previous, text, current))
  }

  async function save(): Promise<void> {
    const text = box.text.trim()
    if (!text || !speakerId || saving) return
    setSaving(true)
    const { tags, starred, forMinutes } = box
    const result = await api.invoke('remarks:create', { sessionId, speakerId, turnId: turnOfRemark(box, current), text, tags, starred, forMinutes })
    setSaving(false)
    if (!result.ok) return void notifications.show({ color: 'red', message: t(`errors.${result.error.code}`) })
    draft.cancel()
    setBox(EMPTY_BOX)
    setShowRestored(false)
    setSaved((count) => count + 1)
  }

  return {
    box,
    /** Whom the remark is for (null: nobody yet). */
    boundTo: speakerId,
    movedOn: movedOn(box, current),
    showRestored,
    saving,
    saved,
    type,
    rebind,
    save,
    choose,
    toggleTag,
    toggleStar,
    toggleForMinutes
  }
}
