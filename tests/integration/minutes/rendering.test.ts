import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/core/context'
import { exportedBytes, runCleanups, saveDialogInto, valueOf } from '../../helpers'
import { docxToPdfs } from '../../libreoffice'
import { foldPdfText, foldRadicals, readPdf, type PdfPage } from '../../pdf'
import { useChromiumPrinter } from '../../pdf-printer'
import { runDemoSession } from './demo-session'

/**
 * The .docx as an office sees it (laid out by LibreOffice) against the PDF the app prints (Chromium): the
 * same pages, the same words and the same GB/T 9704 typography, whichever file gets printed. "共×页" on
 * paper must not depend on it. Every check runs on both renderers' PDFs.
 */
afterEach(runCleanups)

const printToPdf = useChromiumPrinter()

const MM = 72 / 25.4
const TEXT_LEFT = 28 * MM
const TEXT_RIGHT = (210 - 26) * MM
/** The grid's cell: 156 mm / 28. */
const CELL = (156 * MM) / 28
const squeeze = (text: string) => foldPdfText(text).replace(/\s+/g, '')
/** A page's text without its page number, so a remark that runs onto the next page reads on. */
const body = (text: string) => squeeze(text).replace(/第\d+页共\d+页|—\d+—/g, '')
const isWide = (char: string) => char.codePointAt(0)! >= 0x2e80

/** Long remarks typed in Chinese, so that the body has many full lines to measure. */
const LONG_REMARKS = [
  '要把握未来发展的主动权，先要正确认识我们目前所处的发展阶段。我们村这几年搞光伏合作社，乡亲们的收入一年比一年多，大家心里都有数。',
  '乡村振兴离不开人才，年轻人愿意回来，村里就有活力。希望镇上继续组织技能培训，让返乡青年学到真本事，在家门口就能就业创业。\n第二点，村里的道路和路灯还要再修一修，晚上出门不方便。'
]

interface Rendered {
  document: 'minutes' | 'record' | 'volunteer' | 'signin' | 'notice'
  office: { pages: PdfPage[] }
  chromium: { pages: PdfPage[] }
}

let rendered: Rendered[] = []
/** What users typed: recorded as typed, whatever its punctuation (the app's own words are checked). */
let typed: string[] = []

beforeAll(async () => {
  const desktop: Platform = { printToPdf, chooseSavePath: saveDialogInto() }
  const { core, sessionId } = await runDemoSession(desktop, async (remark) => {
    for (const text of LONG_REMARKS) await remark(text)
  })
  const remarks = valueOf(await core.invoke('remarks:list', { sessionId }))
  const minutes = valueOf(await core.invoke('minutes:get', { sessionId }))
  typed = [...remarks.map((remark) => remark.text), minutes.summary, ...minutes.decisions.map((decision) => decision.text)].flatMap((text) => text.split('\n'))
  const made = await Promise.all(
    (['minutes', 'record', 'volunteer', 'signin', 'notice'] as const).map(async (document) => {
      const docx = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'docx' })), 'saved')
      const printed = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document, format: 'pdf' })), 'saved')
      return { document, docx, printed }
    })
  )
  // All five .docx laid out by one LibreOffice start.
  const offices = docxToPdfs(made.map(({ docx }) => docx))
  rendered = await Promise.all(
    made.map(async ({ document, printed }, index) => {
      const [office, chromium] = await Promise.all([readPdf(offices[index]!), readPdf(printed)])
      return { document, office, chromium }
    })
  )
}, 240_000)

const both = (each: (pdf: { pages: PdfPage[] }, renderer: string, document: Rendered['document']) => void) => {
  for (const { document, office, chromium } of rendered) {
    each(office, `${document}, LibreOffice`, document)
    each(chromium, `${document}, Chromium`, document)
  }
}

/** The body's lines (3号 text, above the foot): each line's characters and where it starts and ends. */
function bodyLines(page: PdfPage): { text: string; left: number; right: number; y: number }[] {
  const lines = new Map<number, PdfPage['items']>()
  for (const item of page.items) {
    if (item.y <= 35 * MM || Math.abs(item.size - 16) > 0.5 || item.raw.trim() === '') continue
    const y = Math.round(item.y)
    lines.set(y, [...(lines.get(y) ?? []), item])
  }
  return [...lines].map(([y, items]) => ({
    y,
    text: items
      .sort((a, b) => a.x - b.x)
      .map((item) => item.raw)
      .join('')
      .replace(/\s+/g, ''),
    left: Math.min(...items.map((item) => item.x)),
    right: Math.max(...items.map((item) => item.x + item.width))
  }))
}

