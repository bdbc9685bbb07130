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
  readonly sentences: [zh: string, en: string]
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number
  ) {
    const sentences: [string, string] = [
      `这个数据库是用更新版本的圆桌派建的（数据版本 ${fileVersion}，本程序只认识到 ${appVersion}）。请安装建它的那个新版本；文件没有被改动。`,
      `This database is schema version ${fileVersion}, but this app only knows up to ${appVersion}. ` +
        'Install the newer version of Roundtable that created it; the file was left untouched.'
    ]
    super(sentences.join('\n'))
    this.sentences = sentences
    this.name = 'DatabaseTooNewError'
  }
}

/** Why the archive could not be opened, each with a sentence a person can act on (DESIGN §3: never a stack trace). */
export type OpenProblem = 'not_a_database' | 'read_only' | 'disk_full' | 'in_use' | 'folder_missing' | 'cannot_open'

const OPEN_PROBLEMS: Record<OpenProblem, (file: string) => [zh: string, en: string]> = {
  not_a_database: (file) => [
    `数据库文件已损坏，或者不是圆桌派的数据库：${file}。文件没有被改动。请用“backups”文件夹里最近的备份替换它，或用 --db 指定另一个文件。`,
    `The database file is damaged or is not a Roundtable database: ${file}. It was left untouched. Replace it with the newest copy in the “backups” folder, or name another file with --db.`
  ],
  read_only: (file) => [
    `数据库文件或所在文件夹是只读的，不能保存：${file}。请把它复制到可以写入的位置（例如“文档”），或改回可写。`,
    `The database file or its folder is read-only, so nothing could be saved: ${file}. Copy it somewhere writable (such as Documents), or make it writable again.`
  ],
  disk_full: (file) => [
    `磁盘已满，数据库无法写入：${file}。请清理磁盘空间后再打开。`,
    `The disk is full, so the database cannot be written: ${file}. Free some space, then open it again.`
  ],
  in_use: (file) => [
    `数据库正被另一个程序使用：${file}。请先关闭另一个圆桌派窗口或程序，再打开。`,
    `The database is in use by another program: ${file}. Close the other Roundtable window or program first, then open it again.`
  ],
  folder_missing: (file) => [
    `找不到数据库所在的文件夹：${file}。请检查路径（例如U盘是否插好），或指定一个已有的文件夹。`,
    `The folder of the database does not exist: ${file}. Check the path (is the USB stick plugged in?), or name a folder that exists.`
  ],
  cannot_open: (file) => [
    `无法打开数据库：${file}。文件没有被改动。`,
    `The database could not be opened: ${file}. It was left untouched.`
  ]
}

/** Raised when the database file cannot be opened; the file is left as it was. */
export class DatabaseOpenError extends Error {
  readonly sentences: [zh: string, en: string]
  constructor(
    readonly problem: OpenProblem,
    readonly file: string,
    cause?: unknown
  ) {
    const sentences = OPEN_PROBLEMS[problem](file)
    super(sentences.join('\n'), { cause })
    this.sentences = sentences
    this.name = 'DatabaseOpenError'
  }
}

/** What SQLite or the file system said, as one of the problems a person can act on. */
export function openProblemOf(error: unknown): OpenProblem {
  const code = (error as { code?: string } | null)?.code ?? ''
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'not_a_database'
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read_only'
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'disk_full'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'in_use'
  return 'cannot_open'
}
