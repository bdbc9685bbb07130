import { useEffect, type RefObject } from 'react'
import { isDialogOpen, isTypingTarget } from '../../common/keyboard'

/** Gives the draft to whoever holds the mic now. Ctrl+J: no console key uses it (see live/shortcuts.ts). */
export const REBIND_KEY = { key: 'j', shown: 'Ctrl J', aria: 'Control+J' } as const

const isRebindKey = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === REBIND_KEY.key

/**
 * The rebind key works in the box and anywhere on the console, but not in another field or a dialog:
 * a key acts only where it is pressed.
 */
export function useRebindKey(rebind: () => void, box: RefObject<HTMLTextAreaElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isRebindKey(event) || (isTypingTarget(event.target) && event.target !== box.current)) return
      if (isDialogOpen()) return
      event.preventDefault()
      rebind()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [rebind, box])
}