describe('the documents rendered by LibreOffice and by Chromium', () => {
  it('break into pages alike (within one page)', () => {
    for (const { document, office, chromium } of rendered) {
      expect(Math.abs(office.pages.length - chromium.pages.length), `${document}: LibreOffice ${office.pages.length} pages, Chromium ${chromium.pages.length}`).toBeLessThanOrEqual(1)
    }
  })

  it('hold every remark in the 会议记录, in both', async () => {
    const record = rendered.find((entry) => entry.document === 'record')!
    for (const pdf of [record.office, record.chromium]) {
      const text = pdf.pages.map((page) => body(page.text)).join('')
      for (const line of typed.filter((text) => !text.startsWith('组织'))) expect(text, line).toContain(squeeze(line))
    }
  })

  it('set 28 characters on every full line of Chinese text (GB/T 9704 §5.2.2)', () => {
    // A full line reaches the right edge of the text block; one of Chinese characters and marks only is
    // counted, with its two-character indent when it starts a paragraph. Counted over all five documents.
    const CLOSING = /[，。、；：？！）”》]/
    for (const renderer of ['office', 'chromium'] as const) {
      const lines = rendered.flatMap((entry) => entry[renderer].pages.flatMap((page) => bodyLines(page).sort((a, b) => b.y - a.y)))
      const counted = lines.flatMap((line, index) => {
        if (line.right <= TEXT_RIGHT - CELL / 2 || ![...line.text].every(isWide)) return []
        // A closing mark may hang past the edge (Word's and LibreOffice's 允许标点溢出边界): it takes no cell.
        const hanging = CLOSING.test(line.text.at(-1)!) && line.right > TEXT_RIGHT + 2 ? 1 : 0
        const cells = [...line.text].length + Math.round((line.left - TEXT_LEFT) / CELL) - hanging
        // 禁则: a closing mark may not start a line, so the character before it moved down with it (Chromium, which
        // does not hang marks); an opening mark may not end one, so it moved down.
        const next = [...(lines[index + 1]?.text ?? '')]
        const kinsoku = CLOSING.test(next[1] ?? '') || /[（“《]/.test(next[0] ?? '')
        return [{ cells, kinsoku, text: line.text }]
      })
      expect(counted.length, renderer).toBeGreaterThanOrEqual(10)
      for (const line of counted) {
        if (line.kinsoku) expect(line.cells, `${renderer}: ${line.text}`).toBeGreaterThanOrEqual(27)
        else expect(line.cells, `${renderer}: ${line.text}`).toBe(28)
      }
    }
  })

  it('number the pages at the outer corner, in 4号: right on odd pages, left on even ones', () => {
    both((pdf, renderer) => {
      pdf.pages.forEach((page, index) => {
        const foot = page.items.filter((item) => item.y <= 35 * MM && item.raw.trim() !== '')
        expect(foot.length, `${renderer}, page ${index + 1}`).toBeGreaterThan(0)
        expect(foot.every((item) => Math.abs(item.size - 14) < 0.5), `${renderer}, page ${index + 1}: 14 pt`).toBe(true)
        const left = Math.min(...foot.map((item) => item.x))
        const right = Math.max(...foot.map((item) => item.x + item.width))
        // One character (14 pt) in from the edge of the text block, within a few points.
        if (index % 2 === 0) expect(Math.abs(right - (TEXT_RIGHT - 14)), `${renderer}, page ${index + 1} ends at ${right}`).toBeLessThan(4)
        else expect(Math.abs(left - (TEXT_LEFT + 14)), `${renderer}, page ${index + 1} starts at ${left}`).toBeLessThan(4)
      })
    })
  })

  it('put no ASCII : , ( ) ; after a Chinese character in the app’s own words', () => {
    both((pdf, renderer) => {
      let text = foldRadicals(pdf.pages.map((page) => page.items.map((item) => item.raw).join('')).join('')).replace(/\s+/g, '')
      for (const line of typed) text = text.split(line.replace(/\s+/g, '')).join('')
      expect(text.match(/\p{Script=Han}[:,();]/gu) ?? [], renderer).toEqual([])
    })
  })
})
