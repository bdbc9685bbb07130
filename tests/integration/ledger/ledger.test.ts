import { strFromU8, unzipSync } from 'fflate'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/core/context'
import { chinaIsoDate, formatChinaDate } from '../../../src/shared/china-time'
import type { InputOf } from '../../../src/shared/contract'
import type { LedgerExportOutcome } from '../../../src/shared/contract/ledger'
import type { Minutes } from '../../../src/shared/minutes'
import { errorOf, exportedBytes, runCleanups, tempDir, valueOf } from '../../helpers'
import { ledgerRig, PEOPLE, type Rig, type SessionSpec } from './ledger-rig'
import { join } from 'node:path'

/**
 * The period's exports (issue 15): the 年度台账 and the 志愿服务时长汇总, made from sessions run through core's
 * channels on a real SQLite file, read back from the .xlsx files saved, and checked row by row against the
 * 会议纪要 model of each session (minutes:get) and against figures counted by hand.
 */

const LEDGER_HEADER = ['日期', '场次名称', '主题', '地点', '主持人', '记录人', '应到', '实到', '缺席', '发言人数', '发言条数', '议定事项数', '志愿服务时长（小时）']
const HOURS_HEADER = ['姓名', '手机号', '活动名称', '服务日期', '服务时长（小时）']
const TOTALS_HEADER = ['姓名', '手机号', '服务场次', '服务时长合计（小时）']
const VENUE = '郑家镇新时代文明实践所理论宣讲室'

/** The sessions of 2025 and around it: period edges in China time, one run later than planned, and sessions not held. */
const SESSIONS: SessionSpec[] = [
  // 23:00 on 31 December in China is still 2024, though 15:00 UTC.
  { title: '去年最后一场', start: '2024-12-31T23:00', minutes: 45, host: 'ren', recorder: 'wang', participants: ['wen'], speakers: [['wen', 1]] },
  {
    title: '元旦思想圆桌派',
    theme: 'village',
    start: '2025-01-01T09:00',
    minutes: 120,
    host: 'ren',
    recorder: 'wang',
    lecturer: 'li',
    participants: ['wen', 'zhai', 'zhang'],
    absent: ['zhang'],
    lectureRemarks: 1,
    speakers: [
      ['wen', 2],
      ['zhai', 1],
      ['ren', 0]
    ],
    decisions: 2,
    correctedHours: [['li', 3]]
  },
  // Planned on the last evening of 2024, held on 2 January: its day is the day it was held.
  {
    title: '推迟举行的圆桌派',
    theme: 'development',
    start: '2024-12-31T20:00',
    startedAt: '2025-01-02T10:00',
    minutes: 90,
    host: 'ren',
    recorder: 'wang',
    participants: ['wen', 'zhai'],
    speakers: [['zhai', 1]]
  },
  {
    title: '年中圆桌派',
    theme: 'development',
    start: '2025-06-15T19:30',
    minutes: 100,
    host: 'ren',
    recorder: 'fangWen',
    participants: ['chen', 'liu', 'fangZheng'],
    unmarked: ['liu'],
    walkIns: ['wen'],
    speakers: [
      ['chen', 1],
      ['fangZheng', 2],
      ['wen', 1]
    ],
    decisions: 1
  },
  { title: '计划中的场次', start: '2025-09-01T14:30', minutes: 60, host: 'ren', recorder: 'wang', participants: ['wen'], outcome: 'planned' },
  { title: '取消的场次', start: '2025-10-01T14:30', minutes: 60, host: 'ren', recorder: 'wang', participants: ['wen'], outcome: 'cancelled' },
  // 23:30 on 31 December in China: 2025, the last minute of the period.
  { title: '跨年圆桌派', theme: 'village', start: '2025-12-31T23:30', minutes: 60, host: 'fangZheng', recorder: 'wang', participants: ['chen', 'liu'], speakers: [['liu', 1]] },
  // Midnight of 1 January in China: 2026, though still 31 December in UTC.
  { title: '新年第一场', start: '2026-01-01T00:00', minutes: 60, host: 'ren', recorder: 'wang', participants: ['wen'], speakers: [['wen', 1]] },
  { title: '进行中的场次', start: '2026-02-01T14:30', minutes: 60, host: 'ren', recorder: 'wang', participants: ['wen'], speakers: [['wen', 1]], outcome: 'live' }
]

const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' }
/** The sessions held in 2025, in the order they were held. */
const HELD_2025 = ['元旦思想圆桌派', '推迟举行的圆桌派', '年中圆桌派', '跨年圆桌派']

let rig: Rig
/** How often the save dialog was opened: a refused export must not ask where to save. */
let dialogs = 0

