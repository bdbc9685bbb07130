import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { ExportOutcome } from '../../../src/shared/domain'
import { exportedBytes, runCleanups, saveDialogInto, valueOf } from '../../helpers'
import { chartPng, landscapeJpeg } from '../../fixtures/images'
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
    // A summary, not a transcript: the speakers with nothing recorded are named, not given lines; no statistics.
    expect(paragraphs).not.toContain('刘建国（郑家村）')
    expect(paragraphs.join('\n')).not.toMatch(/共7人发言|掌声/)
  })

  it('uses the user’s language for the headings', async () => {
    const { file, paragraphs } = await demoDocx('minutes', async (core) => valueOf(await core.invoke('settings:update', { language: 'en' })))
    expect(paragraphs).toContain('Host: 任肖彤')
    expect(paragraphs).toContain('1. Agenda')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-Minutes.docx')
  })
})

describe('the same minutes for chat groups and spreadsheets', () => {
  it('as Markdown and plain text, with the speakers in speaking order', async () => {
    const { core, sessionId } = await runDemoSession()
    const markdown = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'markdown' })), 'download').toString('utf8')
    expect(markdown.startsWith('# 示例场次 · 思想圆桌派会议纪要\n')).toBe(true)
    expect(markdown.indexOf('**温乐义（温集新村）**')).toBeGreaterThan(markdown.indexOf('**任肖彤（郑家镇党委）**'))
    expect(markdown).toContain('\n\n通过党的好政策,让乡亲们的腰包鼓起来。\n\n')
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
  it('is A4 with 37/35/28/26 mm margins on a grid of 22 lines; title 22 pt 小标宋, body 16 pt 仿宋 justified, headings 黑体', async () => {
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
    // The body takes the Normal style and the document defaults: 仿宋 3号, East Asian hint, zh-CN, justified,
    // on exact lines of the grid's pitch (225 mm / 22), two characters in.
    const styles = strFromU8(unzipSync(new Uint8Array(bytes))['word/styles.xml']!)
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋"[^>]*w:hint="eastAsia"|<w:rFonts [^>]*w:hint="eastAsia"[^>]*w:eastAsia="仿宋"/)
    expect(defaults).toContain('<w:sz w:val="32"/>')
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/)
    expect(defaults).toContain('<w:jc w:val="both"/>')
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/)
    expect(defaults).toMatch(/<w:ind [^>]*w:firstLine="640"/)
    const normal = /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0]
    expect(normal).toContain('<w:sz w:val="32"/>')
    expect(withText('主持人：任肖彤')).not.toContain('<w:br/>')
    expect(xml).toMatch(/<w:docGrid [^>]*w:linePitch="579"/)
    expect(xml).toMatch(/<w:docGrid [^>]*w:charSpace="-\d+"/)
    expect(withText('一、会议议程')).toContain('w:eastAsia="黑体"')
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
      '一、会议议程',
      '（一）学习研讨：李芳，学习习近平总书记在中宣部第二次集体学习时的重要讲话精神（30分钟）',
      '二、会议内容',
      '（一）学习研讨',
      '李芳（党员暖心志愿服务队） 14:30 宣讲：学习习近平总书记在中宣部第二次集体学习时的重要讲话精神',
      '赵海云（理论宣讲志愿服务队） 15:00 宣讲：全面推进乡村振兴的重要内容',
      '（二）圆桌时间',
      '任肖彤（郑家镇党委） 15:30 发言 2分',
      '请大家围绕主题畅所欲言。',
      '温乐义（温集新村） 15:38 发言 4分',
      '要把握未来发展的主动权,先要正确认识我们目前所处的发展阶段。',
      '通过党的好政策,让乡亲们的腰包鼓起来。',
      '翟自恩（郑家镇辖区企业） 15:42 发言 3分',
      '从工业发展带动城镇化进程方面谈谈想法。',
      '三、议定事项',
      '（一）组织光伏合作社参观学习（负责人：温乐义）（完成期限：2025年9月30日）',
      '四、主持人总结',
      '大家畅所欲言,气氛热烈。',
      '15:55 散会。',
      '主持人（签字）：__________    记录人（签字）：__________'
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

/** Each row of the document's tables as the text of its cells. */
function tableRowsOf(bytes: Buffer): string[][] {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)
  const textOf = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => textOf(cell)))
}

