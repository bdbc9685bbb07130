import type { Database } from 'better-sqlite3'

/**
 * WAL checkpoints after the answer, not inside a key press.
 *
 * SQLite copies the write-ahead log back into the database file (a checkpoint) in the commit that takes the
 * log past 1,000 pages: every hundred or so presses of 传递话筒, that press took 3–5 ms more than the others
 * (the copy and the database file's fsync). Here the checkpoint runs once the call has answered — after a
 * run of writes, or when the archive has been quiet for a second — so the log rarely reaches SQLite's own
 * limit, which stays as the backstop for one very large write. PASSIVE: it never waits for a reader.
 */
export interface Checkpoints {
  /** A write transaction has committed. */
  afterWrite(): void
  /** The archive is closing: nothing more is scheduled. */
  stop(): void
}

export function walCheckpoints(db: () => Database, { writes = 32, quietMs = 1000 } = {}): Checkpoints {
  let since = 0
  let quiet: ReturnType<typeof setTimeout> | undefined
  let soon: ReturnType<typeof setImmediate> | undefined
  const cancel = (): void => {
    clearTimeout(quiet)
    if (soon) clearImmediate(soon)
    quiet = soon = undefined
  }
  const checkpoint = (): void => {
    cancel()
    since = 0
    const current = db()
    if (current.open && !current.inTransaction) current.pragma('wal_checkpoint(PASSIVE)')
  }
  return {
    afterWrite() {
      since += 1
      clearTimeout(quiet)
      quiet = setTimeout(checkpoint, quietMs)
      quiet.unref?.()
      // setImmediate: after this call's answer has gone out (it resolves in a microtask), before the next call.
      if (since >= writes && !soon) soon = setImmediate(checkpoint)
    },
    stop: cancel
  }
}
