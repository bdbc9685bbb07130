import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { ExportOutcome } from '../../../src/shared/domain'
import { exportedBytes, runCleanups, saveDialogInto, valueOf } from '../../helpers'
import { DEMO_MINUTES_IN_ORDER, runDemoSession } from './demo-session'

afterEach(runCleanups)

/** The text of word/document.xml, one string per paragraph, in document order. */
function paragraphsOf(bytes: Buffer): string[] {
  const files = unzipSync(new Uint8Array(bytes))
  const xml = strFromU8(files['word/document.xml']!)
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter((text) => text !== '')
}

/** Checks that each of `texts` is a paragraph, in this order (other paragraphs may come between). */
function expectInOrder(paragraphs: string[], texts: readonly string[]): void {
  let from = 0
  for (const text of texts) {
    const at = paragraphs.indexOf(text, from)
    expect(at, `“${text}” after paragraph ${from} in:\n${paragraphs.join('\n')}`).toBeGreaterThanOrEqual(from)
    from = at + 1
  }
}

/**
 * The 示例场次 run to its end and exported as `document` in .docx by the desktop app (`first` runs just before
 * the export): what the export answered, the file it saved read back, and the text of its paragraphs.
 */
async function demoDocx(
  document: 'minutes' | 'record' | 'volunteer',
  first?: (core: Core) => Promise<unknown>
): Promise<{ file: ExportOutcome; bytes: Buffer; paragraphs: string[] }> {
  const { core, sessionId } = await runDemoSession({ chooseSavePath: saveDialogInto() })
  await first?.(core)
  const file = valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'docx' }))
  const bytes = exportedBytes(file, 'saved')
  return { file, bytes, paragraphs: paragraphsOf(bytes) }
}

describe('会议纪要 as .docx', () => {
  it('reads back in order: theme, time, place, host, recorder, counts, the lecturers, then the speakers in speaking order with their remarks', async () => {
    const { file, paragraphs } = await demoDocx('minutes')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-会议纪要.docx')
    expectInOrder(paragraphs, DEMO_MINUTES_IN_ORDER)
    expect(paragraphs.some((text) => text.startsWith('共7人发言7次'))).toBe(true)
  })

  it('uses the user’s language for the headings', async () => {
    const { file, paragraphs } = await demoDocx('minutes', async (core) => valueOf(await core.invoke('settings:update', { language: 'en' })))
    expect(paragraphs).toContain('Host: 任肖彤')
    expect(paragraphs).toContain('2. Agenda')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-Minutes.docx')
  })
})

describe('the same minutes for chat groups and spreadsheets', () => {
  it('as Markdown and plain text, with the speakers in speaking order', async () => {
    const { core, sessionId } = await runDemoSession()
    const markdown = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'markdown' })), 'download').toString('utf8')
    expect(markdown.startsWith('# 示例场次 · 思想圆桌派会议纪要\n')).toBe(true)
    expect(markdown.indexOf('**温乐义**')).toBeGreaterThan(markdown.indexOf('**任肖彤**'))
    expect(markdown).toContain('- 通过党的好政策,让乡亲们的腰包鼓起来。')
    const text = valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'text' }))
    expect(text.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-会议纪要.txt')
    expect(text).toMatchObject({ kind: 'download', mimeType: 'text/plain; charset=utf-8' })
    const plain = exportedBytes(text, 'download').toString('utf8')
    expect(plain).not.toMatch(/^#|\*\*/m)
    expect(plain).toContain('应到9人，实到8人，缺席1人。')
  })

  it('the turns as CSV (who, part, round, start, duration), with a BOM for Excel', async () => {
    const { core, sessionId } = await runDemoSession()
    const file = valueOf(await core.invoke('minutes:export', { sessionId, document: 'turns', format: 'csv' }))
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-发言明细.csv')
    const csv = exportedBytes(file, 'download').toString('utf8')
    expect(csv.startsWith('\uFEFF发言人,环节,轮次,类型,结果,开始时间,时长（秒）,掌声\r\n')).toBe(true)
    const rows = csv.trim().split('\r\n').slice(1)
    expect(rows[0]).toBe('李芳,学习研讨,,学习研讨,已发言,2025-08-21 14:30:00,1800,0')
    expect(rows.find((row) => row.startsWith('温乐义'))).toBe('温乐义,圆桌时间,1,轮流发言,已发言,2025-08-21 15:38:00,240,1')
  })

  it('refuses a format a document does not come in', async () => {
    const { core, sessionId } = await runDemoSession()
    const result = await core.invoke('minutes:export', { sessionId, document: 'turns', format: 'docx' })
    expect(result.ok ? null : result.error.issues?.[0]).toMatchObject({ path: ['format'], code: 'format_not_available' })
  })
})

