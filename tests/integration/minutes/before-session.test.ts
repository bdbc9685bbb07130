import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/core/context'
import type { Core } from '../../../src/core/core'
import { chinaTimeToUtc } from '../../../src/shared/china-time'
import { exportedBytes, issuesOf, runCleanups, saveDialogInto, tempDatabaseFile, testCore, valueOf } from '../../helpers'
import { docxToPdf } from '../../libreoffice'
import { foldPdfText, readPdf, type PdfPage } from '../../pdf'
import { useChromiumPrinter } from '../../pdf-printer'
import { runDemoSession } from './demo-session'

/**
 * 签到表 and 会议通知: printed before a session, from its plan alone — for a session planned a minute ago
 * that has never run (no turns, nobody checked in) as for any other.
 */
afterEach(runCleanups)

const printToPdf = useChromiumPrinter()
const desktop = (): Platform => ({ printToPdf, chooseSavePath: saveDialogInto() })
/** As a PDF's text reads back: folded (full-width marks become ASCII), without spaces. */
const squeeze = (text: string) => foldPdfText(text).replace(/\s+/g, '')
/** A page's text without its page number (drawn first by Chromium, last by LibreOffice). */
const body = (page: PdfPage) => squeeze(page.text).replace(/—\d+—/g, '')

/** The day the notice is written: a week before the session. */
const TODAY = chinaTimeToUtc('2025-08-14', '09:00')
const START = chinaTimeToUtc('2025-08-21', '14:30')
const MINUTE = 60_000

interface PersonFields {
  name: string
  organisation?: string
  village?: string
  categories?: string[]
  phone?: string
}

/**
 * A planned session with a host (who has a phone), a recorder (not seated: the plan adds them), a lecturer,
 * and two people called 张伟 from different villages; `seated` gives seats in the order listed.
 */
async function plannedSession(options: { seated: boolean; platform?: Platform }) {
  const core = testCore({ databaseFile: tempDatabaseFile(), now: () => TODAY, platform: options.platform ?? desktop() })
  const person = async (fields: PersonFields) => valueOf(await core.invoke('people:create', fields)).id
  const zhangWen = await person({ name: '张伟', village: '温集新村', categories: ['党员'] })
  const host = await person({ name: '任肖彤', organisation: '郑家镇党委', categories: ['干部', '党员'], phone: '13812345678' })
  const lecturer = await person({ name: '李芳', organisation: '党员暖心志愿服务队', categories: ['志愿者', '党员'] })
  const zhangZheng = await person({ name: '张伟', village: '郑家村', categories: ['群众'] })
  // 青年 and 干部: 干部 comes first in the settings' categories.
  const chen = await person({ name: '陈静', organisation: '郑家镇便民服务中心', categories: ['青年', '干部'] })
  const recorder = await person({ name: '王晓雪', organisation: '郑家镇新时代文明实践所', categories: ['志愿者'] })
  const theme = valueOf(await core.invoke('themes:create', { title: '全面推进乡村振兴' }))
  const seated = [zhangWen, host, lecturer, zhangZheng, chen]
  const session = valueOf(
    await core.invoke('sessions:create', {
      title: '乡村振兴圆桌派',
      themeId: theme.id,
      plannedStart: START,
      plannedEnd: START + 120 * MINUTE,
      venue: '郑家村党群服务中心',
      hostId: host,
      recorderId: recorder,
      organiserUnit: '郑家镇新时代文明实践所',
      speakerLimitSeconds: 180,
      agenda: [
        { kind: 'study', lecturerId: lecturer, topic: '乡村振兴战略的重要内容', plannedMinutes: 30 },
        { kind: 'roundtable', plannedMinutes: 60 }
      ],
      invitees: seated.map((personId, index) => ({ personId, seatNumber: options.seated ? index + 1 : null }))
    })
  )
  expect(session.status).toBe('planned')
  return { core, sessionId: session.id }
}

