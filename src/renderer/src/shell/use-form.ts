import { useState, type ChangeEvent, type FormEvent } from 'react'
import type { Channel, InputOf, OutputOf } from '@shared/contract'
import type { AppError } from '@shared/result'
import { useAction } from '../api/use-action'
import { useFieldErrors, type CheckedIssues } from './field-errors'

export interface FormOptions<V, C extends Channel> {
  /** The values the form opens with (a function is called once, on the first render). */
  initial: V | (() => V)
  /** Where the values are sent: the create or the update channel, chosen once, as a form does one of them. */
  channel: C
  /** The values as the contract takes them: trimmed, lines split, the id added when editing. */
  toInput: (values: V) => InputOf<C>
  /** Applied after every change, for values that follow from others (the planner puts its host on the list). */
  derive?: (values: V) => V
  /** What the form checks itself before sending, for what could not even be sent (an empty date). */
  check?: (values: V) => CheckedIssues
  /** After core has stored it; `reset` empties the form for the next one. */
  onSaved: (saved: OutputOf<C>, form: { reset: () => void }) => void
}

/** Keys whose values a text box can show and edit. */
type TextKey<V> = { [K in keyof V]-?: V[K] extends string | null ? K : never }[keyof V]

export interface Form<V> {
  values: V
  set: <K extends keyof V>(key: K, value: V[K]) => void
  change: (patch: Partial<V>) => void
  /** Back to the initial values. */
  reset: () => void
  /** Props for an input that calls onChange with its value (Select, TagsInput, DateInput …). */
  field: <K extends keyof V>(key: K) => { value: V[K]; onChange: (value: V[K]) => void; error: string | undefined }
  /** Props for a TextInput or Textarea; a null value shows as empty. */
  text: (key: TextKey<V>) => { value: string; onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void; error: string | undefined }
  /** The translated message for the field at `path` (e.g. 'agenda.0.lecturerId'), from the form's check or from core; gone once that value changes. */
  fieldError: (path: string) => string | undefined
  /** Checks, sends, and on success calls onSaved. */
  submit: () => Promise<void>
  /** For `<form onSubmit>`: no page load, no browser validation bubbles. */
  onSubmit: (event: FormEvent) => void
  running: boolean
  /** The last failure from core, until the next send (messages for fields come from fieldError). */
  error: AppError | undefined
}

/**
 * The one scaffold of a form that writes through the contract: its values, bindings for its inputs,
 * the send through useAction, and messages beside fields from core's zod issues (useFieldErrors).
 */
export function useForm<V, C extends Channel>({ initial, channel, toInput, derive, check, onSaved }: FormOptions<V, C>): Form<V> {
  const [values, setValues] = useState<V>(initial)
  const [checked, setChecked] = useState<CheckedIssues>({})
  // The values the last messages were about: a field's message goes once its value is changed.
  const [checkedValues, setCheckedValues] = useState<V>(values)
  const action = useAction(channel)
  const messageFor = useFieldErrors(action.error, checked)
  const fieldError = (path: string): string | undefined =>
    changedSince(checkedValues, values, path) ? undefined : messageFor(path)

  const change = (patch: Partial<V>): void =>
    setValues((previous) => {
      const next = { ...previous, ...patch }
      return derive ? derive(next) : next
    })
  const set = <K extends keyof V>(key: K, value: V[K]): void => change({ [key]: value } as unknown as Partial<V>)
  const reset = (): void => setValues(initial)

  async function submit(): Promise<void> {
    const issues = check?.(values) ?? {}
    setChecked(issues)
    setCheckedValues(values)
    if (Object.values(issues).some((code) => code !== undefined)) return
    const result = await action.run(toInput(values))
    if (result.ok) onSaved(result.value, { reset })
  }

  return {
    values,
    set,
    change,
    reset,
    field: (key) => ({ value: values[key], onChange: (value) => set(key, value), error: fieldError(String(key)) }),
    text: (key) => ({
      value: (values[key] as string | null) ?? '',
      onChange: (event) => set(key, event.currentTarget.value as V[typeof key]),
      error: fieldError(String(key))
    }),
    fieldError,
    submit,
    onSubmit: (event) => {
      event.preventDefault()
      void submit()
    },
    running: action.running,
    error: action.error
  }
}

/**
 * Whether the value at `path` (e.g. 'name' or 'agenda.0.lecturerId') differs between two sets of form
 * values. A path the values do not hold (a message about a derived input field) never counts as changed.
 */
export function changedSince(before: unknown, after: unknown, path: string): boolean {
  const at = (values: unknown): { found: boolean; value: unknown } => {
    let value = values
    for (const step of path.split('.')) {
      if (value === null || typeof value !== 'object' || !(step in value)) return { found: false, value: undefined }
      value = (value as Record<string, unknown>)[step]
    }
    return { found: true, value }
  }
  const [was, is] = [at(before), at(after)]
  if (!was.found && !is.found) return false
  return !Object.is(was.value, is.value) && JSON.stringify(was.value) !== JSON.stringify(is.value)
}
