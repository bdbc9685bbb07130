import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chinaTimeToUtc } from '../../../src/shared/china-time'
import type { PersonParticipation, Statistics } from '../../../src/shared/statistics'
import { issuesOf, refusedWithoutTrace, runCleanups, valueOf, writesNothing } from '../../helpers'
import { Town } from './town'

/**
 * The 统计 page's figures for a small town archive whose every number is counted by hand below. The archive
 * (built once, through core's channels, sessions run live):
 *
 * | session | China time         | theme  | status    | invited (✓ present, ✗ absent, ? 未签到) + walk-ins | spoken turns   | remarks            |
 * |---------|--------------------|--------|-----------|----------------------------------------------------|----------------|--------------------|
 * | S9      | 2025-11-10 14:00   | 振兴   | ended     | 孙丽✓                                              |                |                    |
 * | S7      | 2025-12-20 14:00   | 格局   | ended     | 赵敏✓ 孙丽✗                                        |                |                    |
 * | S1      | 2026-01-01 08:00   | 振兴   | ended 2 h | 王主持✓(host) 刘记录✓(rec) 李芳✓(lecturer) 温乐义✓ 翟自恩✓ 张伟(温)✓ 孙丽✗ 赵敏✓ 周强? + 高明 | 温乐义 ×2, 翟自恩 (张伟(温) skipped; 李芳's lecture is a study turn) | 温乐义 ×2, 翟自恩, 李芳, 高明 |
 * | S2      | 2026-02-10 14:00   | 格局   | ended 1 h 40 | 王主持✓ 刘记录✓ 温乐义✓ 张伟(温)✗ 张伟(后)✓ 孙丽? 赵敏✓ 周强? | 张伟(后), 温乐义 | 张伟(后)          |
 * | S5      | 2026-03-15         | 振兴   | cancelled | 温乐义                                             |                |                    |
 * | S3      | 2026-03-31 23:00   | 振兴   | ended 1 h | 王主持✓ 刘记录✓ 温乐义✓ 翟自恩✓ 孙丽✗ 赵敏✓ 周强? | 翟自恩         | (赵敏's, deleted)   |
 * | S4      | 2026-04-01 00:30   | 格局   | ended 1.5 h | 王主持✓ 刘记录✓ 温乐义✓ 孙丽? 赵敏✓             | 温乐义         |                    |
 * | S6      | 2026-05-20         | 振兴   | planned   | 温乐义                                             |                |                    |
 * | S8      | 2026-06-01         | 振兴   | live      | 王主持✓ 刘记录✓ 温乐义✓ 赵敏✓                     | 温乐义         |                    |
 *
 * 刘记录's hours at S2 are corrected to 3; 周强 is archived afterwards; today is 2026-06-15 (China).
 * 张伟 lives in 温集新村 and in 后楼村: two people, told apart by their place. 翟自恩 has no village, only
 * his unit 镇企业.
 */

afterAll(runCleanups)

let town: Town
type Named = 'host' | 'rec' | 'lifang' | 'wen' | 'zhai' | 'zhangW' | 'zhangH' | 'sun' | 'zhao' | 'gao' | 'zhou' | 't1' | 't2'
type Held = 's1' | 's2' | 's3' | 's4' | 's5' | 's6' | 's7' | 's8' | 's9'
const id = {} as Record<Named | Held, string>
const Q1 = { from: '2026-01-01', to: '2026-03-31' }