beforeAll(async () => {
  const folder = tempDir()
  const platform: Platform = {
    chooseSavePath: async (fileName) => {
      dialogs++
      return join(folder, `${dialogs}-${fileName}`)
    }
  }
  rig = await ledgerRig(platform)
  for (const spec of SESSIONS) await rig.hold(spec)
}, 60_000)
afterAll(runCleanups)

type Period = InputOf<'ledger:exportYear'>
type Cell = string | number | boolean | Date | null
interface Workbook {
  outcome: LedgerExportOutcome
  sheets: { sheet: string; data: Cell[][] }[]
  bytes: Buffer
}

async function exported(channel: 'ledger:exportYear' | 'ledger:exportVolunteerHours', period: Period, core = rig.core, kind: 'saved' | 'download' = 'saved'): Promise<Workbook> {
  const outcome = valueOf(await core.invoke(channel, period))
  const bytes = exportedBytes(outcome, kind)
  return { outcome, bytes, sheets: (await readXlsxFile(bytes)) as Workbook['sheets'] }
}

const minutesOf = async (titles: string[]): Promise<Minutes[]> =>
  Promise.all(titles.map(async (title) => valueOf(await rig.core.invoke('minutes:get', { sessionId: rig.sessions.get(title)! }))))

/** What the 会议纪要 says of a session, as a row of the ledger. */
function ledgerRowOf(minutes: Minutes): Cell[] {
  const remarks = minutes.record.reduce((count, entry) => count + entry.remarks.length, 0)
  const hours = minutes.volunteers.reduce((sum, volunteer) => sum + volunteer.hours, 0)
  return [
    formatChinaDate(minutes.startsAt, 'zh-CN'),
    minutes.title,
    minutes.theme,
    minutes.venue,
    minutes.host,
    minutes.recorder,
    minutes.attendance.expected,
    minutes.attendance.present,
    minutes.attendance.absent,
    minutes.statistics.speakers,
    remarks,
    minutes.decisions.length,
    hours
  ]
}

const titlesOf = (workbook: Workbook): Cell[] => workbook.sheets[0]!.data.slice(1).map((row) => row[1]!)

