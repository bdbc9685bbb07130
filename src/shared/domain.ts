/** The records that cross the contract. Times are integer ms since the epoch (UTC). */

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** 字号：标准 / 大 / 特大, for older eyes: every size in the app grows with it. */
export const FONT_SIZES = ['standard', 'large', 'extraLarge'] as const
export type FontSize = (typeof FONT_SIZES)[number]

export interface Settings {
  language: Language
  fontSize: FontSize
  organisationName: string
  defaultVenue: string
  /** The people categories offered in forms and filters (editable). */
  categories: string[]
  /** The quick tags of the remark panel (editable). */
  remarkTags: string[]
}

/** What 设置 → 关于 can open in the system's file manager: only these, never a path the page names. */
export const APP_FOLDERS = ['data', 'database', 'backups'] as const
export type AppFolder = (typeof APP_FOLDERS)[number]

/**
 * The welcome of a new archive: 'pending' until it is finished (the organisation named, the 示例场次 kept or
 * removed) or dismissed. An archive the user has already made sessions in never shows it.
 */
export const WELCOME_STATES = ['pending', 'finished', 'dismissed'] as const
export type WelcomeState = (typeof WELCOME_STATES)[number]

/** The guided walk-through's steps, in order, each over a real screen: plan → 签到 → 传递话筒 → 记录发言 → 导出. */
export const TOUR_STEPS = ['plan', 'checkIn', 'passMic', 'record', 'export'] as const
export type TourStep = (typeof TOUR_STEPS)[number]
export const TOUR_STATUSES = ['notStarted', 'running', 'left', 'completed'] as const
export type TourStatus = (typeof TOUR_STATUSES)[number]

/** Where the walk-through is: kept in the archive, so a restart resumes it at the same step. */
export interface TourProgress {
  status: TourStatus
  step: TourStep
  /** The session the walk-through shows (the 示例场次, else one of the user's); null: none yet. */
  sessionId: string | null
}

/** The first-run notes (settings rows that are not preferences): the welcome and the walk-through. */
export interface FirstRun {
  welcome: WelcomeState
  tour: TourProgress
  /**
   * The session a walk-through started now would show: the 示例场次 while it is there, else the user's own
   * (live, else the next planned, else the latest held); null when there is none.
   */
  tourSession: string | null
}

export const DEFAULT_REMARK_TAGS = ['观点', '建议', '问题', '承诺', '金句']

export const DEFAULT_CATEGORIES = ['党员', '入党积极分子', '群众', '干部', '志愿者', '企业职工', '青年', '其他']

export type Gender = 'male' | 'female'

/** What a person is, as typed in the form or read from a roster row. */
export interface PersonFields {
  name: string
  gender: Gender | null
  organisation: string
  village: string
  categories: string[]
  phone: string | null
  note: string
}

export interface Person extends PersonFields {
  id: string
  archivedAt: number | null
  /** Took part in any session (or owns a decision): such a person can be archived, never deleted. */
  hasHistory: boolean
  isDemo: boolean
  createdAt: number
  updatedAt: number
}

export interface Theme {
  id: string
  title: string
  description: string
  materials: string
  references: string[]
  tags: string[]
  sessionCount: number
  isDemo: boolean
  createdAt: number
  updatedAt: number
}

export const SESSION_STATUSES = ['planned', 'live', 'ended', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export interface SessionSummary {
  id: string
  title: string
  themeId: string | null
  themeTitle: string | null
  plannedStart: number
  plannedEnd: number
  venue: string
  status: SessionStatus
}

export const SEGMENT_KINDS = ['study', 'roundtable', 'other'] as const
export type SegmentKind = (typeof SEGMENT_KINDS)[number]

export interface AgendaSegment {
  id: string
  position: number
  kind: SegmentKind
  title: string
  lecturerId: string | null
  lecturerName: string | null
  topic: string
  plannedMinutes: number
}

export const ATTENDANCE_ROLES = ['host', 'recorder', 'lecturer', 'participant', 'guest'] as const
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number]

export interface Invitee {
  personId: string
  name: string
  organisation: string
  village: string
  role: AttendanceRole
  /** 1-based seat at the round table; null when not seated (e.g. the recorder at a side desk). */
  seatNumber: number | null
}

/** 座位布局: 圆桌 / 长桌 (two long sides and the ends) / U形 / 课桌式 (rows facing the front). */
export const SEAT_LAYOUTS = ['round', 'long', 'u', 'rows'] as const
export type SeatLayout = (typeof SEAT_LAYOUTS)[number]

