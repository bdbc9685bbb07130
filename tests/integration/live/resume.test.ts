import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LiveView } from '../../../src/shared/domain'
import type { Result } from '../../../src/shared/result'
import { speakingMs } from '../../../src/shared/speaking'
import { errorOf, issuesOf, runCleanups, tempDir, testCore, valueOf, writesNothing } from '../../helpers'
import { LiveRig, withoutNow, type LiveAction } from './rig'

/**
 * "Restart the app mid-session and it resumes exactly" (DESIGN.md §3): after every kind of step the core is
 * closed, the clock moves on while it is down, and a new core on the same file must show the same speaker,
 * queue and round, with the speaker's timer counted from the stored times. Then check-in, walk-ins, the
 * refusals, and the change events.
 */

afterEach(runCleanups)

const SECOND = 1000
const DOWNTIME = 30 * SECOND

/** Five at the table: 温乐义 (seat 1), 翟自恩 (2), 张秀兰 (3), 刘建国 (4), 陈静 (5); 王明 may walk in. */
async function openRig(start = true): Promise<LiveRig> {
  return LiveRig.open({
    participants: [
      { name: '温乐义', seatNumber: 1 },
      { name: '翟自恩', seatNumber: 2 },
      { name: '张秀兰', seatNumber: 3 },
      { name: '刘建国', seatNumber: 4 },
      { name: '陈静', seatNumber: 5 }
    ],
    walkIns: ['王明'],
    start
  })
}

const people = (rig: LiveRig) => {
  const [wen, zhai, zhang, liu, chen] = rig.participants as [string, string, string, string, string]
  return { wen, zhai, zhang, liu, chen, wang: rig.walkIns[0]!, liFang: rig.lecturers[0], zhao: rig.lecturers[1] }
}

async function act(rig: LiveRig, action: LiveAction): Promise<LiveView> {
  return valueOf(await rig.act(action))
}

/** 圆桌时间, and a round from 温乐义 (seat 1) started 12 s ago. */
async function roundUnderWay(rig: LiveRig): Promise<void> {
  await act(rig, { type: 'phase', segmentId: rig.segments[2] })
  await act(rig, { type: 'round', startPersonId: people(rig).wen })
  rig.wait(12 * SECOND)
}

const elapsed = (view: LiveView): number | null =>
  view.state.current ? speakingMs(view.state.current, view.state.pausedAt, view.now) : null

interface ResumeCase {
  name: string
  /** Brings the session to just before the step (the clock is the rig's). */
  setup: (rig: LiveRig) => Promise<void>
  step: (rig: LiveRig) => Promise<Result<LiveView>>
  /** What the view shows right after the step. */
  check: (view: LiveView, rig: LiveRig) => void
  /** The current speaker's time at the step, or null when nobody holds the microphone. */
  elapsedAtStep: number | null
  /** A timer that is paused does not move during the downtime. */
  paused?: boolean
  /** Something to do after the restart, to show the session goes on from there. */
  then?: (rig: LiveRig, view: LiveView) => Promise<void>
}

const queueOf = (view: LiveView): string[] => view.state.queue.map((entry) => entry.personId)

