/** 会议纪要 and its siblings are rendered from this model, built by core from one session's data. */
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
  recorder: string | null
  attendance: {
    expected: number
    present: number
    absent: number
    /** Those present, by category (a person with several is listed under the first, in settings order). */
    groups: { category: string; names: string[] }[]
    absentees: { name: string; reason: string }[]
  }
  agenda: { kind: 'study' | 'roundtable' | 'other'; title: string; lecturer: string | null; topic: string; plannedMinutes: number }[]
  /** Phase 1, 学习研讨: each lecturer in order. */
  study: { lecturer: string; place: string; topic: string; startedAt: number | null; endedAt: number | null }[]
  /** Phase 2, 圆桌时间: each turn in speaking order, with what was said. */
  speakers: MinutesSpeaker[]
  /** 意见建议: remarks tagged 建议 or 问题. */
  suggestions: { speaker: string; tag: string; text: string }[]
  decisions: { text: string; owner: string; dueDate: string | null; done: boolean }[]
  summary: string
  /** For the 志愿服务活动记录: host, recorder and lecturers, with service hours. */
  volunteers: { name: string; role: 'host' | 'recorder' | 'lecturer'; hours: number }[]
  statistics: { speakers: number; turns: number; totalSpeakingMs: number; averageSpeakingMs: number; applause: number }
}

export interface MinutesSpeaker {
  name: string
  place: string
  startedAt: number | null
  speakingMs: number
  applause: number
  remarks: { text: string; tags: string[]; starred: boolean }[]
}