describe('年度台账 (ledger:exportYear)', () => {
  it('has one row per session held in the period, in order, each saying what its 会议纪要 says', async () => {
    const ledger = await exported('ledger:exportYear', YEAR_2025)
    expect(ledger.outcome).toMatchObject({ kind: 'saved', fileName: expect.stringMatching(/年度台账-2025-01-01至2025-12-31\.xlsx$/), sessions: 4 })
    expect(ledger.sheets.map((sheet) => sheet.sheet)).toEqual(['年度台账'])
    const [header, ...rows] = ledger.sheets[0]!.data
    expect(header).toEqual(LEDGER_HEADER)
    expect(rows).toEqual((await minutesOf(HELD_2025)).map(ledgerRowOf))
  })

  it('states the figures counted by hand: attendance after DESIGN §9, speakers, remarks, decisions and corrected hours', async () => {
    const rows = (await exported('ledger:exportYear', YEAR_2025)).sheets[0]!.data.slice(1)
    expect(rows).toEqual([
      // 张秀兰 absent; 李芳's lecture remark counts; her hours corrected to 3 (2.5 computed), host and recorder 2.5 each.
      ['2025年1月1日', '元旦思想圆桌派', '全面推进乡村振兴', VENUE, '任肖彤', '王晓雪', 6, 5, 1, 3, 4, 2, 8],
      // Dated the day it was held; checked in two days before, served from an hour before the start: 2.5 hours each.
      ['2025年1月2日', '推迟举行的圆桌派', '加快构建新发展格局', VENUE, '任肖彤', '王晓雪', 4, 4, 0, 1, 1, 0, 5],
      // 刘建国 未签到 is not 缺席; 温乐义 came unplanned: 5 − 0 − 1 + 1 = 5. Both 王芳 on the list carry their village.
      ['2025年6月15日', '年中圆桌派', '加快构建新发展格局', VENUE, '任肖彤', '王芳（温集新村）', 5, 5, 0, 3, 4, 1, 4],
      ['2025年12月31日', '跨年圆桌派', '全面推进乡村振兴', VENUE, '王芳', '王晓雪', 4, 4, 0, 1, 1, 0, 3]
    ])
  })

  it('takes the session days in China time, both ends of the period included', async () => {
    const held = async (from: string, to: string) => titlesOf(await exported('ledger:exportYear', { from, to }))
    expect(await held('2025-01-01', '2025-01-01')).toEqual(['元旦思想圆桌派'])
    expect(await held('2024-12-31', '2024-12-31')).toEqual(['去年最后一场'])
    expect(await held('2025-12-31', '2025-12-31')).toEqual(['跨年圆桌派'])
    expect(await held('2026-01-01', '2026-01-01')).toEqual(['新年第一场'])
    // Planned, cancelled and live sessions were not held (yet): never in the ledger.
    expect(await held('2024-01-01', '2026-12-31')).toEqual(['去年最后一场', ...HELD_2025, '新年第一场'])
  })

  it('keeps to the chosen villages or units (anyone on the list, walk-ins included) and themes', async () => {
    const held = async (filters: Partial<Period>) => titlesOf(await exported('ledger:exportYear', { ...YEAR_2025, ...filters }))
    expect(await held({ villages: ['郑家村'] })).toEqual(['年中圆桌派', '跨年圆桌派'])
    expect(await held({ villages: ['郑家镇辖区企业'] })).toEqual(['元旦思想圆桌派', '推迟举行的圆桌派'])
    expect(await held({ villages: ['温集新村'] })).toEqual(['元旦思想圆桌派', '推迟举行的圆桌派', '年中圆桌派'])
    expect(await held({ themeIds: [rig.themes.village] })).toEqual(['元旦思想圆桌派', '跨年圆桌派'])
    expect(await held({ themeIds: [rig.themes.village], villages: ['郑家村'] })).toEqual(['跨年圆桌派'])
    expect(await held({ themeIds: [], villages: [] })).toEqual(HELD_2025)
  })

  it('writes a header row that is bold and frozen, and columns wide enough for their Chinese text', async () => {
    const files = unzipSync(new Uint8Array((await exported('ledger:exportYear', YEAR_2025)).bytes))
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!)
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/)
    const widths = [...sheet.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]))
    expect(widths).toHaveLength(LEDGER_HEADER.length)
    // 场次名称 holds 推迟举行的圆桌派 (8 characters, 16 widths of a digit); 应到 holds a number under a 2-character header.
    expect(widths[1]).toBeGreaterThanOrEqual(16)
    expect(widths[6]).toBeLessThan(widths[1]!)
    expect(strFromU8(files['xl/styles.xml']!)).toContain('<b/>')
  })

  it('answers a period without sessions with a file of the header alone, and says it holds none', async () => {
    const ledger = await exported('ledger:exportYear', { from: '2023-01-01', to: '2023-12-31' })
    expect(ledger.outcome.sessions).toBe(0)
    expect(ledger.sheets[0]!.data).toEqual([LEDGER_HEADER])
  })

  it('refuses a period that ends before it starts, without asking where to save', async () => {
    const before = dialogs
    const error = errorOf(await rig.core.invoke('ledger:exportYear', { from: '2025-12-31', to: '2025-01-01' }))
    expect(error.code).toBe('invalid_input')
    expect(error.issues?.[0]).toMatchObject({ path: ['to'], code: 'period_reversed' })
    expect(errorOf(await rig.core.invoke('ledger:exportVolunteerHours', { from: '2025-02-30', to: '2025-03-01' })).code).toBe('invalid_input')
    expect(dialogs).toBe(before)
  })
})