beforeAll(async () => {
  town = new Town()
  id.host = await town.person('王主持', '郑家村')
  id.rec = await town.person('刘记录', '郑家村')
  id.lifang = await town.person('李芳', '温集新村')
  id.wen = await town.person('温乐义', '温集新村')
  id.zhai = await town.person('翟自恩', '', '镇企业')
  id.zhangW = await town.person('张伟', '温集新村')
  id.zhangH = await town.person('张伟', '后楼村')
  id.sun = await town.person('孙丽', '后楼村')
  id.zhao = await town.person('赵敏', '郑家村')
  id.gao = await town.person('高明', '郑家村')
  id.zhou = await town.person('周强', '后楼村')
  id.t1 = await town.theme('乡村振兴')
  id.t2 = await town.theme('新发展格局')
  const staff = { hostId: id.host, recorderId: id.rec }

  id.s9 = await town.session({ day: '2025-11-10', themeId: id.t1, invited: [id.sun], present: [id.sun] })
  id.s7 = await town.session({ day: '2025-12-20', themeId: id.t2, invited: [id.zhao, id.sun], present: [id.zhao], absent: [id.sun] })
  id.s1 = await town.session({
    day: '2026-01-01',
    at: '08:00',
    themeId: id.t1,
    ...staff,
    lecturerId: id.lifang,
    invited: [id.wen, id.zhai, id.zhangW, id.sun, id.zhao, id.zhou],
    present: [id.wen, id.zhai, id.zhangW, id.zhao],
    absent: [id.sun],
    walkIns: [id.gao],
    speakers: [id.wen, id.zhai, id.wen],
    skipped: [id.zhangW],
    remarks: [id.wen, id.wen, id.zhai, id.lifang, id.gao],
    decisions: [
      { text: '修通温集新村的生产路', ownerId: id.wen, dueDate: '2026-01-20' },
      { text: '整理合作社章程', ownerName: '村委会', done: true }
    ]
  })
  id.s2 = await town.session({
    day: '2026-02-10',
    minutes: 100,
    themeId: id.t2,
    ...staff,
    invited: [id.wen, id.zhangW, id.zhangH, id.sun, id.zhao, id.zhou],
    present: [id.wen, id.zhangH, id.zhao],
    absent: [id.zhangW],
    speakers: [id.zhangH, id.wen],
    remarks: [id.zhangH],
    decisions: [
      { text: '联系农资集采', ownerId: id.zhangH, dueDate: '2026-12-31' },
      { text: '报名技能培训', ownerId: id.wen, dueDate: '2026-02-01', done: true },
      { text: '统计留守老人', ownerId: id.zhao, dueDate: '2026-06-15' },
      { text: '上报道路破损点', ownerId: id.zhao, dueDate: '2026-06-14' }
    ],
    serviceHours: { [id.rec]: 3 }
  })
  id.s5 = await town.session({ day: '2026-03-15', themeId: id.t1, invited: [id.wen], status: 'cancelled' })
  id.s3 = await town.session({
    day: '2026-03-31',
    at: '23:00',
    minutes: 60,
    themeId: id.t1,
    ...staff,
    invited: [id.wen, id.zhai, id.sun, id.zhao, id.zhou],
    present: [id.wen, id.zhai, id.zhao],
    absent: [id.sun],
    speakers: [id.zhai],
    deletedRemarks: [id.zhao],
    decisions: [{ text: '办好文明实践积分超市', ownerName: '村委会' }]
  })
  id.s4 = await town.session({
    day: '2026-04-01',
    at: '00:30',
    minutes: 90,
    themeId: id.t2,
    ...staff,
    invited: [id.wen, id.sun, id.zhao],
    present: [id.wen, id.zhao],
    speakers: [id.wen]
  })
  id.s6 = await town.session({ day: '2026-05-20', themeId: id.t1, invited: [id.wen], status: 'planned' })
  id.s8 = await town.session({ day: '2026-06-01', themeId: id.t1, ...staff, invited: [id.wen, id.zhao], present: [id.wen, id.zhao], speakers: [id.wen], status: 'live' })
  valueOf(await town.core.invoke('people:archive', { id: id.zhou, archived: true }))
  town.clock = chinaTimeToUtc('2026-06-15', '10:00')
}, 60_000)

const person = (personId: string, name: string, village: string, figures: Omit<PersonParticipation, 'personId' | 'name' | 'village'>): PersonParticipation => ({
  personId,
  name,
  village,
  ...figures
})
const month = (m: string, held = 0, { live = 0, cancelled = 0, planned = 0 } = {}) => ({ month: m, held, live, cancelled, planned })