export interface SessionDetail extends SessionSummary {
  hostId: string | null
  hostName: string | null
  recorderId: string | null
  recorderName: string | null
  organiserUnit: string
  speakerLimitSeconds: number | null
  /** The shape the seats are drawn in; seat numbers are the speaking order in every shape. */
  seatLayout: SeatLayout
  summary: string
  isDemo: boolean
  /** The laptop the session was recorded on, when it came in an 归档包; null when it was made here. */
  sourceLaptop: string | null
  /** When 开始场次 and 结束场次 were pressed; null before. */
  startedAt: number | null
  endedAt: number | null
  agenda: AgendaSegment[]
  invitees: Invitee[]
  /** Everyone on the list with check-in state (invitees and walk-ins); see src/shared/attendance.ts. */
  attendance: AttendanceEntry[]
  createdAt: number
  updatedAt: number
}

/** Where each field of a person comes from in an imported sheet: a 0-based column index, or null. */
export const IMPORT_FIELDS = ['name', 'gender', 'organisation', 'village', 'categories', 'phone', 'note'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]
export type ColumnMapping = Record<ImportField, number | null>

export const IMPORT_PROBLEMS = [
  'name_missing',
  'name_too_long',
  'gender_unknown',
  'phone_invalid',
  'too_long',
  'duplicate_in_file'
] as const
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number]

export interface ImportProblem {
  /** The row number as the spreadsheet program shows it (1-based, counting title and header rows). */
  row: number
  code: ImportProblemCode
  field?: ImportField
  value?: string
}

export interface ImportRow {
  row: number
  person: PersonFields
  /** An existing person this row is (same name, village and unit; a phone on both sides decides instead). */
  duplicateOfId: string | null
}

export interface ImportPreview {
  /** 1-based row of the header line (a merged title row may come first). */
  headerRow: number
  headers: string[]
  mapping: ColumnMapping
  rows: ImportRow[]
  problems: ImportProblem[]
}

export interface ImportOutcome {
  created: number
  updated: number
  skipped: number
}

/** The documents filed after a session, drawn from what happened: 会议纪要, 会议记录, 志愿服务活动记录. */
export const AFTER_SESSION_DOCUMENTS = ['minutes', 'record', 'volunteer'] as const
/** The documents printed before a session, drawn from its plan alone: 签到表, 会议通知. */
export const BEFORE_SESSION_DOCUMENTS = ['signin', 'notice'] as const
export type BeforeSessionDocument = (typeof BEFORE_SESSION_DOCUMENTS)[number]
/** The documents that are printed (and so made as .docx and PDF). */
export const PRINTABLE_DOCUMENTS = [...AFTER_SESSION_DOCUMENTS, ...BEFORE_SESSION_DOCUMENTS] as const
export type PrintableDocument = (typeof PRINTABLE_DOCUMENTS)[number]

export const isBeforeSessionDocument = (document: string): document is BeforeSessionDocument =>
  (BEFORE_SESSION_DOCUMENTS as readonly string[]).includes(document)

/** A document ready to print: one self-contained HTML page with no scripts. */
export interface PrintableHtml {
  title: string
  /** The name the PDF is saved under, e.g. 2025-08-21-思想圆桌派-会议纪要.pdf. */
  fileName: string
  html: string
}

/** A file core made, as bytes (base64), for a browser to download. */
export interface ExportedFile {
  fileName: string
  mimeType: string
  contentBase64: string
}

/**
 * What 导出 did with the file it made. The desktop app asks where to save it and writes it there (`saved`:
 * where, and the name it was saved under, which the user may have changed in the dialog), or the user closed
 * the save dialog (`cancelled`: nothing was written). The web bridge has no save dialog: it answers the bytes,
 * for the browser to download (`download`). Only a download carries the file's bytes.
 */
export type ExportOutcome =
  | { kind: 'saved'; fileName: string; path: string }
  | { kind: 'cancelled'; fileName: string }
  | ({ kind: 'download' } & ExportedFile)

export type SearchHitKind = 'remark' | 'session' | 'decision' | 'theme' | 'person'

export interface SearchHit {
  kind: SearchHitKind
  id: string
  title: string
  /** Text around the match; the matched parts are between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string
  /** For a remark: its session, to open the session at that remark. */
  sessionId?: string
  /** When it was said (a remark) or held (a session). */
  at?: number
  tags?: string[]
}