const CASES: ResumeCase[] = [
  {
    name: 'phase into a study segment',
    setup: async () => {},
    step: (rig) => rig.act({ type: 'phase', segmentId: rig.segments[0] }),
    check: (view, rig) => expect(view.state).toMatchObject({ phase: rig.segments[0], mode: 'study', current: { personId: people(rig).liFang, kind: 'study' } }),
    elapsedAtStep: 0,
    then: async (rig) => {
      rig.wait(5 * SECOND)
      const view = await act(rig, { type: 'phase', segmentId: rig.segments[1] })
      expect(view.state.turns[0]).toMatchObject({ outcome: 'spoken', endedAt: rig.now })
      expect(speakingMs(view.state.turns[0]!, null, rig.now)).toBe(DOWNTIME + 5 * SECOND)
    }
  },
  {
    name: 'phase into 圆桌时间',
    setup: async (rig) => {
      await act(rig, { type: 'phase', segmentId: rig.segments[0] })
      rig.wait(60 * SECOND)
    },
    step: (rig) => rig.act({ type: 'phase', segmentId: rig.segments[2] }),
    check: (view, rig) => {
      expect(view.state).toMatchObject({ phase: rig.segments[2], mode: 'idle', current: null, queue: [] })
      expect(view.state.turns[0]).toMatchObject({ outcome: 'spoken', endedAt: rig.now })
    },
    elapsedAtStep: null,
    then: async (rig) => {
      const view = await act(rig, { type: 'round', startPersonId: people(rig).zhang })
      expect(view.state.current).toMatchObject({ personId: people(rig).zhang, startedAt: rig.now })
    }
  },
  {
    name: 'round',
    setup: async (rig) => void (await act(rig, { type: 'phase', segmentId: rig.segments[2] })),
    step: (rig) => rig.act({ type: 'round', startPersonId: people(rig).zhang }),
    check: (view, rig) => {
      const { zhang, liu, chen, wen, zhai } = people(rig)
      expect(view.state).toMatchObject({ mode: 'round', round: 1, current: { personId: zhang, kind: 'round', round: 1 } })
      expect(queueOf(view)).toEqual([liu, chen, wen, zhai])
    },
    elapsedAtStep: 0
  },
  {
    name: 'pass',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'pass' }),
    check: (view, rig) => {
      expect(view.state.current?.personId).toBe(people(rig).zhai)
      expect(view.state.turns[0]).toMatchObject({ outcome: 'spoken' })
      expect(speakingMs(view.state.turns[0]!, null, view.now)).toBe(12 * SECOND)
    },
    elapsedAtStep: 0,
    then: async (rig) => {
      const view = await act(rig, { type: 'pass' })
      expect(view.state.turns[1]).toMatchObject({ personId: people(rig).zhai, outcome: 'spoken' })
      expect(speakingMs(view.state.turns[1]!, null, view.now)).toBe(DOWNTIME)
    }
  },
  {
    name: 'skip',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'skip' }),
    check: (view, rig) => {
      expect(view.state.current?.personId).toBe(people(rig).zhai)
      expect(view.state.turns[0]).toMatchObject({ personId: people(rig).wen, outcome: 'skipped' })
    },
    elapsedAtStep: 0
  },
  {
    name: 'defer',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'defer' }),
    check: (view, rig) => {
      const { wen, zhai, zhang, liu, chen } = people(rig)
      expect(view.state.current?.personId).toBe(zhai)
      expect(queueOf(view)).toEqual([zhang, liu, chen, wen])
      expect(view.state.queue.at(-1)).toEqual({ personId: wen, kind: 'round', turnId: view.state.turns[0]!.id })
    },
    elapsedAtStep: 0,
    then: async (rig, view) => {
      // The deferral still comes back at the end of the round, with the same turn.
      for (let i = 0; i < 4; i++) await act(rig, { type: 'pass' })
      const back = await rig.view()
      expect(back.state.current).toMatchObject({ id: view.state.turns[0]!.id, personId: people(rig).wen, outcome: 'speaking' })
    }
  },
  {
    name: 'decline',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'decline' }),
    check: (view, rig) => expect(view.state.turns[0]).toMatchObject({ personId: people(rig).wen, outcome: 'declined' }),
    elapsedAtStep: 0
  },
  {
    name: 'raise_hand',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'raise_hand', personId: people(rig).chen }),
    check: (view, rig) => {
      const { wen, zhai, zhang, liu, chen } = people(rig)
      expect(view.state.current?.personId).toBe(wen)
      expect(queueOf(view)).toEqual([chen, zhai, zhang, liu, chen])
      expect(view.state.queue[0]).toEqual({ personId: chen, kind: 'raised_hand' })
    },
    elapsedAtStep: 12 * SECOND,
    then: async (rig) => {
      const view = await act(rig, { type: 'pass' })
      expect(view.state.current).toMatchObject({ personId: people(rig).chen, kind: 'raised_hand', round: 0 })
    }
  },
  {
    name: 'speak_again',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'speak_again', personId: people(rig).zhang }),
    check: (view, rig) => {
      const { zhai, zhang, liu, chen } = people(rig)
      expect(queueOf(view)).toEqual([zhai, zhang, liu, chen, zhang])
      expect(view.state.queue.at(-1)).toEqual({ personId: zhang, kind: 'again' })
    },
    elapsedAtStep: 12 * SECOND
  },
  {
    name: 'applause',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'applause' }),
    check: (view) => expect(view.state.current?.applause).toBe(1),
    elapsedAtStep: 12 * SECOND
  },
  {
    name: 'pause',
    setup: roundUnderWay,
    step: (rig) => rig.act({ type: 'pause' }),
    check: (view) => expect(view.state.pausedAt).toBe(view.now),
    elapsedAtStep: 12 * SECOND,
    paused: true,
    then: async (rig) => {
      const view = await act(rig, { type: 'resume' })
      expect(view.state.current?.pausedMs).toBe(DOWNTIME)
      rig.wait(5 * SECOND)
      expect(elapsed(await rig.view())).toBe(17 * SECOND)
    }
  },
  {
    name: 'resume',
    setup: async (rig) => {
      await roundUnderWay(rig)
      await act(rig, { type: 'pause' })
      rig.wait(20 * SECOND)
    },
    step: (rig) => rig.act({ type: 'resume' }),
    check: (view) => expect(view.state).toMatchObject({ pausedAt: null, current: { pausedMs: 20 * SECOND } }),
    elapsedAtStep: 12 * SECOND
  },
  {
    name: 'free',
    setup: async (rig) => {
      await roundUnderWay(rig)
      for (let i = 0; i < 5; i++) await act(rig, { type: 'pass' })
    },
    step: (rig) => rig.act({ type: 'free' }),
    check: (view) => expect(view.state).toMatchObject({ mode: 'free', current: null, queue: [], round: 1 }),
    elapsedAtStep: null,
    then: async (rig) => {
      const view = await act(rig, { type: 'raise_hand', personId: people(rig).liu })
      expect(view.state.current).toMatchObject({ personId: people(rig).liu, kind: 'raised_hand', startedAt: rig.now })
    }
  },
  {
    name: 'undo',
    setup: async (rig) => {
      await roundUnderWay(rig)
      await act(rig, { type: 'pass' })
      rig.wait(8 * SECOND)
    },
    step: (rig) => rig.undo(),
    check: (view, rig) => {
      // 温乐义 holds the microphone again, on the turn that began 20 s ago; 翟自恩's turn is gone.
      const { wen, zhai } = people(rig)
      expect(view.state.current).toMatchObject({ personId: wen, outcome: 'speaking', endedAt: null })
      expect(view.state.turns).toHaveLength(1)
      expect(queueOf(view)[0]).toBe(zhai)
      expect(view.lastAction).toBe('round')
    },
    elapsedAtStep: 20 * SECOND
  },
  {
    name: 'check-in (absent)',
    setup: roundUnderWay,
    step: (rig) => rig.checkIn(people(rig).liu, false, '外出务工'),
    check: (view, rig) => {
      expect(view.attendance.find((entry) => entry.personId === people(rig).liu)).toMatchObject({ absent: true, absentReason: '外出务工', checkedInAt: null })
      expect(queueOf(view)).toContain(people(rig).liu) // the round under way keeps its order
    },
    elapsedAtStep: 12 * SECOND
  },
  {
    name: 'walk-in',
    setup: roundUnderWay,
    step: (rig) => rig.walkIn(people(rig).wang),
    check: (view, rig) => {
      expect(view.attendance.find((entry) => entry.personId === people(rig).wang)).toMatchObject({ seatNumber: 6, invited: false, absent: false })
      expect(queueOf(view)).not.toContain(people(rig).wang) // joins the next round, not this one
    },
    elapsedAtStep: 12 * SECOND
  },
  {
    name: 'end',
    setup: roundUnderWay,
    step: (rig) => rig.end(),
    check: (view, rig) => {
      expect(view.session.status).toBe('ended')
      expect(view.state).toMatchObject({ ended: true, current: null, queue: [] })
      expect(view.state.turns[0]).toMatchObject({ personId: people(rig).wen, outcome: 'spoken', endedAt: rig.now })
    },
    elapsedAtStep: null,
    then: async (rig) => {
      expect(errorOf(await rig.act({ type: 'pass' })).issues?.[0]?.code).toBe('session_ended')
    }
  }
]