describe('the minutes model', () => {
  it('holds the session as the documents need it: attendance, speakers in order, suggestions, volunteers, statistics', async () => {
    const { core, sessionId } = await runDemoSession()
    const minutes = valueOf(await core.invoke('minutes:get', { sessionId }))
    expect(minutes).toMatchObject({ title: '示例场次 · 思想圆桌派', host: '任肖彤', recorder: '王晓雪', summary: '大家畅所欲言,气氛热烈。' })
    expect(minutes.attendance).toMatchObject({ expected: 9, present: 8, absent: 1, unmarked: 0, walkIns: 0, absentees: [{ name: '张秀兰', reason: '外出务工' }] })
    expect(minutes.served).toBe(4)
    expect(minutes.study.map((item) => item.lecturer)).toEqual(['李芳', '赵海云'])
    expect(minutes.speakers.map((speaker) => speaker.name)).toEqual(['任肖彤', '李芳', '赵海云', '温乐义', '翟自恩', '刘建国', '陈静'])
    expect(minutes.speakers[3]).toMatchObject({ speakingMs: 4 * 60_000, applause: 1 })
    expect(minutes.suggestions).toEqual([
      { speaker: '温乐义', tag: '建议', text: '通过党的好政策,让乡亲们的腰包鼓起来。' },
      { speaker: '翟自恩', tag: '问题', text: '从工业发展带动城镇化进程方面谈谈想法。' }
    ])
    expect(minutes.decisions).toEqual([{ text: '组织光伏合作社参观学习', owner: '温乐义', dueDate: '2025-09-30', done: false }])
    expect(minutes.volunteers.map((volunteer) => [volunteer.name, volunteer.role, volunteer.hours])).toEqual([
      ['任肖彤', 'host', 1.5],
      ['王晓雪', 'recorder', 1.5],
      ['李芳', 'lecturer', 1.5],
      ['赵海云', 'lecturer', 1.5]
    ])
    expect(minutes.statistics).toEqual({ speakers: 7, turns: 7, totalSpeakingMs: 19 * 60_000, averageSpeakingMs: Math.round((19 * 60_000) / 7), applause: 1 })
  })
})

describe('the .docx page after GB/T 9704', () => {
  it('is A4 with 37/35/28/26 mm margins; title 22 pt 小标宋, body 16 pt 仿宋 on 28 pt lines, headings 黑体', async () => {
    const { bytes } = await demoDocx('minutes')
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)
    const twips = (mm: number) => String(Math.round((mm / 25.4) * 1440))
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/) // Word's A4, exactly
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!
    expect(margin).toContain(`w:top="${twips(37)}"`)
    expect(margin).toContain(`w:bottom="${twips(35)}"`)
    expect(margin).toContain(`w:left="${twips(28)}"`)
    expect(margin).toContain(`w:right="${twips(26)}"`)
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) => paragraph)
    const withText = (text: string) => paragraphs.find((paragraph) => paragraph.includes(`>${text}<`))!
    const title = withText('示例场次 · 思想圆桌派会议纪要')
    expect(title).toContain('w:eastAsia="方正小标宋简体"')
    expect(title).toContain('<w:sz w:val="44"/>')
    expect(title).toContain('<w:jc w:val="center"/>')
    const body = withText('主持人：任肖彤')
    expect(body).toContain('w:eastAsia="仿宋"')
    expect(body).toContain('<w:sz w:val="32"/>')
    expect(body).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"/)
    expect(withText('一、参加人员')).toContain('w:eastAsia="黑体"')
  })
})

describe('会议记录 as .docx', () => {
  it('has every remark verbatim in speaking order, 散会, the signature lines and 第×页 共×页', async () => {
    const { file, bytes, paragraphs } = await demoDocx('record')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-会议记录.docx')
    const order = [
      '示例场次 · 思想圆桌派会议记录',
      '主题：加快构建新发展格局，把握未来发展主动权',
      '应到9人，实到8人，缺席1人。',
      '缺席人员：张秀兰（外出务工）',
      '议程',
      '学习研讨',
      '李芳（党员暖心志愿服务队） 14:30 宣讲：学习习近平总书记在中宣部第二次集体学习时的重要讲话精神',
      '赵海云（理论宣讲志愿服务队） 15:00 宣讲：全面推进乡村振兴的重要内容',
      '圆桌时间',
      '任肖彤（郑家镇党委） 15:30 发言 2分0秒',
      '请大家围绕主题畅所欲言。',
      '温乐义（温集新村） 15:38 发言 4分0秒',
      '要把握未来发展的主动权,先要正确认识我们目前所处的发展阶段。',
      '通过党的好政策,让乡亲们的腰包鼓起来。',
      '翟自恩（郑家镇辖区企业） 15:42 发言 3分0秒',
      '从工业发展带动城镇化进程方面谈谈想法。',
      '议定事项',
      '1. 组织光伏合作社参观学习（负责人：温乐义）（完成期限：2025年9月30日）',
      '主持人总结',
      '大家畅所欲言,气氛热烈。',
      '15:55 散会。',
      '主持人（签字）：____________    记录人（签字）：____________'
    ]
    expectInOrder(paragraphs, order)
    const files = unzipSync(new Uint8Array(bytes))
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d*\.xml$/.test(name))
    expect(footer, 'a footer').toBeDefined()
    const footerXml = strFromU8(footer![1])
    expect(footerXml).toContain('NUMPAGES')
    expect(footerXml).toContain('PAGE')
    expect(footerXml).toMatch(/第 [\s\S]*页 共 [\s\S]*页/)
  })
})

describe('志愿服务活动记录 as .docx', () => {
  it('names the project, the team, each volunteer with service hours, the people reached, content and outcome', async () => {
    const { file, paragraphs } = await demoDocx('volunteer')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-志愿服务活动记录.docx')
    // The session ran 14:30–15:55: 85 minutes count as 1.5 hours of service.
    const order = [
      '志愿服务活动记录',
      '活动名称：示例场次 · 思想圆桌派',
      '所属项目：思想圆桌派新时代文明实践志愿服务项目',
      '时间：2025年8月21日 14:30—15:55',
      '地点：郑家镇新时代文明实践所理论宣讲室',
      '组织团队：郑家镇新时代文明实践所',
      '任肖彤（主持人）：1.5小时',
      '王晓雪（记录人）：1.5小时',
      '李芳（宣讲志愿者）：1.5小时',
      '赵海云（宣讲志愿者）：1.5小时',
      '服务群众4人（不含志愿者）',
      '主题：加快构建新发展格局，把握未来发展主动权',
      '大家畅所欲言,气氛热烈。',
      '1. 组织光伏合作社参观学习'
    ]
    expectInOrder(paragraphs, order)
  })
})
