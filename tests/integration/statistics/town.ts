import { chinaTimeToUtc, MINUTE_MS } from '../../../src/shared/china-time'
import type { Core } from '../../../src/core/core'
import type { InputOf } from '../../../src/shared/contract'
import type { Statistics } from '../../../src/shared/statistics'
import { testCore, valueOf } from '../../helpers'

/**
 * An archive built the way people build it: every person, theme and session through core's channels, each
 * session run live (check-in, the microphone passed with live:act, remarks, decisions) on a clock the test
 * sets, so a session happens on the China day and hour it names.
 */
export interface HeldSession {
  /** China date and clock of the start ('2026-03-31', '23:00'). */
  day: string
  at?: string
  /** How long it ran, in minutes (its volunteers serve from check-in at the start to the end). */
  minutes?: number
  themeId?: string | null
  hostId?: string | null
  recorderId?: string | null
  /** Gives a 学习研讨 segment to this lecturer before 圆桌时间 (their lecture is a study turn, not counted). */
  lecturerId?: string | null
  invited: string[]
  /** Invited people checked in (host, recorder and lecturer are checked in unless listed in absent/unmarked). */
  present?: string[]
  absent?: string[]
  /** People who come without an invitation (列席). */
  walkIns?: string[]
  /** In order: each gets the microphone (举手插话) and passes it on, a spoken turn. */
  speakers?: string[]
  /** Each gets the microphone and is skipped: a turn, but not a spoken one. */
  skipped?: string[]
  /** Remarks by speaker: one remark each time a person is named. */
  remarks?: string[]
  /** Remarks written and then deleted: they count nowhere. */
  deletedRemarks?: string[]
  /** 议定事项, `done` ones marked done after. */
  decisions?: (Omit<InputOf<'decisions:create'>, 'sessionId'> & { done?: boolean })[]
  /** Corrected service hours of volunteers. */
  serviceHours?: Record<string, number>
  /** Stop at live (never ended), or leave it planned, or cancel it; ended by default. */
  status?: 'ended' | 'live' | 'planned' | 'cancelled'
}

export class Town {
  clock = chinaTimeToUtc('2025-01-01', '09:00')
  readonly core: Core & { databaseFile: string }

  constructor() {
    this.core = testCore({ now: () => this.clock })
  }

  async person(name: string, village = '', organisation = ''): Promise<string> {
    return valueOf(await this.core.invoke('people:create', { name, village, organisation })).id
  }

  async theme(title: string): Promise<string> {
    return valueOf(await this.core.invoke('themes:create', { title })).id
  }

  async statistics(query: InputOf<'statistics:get'>): Promise<Statistics> {
    return valueOf(await this.core.invoke('statistics:get', query))
  }

  /** Plans a session and runs it as `plan` says; answers its id. */
  async session(plan: HeldSession): Promise<string> {
    const start = chinaTimeToUtc(plan.day, plan.at ?? '14:00')
    const minutes = plan.minutes ?? 120
    this.clock = start
    const agenda = [
      ...(plan.lecturerId ? [{ kind: 'study' as const, lecturerId: plan.lecturerId, plannedMinutes: 20 }] : []),
      { kind: 'roundtable' as const, plannedMinutes: 60 }
    ]
    const created = valueOf(
      await this.core.invoke('sessions:create', {
        title: `思想圆桌派 ${plan.day}`,
        themeId: plan.themeId ?? null,
        plannedStart: start,
        plannedEnd: start + minutes * MINUTE_MS,
        hostId: plan.hostId ?? null,
        recorderId: plan.recorderId ?? null,
        agenda,
        invitees: plan.invited.map((personId, index) => ({ personId, seatNumber: index + 1 }))
      })
    )
    const id = created.id
    const status = plan.status ?? 'ended'
    if (status === 'planned') return id
    if (status === 'cancelled') {
      valueOf(await this.core.invoke('sessions:cancel', { id }))
      return id
    }
    valueOf(await this.core.invoke('sessions:start', { id }))
    const absent = new Set(plan.absent ?? [])
    const volunteers = [plan.hostId, plan.recorderId, plan.lecturerId].filter((person): person is string => !!person && !absent.has(person))
    for (const personId of [...volunteers, ...(plan.present ?? [])]) {
      valueOf(await this.core.invoke('live:checkIn', { sessionId: id, personId, present: true }))
    }
    for (const personId of absent) valueOf(await this.core.invoke('live:checkIn', { sessionId: id, personId, present: false, reason: '外出务工' }))
    for (const personId of plan.walkIns ?? []) valueOf(await this.core.invoke('live:addWalkIn', { sessionId: id, personId }))

    const act = async (action: InputOf<'live:act'>['action']) => {
      this.clock += MINUTE_MS
      valueOf(await this.core.invoke('live:act', { sessionId: id, action }))
    }
    const segments = created.agenda.map((segment) => segment.id)
    if (plan.lecturerId) await act({ type: 'phase', segmentId: segments[0]! })
    await act({ type: 'phase', segmentId: segments.at(-1)! })
    for (const personId of plan.speakers ?? []) {
      await act({ type: 'raise_hand', personId })
      await act({ type: 'pass' })
    }
    for (const personId of plan.skipped ?? []) {
      await act({ type: 'raise_hand', personId })
      await act({ type: 'skip' })
    }
    for (const speakerId of plan.remarks ?? []) valueOf(await this.core.invoke('remarks:create', { sessionId: id, speakerId, text: '我建议把合作社办起来' }))
    for (const speakerId of plan.deletedRemarks ?? []) {
      const remark = valueOf(await this.core.invoke('remarks:create', { sessionId: id, speakerId, text: '这句记错了' }))
      valueOf(await this.core.invoke('remarks:delete', { id: remark.id }))
    }
    for (const { done, ...decision } of plan.decisions ?? []) {
      const created = valueOf(await this.core.invoke('decisions:create', { sessionId: id, ...decision }))
      if (done) valueOf(await this.core.invoke('decisions:update', { id: created.id, status: 'done' }))
    }
    if (status === 'live') return id
    // Ends when planned (the speaking above takes a minute per step, well within it).
    if (this.clock > start + minutes * MINUTE_MS) throw new Error('the session ran past its planned end')
    this.clock = start + minutes * MINUTE_MS
    valueOf(await this.core.invoke('sessions:end', { id }))
    for (const [personId, hours] of Object.entries(plan.serviceHours ?? {})) {
      valueOf(await this.core.invoke('attendance:setServiceHours', { sessionId: id, personId, hours }))
    }
    return id
  }
}