describe('resume after a restart at every kind of step', () => {
  it.each(CASES)('$name', async (c) => {
    const rig = await openRig()
    await c.setup(rig)
    const changes = rig.changes.length
    const atStep = valueOf(await c.step(rig))
    expect(rig.changes.slice(changes)).toContainEqual({ name: 'session:changed', id: rig.sessionId })
    c.check(atStep, rig)
    expect(elapsed(atStep)).toBe(c.elapsedAtStep)
    rig.expectDerivedRows(atStep.state)

    // Power cut; the app comes back 30 s later.
    rig.wait(DOWNTIME)
    rig.restart()
    const resumed = await rig.view()
    expect(resumed.now).toBe(atStep.now + DOWNTIME)
    expect(resumed.state.current?.personId).toBe(atStep.state.current?.personId)
    expect(resumed.state.queue).toStrictEqual(atStep.state.queue)
    expect(resumed.state.round).toBe(atStep.state.round)
    expect(withoutNow(resumed)).toStrictEqual(withoutNow(atStep))
    expect(elapsed(resumed)).toBe(c.elapsedAtStep === null ? null : c.elapsedAtStep + (c.paused ? 0 : DOWNTIME))
    rig.expectDerivedRows(resumed.state)

    await c.then?.(rig, resumed)
    rig.expectDerivedRows((await rig.view()).state)
  })
})