/** The cells of each row of each table in word/document.xml, and whether the row repeats as a heading. */
function docxTables(bytes: Buffer): { rows: { cells: string[]; repeats: boolean; height: string | undefined }[] }[] {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)
  const textOf = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => ({
    rows: [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => ({
      cells: [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => textOf(cell)),
      repeats: /<w:tblHeader\/>/.test(row),
      height: /<w:trHeight ([^>]*)\/>/.exec(row)?.[1]
    }))
  }))
}

/** The text of each paragraph outside tables, in order. */
function docxParagraphs(bytes: Buffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!).replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter((text) => text !== '')
}

async function exportDocx(core: Core, sessionId: string, document: 'signin' | 'notice') {
  const file = valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'docx' }))
  return { file, bytes: exportedBytes(file, 'saved') }
}

/** The numbers from `from` to `to`, written one after another as the blank rows read. */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index).join('')

const HEADINGS = ['序号', '姓名', '单位（村）', '身份', '签名', '备注']
/** Who is invited, as the sheet lists them: seat order, the recorder (unseated) after; the two 张伟 told apart. */
const SEATED = [
  ['1', '张伟（温集新村）', '温集新村', '党员'],
  ['2', '任肖彤', '郑家镇党委', '主持人'],
  ['3', '李芳', '党员暖心志愿服务队', '宣讲志愿者'],
  ['4', '张伟（郑家村）', '郑家村', '群众'],
  ['5', '陈静', '郑家镇便民服务中心', '干部'],
  ['6', '王晓雪', '郑家镇新时代文明实践所', '记录人']
]

