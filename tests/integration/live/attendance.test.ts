import { afterEach, describe, expect, it } from 'vitest'
import { tallyAttendance } from '../../../src/shared/attendance'
import { errorOf, runCleanups, T0, valueOf, withDatabase } from '../../helpers'
import { LiveRig } from './rig'

afterEach(runCleanups)

const MINUTE = 60_000
const seats = (names: string[]) => names.map((name, i) => ({ name, seatNumber: i + 1 }))

/** Who the three channels say was there: they must agree, by the one rule in src/shared/attendance.ts. */
async function tallies(rig: LiveRig) {
  const live = valueOf(await rig.core.invoke('live:get', { sessionId: rig.sessionId }))
  const session = valueOf(await rig.core.invoke('sessions:get', { id: rig.sessionId }))
  const minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
  const { expected, present, absent, unmarked, walkIns } = minutes.attendance
  return { live: tallyAttendance(live.attendance), session: tallyAttendance(session.attendance), minutes: { expected, present, absent, unmarked, walkIns } }
}

describe('attendance, the same in the console, the session page and the minutes', () => {
  it('starting with nobody checked in: nobody is present, everyone is 未签到 — not “everyone present”', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义', '翟自恩', '刘建国']) })
    const counts = await tallies(rig)
    expect(counts.live).toEqual({ expected: 5, present: 0, absent: 0, unmarked: 5, walkIns: 0 })
    expect(counts.session).toEqual(counts.live)
    expect(counts.minutes).toEqual(counts.live)
    const minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    expect(minutes.attendance.groups).toEqual([])
    expect(minutes.attendance.unmarkedNames).toHaveLength(5)
  })

  it('one walk-in and two absences: 12 − 2 + 1 = 11, and the walk-in is named', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `参会者${i + 1}`)
    const rig = await LiveRig.open({ participants: seats(names), walkIns: ['高明'], start: false })
    valueOf(await rig.checkIn(rig.participants[0]!, false, '外出务工'))
    valueOf(await rig.checkIn(rig.participants[1]!, false, '生病'))
    valueOf(await rig.core.invoke('live:checkInEveryone', { sessionId: rig.sessionId }))
    valueOf(await rig.walkIn(rig.walkIns[0]!))
    valueOf(await rig.core.invoke('sessions:start', { id: rig.sessionId }))
    const counts = await tallies(rig)
    expect(counts.minutes).toEqual({ expected: 12, present: 11, absent: 2, unmarked: 0, walkIns: 1 })
    expect(counts.live).toEqual(counts.minutes)
    expect(counts.session).toEqual(counts.minutes)
    const { attendance } = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    expect(attendance.walkInNames).toEqual(['高明'])
    expect(attendance.absentees).toEqual([
      { name: '参会者1', reason: '外出务工' },
      { name: '参会者2', reason: '生病' }
    ])
    const printed = valueOf(await rig.core.invoke('minutes:print', { sessionId: rig.sessionId, document: 'minutes' })).html
    expect(printed).toContain('应到12人，实到11人（含列席1人），缺席2人。')
    // Both the 纪要 and the 会议记录 name the walk-in as 列席（临时参加） (列席 alone is a guest's role).
    expect(printed).toContain('列席（临时参加）：高明')
    const record = valueOf(await rig.core.invoke('minutes:print', { sessionId: rig.sessionId, document: 'record' })).html
    expect(record).toContain('列席（临时参加）：高明')
  })

  it('全部出席 checks in everyone still 未签到 and leaves the absent absent; it refuses an ended session', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义', '翟自恩']) })
    valueOf(await rig.checkIn(rig.participants[0]!, false, '外出务工'))
    const view = valueOf(await rig.core.invoke('live:checkInEveryone', { sessionId: rig.sessionId }))
    expect(tallyAttendance(view.attendance)).toEqual({ expected: 4, present: 3, absent: 1, unmarked: 0, walkIns: 0 })
    expect(view.attendance.find((entry) => entry.personId === rig.participants[0])).toMatchObject({ absent: true, absentReason: '外出务工', checkedInAt: null })
    valueOf(await rig.end())
    expect(errorOf(await rig.core.invoke('live:checkInEveryone', { sessionId: rig.sessionId })).code).toBe('conflict')
  })

  it('a walk-in cannot be marked absent (they are on the list because they came), and nothing changes', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义']), walkIns: ['高明'] })
    valueOf(await rig.walkIn(rig.walkIns[0]!))
    const before = rig.snapshot()
    const refused = errorOf(await rig.checkIn(rig.walkIns[0]!, false, '走了'))
    expect(refused.issues?.[0]).toMatchObject({ path: ['present'], code: 'walk_in_absent' })
    expect(rig.snapshot()).toEqual(before)
  })

  it('speaking is being there: a speaker still 未签到 is checked in as of their turn', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义', '翟自恩']) })
    rig.wait(MINUTE)
    valueOf(await rig.act({ type: 'phase', segmentId: rig.segments[2] }))
    const turnStart = rig.wait(MINUTE).now
    valueOf(await rig.act({ type: 'round', startPersonId: rig.participants[0]! }))
    rig.wait(3 * MINUTE)
    valueOf(await rig.act({ type: 'skip' })) // 温乐义 holds the mic but is skipped: not proof he was there
    let view = valueOf(await rig.act({ type: 'pass' })) // 翟自恩 speaks
    const byId = new Map(view.attendance.map((entry) => [entry.personId, entry]))
    expect(byId.get(rig.participants[0]!)!.checkedInAt).toBeNull()
    expect(byId.get(rig.participants[1]!)!.checkedInAt).toBe(turnStart + 3 * MINUTE)
    // An absent person is never checked in behind the user's back.
    view = valueOf(await rig.checkIn(rig.participants[0]!, false, '外出'))
    expect(view.attendance.find((entry) => entry.personId === rig.participants[0])!.absent).toBe(true)
  })

  it('volunteers get their own hours, which the organiser may correct in half hours; volunteers are not among the people served', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义', '翟自恩']), start: false })
    valueOf(await rig.checkIn(rig.lecturers[0], true)) // 李芳 at T0 (14:00)
    valueOf(await rig.checkIn(rig.participants[0]!, true))
    rig.wait(30 * MINUTE)
    valueOf(await rig.core.invoke('sessions:start', { id: rig.sessionId }))
    rig.wait(40 * MINUTE)
    valueOf(await rig.checkIn(rig.lecturers[1], true)) // 赵海云 came 40 minutes after the start
    rig.wait(50 * MINUTE)
    valueOf(await rig.end()) // 2 h after 李芳 checked in
    let minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    expect(minutes.volunteers.map(({ name, hours, corrected }) => [name, hours, corrected])).toEqual([
      ['李芳', 2, false],
      ['赵海云', 1, false]
    ])
    expect(minutes.served).toBe(1) // 温乐义; 翟自恩 never checked in
    const refused = await rig.core.invoke('attendance:setServiceHours', { sessionId: rig.sessionId, personId: rig.lecturers[1], hours: 1.25 })
    expect(errorOf(refused).code).toBe('invalid_input')
    valueOf(await rig.core.invoke('attendance:setServiceHours', { sessionId: rig.sessionId, personId: rig.lecturers[1], hours: 1.5 }))
    minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    expect(minutes.volunteers[1]).toMatchObject({ hours: 1.5, computedHours: 1, corrected: true })
    const printed = valueOf(await rig.core.invoke('minutes:print', { sessionId: rig.sessionId, document: 'volunteer' })).html
    // The form's row for them: 序号, 姓名, 角色, 签到, 签退, the hours as corrected.
    expect(printed).toMatch(/<td[^>]*>2<\/td><td[^>]*>赵海云<\/td><td[^>]*>宣讲志愿者<\/td><td[^>]*>[\d:]+<\/td><td[^>]*>[\d:]+<\/td><td[^>]*>1\.5<\/td>/)
    expect(printed).toContain('1人（不含志愿者）')
    valueOf(await rig.core.invoke('attendance:setServiceHours', { sessionId: rig.sessionId, personId: rig.lecturers[1], hours: null }))
    minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    expect(minutes.volunteers[1]).toMatchObject({ hours: 1, corrected: false })
    const stranger = valueOf(await rig.core.invoke('people:create', { name: '路人' })).id
    expect(errorOf(await rig.core.invoke('attendance:setServiceHours', { sessionId: rig.sessionId, personId: stranger, hours: 1 })).issues?.[0]).toMatchObject({
      path: ['personId'],
      code: 'not_on_list'
    })
    withDatabase(rig.file, (db) => expect(db.prepare('SELECT count(*) AS n FROM attendance WHERE service_hours IS NOT NULL').get()).toEqual({ n: 0 }))
  })

  it('全部出席 during (or when ending) the session records them as there from the start, so volunteers keep their hours', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义']) }) // started at T0
    rig.wait(90 * MINUTE)
    const view = valueOf(await rig.core.invoke('live:checkInEveryone', { sessionId: rig.sessionId }))
    expect(new Set(view.attendance.map((entry) => entry.checkedInAt))).toEqual(new Set([T0]))
    rig.wait(30 * MINUTE)
    valueOf(await rig.end())
    const minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    expect(minutes.volunteers.map((volunteer) => volunteer.hours)).toEqual([2, 2])
  })

  it('an absent person cannot be given a remark, nor be marked absent once a remark of theirs is on record', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义', '翟自恩']) })
    const [wen, zhai] = rig.participants as [string, string]
    valueOf(await rig.checkIn(zhai, false, '外出务工'))
    const write = (speakerId: string) => rig.core.invoke('remarks:create', { sessionId: rig.sessionId, speakerId, turnId: null, text: '会后补记', tags: [] })
    expect(errorOf(await write(zhai)).issues?.[0]).toMatchObject({ path: ['speakerId'], code: 'absent' })
    const remark = valueOf(await write(wen))
    // Writing it checked 温乐义 in (speaking is being there); now he cannot be marked absent.
    expect(errorOf(await rig.checkIn(wen, false, '走了')).issues?.[0]).toMatchObject({ path: ['present'], code: 'has_spoken' })
    expect(errorOf(await rig.core.invoke('remarks:update', { id: remark.id, speakerId: zhai })).issues?.[0]).toMatchObject({ code: 'absent' })
  })

  it('a lecture whose lecturer was absent is not reported as held', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义']), start: false })
    valueOf(await rig.checkIn(rig.lecturers[1], false, '生病'))
    valueOf(await rig.core.invoke('sessions:start', { id: rig.sessionId }))
    valueOf(await rig.act({ type: 'phase', segmentId: rig.segments[0] }))
    const view = valueOf(await rig.wait(30 * MINUTE).act({ type: 'phase', segmentId: rig.segments[1] }))
    expect(view.state.current).toBeNull() // 赵海云 is absent: nobody is handed the mic
    const minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    expect(minutes.study.map((item) => item.lecturer)).toEqual(['李芳'])
    expect(minutes.attendance.absentees).toEqual([{ name: '赵海云', reason: '生病' }])
  })

  it('checking in someone already present keeps their first check-in time', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义']), start: false })
    const first = rig.now
    valueOf(await rig.checkIn(rig.participants[0]!, true))
    rig.wait(30 * MINUTE)
    const view = valueOf(await rig.checkIn(rig.participants[0]!, true))
    expect(view.attendance.find((entry) => entry.personId === rig.participants[0])!.checkedInAt).toBe(first)
  })
})

