import type { RemarkDraft } from '@shared/domain'
import type { Turn } from '@shared/speaking'

/**
 * The note-taker's box and how it changes, pure: typed text, tags, the star and 入纪要, and whom the remark
 * is for. It is bound when the first character is typed, and it stays theirs when the mic passes: the
 * remark box (RemarkPanel) shows then that it is still for them, until it is saved or given to the new
 * speaker.
 */
export interface Box {
  text: string
  tags: string[]
  starred: boolean
  /** 入纪要: one of the speaker's main points, for the 会议纪要. */
  forMinutes: boolean
  /** The speaker the remark was started for: it stays theirs when the mic passes. */
  speakerId: string | null
  turnId: string | null
}

export const EMPTY_BOX: Box = { text: '', tags: [], starred: false, forMinutes: false, speakerId: null, turnId: null }

export const boxFromDraft = (draft: RemarkDraft): Box => ({
  text: draft.text,
  tags: draft.tags,
  starred: draft.starred,
  forMinutes: draft.forMinutes,
  speakerId: draft.speakerId,
  turnId: draft.turnId
})

/** Whom the remark is for: the speaker it was started for, else whoever holds the mic. */
export const boundTo = (box: Box, current: Turn | null): string | null => box.speakerId ?? current?.personId ?? null

/** The draft is still someone's whom the mic has left. */
export const movedOn = (box: Box, current: Turn | null): boolean => box.speakerId !== null && current !== null && box.speakerId !== current.personId

/** The turn a saved remark belongs to: the one it was started in, else the one now speaking. */
export const turnOfRemark = (box: Box, current: Turn | null): string | null => (box.speakerId ? box.turnId : (current?.id ?? null))

/** Something chosen for the remark besides its text: a tag, the star or 入纪要. */
const isMarked = (box: Box): boolean => box.tags.length > 0 || box.starred || box.forMinutes

/** The first character binds the remark to whoever holds the mic now; an emptied box lets go (unless tagged or marked). */
export function typed(box: Box, text: string, current: Turn | null): Box {
  if (text.trim() === '') return { ...box, text, speakerId: isMarked(box) ? box.speakerId : null, turnId: null }
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

export const toggledForMinutes = (box: Box): Box => ({ ...box, forMinutes: !box.forMinutes })

/**
 * The keys of the box's two marks, as boxKey reads them and the toolbar shows them.
 *
 * 入纪要 is Ctrl+B, not Ctrl+M: the Window menu's 最小化 (Electron's `minimize` role, src/main/menu.ts) is
 * CmdOrCtrl+M, so outside the box Ctrl+M would hide the console mid-session (and Cmd+M on a Mac always
 * does). B is no menu role's, reserved by neither Chromium nor Electron (in a plain textarea it is only
 * rich text's bold, which does nothing there; a browser lets a page take it), and no console key either:
 * the console's letters (S D N H E A P F) act on the mic, so none is one forgotten Ctrl away. Bold is
 * also the mark's sense: this remark is a main point.
 */
export const MARK_KEYS = {
  star: { key: 'k', shown: 'Ctrl K' },
  forMinutes: { key: 'b', shown: 'Ctrl B' }
} as const

export type BoxKey = { type: 'save' } | { type: 'leave' } | { type: 'tag'; tag: string } | { type: 'star' } | { type: 'forMinutes' }

/**
 * A key pressed in the box: Enter saves, Shift+Enter is a new line (null: the textarea's own), Esc leaves
 * the box (so the console's keys work again), Ctrl+1… toggles the quick tags, Ctrl+K the star and Ctrl+B
 * 入纪要. While an input method is composing Chinese, Enter and Esc belong to it.
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
  const letter = event.key.toLowerCase()
  if (letter === MARK_KEYS.star.key) return { type: 'star' }
  return letter === MARK_KEYS.forMinutes.key ? { type: 'forMinutes' } : null
}