describe('志愿服务时长汇总 (ledger:exportVolunteerHours)', () => {
  it('lists each volunteer’s services, by name, then date, with the registered name and phone as text and ISO dates', async () => {
    const hours = await exported('ledger:exportVolunteerHours', YEAR_2025)
    expect(hours.outcome).toMatchObject({ fileName: expect.stringMatching(/志愿服务时长汇总-2025-01-01至2025-12-31\.xlsx$/), sessions: 4 })
    expect(hours.sheets.map((sheet) => sheet.sheet)).toEqual(['服务时长明细', '个人合计'])
    expect(hours.sheets[0]!.data).toEqual([
      HOURS_HEADER,
      // 李芳's hours as corrected (3), not as computed (2.5).
      ['李芳', '0635-8888888', '元旦思想圆桌派', '2025-01-01', 3],
      ['任肖彤', '13800000001', '元旦思想圆桌派', '2025-01-01', 2.5],
      ['任肖彤', '13800000001', '推迟举行的圆桌派', '2025-01-02', 2.5],
      ['任肖彤', '13800000001', '年中圆桌派', '2025-06-15', 2],
      // Two people named 王芳: each under the name the volunteer system knows, told apart by their phones.
      ['王芳', '13900000001', '年中圆桌派', '2025-06-15', 2],
      ['王芳', '13900000002', '跨年圆桌派', '2025-12-31', 1.5],
      ['王晓雪', '13800000002', '元旦思想圆桌派', '2025-01-01', 2.5],
      ['王晓雪', '13800000002', '推迟举行的圆桌派', '2025-01-02', 2.5],
      ['王晓雪', '13800000002', '跨年圆桌派', '2025-12-31', 1.5]
    ])
    // Each volunteer's total on a sheet of its own, so the first sheet can be imported as it is.
    expect(hours.sheets[1]!.data).toEqual([
      TOTALS_HEADER,
      ['李芳', '0635-8888888', 1, 3],
      ['任肖彤', '13800000001', 3, 7],
      ['王芳', '13900000001', 1, 2],
      ['王芳', '13900000002', 1, 1.5],
      ['王晓雪', '13800000002', 3, 6.5]
    ])
  })

  it('has exactly the volunteers and hours of each session’s 志愿服务活动记录 (minutes:get), and adds up to the ledger', async () => {
    const hours = await exported('ledger:exportVolunteerHours', YEAR_2025)
    const people = valueOf(await rig.core.invoke('people:list', {}))
    const expected = (await minutesOf(HELD_2025)).flatMap((minutes) =>
      minutes.volunteers.map((volunteer) => {
        const person = people.find((candidate) => candidate.id === volunteer.personId)!
        // The minutes label a namesake with their place; the file keeps the name as registered.
        expect(volunteer.name.startsWith(person.name)).toBe(true)
        return [person.name, person.phone ?? null, minutes.title, chinaIsoDate(minutes.startsAt), volunteer.hours]
      })
    )
    const rows = hours.sheets[0]!.data.slice(1)
    const sorted = (list: Cell[][]) => list.map((row) => JSON.stringify(row)).sort()
    expect(sorted(rows)).toEqual(sorted(expected))

    const ledgerHours = (await exported('ledger:exportYear', YEAR_2025)).sheets[0]!.data.slice(1).reduce((sum, row) => sum + (row[12] as number), 0)
    const totals = hours.sheets[1]!.data.slice(1)
    expect(totals.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(ledgerHours)
    expect(totals.reduce((sum, row) => sum + (row[2] as number), 0)).toBe(rows.length)
  })

  it('keeps to the same sessions as the ledger under the same filters', async () => {
    const filters = { ...YEAR_2025, villages: ['郑家村'] }
    const hours = await exported('ledger:exportVolunteerHours', filters)
    expect(hours.outcome.sessions).toBe(2)
    expect(new Set(hours.sheets[0]!.data.slice(1).map((row) => row[2]))).toEqual(new Set(titlesOf(await exported('ledger:exportYear', filters))))
  })

  it('answers a period without sessions with both sheets holding their header alone', async () => {
    const hours = await exported('ledger:exportVolunteerHours', { from: '2023-01-01', to: '2023-12-31' })
    expect(hours.outcome.sessions).toBe(0)
    expect(hours.sheets.map((sheet) => sheet.data)).toEqual([[HOURS_HEADER], [TOTALS_HEADER]])
  })
})

describe('the files of another archive', () => {
  it('through the web bridge: the same files, for the browser to download', async () => {
    const web = await ledgerRig({})
    await web.hold(SESSIONS[1]!)
    const ledger = await exported('ledger:exportYear', YEAR_2025, web.core, 'download')
    expect(ledger.outcome).toMatchObject({
      kind: 'download',
      fileName: '年度台账-2025-01-01至2025-12-31.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      sessions: 1
    })
    expect(titlesOf(ledger)).toEqual(['元旦思想圆桌派'])
    const hours = await exported('ledger:exportVolunteerHours', YEAR_2025, web.core, 'download')
    expect(hours.outcome.fileName).toBe('志愿服务时长汇总-2025-01-01至2025-12-31.xlsx')
    expect(hours.sheets[0]!.data.slice(1).map((row) => row[0])).toEqual([PEOPLE.li.name, PEOPLE.ren.name, PEOPLE.wang.name])
  })

  it('in the documents’ language: English headers, sheets, dates and file names', async () => {
    const english = await ledgerRig({})
    await english.hold(SESSIONS[1]!)
    valueOf(await english.core.invoke('settings:update', { language: 'en' }))
    const ledger = await exported('ledger:exportYear', YEAR_2025, english.core, 'download')
    expect(ledger.outcome.fileName).toBe('Yearly ledger 2025-01-01 to 2025-12-31.xlsx')
    expect(ledger.sheets[0]!.sheet).toBe('Yearly ledger')
    expect(ledger.sheets[0]!.data[0]![0]).toBe('Date')
    expect(ledger.sheets[0]!.data[1]![0]).toBe('January 1, 2025')
    const hours = await exported('ledger:exportVolunteerHours', YEAR_2025, english.core, 'download')
    expect(hours.sheets.map((sheet) => sheet.sheet)).toEqual(['Hours by session', 'Totals'])
    expect(hours.sheets[0]!.data[0]).toEqual(['Name', 'Mobile', 'Activity', 'Date of service', 'Hours of service'])
  })
})