describe('a power cut', () => {
  it('loses nothing: the files on disk, copied while core still has them open, hold the whole session', async () => {
    const rig = await openRig()
    const { chen, liu, wang } = people(rig)
    await roundUnderWay(rig)
    await act(rig, { type: 'defer' })
    await act(rig, { type: 'raise_hand', personId: chen })
    rig.wait(7 * SECOND)
    await act(rig, { type: 'applause' })
    valueOf(await rig.checkIn(liu, false, '请假'))
    valueOf(await rig.walkIn(wang))
    const view = await rig.view()
    expect(elapsed(view)).toBe(7 * SECOND)

    // What is on the disk at the moment the power goes: the database file and its write-ahead log.
    const copy = join(tempDir(), 'roundtable.sqlite')
    for (const suffix of ['', '-wal']) if (existsSync(rig.file + suffix)) copyFileSync(rig.file + suffix, copy + suffix)
    rig.wait(DOWNTIME)
    const revived = testCore({ databaseFile: copy, now: () => rig.now })
    const after = valueOf(await revived.invoke('live:get', { sessionId: rig.sessionId }))
    expect(withoutNow(after)).toStrictEqual(withoutNow(view))
    expect(elapsed(after)).toBe(7 * SECOND + DOWNTIME)
    const next = valueOf(await revived.invoke('live:act', { sessionId: rig.sessionId, action: { type: 'pass' } }))
    expect(next.state.current).toMatchObject({ personId: chen, kind: 'raised_hand', startedAt: rig.now })
  })
})

describe('the session page after the session ran', () => {
  it('knows when 开始场次 and 结束场次 were pressed, also after a restart', async () => {
    const rig = await openRig(false)
    expect(valueOf(await rig.core.invoke('sessions:get', { id: rig.sessionId }))).toMatchObject({ startedAt: null, endedAt: null })
    rig.wait(60 * SECOND)
    valueOf(await rig.core.invoke('sessions:start', { id: rig.sessionId }))
    const started = rig.now
    rig.wait(90 * 60 * SECOND)
    valueOf(await rig.core.invoke('sessions:end', { id: rig.sessionId }))
    rig.restart()
    expect(valueOf(await rig.core.invoke('sessions:get', { id: rig.sessionId }))).toMatchObject({ status: 'ended', startedAt: started, endedAt: rig.now })
  })
})

