import BetterSqlite3, { type Database } from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { createCore, type Core } from '../../../src/core/core'
import type { InputOf } from '../../../src/shared/contract'
import type { LiveView } from '../../../src/shared/domain'
import { withEntry, withProgress } from '../../../src/shared/live-answers'
import type { ChangeEvent } from '../../../src/shared/events'
import type { Result } from '../../../src/shared/result'
import type { AgendaInfo, SpeakingState, Turn } from '../../../src/shared/speaking'
import { APP_VERSION, onCleanup, T0, valueOf } from '../../helpers'

/**
 * A live session on a real SQLite file, driven through core's channels with a fake clock, and a second
 * (read-only by convention) connection to look at the rows core wrote. `restart()` closes core and opens a
 * new one on the same file, as a power cut and a relaunch would.
 */

export type LiveAction = InputOf<'live:act'>['action']

export interface Seat {
  name: string
  seatNumber: number | null
}

export interface RigOptions {
  /** The people at (or beside) the table, in the order their ids are returned. */
  participants: Seat[]
  /** People in the directory but not on the list: candidates for walk-ins. */
  walkIns?: string[]
  /** Start the session (planned → live); true unless said otherwise. */
  start?: boolean
}

export interface TurnRow {
  id: string
  person_id: string
  segment_id: string | null
  round: number
  kind: string
  position: number
  outcome: string
  started_at: number
  ended_at: number | null
  paused_ms: number
  applause: number
}

export interface EventRow {
  seq: number
  id: string
  type: string
  payload: string
  at: number
  undone_at: number | null
}

export class LiveRig {
  now = T0
  core: Core
  /** Change events of the core now open (a restart starts a new list). */
  changes: ChangeEvent[] = []
  sessionId = ''
  lecturers: [string, string] = ['', '']
  participants: string[] = []
  walkIns: string[] = []
  /** study (李芳), study (赵海云), roundtable. */
  segments: [string, string, string] = ['', '', '']
  private readonly reader: Database
  private disposed = false

  private constructor(
    readonly dir: string,
    readonly file: string
  ) {
    this.core = this.openCore()
    this.reader = new BetterSqlite3(file)
    onCleanup(() => this.dispose())
  }

  static async open(options: RigOptions): Promise<LiveRig> {
    const dir = mkdtempSync(join(tmpdir(), 'roundtable-live-'))
    const rig = new LiveRig(dir, join(dir, 'roundtable.sqlite'))
    const person = async (name: string): Promise<string> => valueOf(await rig.core.invoke('people:create', { name })).id
    rig.lecturers = [await person('李芳'), await person('赵海云')]
    for (const seat of options.participants) rig.participants.push(await person(seat.name))
    for (const name of options.walkIns ?? []) rig.walkIns.push(await person(name))
    const session = valueOf(
      await rig.core.invoke('sessions:create', {
        title: '思想圆桌派',
        plannedStart: T0,
        plannedEnd: T0 + 2 * 3_600_000,
        venue: '郑家镇新时代文明实践所理论宣讲室',
        agenda: [
          { kind: 'study', lecturerId: rig.lecturers[0], plannedMinutes: 30 },
          { kind: 'study', lecturerId: rig.lecturers[1], plannedMinutes: 30 },
          { kind: 'roundtable', plannedMinutes: 60 }
        ],
        invitees: options.participants.map((seat, i) => ({ personId: rig.participants[i]!, role: 'participant' as const, seatNumber: seat.seatNumber }))
      })
    )
    rig.sessionId = session.id
    rig.segments = session.agenda.map((segment) => segment.id) as [string, string, string]
    if (options.start ?? true) valueOf(await rig.core.invoke('sessions:start', { id: session.id }))
    rig.changes.length = 0
    return rig
  }

  private openCore(): Core {
    const core = createCore({ databaseFile: this.file, appVersion: APP_VERSION, log: () => {}, now: () => this.now })
    this.changes = []
    core.subscribe((event) => this.changes.push(event))
    return core
  }

  wait(ms: number): this {
    this.now += ms
    return this
  }

  /** Closes core and opens a new one on the same file. */
  restart(): void {
    this.core.close()
    this.core = this.openCore()
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.core.close()
    this.reader.close()
    rmSync(this.dir, { recursive: true, force: true })
  }

  /**
   * 传递话筒 and the other actions answer with the speaking state only (LiveProgress): that answer must be what
   * is now stored, so it is compared with the view read back, and the view (as the console merges it) returned.
   */
  async act(action: LiveAction): Promise<Result<LiveView>> {
    const result = await this.core.invoke('live:act', { sessionId: this.sessionId, action })
    if (!result.ok) return result
    const stored = valueOf(await this.core.invoke('live:get', { sessionId: this.sessionId }))
    expect(result.value, 'what the action answered is what is stored').toStrictEqual({ state: stored.state, lastAction: stored.lastAction, now: result.value.now })
    return { ok: true, value: withProgress(stored, result.value) }
  }

