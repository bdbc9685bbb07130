/**
 * The 统计 page's figures for a period, computed by core (statistics:get) and only shown by the renderer.
 *
 * Words used below:
 * - **in scope**: a session whose day (China date of its actual start, else its planned start) lies in the
 *   period (both ends included), with one of the chosen themes (when chosen), and with someone from one of
 *   the chosen villages or units on its list (when chosen);
 * - **held**: a session that has ended (结束场次). One still live is counted apart and not yet in any other
 *   figure, as the 年度台账 leaves it out: its figures are not final;
 * - **present / absent / unmarked**: `markOf` in src/shared/attendance.ts (DESIGN §9);
 * - **a spoken turn**: a turn of 圆桌时间 (not a lecture) that was spoken — what the 会议纪要 counts;
 * - **place**: a person's village, else their unit (`placeOf` in src/shared/people.ts);
 * - **name**: the display label of src/shared/people.ts, carrying the place wherever another person of the
 *   same name is in the directory, so one label names one person on every list of the page.
 * Every list comes sorted the way the page shows it first; the page may re-sort.
 */
export interface Statistics {
  /** The period as asked ('YYYY-MM-DD', China dates, both included). */
  period: { from: string; to: string }
  /** Today in China ('YYYY-MM-DD'): what `overdue` was judged against. */
  today: string
  sessions: SessionCounts
  /** Themes of the held sessions in scope, most sessions first. */
  themes: ThemeCount[]
  participation: Participation
  /**
   * 参加但未发言: people (not archived) present at each of their last `silentN` or more held sessions in scope
   * up to the period's end (sessions before the period count too), without a spoken turn or a remark at any
   * of them, the latest of them in the period. Sessions where they served as host, recorder or lecturer are
   * left out of their sequence. Longest silence first.
   */
  silent: SilentPerson[]
  /**
   * 久未参加: people (not archived) not present (absent or never checked in) at each of their last `absentN`
   * or more invitations to held sessions in scope up to the period's end (sessions before the period count
   * too), the latest of them in the period. Coming as a walk-in ends the run. Longest absence first.
   */
  notSeen: NotSeenPerson[]
  decisions: DecisionCounts
  /** Volunteers (host, recorder, lecturers who were present) of the held sessions in scope, most hours first. */
  volunteers: VolunteerHours[]
  /** What the filters can choose from: every village and unit in the directory, in pinyin order. */
  villageOptions: string[]
}

export interface SessionTally {
  /** Ended. */
  held: number
  /** Started, not ended yet. */
  live: number
  cancelled: number
  /** Planned, not started yet. */
  planned: number
}

export interface SessionCounts extends SessionTally {
  /** Every month of the period in order ('YYYY-MM'), months without sessions included. */
  perMonth: ({ month: string } & SessionTally)[]
}

export interface ThemeCount {
  themeId: string
  name: string
  /** Held sessions in scope on this theme. */
  sessions: number
}

export interface Participation {
  /** Different people present at one held session in scope or more. */
  uniquePeople: number
  /** The sum of 实到 over the held sessions in scope (walk-ins included): the sum of `people[].present`. */
  present: number
  /** Spoken turns in the held sessions in scope: the sum of `people[].turnsSpoken` and of `villages[].turns`. */
  turnsSpoken: number
  /** Remarks (not deleted) in the held sessions in scope: the sum of `people[].remarks`. */
  remarks: number
  /** Everyone on the list of a held session in scope (invited or walk-in), most present first. */
  people: PersonParticipation[]
  /** Spoken turns by place ('' for people with neither village nor unit), most turns first. */
  villages: VillageTurns[]
}

export interface PersonParticipation {
  personId: string
  name: string
  /** Their place (village, else unit). */
  village: string
  /** 应到: held sessions they were invited to. */
  invited: number
  /** 出席: held sessions they were present at, walk-ins included. */
  present: number
  /** 缺席: invitations they were marked absent at. */
  absent: number
  /** 列席（临时参加）: held sessions they came to without an invitation. */
  walkIns: number
  /** Present at invitations ÷ invitations (0…1); null when never invited. */
  attendanceRate: number | null
  turnsSpoken: number
  remarks: number
}

export interface VillageTurns {
  village: string
  /** Different people of the place present at one held session in scope or more. */
  people: number
  turns: number
  /** turns ÷ all spoken turns (0…1); 0 when nobody spoke. */
  share: number
}

export interface SilentPerson {
  personId: string
  name: string
  village: string
  /** How many of their most recent sessions in a row they attended without speaking (≥ silentN). */
  lastSessions: number
  /** The most recent of them. */
  lastSessionId: string
  lastSessionDate: string
}

export interface NotSeenPerson {
  personId: string
  name: string
  village: string
  /** The day of the last held session in scope they were present at; null: never. */
  lastSeenDate: string | null
  lastSeenSessionId: string | null
  /** How many of their most recent invitations in a row they missed (≥ absentN). */
  missedInvitations: number
}

export interface DecisionTally {
  /** Not done yet (overdue ones included). */
  open: number
  done: number
  /** Not done, and the due date is before today (China time). */
  overdue: number
}

export interface DecisionCounts extends DecisionTally {
  /** Decisions of every session in scope (whatever its status), by owner; most open first. */
  byOwner: ({ ownerId: string | null; ownerName: string } & DecisionTally)[]
}

export interface VolunteerHours {
  personId: string
  name: string
  village: string
  /** Held sessions in scope they served at. */
  sessions: number
  /** The hours the 志愿服务活动记录 states, summed: corrected where corrected, else from their own time. */
  hours: number
}
