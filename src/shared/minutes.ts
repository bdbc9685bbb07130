import type { TurnKind, TurnOutcome } from './speaking'
import type { VolunteerRole } from './roles'

/**
 * 会议纪要 and its siblings are rendered from this model, built by core from one session's data.
 * Every name in it is a label from src/shared/people.ts: it carries the person's place wherever another
 * person of the same name is on the session, so no two people share a label in any document.
 */
export interface Minutes {
  sessionId: string
  title: string
  theme: string | null
  organiser: string
  /** Actual times where the session ran, planned otherwise. */
  startsAt: number
  endsAt: number
  venue: string
  host: string | null
  /** The host's phone: the 联系电话 of the 志愿服务活动记录表 ('' when none is on file). */
  contactPhone: string
  recorder: string | null
  attendance: MinutesAttendance
  agenda: { id: string; kind: 'study' | 'roundtable' | 'other'; title: string; lecturer: string | null; topic: string; plannedMinutes: number }[]
  /** Phase 1, 学习研讨: each lecturer in order. */
  study: { lecturer: string; place: string; topic: string; startedAt: number | null; endedAt: number | null }[]
  /** Phase 2, 圆桌时间: each turn in speaking order, with what was said (the summary's view, by speaker). */
  speakers: MinutesSpeaker[]
  /** 会议记录: everything said, in time order; every remark that is not deleted is in exactly one entry. */
  record: RecordEntry[]
  /** 意见建议: remarks tagged 建议 or 问题. */
  suggestions: { speaker: string; tag: string; text: string }[]
  decisions: { text: string; owner: string; dueDate: string | null; done: boolean }[]
  summary: string
  /** For the 志愿服务活动记录: the host, recorder and lecturers who were there, with service hours. */
  volunteers: MinutesVolunteer[]
  /** 服务对象: present people who did not serve as volunteers (never counts a volunteer). */
  served: number
  statistics: { speakers: number; turns: number; totalSpeakingMs: number; averageSpeakingMs: number; applause: number }
}

/** The arithmetic of DESIGN §9: expected − absent − unmarked + walkIns = present. */
export interface MinutesAttendance {
  expected: number
  present: number
  absent: number
  unmarked: number
  walkIns: number
  /** 出席: invited and present, by category (a person with several is listed under the first, in settings order). */
  groups: { category: string; names: string[] }[]
  /** 列席（临时参加）: walk-ins, present but not invited. */
  walkInNames: string[]
  /** 缺席 with reasons. */
  absentees: { name: string; reason: string }[]
  /** 未签到: invited, neither checked in nor marked absent. */
  unmarkedNames: string[]
}

export interface MinutesSpeaker {
  name: string
  /** Village and unit, when the name does not already carry the place. */
  place: string
  startedAt: number | null
  speakingMs: number
  applause: number
  /** forMinutes: marked 入纪要; the 交流发言 takes the marked remarks when a session has any, else all. */
  remarks: { text: string; tags: string[]; starred: boolean; forMinutes: boolean }[]
}

/**
 * One entry of the 会议记录: a lecture, a turn at the microphone, or a note written with no turn (after
 * the round, after 结束场次), which stands at the time it was written.
 */
export interface RecordEntry {
  kind: 'lecture' | 'turn' | 'note'
  /** For a turn: how it came (插话 = raised_hand, 再次发言 = again); for a lecture 'study'. */
  turnKind: TurnKind | null
  outcome: TurnOutcome | null
  speaker: string
  place: string
  /** The lecture's topic. */
  topic: string
  /** When the turn began, or when the note was written. */
  at: number
  speakingMs: number | null
  /** The part of the session the entry falls in: an agenda segment id, 'closing', 'before' or 'after' (补记). */
  section: string
  remarks: { id: string; text: string; at: number }[]
}

export interface MinutesVolunteer {
  personId: string
  name: string
  role: VolunteerRole
  checkedInAt: number | null
  /** The hours in the documents: corrected by the organiser, else computed. */
  hours: number
  /** From their own time (src/shared/attendance.ts serviceHours). */
  computedHours: number
  corrected: boolean
}
