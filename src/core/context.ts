import type { RosterReader } from './people/roster-reader'
import type { ReadDb, WriteDb } from './store/sql'
import type { ChangeEvent } from '../shared/events'
import type { ArchiveHealth } from '../shared/domain'

/**
 * What an `async` handler gets (it awaits files, dialogs or rendering, so core holds no transaction around
 * it), and what code that only reads asks for: the database to read, the clock, and `write` for the
 * writes, each one transaction.
 */
export interface ReadContext {
  db: ReadDb
  now: () => number
  /** Queued, and delivered only after the handler has returned successfully. */
  emit: (event: ChangeEvent) => void
  databaseFile: string
  appVersion: string
  platform: Platform
  /** What the start found: an unclean last exit, and the quick_check that follows it. */
  health: ArchiveHealth
  /** Reads a roster file's cells (in a worker thread in the app and the bridge). */
  readRoster: RosterReader
  /** Closes the database, puts `file` in its place (the current file set aside, never deleted) and reopens it; the path set aside. */
  replaceDatabase: (file: string) => string
  /** Runs `work` as one write transaction (BEGIN IMMEDIATE): all of it or nothing. */
  write: <T>(work: (ctx: CoreContext) => T) => T
}

/** What a synchronous handler gets: core runs it inside one write transaction, so it may write. */
export interface CoreContext extends ReadContext {
  db: WriteDb
}

/** What only the desktop shell can do; the web bridge has none of it and says so. */
export interface Platform {
  /** Opens (or focuses) the projector window for a session; false where there is no such window. */
  openProjector?: (sessionId: string) => boolean
  /** Asks where to save a file (a save dialog starting in `folder`); null when the user cancels. */
  chooseSavePath?: (fileName: string, folder: string | null) => Promise<string | null>
  /** Asks which file to open (an open dialog showing files ending in one of `extensions`); null when the user cancels. */
  chooseOpenPath?: (filterName: string, extensions: string[]) => Promise<string | null>
  /** Prints a self-contained HTML page to an A4 PDF (the page's own @page rules decide size and margins). */
  printToPdf?: (html: string) => Promise<Buffer>
  /** Opens the system's file manager at a file, selected. */
  revealFile?: (path: string) => void
  /**
   * Opens a folder in the system's file manager ('open'), or shows a file selected in its folder ('reveal');
   * rejects when the system could not. Only for the app's own folders (设置 → 关于).
   */
  openPath?: (path: string, how: 'open' | 'reveal') => Promise<void>
  /** Shows the system's print dialog for a self-contained HTML page; false when the user cancels. */
  printOnPaper?: (html: string) => Promise<boolean>
}