describe('statistics:get over the first quarter of 2026, every figure counted by hand', () => {
  let stats: Statistics
  beforeAll(async () => {
    stats = await town.statistics(Q1)
  })

  it('echoes the period and today (China)', () => {
    expect(stats.period).toEqual(Q1)
    expect(stats.today).toBe('2026-06-15')
  })

  it('counts sessions held, cancelled and planned, month by month; the edges of the period are China days, both included', () => {
    // S1 began at 08:00 on 1 January in China (still 31 December in UTC), S3 at 23:00 on 31 March: both in.
    // S4 began at 00:30 on 1 April in China (31 March in UTC): out. S5 was cancelled.
    expect(stats.sessions).toEqual({
      held: 3,
      live: 0,
      cancelled: 1,
      planned: 0,
      perMonth: [month('2026-01', 1), month('2026-02', 1), month('2026-03', 1, { cancelled: 1 })]
    })
  })

  it('counts each theme by the sessions held on it (the cancelled one not)', () => {
    expect(stats.themes).toEqual([
      { themeId: id.t1, name: '乡村振兴', sessions: 2 },
      { themeId: id.t2, name: '新发展格局', sessions: 1 }
    ])
  })

  it('gives each person their invitations, presence, absences, walk-ins, attendance rate, spoken turns and remarks', () => {
    expect(stats.participation.people).toEqual([
      person(id.wen, '温乐义', '温集新村', { invited: 3, present: 3, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 3, remarks: 2 }),
      person(id.rec, '刘记录', '郑家村', { invited: 3, present: 3, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 0, remarks: 0 }),
      person(id.host, '王主持', '郑家村', { invited: 3, present: 3, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 0, remarks: 0 }),
      // The remark written for 赵敏 at S3 was deleted: it counts nowhere.
      person(id.zhao, '赵敏', '郑家村', { invited: 3, present: 3, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 0, remarks: 0 }),
      person(id.zhai, '翟自恩', '镇企业', { invited: 2, present: 2, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 2, remarks: 1 }),
      person(id.zhangH, '张伟（后楼村）', '后楼村', { invited: 1, present: 1, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 1, remarks: 1 }),
      // A walk-in is present without an invitation: no attendance rate.
      person(id.gao, '高明', '郑家村', { invited: 0, present: 1, absent: 0, walkIns: 1, attendanceRate: null, turnsSpoken: 0, remarks: 1 }),
      // The lecture is a study turn, not a turn of 圆桌时间.
      person(id.lifang, '李芳', '温集新村', { invited: 1, present: 1, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 0, remarks: 1 }),
      // Skipped at S1 (a turn, not spoken), absent at S2.
      person(id.zhangW, '张伟（温集新村）', '温集新村', { invited: 2, present: 1, absent: 1, walkIns: 0, attendanceRate: 0.5, turnsSpoken: 0, remarks: 0 }),
      // 未签到 at S2 is neither present nor absent.
      person(id.sun, '孙丽', '后楼村', { invited: 3, present: 0, absent: 2, walkIns: 0, attendanceRate: 0, turnsSpoken: 0, remarks: 0 }),
      person(id.zhou, '周强', '后楼村', { invited: 3, present: 0, absent: 0, walkIns: 0, attendanceRate: 0, turnsSpoken: 0, remarks: 0 })
    ])
  })

  it('totals the period: 实到 8 + 5 + 5, six spoken turns, six remarks, nine different people', () => {
    const { people: _people, villages: _villages, ...totals } = stats.participation
    expect(totals).toEqual({ uniquePeople: 9, present: 18, turnsSpoken: 6, remarks: 6 })
  })

  it('shares the spoken turns by place (village, else unit)', () => {
    expect(stats.participation.villages).toEqual([
      { village: '温集新村', people: 3, turns: 3, share: 3 / 6 },
      { village: '镇企业', people: 1, turns: 2, share: 2 / 6 },
      { village: '后楼村', people: 1, turns: 1, share: 1 / 6 },
      { village: '郑家村', people: 4, turns: 0, share: 0 }
    ])
  })

  it('finds who came to their last sessions without speaking, counting back before the period, host and recorder aside', () => {
    // 赵敏: silent at S3, S2, S1 and S7 (December). 王主持 and 刘记录 never took a turn either, but they ran the sessions.
    // 温乐义 was silent at S3 only; 张伟(温) skipped at S1 is one session; 孙丽 at S9 one.
    expect(stats.silent).toEqual([{ personId: id.zhao, name: '赵敏', village: '郑家村', lastSessions: 4, lastSessionId: id.s3, lastSessionDate: '2026-03-31' }])
  })

  it('finds who missed their last invitations (absent or 未签到), with when they were last seen; archived people aside', () => {
    // 孙丽: ✗ S3, ? S2, ✗ S1, ✗ S7, then present at S9. 周强 missed three too, but is archived.
    expect(stats.notSeen).toEqual([
      { personId: id.sun, name: '孙丽', village: '后楼村', lastSeenDate: '2025-11-10', lastSeenSessionId: id.s9, missedInvitations: 4 }
    ])
  })

  it('counts decisions open, done and overdue by owner; due today is not overdue yet', () => {
    expect(stats.decisions).toEqual({
      open: 5,
      done: 2,
      overdue: 2,
      byOwner: [
        { ownerId: id.zhao, ownerName: '赵敏', open: 2, done: 0, overdue: 1 },
        { ownerId: id.wen, ownerName: '温乐义', open: 1, done: 1, overdue: 1 },
        { ownerId: null, ownerName: '村委会', open: 1, done: 1, overdue: 0 },
        { ownerId: id.zhangH, ownerName: '张伟（后楼村）', open: 1, done: 0, overdue: 0 }
      ]
    })
  })

  it('sums volunteer hours as the 志愿服务活动记录 states them: from their time, or as corrected', () => {
    // S1 2 h, S2 1 h 40 → 1.5 h (刘记录 corrected to 3), S3 1 h. 李芳 lectured at S1.
    expect(stats.volunteers).toEqual([
      { personId: id.rec, name: '刘记录', village: '郑家村', sessions: 3, hours: 6 },
      { personId: id.host, name: '王主持', village: '郑家村', sessions: 3, hours: 4.5 },
      { personId: id.lifang, name: '李芳', village: '温集新村', sessions: 1, hours: 2 }
    ])
  })

  it('offers every village and unit of the directory to filter by, in pinyin order', () => {
    expect(stats.villageOptions).toEqual(['后楼村', '温集新村', '镇企业', '郑家村'])
  })

  it('only reads: the archive is unchanged', async () => {
    await writesNothing(town.core.databaseFile, () => town.core.invoke('statistics:get', Q1))
  })
})