describe('the 会议记录 in time order', () => {
  it('what a deferred speaker said before deferring stands at its own time, marked 暂缓, before those who spoke meanwhile', async () => {
    const rig = await LiveRig.open({ participants: seats(['温乐义', '翟自恩']) })
    valueOf(await rig.core.invoke('live:checkInEveryone', { sessionId: rig.sessionId }))
    valueOf(await rig.act({ type: 'phase', segmentId: rig.segments[2] }))
    let view = valueOf(await rig.wait(MINUTE).act({ type: 'round', startPersonId: rig.participants[0]! }))
    const wen = view.state.current!
    const remark = (text: string, turnId: string, speakerId: string) =>
      rig.core.invoke('remarks:create', { sessionId: rig.sessionId, speakerId, turnId, text, tags: [] })
    rig.wait(MINUTE)
    valueOf(await remark('【1】我先说一句，等会儿再细讲。', wen.id, wen.personId))
    view = valueOf(await rig.wait(MINUTE).act({ type: 'defer' }))
    const zhai = view.state.current!
    valueOf(await remark('【2】我们企业愿意带头。', zhai.id, zhai.personId))
    view = valueOf(await rig.wait(2 * MINUTE).act({ type: 'pass' })) // 温乐义 is back
    rig.wait(MINUTE)
    valueOf(await remark('【3】细讲光伏合作社。', wen.id, wen.personId))
    valueOf(await rig.wait(MINUTE).act({ type: 'pass' }))
    const minutes = valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessionId }))
    const order = minutes.record.flatMap((entry) => entry.remarks.map((line) => [entry.speaker, entry.outcome, line.text.slice(0, 3)]))
    expect(order).toEqual([
      ['温乐义', 'deferred', '【1】'],
      ['翟自恩', 'spoken', '【2】'],
      ['温乐义', 'spoken', '【3】']
    ])
    const printed = valueOf(await rig.core.invoke('minutes:print', { sessionId: rig.sessionId, document: 'record' })).html
    expect(printed).toMatch(/温乐义 14:02 发言（暂缓）/)
  })
})