describe('check-in (签到)', () => {
  it('marks present with the time, or absent with a reason, on a planned or a live session', async () => {
    const rig = await openRig(false)
    const { wen, zhai } = people(rig)
    rig.wait(60 * SECOND)
    let view = valueOf(await rig.checkIn(wen, true))
    expect(view.attendance.find((entry) => entry.personId === wen)).toMatchObject({ checkedInAt: rig.now, absent: false, absentReason: '' })
    view = valueOf(await rig.checkIn(zhai, false, '住院'))
    expect(view.attendance.find((entry) => entry.personId === zhai)).toMatchObject({ checkedInAt: null, absent: true, absentReason: '住院' })

    valueOf(await rig.core.invoke('sessions:start', { id: rig.sessionId }))
    rig.wait(60 * SECOND)
    view = valueOf(await rig.checkIn(zhai, true, 'ignored when present'))
    expect(view.attendance.find((entry) => entry.personId === zhai)).toMatchObject({ checkedInAt: rig.now, absent: false, absentReason: '' })
    rig.restart()
    expect(withoutNow(await rig.view())).toStrictEqual(withoutNow(view))
  })

  it('absent people are left out of the round order, and come back when checked in again', async () => {
    const rig = await openRig()
    const { wen, zhai, zhang, liu, chen } = people(rig)
    valueOf(await rig.checkIn(zhai, false, '请假'))
    valueOf(await rig.checkIn(chen, false, '请假'))
    await act(rig, { type: 'phase', segmentId: rig.segments[2] })
    let view = await act(rig, { type: 'round', startPersonId: liu })
    expect([view.state.current?.personId, ...queueOf(view)]).toEqual([liu, wen, zhang])
    for (let i = 0; i < 3; i++) await act(rig, { type: 'pass' })

    valueOf(await rig.checkIn(chen, true))
    view = await act(rig, { type: 'round', startPersonId: liu })
    expect([view.state.current?.personId, ...queueOf(view)]).toEqual([liu, chen, wen, zhang])
    // The first round's order was stored with it: checking people in later does not rewrite history.
    expect(JSON.parse(rig.eventRows().find((row) => row.type === 'round')!.payload)).toEqual({ order: [liu, wen, zhang] })
  })

  it('refuses someone not on the list', async () => {
    const rig = await openRig()
    const error = errorOf(await writesNothing(rig.file, () => rig.checkIn(people(rig).wang, true)))
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error)).toEqual([{ path: ['personId'], code: 'not_on_list' }])
  })
})

describe('walk-ins', () => {
  it('gets the first free seat and joins the next round, in seat order', async () => {
    const rig = await LiveRig.open({
      participants: [
        { name: '温乐义', seatNumber: 1 },
        { name: '翟自恩', seatNumber: 2 },
        { name: '张秀兰', seatNumber: 4 }
      ],
      walkIns: ['王明', '张欧阳']
    })
    const [wen, zhai, zhang] = rig.participants as [string, string, string]
    const [wang, ouyang] = rig.walkIns as [string, string]
    await act(rig, { type: 'phase', segmentId: rig.segments[2] })
    let view = await act(rig, { type: 'round', startPersonId: zhai })
    rig.wait(5 * SECOND)
    view = valueOf(await rig.walkIn(wang))
    expect(view.attendance.find((entry) => entry.personId === wang)).toEqual({
      personId: wang,
      name: '王明',
      organisation: '',
      village: '',
      role: 'participant',
      seatNumber: 3,
      invited: false,
      checkedInAt: rig.now,
      absent: false,
      absentReason: '',
      serviceHours: null
    })
    expect(queueOf(view)).toEqual([zhang, wen]) // this round goes on without him
    view = valueOf(await rig.walkIn(ouyang))
    expect(view.attendance.find((entry) => entry.personId === ouyang)?.seatNumber).toBe(5)

    for (let i = 0; i < 3; i++) await act(rig, { type: 'pass' })
    rig.restart()
    view = await act(rig, { type: 'round', startPersonId: zhai })
    expect([view.state.current?.personId, ...queueOf(view)]).toEqual([zhai, wang, zhang, ouyang, wen])
  })

  it('takes a chosen seat, and refuses a taken seat or someone already on the list', async () => {
    const rig = await openRig()
    const { wang, wen } = people(rig)
    await writesNothing(rig.file, async () => {
      const taken = errorOf(await rig.walkIn(wang, 3))
      expect({ code: taken.code, issues: issuesOf(taken) }).toEqual({ code: 'invalid_input', issues: [{ path: ['seatNumber'], code: 'duplicate_seat' }] })
      const twice = errorOf(await rig.walkIn(wen))
      expect({ code: twice.code, issues: issuesOf(twice) }).toEqual({ code: 'invalid_input', issues: [{ path: ['personId'], code: 'duplicate_person' }] })
    })
    const view = valueOf(await rig.walkIn(wang, 9))
    expect(view.attendance.find((entry) => entry.personId === wang)).toMatchObject({ seatNumber: 9, invited: false })
  })
})