/** Marks around matched text in a snippet (characters that never occur in typed text). */
export const HIGHLIGHT_START = '\u0002'
export const HIGHLIGHT_END = '\u0003'

/** 发言记录: what a speaker said, as the note-taker wrote it. */
export interface Remark {
  id: string
  sessionId: string
  turnId: string | null
  speakerId: string
  speakerName: string
  text: string
  tags: string[]
  starred: boolean
  /** 入纪要: the note-taker marked it as one of the speaker's main points for the 会议纪要 (DESIGN §6). */
  forMinutes: boolean
  /** Since the session started, when it has started. */
  offsetMs: number | null
  createdAt: number
  updatedAt: number
  deletedAt: number | null
}

/** The note-taker's box as last typed, kept at least once a second so a power cut loses nothing. */
export interface RemarkDraft {
  sessionId: string
  /** The speaker the remark was started for; it stays theirs when the mic passes. */
  speakerId: string | null
  turnId: string | null
  text: string
  tags: string[]
  starred: boolean
  forMinutes: boolean
  updatedAt: number
}

/** Why a backup was taken: by hand, when a session ended, the first start of a day, or before a risky step. */
export const BACKUP_REASONS = ['manual', 'session-end', 'daily', 'before-upgrade', 'before-restore', 'before-demo-removal'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** A verified copy of the archive in the backups folder beside the database file. */
export interface BackupInfo {
  /** The file's name in the backups folder (what 恢复 names). */
  name: string
  takenAt: number
  reason: BackupReason
  bytes: number
  /** Sessions it holds; null when the copy cannot be read. */
  sessions: number | null
}

/** What 删除示例数据 keeps because the user has used it. */
export interface DemoRemovalPlan {
  /** The 示例场次 stays when it was started or has remarks or decisions: it is the user's record now. */
  keepsSession: boolean
  /** Demo people who stay: invited or named elsewhere, or in the session that stays. */
  keptPeople: string[]
  /** The demo theme stays while a session uses it. */
  keepsTheme: boolean
}

export interface AppInfo {
  version: string
  schemaVersion: number
  databaseFile: string
  /** The folder the database file is in (the app's data folder, unless `--db` named another). */
  dataFolder: string
  /** Where the backups go: `backups/` beside the database file, `backups/<file name>/` for an archive not named roundtable.sqlite (it may not exist before the first backup). */
  backupsFolder: string
  /** The 示例场次 and its people and theme are still there. */
  demoPresent: boolean
  health: ArchiveHealth
}

/**
 * Whether the last run closed the archive, and what the check that follows an unclean end found:
 * 'damaged' means restore from a backup (设置 → 备份).
 */
export interface ArchiveHealth {
  lastExit: 'clean' | 'unclean'
  check: 'not_needed' | 'pending' | 'ok' | 'damaged'
}

/** One person on a session's attendance list, with check-in state. */
export interface AttendanceEntry {
  personId: string
  name: string
  organisation: string
  village: string
  role: AttendanceRole
  seatNumber: number | null
  /** False for a walk-in added on the day. */
  invited: boolean
  checkedInAt: number | null
  absent: boolean
  absentReason: string
  /** A volunteer's service hours as corrected by the organiser; null: computed from their own time. */
  serviceHours: number | null
}

/**
 * What one speaking action (传递话筒, 跳过, …) answers with: the speaking state it left. The list and the plan
 * are as they were (a speaker still 未签到 who is checked in by speaking comes with `session:changed`, as
 * every change does), so a key press does not read and send the whole session back.
 */
export type LiveProgress = Pick<LiveView, 'state' | 'lastAction' | 'now'>

/** Everything the live console and the projector show, read in one call. */
export interface LiveView {
  session: SessionDetail
  attendance: AttendanceEntry[]
  state: import('./speaking').SpeakingState
  /** The action 撤销 would take back, if any. */
  lastAction: import('./speaking').SpeakingActionType | null
  /** Core's clock when this was read, so timers count from stored times, not from when the page loaded. */
  now: number
}

export const DECISION_STATUSES = ['open', 'done'] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]

/** 议定事项: what a session agreed, who follows it up, by when. */
export interface Decision {
  id: string
  sessionId: string
  sessionTitle: string
  sessionStart: number
  text: string
  ownerId: string | null
  /** The owner's name (from the directory, or as typed for someone outside it). */
  ownerName: string
  /** 'YYYY-MM-DD', China date. */
  dueDate: string | null
  status: DecisionStatus
  doneAt: number | null
  createdAt: number
  updatedAt: number
}