describe('签到表', () => {
  it('lists every person invited once, in seat order, with 单位 and 身份, then numbered blank rows: a table whose heading row repeats', async () => {
    const { core, sessionId } = await plannedSession({ seated: true })
    const { file, bytes } = await exportDocx(core, sessionId, 'signin')
    expect(file.fileName).toBe('2025-08-21-乡村振兴圆桌派-签到表.docx')
    expect(docxParagraphs(bytes).slice(0, 3)).toEqual(['乡村振兴圆桌派签到表', '时间：2025年8月21日 14:30—16:30', '地点：郑家村党群服务中心'])
    const tables = docxTables(bytes)
    expect(tables).toHaveLength(1)
    const [header, ...rows] = tables[0]!.rows
    expect(header).toMatchObject({ cells: HEADINGS, repeats: true })
    expect(rows.every((row) => !row.repeats)).toBe(true)
    expect(rows.slice(0, SEATED.length).map((row) => row.cells)).toEqual(SEATED.map((cells) => [...cells, '', '']))
    // Walk-ins sign in numbered blank rows: at least three, as many as fill the page.
    const blanks = rows.slice(SEATED.length)
    expect(blanks.length).toBeGreaterThanOrEqual(3)
    expect(blanks.map((row) => row.cells)).toEqual(blanks.map((_, index) => [String(SEATED.length + index + 1), '', '', '', '', '']))
    // Rows tall enough to sign in: at least 11 mm (624 twips).
    for (const row of rows) expect(row.height).toMatch(/w:val="624"/)
    expect(rows[0]!.height).toMatch(/w:hRule="atLeast"/)
  })

  it('lists the invited by pinyin when nobody has a seat', async () => {
    const { core, sessionId } = await plannedSession({ seated: false })
    const { bytes } = await exportDocx(core, sessionId, 'signin')
    const names = docxTables(bytes)[0]!.rows.slice(1, 7).map((row) => row.cells[1])
    expect(names).toEqual(['陈静', '李芳', '任肖彤', '王晓雪', '张伟（温集新村）', '张伟（郑家村）'])
  })

  it('prints as the page and the PDF, and fills its one page alike in LibreOffice (the .docx) and Chromium (the PDF)', async () => {
    const { core, sessionId } = await plannedSession({ seated: true })
    const page = valueOf(await core.invoke('minutes:print', { sessionId, document: 'signin' }))
    expect(page).toMatchObject({ title: '乡村振兴圆桌派签到表', fileName: '2025-08-21-乡村振兴圆桌派-签到表.pdf' })
    // The heading row in <thead>: the browser prints it again on each page.
    expect(page.html).toContain(`<thead><tr style="height: 11mm">${HEADINGS.map((text) => `<th>${text}</th>`).join('')}</tr></thead>`)
    const printed = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document: 'signin', format: 'pdf' })), 'saved')
    const { bytes } = await exportDocx(core, sessionId, 'signin')
    const [chromium, office] = await Promise.all([readPdf(printed), readPdf(docxToPdf(bytes))])
    const rows = docxTables(bytes)[0]!.rows.length - 1
    for (const pdf of [chromium, office]) {
      expect(pdf.pages).toHaveLength(1)
      const text = body(pdf.pages[0]!)
      expect(text).toContain(squeeze(HEADINGS.join('')))
      for (const [number, name, place, identity] of SEATED) expect(text).toContain(squeeze(`${number}${name}${place}${identity}`))
      // The last blank row is on the page too.
      expect(text.endsWith(`记录人${range(SEATED.length + 1, rows)}`)).toBe(true)
    }
  }, 60_000)

  it('runs onto a second page under its heading row again, alike in LibreOffice and Chromium, for a long list', async () => {
    const core = testCore({ databaseFile: tempDatabaseFile(), now: () => TODAY, platform: desktop() })
    const people: string[] = []
    for (let index = 1; index <= 20; index++) {
      people.push(valueOf(await core.invoke('people:create', { name: `村民${index}`, village: '郑家村', categories: ['群众'] })).id)
    }
    const { id: sessionId } = valueOf(
      await core.invoke('sessions:create', {
        title: '院坝圆桌会',
        plannedStart: START,
        plannedEnd: START + 90 * MINUTE,
        invitees: people.map((personId, index) => ({ personId, seatNumber: index + 1 }))
      })
    )
    const printed = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document: 'signin', format: 'pdf' })), 'saved')
    const { bytes } = await exportDocx(core, sessionId, 'signin')
    const rows = docxTables(bytes)[0]!.rows.length - 1
    expect(rows).toBeGreaterThanOrEqual(23)
    const [chromium, office] = await Promise.all([readPdf(printed), readPdf(docxToPdf(bytes))])
    for (const pdf of [chromium, office]) {
      expect(pdf.pages).toHaveLength(2)
      const second = body(pdf.pages[1]!)
      expect(second.startsWith(squeeze(HEADINGS.join('')))).toBe(true)
      expect(second.endsWith(String(rows))).toBe(true)
    }
  }, 60_000)

  it('is made for a session in any state: cancelled, or held and over (the plan: its times, everyone invited)', async () => {
    const { core, sessionId } = await plannedSession({ seated: true })
    valueOf(await core.invoke('sessions:cancel', { id: sessionId }))
    expect(docxTables((await exportDocx(core, sessionId, 'signin')).bytes)[0]!.rows[1]!.cells[1]).toBe('张伟（温集新村）')

    const demo = await runDemoSession({ chooseSavePath: saveDialogInto() })
    const { bytes } = await exportDocx(demo.core, demo.sessionId, 'signin')
    expect(docxParagraphs(bytes)[1]).toBe('时间：2025年8月21日 14:30—16:30')
    // 张秀兰 was absent; she was invited all the same.
    const names = docxTables(bytes)[0]!.rows.slice(1, 10).map((row) => row.cells[1])
    expect(names).toEqual(['任肖彤', '李芳', '赵海云', '温乐义', '翟自恩', '张秀兰', '刘建国', '陈静', '王晓雪'])
  })
})

