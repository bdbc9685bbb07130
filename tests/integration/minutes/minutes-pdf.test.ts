import { afterEach, describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/core/context'
import { withProgress } from '../../../src/shared/live-answers'
import { exportedBytes, runCleanups, saveDialogInto, tempDatabaseFile, testCore, valueOf } from '../../helpers'
import { foldPdfText, readPdf, type PdfPage } from '../../pdf'
import { useChromiumPrinter } from '../../pdf-printer'
import { DEMO_MINUTES_IN_ORDER, runDemoSession, startDemoRound } from './demo-session'

afterEach(runCleanups)

const printToPdf = useChromiumPrinter()

/** The desktop app: it makes the PDF with Chromium and saves it where its save dialog says (a temp folder here). */
const desktop: Platform = { printToPdf, chooseSavePath: saveDialogInto() }
const MM = 72 / 25.4
/** As the PDF's text is read back: folded, without spaces. */
const squeeze = (text: string) => foldPdfText(text).replace(/\s+/g, '')

/** The pages' text joined, without the page numbers at the foot of each page. */
const bodyText = (pages: PdfPage[]) => pages.map((page) => page.text.replace(/—\d+—|第\d+页共\d+页/g, '')).join('')

/** Each text appears after the one before it. */
function expectInOrder(text: string, expected: string[]): void {
  let from = 0
  for (const part of expected.map(squeeze)) {
    const at = text.indexOf(part, from)
    expect(at, `“${part}” after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(from)
    from = at + part.length
  }
}

/** Where on the page (the baseline, in points from the bottom) a phrase begins. */
function baselineOf(page: PdfPage, phrase: string): number {
  const chars = page.items.flatMap((item) => [...item.text.replace(/\s+/g, '')].map((char) => ({ char, y: item.y })))
  const at = chars.map((entry) => entry.char).join('').indexOf(squeeze(phrase))
  expect(at, phrase).toBeGreaterThanOrEqual(0)
  return chars[at]!.y
}

function expectA4(pages: PdfPage[]): void {
  for (const page of pages) {
    expect(page.width).toBeCloseTo(210 * MM, 0)
    expect(page.height).toBeCloseTo(297 * MM, 0)
  }
}

async function exportPdf(core: ReturnType<typeof testCore>, sessionId: string, document: 'minutes' | 'record' | 'volunteer') {
  const file = valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'pdf' }))
  // Read back from the file the desktop saved.
  const bytes = exportedBytes(file, 'saved')
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  return { file, pdf: await readPdf(bytes) }
}

describe('会议纪要 as PDF', () => {
  it('is A4 with the GB/T 9704 margins, reads in order like the .docx, and numbers its pages — n —', async () => {
    const { core, sessionId } = await runDemoSession(desktop)
    const { file, pdf } = await exportPdf(core, sessionId, 'minutes')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-会议纪要.pdf')
    expect(pdf.title).toBe('示例场次 · 思想圆桌派会议纪要')
    expectA4(pdf.pages)
    expectInOrder(bodyText(pdf.pages), DEMO_MINUTES_IN_ORDER)
    pdf.pages.forEach((page, index) => expect(page.text).toContain(`—${index + 1}—`))
    // The text block: 28 mm from the left edge, 26 mm from the right, 37 mm from the top; below it
    // (35 mm) only the page number.
    pdf.pages.forEach((page, index) => {
      const text = page.items.filter((item) => item.text.trim() !== '')
      const body = text.filter((item) => item.y > 35 * MM)
      expect(Math.min(...body.map((item) => item.x))).toBeGreaterThanOrEqual(28 * MM - 1)
      expect(Math.max(...body.map((item) => item.x + item.width))).toBeLessThanOrEqual((210 - 26) * MM + 1)
      expect(Math.max(...body.map((item) => item.y))).toBeLessThanOrEqual((297 - 37) * MM)
      const foot = text.filter((item) => item.y <= 35 * MM)
      expect(squeeze(foot.map((item) => item.text).join(''))).toBe(`—${index + 1}—`)
      // At the outer corner, one character (14 pt) in from the text block's edge: right on odd pages, left on even.
      const [left, right] = [Math.min(...foot.map((item) => item.x)), Math.max(...foot.map((item) => item.x + item.width))]
      if (index % 2 === 0) expect(right).toBeCloseTo((210 - 26) * MM - 14, -1)
      else expect(left).toBeCloseTo(28 * MM + 14, -1)
    })
  })

  it('uses the user’s language for the headings and the page footer', async () => {
    const { core, sessionId } = await runDemoSession(desktop)
    valueOf(await core.invoke('settings:update', { language: 'en' }))
    const { file, pdf } = await exportPdf(core, sessionId, 'record')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-Record.pdf')
    expect(pdf.pages[0]!.text).toContain(`Page1of${pdf.pages.length}`)
    expectInOrder(pdf.pages.map((page) => page.text).join(''), ['Theme', 'Host', '任肖彤', 'Roundtable time', 'Adjourned at 15:55.'])
  })
})

/** A session where eight people each say four long things, so the 会议记录 runs over several pages. */
async function runLongSession() {
  const started = await startDemoRound({ tick: 20_000, platform: desktop })
  const { core, sessionId } = started
  let view = started.view
  const written: string[] = []
  while (view.state.current) {
    const current = view.state.current
    for (let i = 0; i < 4; i++) {
      // A number in brackets makes each remark unique, so "exactly once" can be counted.
      const text = `【${written.length + 1}】我们村这两年发展光伏合作社,乡亲们的腰包鼓起来了,希望镇里继续在技术培训、销售渠道和城镇化配套上给予支持。`
      valueOf(await core.invoke('remarks:create', { sessionId, speakerId: current.personId, turnId: current.id, text, tags: [] }))
      written.push(text)
    }
    view = withProgress(view, valueOf(await core.invoke('live:act', { sessionId, action: { type: 'pass' } })))
  }
  // Typed with a line break and characters that mean something in HTML: printed as typed.
  const last = view.attendance[0]!
  const odd = '<b>不是粗体</b> & "引号"\n第二行'
  valueOf(await core.invoke('remarks:create', { sessionId, speakerId: last.personId, turnId: null, text: odd, tags: [] }))
  valueOf(await core.invoke('sessions:end', { id: sessionId }))
  return { core, sessionId, written, odd }
}

describe('会议记录 as PDF', () => {
  it('says 第 i 页 共 N 页 on every page, N being the PDF’s page count; every remark appears once, in speaking order', async () => {
    const { core, sessionId, written, odd } = await runLongSession()
    const { file, pdf } = await exportPdf(core, sessionId, 'record')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-会议记录.pdf')
    const count = pdf.pages.length
    expect(count).toBeGreaterThanOrEqual(3)
    expectA4(pdf.pages)
    pdf.pages.forEach((page, index) => {
      const footers = [...page.text.matchAll(/第(\d+)页共(\d+)页/g)].map((match) => [Number(match[1]), Number(match[2])])
      expect(footers, `page ${index + 1}`).toEqual([[index + 1, count]])
    })
    const text = bodyText(pdf.pages)
    for (const remark of written) expect(text.split(squeeze(remark)).length - 1, remark).toBe(1)
    expectInOrder(text, written)
    expect(text).toContain(squeeze(odd))
    // …with its line break: 第二行 starts a line of its own, below the first.
    const page = pdf.pages.find((candidate) => candidate.text.includes('不是粗体'))!
    expect(baselineOf(page, '第二行')).toBeLessThan(baselineOf(page, '不是粗体'))
    expectInOrder(text, ['散会。', '主持人（签字）：__________ 记录人（签字）：__________'])
    // The signatures end the last page.
    expect(pdf.pages.at(-1)!.text).toContain(foldPdfText('记录人（签字）'))
  })
})

describe('志愿服务活动记录 as PDF', () => {
  it('names the project, each volunteer with service hours, the people reached, content and outcome', async () => {
    const { core, sessionId } = await runDemoSession(desktop)
    const { file, pdf } = await exportPdf(core, sessionId, 'volunteer')
    expect(file.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-志愿服务活动记录.pdf')
    expectInOrder(bodyText(pdf.pages), [
      '志愿服务活动记录表',
      '所属项目',
      '思想圆桌派新时代文明实践志愿服务项目',
      '组织单位',
      '郑家镇新时代文明实践所',
      '服务对象人数',
      '4人（不含志愿者）',
      '活动成效',
      '大家畅所欲言,气氛热烈。',
      '志愿者名单',
      '李芳',
      '宣讲志愿者',
      '1.5',
      '审核人（签字）',
      '（盖章）'
    ])
  })
})

describe('printing through the web bridge', () => {
  it('has no PDF maker, says so, and gives the browser the same print page the desktop prints', async () => {
    const { core, sessionId } = await runDemoSession()
    const refused = await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'pdf' })
    expect(refused.ok ? null : refused.error.code).toBe('unavailable')

    const page = valueOf(await core.invoke('minutes:print', { sessionId, document: 'minutes' }))
    expect(page.fileName).toBe('2025-08-21-示例场次 · 思想圆桌派-会议纪要.pdf')
    expect(page.title).toBe('示例场次 · 思想圆桌派会议纪要')
    expect(page.html).not.toMatch(/<script|<link|src=/i)
    expect(page.html).toContain(`default-src 'none'`)
    const fromBrowser = await readPdf(await printToPdf(page.html))
    expectInOrder(bodyText(fromBrowser.pages), ['示例场次 · 思想圆桌派会议纪要', '主持人:任肖彤', '六、会议总结'])
  })

  it('cannot show a print dialog there either; the desktop app prints the same page on paper', async () => {
    const { core, sessionId } = await runDemoSession()
    const refused = await core.invoke('minutes:sendToPrinter', { sessionId, document: 'record' })
    expect(refused.ok ? null : refused.error.code).toBe('unavailable')

    const sent: string[] = []
    const desktop = await runDemoSession({ printOnPaper: async (html) => (sent.push(html), true) })
    expect(valueOf(await desktop.core.invoke('minutes:sendToPrinter', { sessionId: desktop.sessionId, document: 'record' }))).toEqual({ printed: true })
    const page = valueOf(await desktop.core.invoke('minutes:print', { sessionId: desktop.sessionId, document: 'record' }))
    expect(sent).toEqual([page.html])
  })

  it('refuses a document that is not printed', async () => {
    const { core, sessionId } = await runDemoSession()
    const result = await core.invoke('minutes:print', { sessionId, document: 'turns' as 'minutes' })
    expect(result.ok ? null : result.error.code).toBe('invalid_input')
  })
})

describe('sessions that are not the usual', () => {
  it('a bare plan (no people, no agenda), a cancelled session and a 10,000-character remark all export and print', async () => {
    const start = Date.parse('2025-09-01T09:00:00+08:00')
    const core = testCore({ databaseFile: tempDatabaseFile(), now: () => start - 86_400_000, platform: desktop })
    const bare = valueOf(await core.invoke('sessions:create', { title: '临时议事', plannedStart: start, plannedEnd: start + 3_600_000, agenda: [], invitees: [] }))
    const cancelled = valueOf(await core.invoke('sessions:create', { title: '取消的场次', plannedStart: start, plannedEnd: start + 3_600_000, agenda: [], invitees: [] }))
    valueOf(await core.invoke('sessions:cancel', { id: cancelled.id }))
    for (const sessionId of [bare.id, cancelled.id]) {
      for (const document of ['minutes', 'record', 'volunteer'] as const) {
        valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'docx' }))
        const { pdf } = await exportPdf(core, sessionId, document)
        expect(pdf.pages.length).toBeGreaterThanOrEqual(1)
      }
    }
    const { pdf } = await exportPdf(core, bare.id, 'minutes')
    expectInOrder(bodyText(pdf.pages), ['临时议事会议纪要', '应到0人,实到0人,缺席0人', '交流发言'])

    // One remark as long as a remark may be, without spaces: it wraps inside the margins over pages.
    const long = await startDemoRound({ tick: 1000, platform: desktop })
    const current = long.view.state.current!
    const text = '乡村振兴'.repeat(2500)
    valueOf(await long.core.invoke('remarks:create', { sessionId: long.sessionId, speakerId: current.personId, turnId: current.id, text, tags: [] }))
    valueOf(await long.core.invoke('sessions:end', { id: long.sessionId }))
    const record = await exportPdf(long.core, long.sessionId, 'record')
    expect(record.pdf.pages.length).toBeGreaterThanOrEqual(4)
    expect(bodyText(record.pdf.pages)).toContain(text)
    for (const page of record.pdf.pages) {
      for (const item of page.items) expect(item.x + item.width).toBeLessThanOrEqual((210 - 26) * MM + 1)
    }
  })
})