describe('statistics:get for other periods', () => {
  it('the second quarter: one held, one still live (in no other figure), one planned', async () => {
    const stats = await town.statistics({ from: '2026-04-01', to: '2026-06-30' })
    expect(stats.sessions).toEqual({
      held: 1,
      live: 1,
      cancelled: 0,
      planned: 1,
      perMonth: [month('2026-04', 1), month('2026-05', 0, { planned: 1 }), month('2026-06', 0, { live: 1 })]
    })
    expect(stats.themes).toEqual([{ themeId: id.t2, name: '新发展格局', sessions: 1 }])
    expect(stats.participation.people.map((p) => [p.name, p.present, p.turnsSpoken])).toEqual([
      ['温乐义', 1, 1],
      ['刘记录', 1, 0],
      ['王主持', 1, 0],
      ['赵敏', 1, 0],
      ['孙丽', 0, 0]
    ])
    expect(stats.participation.turnsSpoken).toBe(1)
    expect(stats.silent).toEqual([{ personId: id.zhao, name: '赵敏', village: '郑家村', lastSessions: 5, lastSessionId: id.s4, lastSessionDate: '2026-04-01' }])
    expect(stats.notSeen).toEqual([{ personId: id.sun, name: '孙丽', village: '后楼村', lastSeenDate: '2025-11-10', lastSeenSessionId: id.s9, missedInvitations: 5 }])
    expect(stats.decisions).toEqual({ open: 0, done: 0, overdue: 0, byOwner: [] })
    expect(stats.volunteers.map((v) => [v.name, v.sessions, v.hours])).toEqual([
      ['刘记录', 1, 1.5],
      ['王主持', 1, 1.5]
    ])
  })

  it('one day is a China day: 31 March holds S3 only, 1 April S4 only, 31 December 2025 nothing (S1 was 1 January in China)', async () => {
    const held = async (from: string, to = from) => {
      const stats = await town.statistics({ from, to })
      return [stats.sessions.held, stats.participation.present]
    }
    expect(await held('2026-03-31')).toEqual([1, 5])
    expect(await held('2026-04-01')).toEqual([1, 4])
    expect(await held('2025-12-31')).toEqual([0, 0])
    expect(await held('2026-01-01')).toEqual([1, 8])
  })

  it('N decides who is listed: silent at their last 4 but not 5; missed their last 4 invitations but not 5', async () => {
    expect((await town.statistics({ ...Q1, silentN: 4 })).silent.map((p) => p.name)).toEqual(['赵敏'])
    expect((await town.statistics({ ...Q1, silentN: 5 })).silent).toEqual([])
    expect((await town.statistics({ ...Q1, absentN: 4 })).notSeen.map((p) => p.name)).toEqual(['孙丽'])
    expect((await town.statistics({ ...Q1, absentN: 5 })).notSeen).toEqual([])
  })

  it('the lists speak of the period: a silence that ended before it is not listed', async () => {
    const february = await town.statistics({ from: '2026-02-01', to: '2026-02-28' })
    expect(february.silent.map((p) => [p.name, p.lastSessions, p.lastSessionDate])).toEqual([['赵敏', 3, '2026-02-10']])
    const may = await town.statistics({ from: '2026-05-01', to: '2026-05-31' })
    expect([may.silent, may.notSeen, may.sessions.held, may.sessions.planned]).toEqual([[], [], 0, 1])
  })
})