describe('refusals', () => {
  interface RefusalCase {
    name: string
    start?: boolean
    setup?: (rig: LiveRig) => Promise<void>
    call: (rig: LiveRig) => Promise<Result<LiveView>>
    code: 'conflict' | 'invalid_input'
    issue: { path: string[]; code: string }
  }
  const REFUSALS: RefusalCase[] = [
    {
      name: 'pass with nobody speaking',
      setup: async (rig) => void (await act(rig, { type: 'phase', segmentId: rig.segments[2] })),
      call: (rig) => rig.act({ type: 'pass' }),
      code: 'conflict',
      issue: { path: ['action'], code: 'nobody_speaking' }
    },
    {
      name: 'a round before any phase',
      call: (rig) => rig.act({ type: 'round', startPersonId: people(rig).wen }),
      code: 'conflict',
      issue: { path: ['action'], code: 'not_in_a_phase' }
    },
    {
      name: 'a round in a study segment',
      setup: async (rig) => void (await act(rig, { type: 'phase', segmentId: rig.segments[1] })),
      call: (rig) => rig.act({ type: 'round', startPersonId: people(rig).wen }),
      code: 'conflict',
      issue: { path: ['action'], code: 'not_roundtable' }
    },
    {
      name: 'a round while one is in progress',
      setup: roundUnderWay,
      call: (rig) => rig.act({ type: 'round', startPersonId: people(rig).wen }),
      code: 'conflict',
      issue: { path: ['action'], code: 'round_in_progress' }
    },
    {
      name: 'undo with nothing to undo',
      call: (rig) => rig.undo(),
      code: 'conflict',
      issue: { path: ['action'], code: 'nothing_to_undo' }
    },
    {
      name: 'undo once everything was undone',
      setup: async (rig) => {
        await act(rig, { type: 'phase', segmentId: rig.segments[0] })
        valueOf(await rig.undo())
      },
      call: (rig) => rig.undo(),
      code: 'conflict',
      issue: { path: ['action'], code: 'nothing_to_undo' }
    },
    {
      name: 'acting on a planned session',
      start: false,
      call: (rig) => rig.act({ type: 'phase', segmentId: rig.segments[0] }),
      code: 'conflict',
      issue: { path: ['sessionId'], code: 'session_planned' }
    },
    {
      name: 'undo on a planned session',
      start: false,
      call: (rig) => rig.undo(),
      code: 'conflict',
      issue: { path: ['sessionId'], code: 'session_planned' }
    },
    {
      name: 'ending a planned session',
      start: false,
      call: (rig) => rig.end(),
      code: 'conflict',
      issue: { path: ['id'], code: 'session_planned' }
    },
    {
      name: 'acting on an ended session',
      setup: async (rig) => void valueOf(await rig.end()),
      call: (rig) => rig.act({ type: 'phase', segmentId: rig.segments[0] }),
      code: 'conflict',
      issue: { path: ['sessionId'], code: 'session_ended' }
    },
    {
      name: 'undo on an ended session (the end cannot be taken back)',
      setup: async (rig) => {
        await roundUnderWay(rig)
        valueOf(await rig.end())
      },
      call: (rig) => rig.undo(),
      code: 'conflict',
      issue: { path: ['sessionId'], code: 'session_ended' }
    },
    {
      name: 'check-in on an ended session',
      setup: async (rig) => void valueOf(await rig.end()),
      call: (rig) => rig.checkIn(people(rig).wen, false, 'x'),
      code: 'conflict',
      issue: { path: ['sessionId'], code: 'session_ended' }
    },
    {
      name: 'a walk-in on an ended session',
      setup: async (rig) => void valueOf(await rig.end()),
      call: (rig) => rig.walkIn(people(rig).wang),
      code: 'conflict',
      issue: { path: ['sessionId'], code: 'session_ended' }
    },
    {
      name: 'raise_hand for an absent person',
      setup: async (rig) => {
        await roundUnderWay(rig)
        valueOf(await rig.checkIn(people(rig).chen, false, '请假'))
      },
      call: (rig) => rig.act({ type: 'raise_hand', personId: people(rig).chen }),
      code: 'invalid_input',
      issue: { path: ['personId'], code: 'absent' }
    },
    {
      name: 'speak_again for someone not on the list',
      setup: roundUnderWay,
      call: (rig) => rig.act({ type: 'speak_again', personId: people(rig).wang }),
      code: 'invalid_input',
      issue: { path: ['personId'], code: 'not_on_list' }
    },
    {
      name: 'a round starting at an absent person',
      setup: async (rig) => {
        await act(rig, { type: 'phase', segmentId: rig.segments[2] })
        valueOf(await rig.checkIn(people(rig).zhang, false, '请假'))
      },
      call: (rig) => rig.act({ type: 'round', startPersonId: people(rig).zhang }),
      code: 'invalid_input',
      issue: { path: ['startPersonId'], code: 'absent' }
    },
    {
      name: 'pause twice',
      setup: async (rig) => {
        await roundUnderWay(rig)
        await act(rig, { type: 'pause' })
      },
      call: (rig) => rig.act({ type: 'pause' }),
      code: 'conflict',
      issue: { path: ['action'], code: 'already_paused' }
    },
    {
      name: 'a phase that is not on this session’s agenda',
      call: async (rig) => {
        const other = await LiveRig.open({ participants: [{ name: '路人', seatNumber: 1 }] })
        return rig.act({ type: 'phase', segmentId: other.segments[0] })
      },
      code: 'conflict',
      issue: { path: ['action'], code: 'unknown_segment' }
    }
  ]

  it.each(REFUSALS)('$name: the right code, nothing written, nothing announced', async (c) => {
    const rig = await openRig(c.start ?? true)
    await c.setup?.(rig)
    const view = await rig.view()
    const changes = rig.changes.length
    rig.wait(SECOND)
    const error = errorOf(await writesNothing(rig.file, () => c.call(rig)))
    expect({ code: error.code, issues: issuesOf(error) }).toEqual({ code: c.code, issues: [c.issue] })
    expect(rig.changes.length).toBe(changes)
    expect(withoutNow(await rig.view())).toStrictEqual(withoutNow(view))
  })
})

