import type { ErrorCode, FieldIssue } from '../shared/result'

/** Thrown inside core by domain code; the dispatcher turns it into `{ok:false, error}`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[]
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}

export const notFound = (what: string, id: string): AppFailure =>
  new AppFailure('not_found', `${what} ${id} does not exist`)

/** Raised when the database file was written by a newer version of the app. Nothing is changed. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number
  ) {
    super(
      `This database is schema version ${fileVersion}, but this app only knows up to ${appVersion}. ` +
        'Install the newer version of Roundtable that created it; the file was left untouched.'
    )
    this.name = 'DatabaseTooNewError'
  }
}
