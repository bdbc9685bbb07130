import type { Platform } from '../../../src/core/context'
import type { Core } from '../../../src/core/core'
import type { LiveAction } from '../../../src/shared/contract'
import type { LiveView } from '../../../src/shared/domain'
import { withProgress } from '../../../src/shared/live-answers'
import { testCore, valueOf } from '../../helpers'

const MINUTE = 60_000

/** A China time, as 'YYYY-MM-DDTHH:mm', in UTC ms. */
export const china = (at: string): number => Date.parse(`${at}:00+08:00`)

/** The directory of the year's sessions: namesakes (王芳) from two villages, people with and without phones. */
export const PEOPLE = {
  ren: { name: '任肖彤', organisation: '郑家镇党委', phone: '13800000001' },
  wang: { name: '王晓雪', organisation: '郑家镇党委', phone: '13800000002' },
  li: { name: '李芳', organisation: '党员暖心志愿服务队', phone: '0635-8888888' },
  wen: { name: '温乐义', village: '温集新村', phone: '13800000004' },
  zhai: { name: '翟自恩', organisation: '郑家镇辖区企业' },
  liu: { name: '刘建国', village: '郑家村' },
  chen: { name: '陈静', village: '郑家村', phone: '13800000007' },
  zhang: { name: '张秀兰', village: '温集新村' },
  fangWen: { name: '王芳', village: '温集新村', phone: '13900000001' },
  fangZheng: { name: '王芳', village: '郑家村', phone: '13900000002' }
} as const
export type Who = keyof typeof PEOPLE

export interface SessionSpec {
  title: string
  theme?: 'village' | 'development'
  /** Planned start, China time 'YYYY-MM-DDTHH:mm'. */
  start: string
  /** When it is actually started, when not at the planned start. */
  startedAt?: string
  minutes: number
  venue?: string
  host: Who
  recorder: Who
  lecturer?: Who
  participants: Who[]
  absent?: Who[]
  /** Invited, left 未签到 to the end. */
  unmarked?: Who[]
  walkIns?: Who[]
  /** Each raises a hand in 圆桌时间, speaks and writes this many remarks. */
  speakers?: [Who, number][]
  lectureRemarks?: number
  decisions?: number
  correctedHours?: [Who, number][]
  /** Where the session is left: held to its end (the default), or not held. */
  outcome?: 'ended' | 'planned' | 'cancelled' | 'live'
}

export interface Rig {
  core: Core & { databaseFile: string }
  ids: Record<Who, string>
  themes: { village: string; development: string }
  /** The sessions by title. */
  sessions: Map<string, string>
  hold: (spec: SessionSpec) => Promise<string>
}

/** A core on a real SQLite file with a clock moved by hand, the directory and two themes. */
export async function ledgerRig(platform: Platform): Promise<Rig> {
  let now = china('2024-12-01T09:00')
  const core = testCore({ now: () => now, platform })
  const ids = {} as Record<Who, string>
  for (const [who, person] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) ids[who] = valueOf(await core.invoke('people:create', person)).id
  const themes = {
    village: valueOf(await core.invoke('themes:create', { title: '全面推进乡村振兴' })).id,
    development: valueOf(await core.invoke('themes:create', { title: '加快构建新发展格局' })).id
  }
  const sessions = new Map<string, string>()

  /** Plans the session, checks people in, runs its lecture and 圆桌时间 through core's channels, and ends it. */
  async function hold(spec: SessionSpec): Promise<string> {
    const start = china(spec.start)
    now = start - 15 * MINUTE
    const invitees = spec.participants.map((who) => ({ personId: ids[who] }))
    const created = valueOf(
      await core.invoke('sessions:create', {
        title: spec.title,
        themeId: spec.theme ? themes[spec.theme] : null,
        plannedStart: start,
        plannedEnd: start + spec.minutes * MINUTE,
        venue: spec.venue ?? '郑家镇新时代文明实践所理论宣讲室',
        hostId: ids[spec.host],
        recorderId: ids[spec.recorder],
        agenda: [
          ...(spec.lecturer ? [{ kind: 'study' as const, lecturerId: ids[spec.lecturer], topic: '学习讲话精神', plannedMinutes: 20 }] : []),
          { kind: 'roundtable' as const, plannedMinutes: 60 }
        ],
        invitees
      })
    )
    const sessionId = created.id
    sessions.set(spec.title, sessionId)
    if (spec.outcome === 'planned') return sessionId
    if (spec.outcome === 'cancelled') {
      valueOf(await core.invoke('sessions:cancel', { id: sessionId }))
      return sessionId
    }
    for (const who of spec.absent ?? []) valueOf(await core.invoke('live:checkIn', { sessionId, personId: ids[who], present: false, reason: '外出务工' }))
    const everyoneOnTheList = [spec.host, spec.recorder, ...(spec.lecturer ? [spec.lecturer] : []), ...spec.participants]
    for (const who of new Set(everyoneOnTheList)) {
      if (spec.absent?.includes(who) || spec.unmarked?.includes(who)) continue
      valueOf(await core.invoke('live:checkIn', { sessionId, personId: ids[who], present: true }))
    }
    for (const who of spec.walkIns ?? []) valueOf(await core.invoke('live:addWalkIn', { sessionId, personId: ids[who] }))

    now = spec.startedAt ? china(spec.startedAt) : start
    const startedAt = now
    let view: LiveView = valueOf(await core.invoke('sessions:start', { id: sessionId }))
    const act = async (action: LiveAction) => {
      now += 3 * MINUTE
      view = withProgress(view, valueOf(await core.invoke('live:act', { sessionId, action })))
    }
    const remark = async (text: string) => {
      const current = view.state.current!
      valueOf(await core.invoke('remarks:create', { sessionId, speakerId: current.personId, turnId: current.id, text }))
    }
    const [first, second] = view.session.agenda
    const table = spec.lecturer ? second! : first!
    if (spec.lecturer) {
      await act({ type: 'phase', segmentId: first!.id })
      for (let n = 1; n <= (spec.lectureRemarks ?? 0); n++) await remark(`宣讲要点${n}`)
    }
    await act({ type: 'phase', segmentId: table.id })
    for (const [who, remarks] of spec.speakers ?? []) {
      await act({ type: 'raise_hand', personId: ids[who] })
      for (let n = 1; n <= remarks; n++) await remark(`${PEOPLE[who].name}的发言${n}`)
      await act({ type: 'pass' })
    }
    await act({ type: 'phase', segmentId: null })
    if (spec.outcome === 'live') return sessionId
    now = startedAt + spec.minutes * MINUTE
    valueOf(await core.invoke('sessions:end', { id: sessionId }))
    for (let n = 1; n <= (spec.decisions ?? 0); n++) {
      valueOf(await core.invoke('decisions:create', { sessionId, text: `${spec.title}议定事项${n}`, ownerId: ids[spec.host], dueDate: '2026-03-31' }))
    }
    for (const [who, hours] of spec.correctedHours ?? []) {
      valueOf(await core.invoke('attendance:setServiceHours', { sessionId, personId: ids[who], hours }))
    }
    return sessionId
  }

  return { core, ids, themes, sessions, hold }
}
