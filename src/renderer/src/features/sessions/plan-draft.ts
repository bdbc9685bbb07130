import { newKey, type PlanForm } from './plan-form'

/**
 * The planner's unsaved draft, kept in the browser's storage under the plan it belongs to (a session's id,
 * `copy-<id>`, `new`, `new-theme-<id>`), so leaving the page (to make a theme, to look a person up) or
 * closing the window does not lose it.
 */
const PREFIX = 'roundtable.plannerDraft.'

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface PlanDraft {
  values: PlanForm
  savedAt: number
}

/** The form without its agenda items' list keys, which differ between two loads of the same plan. */
const comparable = (form: PlanForm): string => JSON.stringify({ ...form, agenda: form.agenda.map(({ key: _key, ...item }) => item) })

/** Whether the form differs from the plan it was opened on. */
export const isChanged = (form: PlanForm, opened: PlanForm): boolean => comparable(form) !== comparable(opened)

export function loadDraft(storage: DraftStorage, key: string): PlanDraft | null {
  try {
    const raw = storage.getItem(PREFIX + key)
    if (!raw) return null
    const draft = JSON.parse(raw) as PlanDraft
    if (!draft || typeof draft !== 'object' || !draft.values || !Array.isArray(draft.values.agenda) || !Array.isArray(draft.values.invitees)) return null
    // Fresh list keys: the counter that made the stored ones started again with the page.
    return { ...draft, values: { ...draft.values, agenda: draft.values.agenda.map((item) => ({ ...item, key: newKey() })) } }
  } catch {
    return null
  }
}

/** Keeps the form when it differs from the plan it was opened on, else forgets any draft. */
export function keepDraft(storage: DraftStorage, key: string, form: PlanForm, opened: PlanForm, now: number): void {
  try {
    if (isChanged(form, opened)) storage.setItem(PREFIX + key, JSON.stringify({ values: form, savedAt: now } satisfies PlanDraft))
    else storage.removeItem(PREFIX + key)
  } catch {
    // A full or refused storage loses only the draft, never the form on screen.
  }
}

export function dropDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(PREFIX + key)
  } catch {
    // As above.
  }
}
