/**
 * When a window-wide key handler must stand aside. The console's keys (live/) and the remark box's
 * Ctrl+J (remarks/) both listen on the window, so both ask these same questions.
 */

/** Keys typed into a text field, a select's search or an editable region belong to that field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type)
  return false
}

/** An open dialog (a picker, a confirmation) has the keys: nothing behind it may act on them. */
export const isDialogOpen = (): boolean => document.querySelector('[role="dialog"]') !== null
