import { useLayoutEffect } from 'react'
import { isDialogOpen, isTypingTarget } from '../../common/keyboard'
import { commandFor, type Command } from './shortcuts'

/**
 * The console's keys (shortcuts.ts), captured on the window, so Space passes the mic even when a button
 * has the focus (it is not clicked twice). They stand aside while `listening` is false (a picker is
 * open), in a text field, behind any dialog, and for a held key's repeats.
 */
export function useConsoleKeys(run: (command: Command) => void, listening: boolean): void {
  // Registered again after every render, so the key meets the `run` of the state now on screen; before the
  // browser paints (a layout effect), so no key pressed once the console shows can fall between two listeners.
  useLayoutEffect(() => {
    if (!listening) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isTypingTarget(event.target) || event.repeat) return
      if (isDialogOpen()) return
      const command = commandFor(event)
      if (!command) return
      event.preventDefault()
      event.stopPropagation()
      run(command)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  })
}