describe('志愿服务活动记录表 as .docx', () => {
  it('is a form (a table) with every field of DESIGN §6, and its numbers are the minutes model’s', async () => {
    const { core, sessionId } = await runDemoSession({ chooseSavePath: saveDialogInto() })
    const file = valueOf(await core.invoke('minutes:export', { sessionId, document: 'volunteer', format: 'docx' }))
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-志愿服务活动记录.docx')
    const bytes = exportedBytes(file, 'saved')
    expect(paragraphsOf(bytes)[0]).toBe('志愿服务活动记录表')
    const rows = tableRowsOf(bytes)
    const minutes = valueOf(await core.invoke('minutes:get', { sessionId }))
    const row = (first: string) => rows.find((cells) => cells[0] === first)
    expect(row('活动名称')).toEqual(['活动名称', '示例场次 · 思想圆桌派'])
    expect(row('所属项目')).toEqual(['所属项目', '思想圆桌派新时代文明实践志愿服务项目'])
    expect(row('活动时间')).toEqual(['活动时间', '2025年8月21日 14:30—15:55'])
    expect(row('活动地点')).toEqual(['活动地点', '郑家镇新时代文明实践所理论宣讲室', '组织单位', '郑家镇新时代文明实践所'])
    expect(row('联系人')).toEqual(['联系人', '任肖彤', '联系电话', minutes.contactPhone])
    expect(row('志愿者人数')).toEqual(['志愿者人数', `${minutes.volunteers.length}人`, '服务对象人数', `${minutes.served}人（不含志愿者）`])
    expect(row('活动内容')?.[1]).toContain('加快构建新发展格局，把握未来发展主动权')
    expect(row('活动成效')?.[1]).toBe('大家畅所欲言,气氛热烈。（一）组织光伏合作社参观学习')
    expect(row('序号')).toEqual(['序号', '姓名', '角色', '签到时间', '签退时间', '服务时长（小时）'])
    // The session ran 14:30–15:55: 85 minutes count as 1.5 hours of service, as minutes:get says.
    const listed = rows.filter((cells) => /^\d+$/.test(cells[0] ?? ''))
    expect(listed.map((cells) => [cells[1], cells[2], Number(cells[5])])).toEqual(
      minutes.volunteers.map((volunteer) => [volunteer.name, { host: '主持人', recorder: '记录人', lecturer: '宣讲志愿者' }[volunteer.role], volunteer.hours])
    )
    expect(listed.every((cells) => cells[4] === '15:55')).toBe(true)
    expect(rows.some((cells) => cells[0] === '活动照片')).toBe(true)
    expect(row('记录人')).toEqual(['记录人', '王晓雪', '审核人（签字）', ''])
    expect(rows.at(-1)?.join('')).toContain('（盖章）')
  })
})

describe('the 会议纪要’s choices at export', () => {
  it('dates it as chosen (成文日期), and attaches the photos chosen for the record when asked to, on a page of their own', async () => {
    const { core, sessionId } = await runDemoSession({ chooseSavePath: saveDialogInto() })
    for (const [bytes, caption] of [[landscapeJpeg(640, 480), '圆桌交流现场'], [chartPng(480, 320), '学习研讨']] as const) {
      const photo = valueOf(await core.invoke('photos:add', { sessionId, contentBase64: bytes.toString('base64'), caption }))
      valueOf(await core.invoke('photos:update', { id: photo.id, inVolunteerRecord: true }))
    }
    const exported = async (options: { writtenOn?: string; withPhotos?: boolean }) => {
      const bytes = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'docx', ...options })), 'saved')
      return { paragraphs: paragraphsOf(bytes), xml: strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!) }
    }
    const plain = await exported({})
    expect(plain.paragraphs.at(-1)).toBe('2025年8月21日')
    expect(plain.xml).not.toContain('<w:drawing>')
    const chosen = await exported({ writtenOn: '2025-08-25', withPhotos: true })
    expectInOrder(chosen.paragraphs, ['郑家镇新时代文明实践所', '2025年8月25日', '附件：活动照片', '圆桌交流现场', '学习研讨'])
    expect(chosen.xml.match(/<w:drawing>/g)).toHaveLength(2)
    expect(/<w:p>(?:(?!<\/w:p>)[\s\S])*附件：活动照片/.exec(chosen.xml)![0]).toContain('<w:pageBreakBefore/>')
    const refused = await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'docx', writtenOn: '2025-02-30' })
    expect(refused.ok ? null : refused.error.code).toBe('invalid_input')
  })
})
