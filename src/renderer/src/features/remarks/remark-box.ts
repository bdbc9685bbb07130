import type { RemarkDraft } from '@shared/domain'
import type { Turn } from '@shared/speaking'

/**
 * The note-taker's box and how it changes, pure: typed text, tags and star, and whom the remark is for.
 * It is bound when the first character is typed, and it stays theirs when the mic passes: the remark box
 * (RemarkPanel) shows then that it is still for them, until it is saved or given to the new speaker.
 */
export interface Box {
  text: string
  tags: string[]
  starred: boolean
  /** The speaker the remark was started for: it stays theirs when the mic passes. */
  speakerId: string | null
  turnId: string | null
}

export const EMPTY_BOX: Box = { text: '', tags: [], starred: false, speakerId: null, turnId: null }

export const boxFromDraft = (draft: RemarkDraft): Box => ({
  text: draft.text,
  tags: draft.tags,
  starred: draft.starred,
  speakerId: draft.speakerId,
  turnId: draft.turnId
})

/** Whom the remark is for: the speaker it was started for, else whoever holds the mic. */
export const boundTo = (box: Box, current: Turn | null): string | null => box.speakerId ?? current?.personId ?? null

/** The draft is still someone's whom the mic has left. */
export const movedOn = (box: Box, current: Turn | null): boolean => box.speakerId !== null && current !== null && box.speakerId !== current.personId

/** The turn a saved remark belongs to: the one it was started in, else the one now speaking. */
export const turnOfRemark = (box: Box, current: Turn | null): string | null => (box.speakerId ? box.turnId : (current?.id ?? null))

/** The first character binds the remark to whoever holds the mic now; an emptied box lets go (unless tagged or starred). */
export function typed(box: Box, text: string, current: Turn | null): Box {
  if (text.trim() === '') return { ...box, text, speakerId: box.tags.length || box.starred ? box.speakerId : null, turnId: null }
  if (box.speakerId) return { ...box, text }
  return { ...box, text, speakerId: current?.personId ?? null, turnId: current?.id ?? null }
}

/** Ctrl+J: only a draft already someone's moves to the speaker; an empty box simply follows the mic. */
export const reboundTo = (box: Box, current: Turn): Box => (box.speakerId ? { ...box, speakerId: current.personId, turnId: current.id } : box)

/** Chosen in 记给: whoever holds the mic gets the remark with their turn, as Ctrl+J does; anyone else has none. */
export const chosenFor = (box: Box, personId: string | null, current: Turn | null): Box => ({
  ...box,
  speakerId: personId,
  turnId: personId !== null && personId === current?.personId ? current.id : null
})

export const toggledTag = (box: Box, tag: string): Box => ({ ...box, tags: box.tags.includes(tag) ? box.tags.filter((other) => other !== tag) : [...box.tags, tag] })

export const toggledStar = (box: Box): Box => ({ ...box, starred: !box.starred })

export type BoxKey = { type: 'save' } | { type: 'leave' } | { type: 'tag'; tag: string } | { type: 'star' }

/**
 * A key pressed in the box: Enter saves, Shift+Enter is a new line (null: the textarea's own), Esc leaves
 * the box (so the console's keys work again), Ctrl+1… toggles the quick tags and Ctrl+K the star. While an
 * input method is composing Chinese, Enter and Esc belong to it.
 */
export function boxKey(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing'>,
  tags: readonly string[]
): BoxKey | null {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) return { type: 'save' }
  if (event.key === 'Escape' && !event.isComposing) return { type: 'leave' }
  if (!(event.ctrlKey || event.metaKey)) return null
  const index = Number(event.key) - 1
  if (Number.isInteger(index) && tags[index]) return { type: 'tag', tag: tags[index] }
  return event.key.toLowerCase() === 'k' ? { type: 'star' } : null
}
