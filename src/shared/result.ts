/** Every channel answers with a Result; nothing throws across the process boundary. */

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_channel'
  | 'forbidden'
  | 'internal'
  /** A file could not be written (read-only folder, disk full); nothing was replaced. */
  | 'io'
  /** Only the desktop app can do this (e.g. make a PDF); the web bridge says so and the page offers its own way. */
  | 'unavailable'
  /** The printer or the print dialog did not print (no printer, a failed job, another dialog still open). */
  | 'print_failed'
  // Produced by a transport, not by core: the bridge refused the token, or could not be reached.
  | 'unauthorized'
  | 'network'

/** One problem with one field. `code` + `params` are enough for the renderer to translate it. */
export interface FieldIssue {
  path: (string | number)[]
  code: string
  params?: Record<string, string | number>
  message: string
}

export interface AppError {
  code: ErrorCode
  /** English, for logs and developers; the UI translates `code` (and `issues`) instead. */
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message }
})