describe('statistics:get filtered', () => {
  it('by unit: only sessions with someone of 镇企业 on the list, and only its people', async () => {
    const stats = await town.statistics({ ...Q1, villages: ['镇企业'] })
    expect(stats.sessions).toEqual({ held: 2, live: 0, cancelled: 0, planned: 0, perMonth: [month('2026-01', 1), month('2026-02'), month('2026-03', 1)] })
    expect(stats.themes).toEqual([{ themeId: id.t1, name: '乡村振兴', sessions: 2 }])
    expect(stats.participation).toEqual({
      uniquePeople: 1,
      present: 2,
      turnsSpoken: 2,
      remarks: 1,
      people: [person(id.zhai, '翟自恩', '镇企业', { invited: 2, present: 2, absent: 0, walkIns: 0, attendanceRate: 1, turnsSpoken: 2, remarks: 1 })],
      villages: [{ village: '镇企业', people: 1, turns: 2, share: 1 }]
    })
    expect([stats.silent, stats.notSeen, stats.volunteers]).toEqual([[], [], []])
    // The decisions of S1 and S3, the sessions in scope.
    expect(stats.decisions).toEqual({
      open: 2,
      done: 1,
      overdue: 1,
      byOwner: [
        { ownerId: id.wen, ownerName: '温乐义', open: 1, done: 0, overdue: 1 },
        { ownerId: null, ownerName: '村委会', open: 1, done: 1, overdue: 0 }
      ]
    })
  })

  it('by villages: their people only, the names still told apart across the whole directory', async () => {
    const stats = await town.statistics({ ...Q1, villages: ['后楼村', '郑家村'] })
    expect(stats.participation.people.map((p) => p.name)).toEqual(['刘记录', '王主持', '赵敏', '张伟（后楼村）', '高明', '孙丽', '周强'])
    expect(stats.participation.villages.map((v) => [v.village, v.turns, v.share])).toEqual([
      ['后楼村', 1, 1],
      ['郑家村', 0, 0]
    ])
    expect(stats.silent.map((p) => p.name)).toEqual(['赵敏'])
    expect(stats.notSeen.map((p) => p.name)).toEqual(['孙丽'])
    expect(stats.volunteers.map((v) => v.name)).toEqual(['刘记录', '王主持'])
  })

  it('by theme: only its sessions, in the period and in the history the lists look back on', async () => {
    const stats = await town.statistics({ ...Q1, themeIds: [id.t2], silentN: 2, absentN: 2 })
    expect(stats.sessions).toEqual({ held: 1, live: 0, cancelled: 0, planned: 0, perMonth: [month('2026-01'), month('2026-02', 1), month('2026-03')] })
    expect(stats.themes).toEqual([{ themeId: id.t2, name: '新发展格局', sessions: 1 }])
    expect([stats.participation.present, stats.participation.turnsSpoken, stats.participation.remarks]).toEqual([5, 2, 1])
    // 赵敏 at S2 and S7; 孙丽 ? at S2, ✗ at S7, never present at a session on this theme.
    expect(stats.silent).toEqual([{ personId: id.zhao, name: '赵敏', village: '郑家村', lastSessions: 2, lastSessionId: id.s2, lastSessionDate: '2026-02-10' }])
    expect(stats.notSeen).toEqual([{ personId: id.sun, name: '孙丽', village: '后楼村', lastSeenDate: null, lastSeenSessionId: null, missedInvitations: 2 }])
    expect(stats.volunteers.map((v) => [v.name, v.sessions, v.hours])).toEqual([
      ['刘记录', 1, 3],
      ['王主持', 1, 1.5]
    ])
    expect([stats.decisions.open, stats.decisions.done, stats.decisions.overdue]).toEqual([3, 1, 1])
  })

  it('empty filters are no filters', async () => {
    expect(await town.statistics({ ...Q1, villages: [], themeIds: [] })).toEqual(await town.statistics(Q1))
  })
})

describe('statistics:get refuses bad input with a reason, and writes nothing', () => {
  it('a period that ends before it begins', async () => {
    const error = await refusedWithoutTrace(town.core, 'statistics:get', { from: '2026-03-31', to: '2026-01-01' })
    expect(error.code).toBe('invalid_input')
    expect(issuesOf(error)).toEqual([{ path: ['to'], code: 'period_reversed' }])
  })

  it('a date that does not exist, an N of 0, an unknown field', async () => {
    expect(issuesOf(await refusedWithoutTrace(town.core, 'statistics:get', { from: '2026-02-30', to: '2026-03-31' }))).toEqual([
      { path: ['from'], code: 'invalid_format' }
    ])
    expect(issuesOf(await refusedWithoutTrace(town.core, 'statistics:get', { ...Q1, silentN: 0 }))).toEqual([{ path: ['silentN'], code: 'too_small' }])
    expect(issuesOf(await refusedWithoutTrace(town.core, 'statistics:get', { ...Q1, year: 2026 }))).toEqual([{ path: [], code: 'unrecognized_keys' }])
  })
})