describe('change events', () => {
  it("each action announces 'session:changed' with the session id", async () => {
    const rig = await openRig(false)
    const { wen, chen, wang } = people(rig)
    const steps: [string, () => Promise<Result<LiveView>>][] = [
      ['start', () => rig.core.invoke('sessions:start', { id: rig.sessionId })],
      ['phase', () => rig.act({ type: 'phase', segmentId: rig.segments[0] })],
      ['phase', () => rig.act({ type: 'phase', segmentId: rig.segments[2] })],
      ['round', () => rig.act({ type: 'round', startPersonId: wen })],
      ['applause', () => rig.act({ type: 'applause' })],
      ['pause', () => rig.act({ type: 'pause' })],
      ['resume', () => rig.act({ type: 'resume' })],
      ['raise_hand', () => rig.act({ type: 'raise_hand', personId: chen })],
      ['speak_again', () => rig.act({ type: 'speak_again', personId: wen })],
      ['pass', () => rig.act({ type: 'pass' })],
      ['skip', () => rig.act({ type: 'skip' })],
      ['defer', () => rig.act({ type: 'defer' })],
      ['decline', () => rig.act({ type: 'decline' })],
      ['undo', () => rig.undo()],
      ['check-in', () => rig.checkIn(chen, false, '请假')],
      ['walk-in', () => rig.walkIn(wang)],
      ['phase', () => rig.act({ type: 'phase', segmentId: null })],
      ['end', () => rig.end()]
    ]
    for (const [name, call] of steps) {
      const from = rig.changes.length
      rig.wait(SECOND)
      valueOf(await call())
      expect(rig.changes.slice(from), name).toContainEqual({ name: 'session:changed', id: rig.sessionId })
    }
    // 'free' too, after a finished round.
    const other = await openRig()
    await act(other, { type: 'phase', segmentId: other.segments[2] })
    await act(other, { type: 'round', startPersonId: people(other).wen })
    for (let i = 0; i < 5; i++) await act(other, { type: 'pass' })
    const from = other.changes.length
    valueOf(await other.act({ type: 'free' }))
    expect(other.changes.slice(from)).toContainEqual({ name: 'session:changed', id: other.sessionId })
  })
})