describe('会议通知', () => {
  it('states the theme, time, venue, who attends by 身份, the agenda, what to prepare, and whom to ask for leave; dated today', async () => {
    const { core, sessionId } = await plannedSession({ seated: true })
    const { file, bytes } = await exportDocx(core, sessionId, 'notice')
    expect(file.fileName).toBe('2025-08-21-乡村振兴圆桌派-会议通知.docx')
    expect(docxTables(bytes)).toEqual([])
    expect(docxParagraphs(bytes)).toEqual([
      '关于召开乡村振兴圆桌派的通知',
      '各位参会人员：',
      '郑家镇新时代文明实践所定于2025年8月21日在郑家村党群服务中心召开乡村振兴圆桌派，围绕“全面推进乡村振兴”开展学习研讨、圆桌交流。现将有关事项通知如下：',
      '一、会议时间',
      '2025年8月21日 14:30—16:30',
      '二、会议地点',
      '郑家村党群服务中心',
      '三、参加人员',
      '共6人。主持人：任肖彤；记录人：王晓雪；宣讲志愿者：李芳；党员：张伟（温集新村）；群众：张伟（郑家村）；干部：陈静。',
      '四、会议议程',
      '（一）学习研讨：李芳，乡村振兴战略的重要内容（30分钟）',
      '（二）圆桌时间（60分钟）',
      '五、有关要求',
      '（一）请提前学习宣讲内容：“乡村振兴战略的重要内容”。',
      '（二）请围绕“全面推进乡村振兴”，结合本村、本单位实际准备发言，每人发言一般不超过3分钟。',
      '（三）请准时参会，提前10分钟到场签到。',
      '（四）因故不能参会的，请提前向主持人任肖彤请假。',
      '联系人：任肖彤，联系电话：13812345678',
      '郑家镇新时代文明实践所',
      '2025年8月14日'
    ])
  })

  it('in English when the settings say so', async () => {
    const { core, sessionId } = await plannedSession({ seated: true })
    valueOf(await core.invoke('settings:update', { language: 'en' }))
    const { file, bytes } = await exportDocx(core, sessionId, 'notice')
    expect(file.fileName).toBe('2025-08-21-乡村振兴圆桌派-Notice.docx')
    const paragraphs = docxParagraphs(bytes)
    expect(paragraphs[0]).toBe('Notice of 乡村振兴圆桌派')
    // Namesakes are told apart as everywhere in the app, whatever the language.
    expect(paragraphs).toContain('6 people. Host: 任肖彤; Recorder: 王晓雪; Lecturer: 李芳; 党员: 张伟（温集新村）; 群众: 张伟（郑家村）; 干部: 陈静.')
    expect(paragraphs).toContain('(4) If you cannot attend, please tell the host, 任肖彤, in advance.')
    const sheet = docxTables((await exportDocx(core, sessionId, 'signin')).bytes)[0]!.rows[0]!.cells
    expect(sheet).toEqual(['No.', 'Name', 'Unit (village)', 'Role', 'Signature', 'Notes'])
  })

  it('as a PDF, with the same words', async () => {
    const { core, sessionId } = await plannedSession({ seated: true })
    const file = valueOf(await core.invoke('minutes:export', { sessionId, document: 'notice', format: 'pdf' }))
    expect(file.fileName).toBe('2025-08-21-乡村振兴圆桌派-会议通知.pdf')
    const pdf = await readPdf(exportedBytes(file, 'saved'))
    expect(pdf.title).toBe('关于召开乡村振兴圆桌派的通知')
    const text = pdf.pages.map(body).join('')
    for (const part of ['各位参会人员：', '一、会议时间', '2025年8月21日 14:30—16:30', '郑家村党群服务中心', '张伟（温集新村）', '（一）学习研讨：李芳', '五、有关要求']) {
      expect(text).toContain(squeeze(part))
    }
  })
})

describe('what the contract allows', () => {
  it('refuses a format the document does not come in, before anything is made', async () => {
    const { core, sessionId } = await plannedSession({ seated: true })
    for (const [document, format] of [
      ['signin', 'markdown'],
      ['signin', 'csv'],
      ['notice', 'text']
    ] as const) {
      const result = await core.invoke('minutes:export', { sessionId, document, format })
      expect(issuesOf(result), `${document} as ${format}`).toEqual([{ path: ['format'], code: 'format_not_available' }])
    }
    expect(issuesOf(await core.invoke('minutes:print', { sessionId, document: 'invitation' }))).toEqual([{ path: ['document'], code: 'invalid_value' }])
  })
})