  undo(): Promise<Result<LiveView>> {
    return this.core.invoke('live:undo', { sessionId: this.sessionId })
  }

  /** 签到 answers with the person's entry: compared with the list read back, as `act` does. */
  async checkIn(personId: string, present: boolean, reason = ''): Promise<Result<LiveView>> {
    const result = await this.core.invoke('live:checkIn', { sessionId: this.sessionId, personId, present, reason })
    if (!result.ok) return result
    const stored = valueOf(await this.core.invoke('live:get', { sessionId: this.sessionId }))
    expect(result.value, 'the entry answered is the one on the list').toStrictEqual(stored.attendance.find((entry) => entry.personId === personId))
    return { ok: true, value: withEntry(stored, result.value) }
  }

  walkIn(personId: string, seatNumber: number | null = null): Promise<Result<LiveView>> {
    return this.core.invoke('live:addWalkIn', { sessionId: this.sessionId, personId, seatNumber })
  }

  end(): Promise<Result<LiveView>> {
    return this.core.invoke('sessions:end', { id: this.sessionId })
  }

  async view(): Promise<LiveView> {
    return valueOf(await this.core.invoke('live:get', { sessionId: this.sessionId }))
  }

  /** The agenda as the reducer sees it. */
  agenda(view: LiveView): AgendaInfo[] {
    return view.session.agenda.map((segment) => ({ id: segment.id, kind: segment.kind, lecturerId: segment.lecturerId }))
  }

  // ------------------------------------------------------------------------------------------------------
  // The rows core wrote

  turnRows(): TurnRow[] {
    return this.reader
      .prepare(
        `SELECT id, person_id, segment_id, round, kind, position, outcome, started_at, ended_at, paused_ms, applause
         FROM turns WHERE session_id = ? ORDER BY position`
      )
      .all(this.sessionId) as TurnRow[]
  }

  eventRows(): EventRow[] {
    return this.reader
      .prepare('SELECT seq, id, type, payload, at, undone_at FROM speaking_events WHERE session_id = ? ORDER BY seq')
      .all(this.sessionId) as EventRow[]
  }

  segmentTimes(): { id: string; actual_start: number | null; actual_end: number | null }[] {
    return this.reader
      .prepare('SELECT id, actual_start, actual_end FROM agenda_segments WHERE session_id = ? ORDER BY position')
      .all(this.sessionId) as { id: string; actual_start: number | null; actual_end: number | null }[]
  }

  /** Everything a live action may write for this session: to show a refused one wrote nothing. */
  snapshot(): Record<string, unknown[]> {
    const rows = (sql: string) => this.reader.prepare(sql).all(this.sessionId)
    return {
      sessions: rows('SELECT * FROM sessions WHERE id = ?'),
      attendance: rows('SELECT * FROM attendance WHERE session_id = ? ORDER BY id'),
      agenda_segments: rows('SELECT * FROM agenda_segments WHERE session_id = ? ORDER BY position'),
      speaking_events: rows('SELECT * FROM speaking_events WHERE session_id = ? ORDER BY seq'),
      turns: rows('SELECT * FROM turns WHERE session_id = ? ORDER BY id')
    }
  }

  /** "The turns table always equals what the reducer derives", and the segments' actual times match the phases. */
  expectDerivedRows(state: SpeakingState): void {
    expect(this.turnRows()).toStrictEqual(state.turns.map(turnRow))
    const phases = new Map(state.phases.map((phase) => [phase.key, phase]))
    expect(this.segmentTimes()).toStrictEqual(
      this.segments.map((id) => ({ id, actual_start: phases.get(id)?.startedAt ?? null, actual_end: phases.get(id)?.endedAt ?? null }))
    )
  }
}

export function turnRow(turn: Turn, position: number): TurnRow {
  return {
    id: turn.id,
    person_id: turn.personId,
    segment_id: turn.segmentId,
    round: turn.round,
    kind: turn.kind,
    position,
    outcome: turn.outcome,
    started_at: turn.startedAt,
    ended_at: turn.endedAt,
    paused_ms: turn.pausedMs,
    applause: turn.applause
  }
}

/** A view without its `now`, to compare two reads of the same session. */
export function withoutNow(view: LiveView): Omit<LiveView, 'now'> {
  const { now: _now, ...rest } = view
  return rest
}
