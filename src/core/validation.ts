import type { z } from 'zod'
import type { FieldIssue } from '../shared/result'

/** Turns zod's issues into ours: a stable code and numbers the renderer can put into a translated message. */
export function toFieldIssues(error: z.ZodError, raw: unknown): FieldIssue[] {
  return error.issues.map((issue): FieldIssue => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    const base = { path, message: issue.message }
    switch (issue.code) {
      case 'invalid_type':
        return { ...base, code: valueAt(raw, path) === undefined ? 'required' : 'invalid_type', params: { expected: issue.expected } }
      case 'too_big':
        return { ...base, code: 'too_big', params: { max: Number(issue.maximum) } }
      case 'too_small':
        return issue.origin === 'string' && Number(issue.minimum) === 1
          ? { ...base, code: 'required' }
          : { ...base, code: 'too_small', params: { min: Number(issue.minimum) } }
      case 'unrecognized_keys':
        return { ...base, code: 'unrecognized_keys', params: { keys: issue.keys.join(', ') } }
      case 'custom': {
        // Business rules name their reason (see `rule` in the contract); it becomes the code to translate.
        const reason = (issue.params as { reason?: unknown } | undefined)?.reason
        return { ...base, code: typeof reason === 'string' ? reason : 'custom' }
      }
      default:
        return { ...base, code: issue.code }
    }
  })
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let value = raw
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[key]
  }
  return value
}
