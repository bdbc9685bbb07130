/** The records that cross the contract. Times are integer ms since the epoch (UTC). */

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export interface Settings {
  language: Language
  organisationName: string
  defaultVenue: string
}

export type Gender = 'male' | 'female'

export interface Person {
  id: string
  name: string
  gender: Gender | null
  organisation: string
  village: string
  categories: string[]
  phone: string | null
  note: string
  archivedAt: number | null
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

export interface SessionDetail extends SessionSummary {
  hostId: string | null
  recorderId: string | null
  organiserUnit: string
  speakerLimitSeconds: number | null
  summary: string
  isDemo: boolean
  createdAt: number
  updatedAt: number
}

export type SearchHitKind = 'session' | 'theme' | 'person'

export interface SearchHit {
  kind: SearchHitKind
  id: string
  title: string
  snippet: string
}

export interface AppInfo {
  version: string
  schemaVersion: number
  databaseFile: string
}
