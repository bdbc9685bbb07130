import { writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { readPdf } from '../../pdf'
import { useChromiumPrinter } from '../../pdf-printer'
import { errorOf, exportedBytes, runCleanups, saveDialogInto, valueOf } from '../../helpers'
import { ledgerRig, type Rig, type Who } from '../ledger/ledger-rig'

/**
 * 统计简报 (statistics:print / statistics:exportPdf): the 统计 page's figures on one A4 page. Its figures are
 * statistics:get's, it stays one page however much the year held, and its Chinese is punctuated as Chinese.
 */
afterEach(runCleanups)
const printToPdf = useChromiumPrinter()

const YEAR = { from: '2025-01-01', to: '2025-12-31' }

/** A year of sessions: one a month, different speakers, some absent, a decision each. */
async function year(rig: Rig): Promise<void> {
  const everyone: Who[] = ['wen', 'zhai', 'liu', 'chen', 'zhang', 'fangWen', 'fangZheng']
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0')
    await rig.hold({
      title: `${month}月思想圆桌派`,
      theme: month % 2 ? 'village' : 'development',
      start: `2025-${mm}-15T14:30`,
      minutes: 120,
      host: 'ren',
      recorder: 'wang',
      lecturer: 'li',
      participants: everyone,
      absent: month % 3 === 0 ? ['zhang'] : [],
      speakers: [[everyone[month % everyone.length]!, 2]],
      decisions: 1
    })
  }
}

describe('统计简报', () => {
  it('states statistics:get’s figures on exactly one A4 page in Chinese punctuation, saved as PDF by the desktop app', async () => {
    const rig = await ledgerRig({ printToPdf, chooseSavePath: saveDialogInto() })
    await year(rig)
    const statistics = valueOf(await rig.core.invoke('statistics:get', { ...YEAR, silentN: 1 }))
    const brief = valueOf(await rig.core.invoke('statistics:print', { ...YEAR, silentN: 1 }))
    expect(brief.fileName).toBe('2025-01-01至2025-12-31-思想圆桌派统计简报.pdf')

    const pdf = await readPdf(await printToPdf(brief.html))
    if (process.env.ROUNDTABLE_KEEP_BRIEF) writeFileSync(process.env.ROUNDTABLE_KEEP_BRIEF, await printToPdf(brief.html))
    expect(pdf.pages).toHaveLength(1)
    const text = pdf.pages[0]!.text
    expect(text).toContain('思想圆桌派统计简报')
    expect(text).toContain('统计期间:2025年1月1日至2025年12月31日'.normalize('NFKC'))
    // The figures row, in the order of its headings: the page's own numbers.
    const hours = statistics.volunteers.reduce((sum, volunteer) => sum + volunteer.hours, 0)
    const figures = [
      statistics.sessions.held,
      statistics.sessions.planned,
      statistics.sessions.cancelled,
      statistics.participation.uniquePeople,
      statistics.participation.present,
      statistics.participation.turnsSpoken,
      statistics.participation.remarks,
      statistics.decisions.open,
      statistics.decisions.overdue,
      hours
    ]
    expect(statistics.sessions.held).toBe(12)
    expect(text).toContain(figures.join(''))
    // The follow-up lines name the people of the page's lists.
    expect(statistics.silent.length).toBeGreaterThan(0)
    expect(text).toContain(`参加但未发言(连续1场以上出席未发言)${statistics.silent.length}人:`.normalize('NFKC'))
    // Every month of the year is on the chart.
    for (let month = 1; month <= 12; month++) expect(text).toContain(`${month}月`)
    // Chinese punctuation, never ASCII's, next to Chinese (checked in the HTML: the PDF's text folds them).
    const words = brief.html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '')
    expect(words).not.toMatch(/[\u4e00-\u9fff][:,;()]|[:,;()][\u4e00-\u9fff]/)

    // 导出PDF: the same page, saved where the save dialog says.
    const saved = valueOf(await rig.core.invoke('statistics:exportPdf', YEAR))
    expect(saved.kind === 'saved' && saved.fileName).toBe('2025-01-01至2025-12-31-思想圆桌派统计简报.pdf')
    expect((await readPdf(exportedBytes(saved, 'saved'))).pages).toHaveLength(1)

    // Still one page with two years of months, long place names and everyone on its lists.
    for (const who of ['wen', 'zhai', 'liu', 'chen'] as const) {
      valueOf(await rig.core.invoke('people:update', { id: rig.ids[who], name: `${who}同志`, organisation: '郑家镇新时代文明实践所党员暖心志愿服务队第一分队' }))
    }
    const long = valueOf(await rig.core.invoke('statistics:print', { from: '2024-01-01', to: '2025-12-31', silentN: 1, absentN: 1 }))
    expect((await readPdf(await printToPdf(long.html))).pages).toHaveLength(1)
  }, 90_000)

  it('is refused as unavailable as PDF through the web bridge, and refuses a period backwards', async () => {
    const web = await ledgerRig({})
    expect(errorOf(await web.core.invoke('statistics:exportPdf', YEAR)).code).toBe('unavailable')
    expect(errorOf(await web.core.invoke('statistics:print', { from: '2025-12-31', to: '2025-01-01' })).code).toBe('invalid_input')
  })
})
