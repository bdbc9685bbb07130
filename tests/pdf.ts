import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * The Debian Chromium that .ci/run installs (Playwright's own download does not work here); elsewhere
 * ROUNDTABLE_CHROMIUM, or Playwright's own Chromium where that is installed.
 */
export const CHROMIUM = process.env.ROUNDTABLE_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
import { CHROMIUM_ARGS } from './e2e/mode'

export { CHROMIUM_ARGS }

/**
 * Prints HTML to PDF with a real headless Chromium — the same DevTools Page.printToPDF that Electron's
 * webContents.printToPDF calls in the desktop app — with the page's own @page size and margins.
 */
export async function chromiumPrinter(): Promise<{ printToPdf: (html: string) => Promise<Buffer>; close: () => Promise<void> }> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  return {
    async printToPdf(html) {
      const page = await browser.newPage({ javaScriptEnabled: false })
      try {
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({ preferCSSPageSize: true, printBackground: true })
      } finally {
        await page.close()
      }
    },
    close: () => browser.close()
  }
}

/**
 * Chromium's PDF writer maps each glyph back to the first code point the font gives it. Noto CJK draws
 * 示 and the Kangxi radical ⽰ with one glyph, so the text read back says ⽰ where the page shows 示 (the
 * page looks right; only copied text differs). NFKC folds the Kangxi radicals; this table folds the
 * simplified forms of the CJK Radicals Supplement, and ― back to the — we print.
 */
const RADICALS: Record<string, string> = {
  '⺅': '亻', '⺌': '小', '⺕': '彐', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺝': '月', '⺠': '民', '⺡': '氵', '⺣': '灬', '⺤': '爫',
  '⺦': '丬', '⺧': '牛', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺮': '竹', '⺺': '肀', '⺻': '聿', '⺼': '月', '⺾': '艹', '⻁': '虎',
  '⻂': '衤', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻏': '阝',
  '⻑': '長', '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '饣',
  '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻰': '龙', '⻳': '龟',
  '―': '—'
}
export const foldPdfText = (text: string): string => text.normalize('NFKC').replace(/[\u2e80-\u2eff―]/g, (char) => RADICALS[char] ?? char)
/** Folds only the radicals back to the characters (see above), so that full-width marks stay full-width. */
export const foldRadicals = (text: string): string =>
  text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf―]/g, (char) => RADICALS[char] ?? char.normalize('NFKC'))

export interface PdfPage {
  width: number
  height: number
  /** The page's text in drawing order, without spaces, folded (see foldPdfText). */
  text: string
  /**
   * Each text run with its left edge, width and baseline, in points from the bottom-left corner, and its
   * font size; `raw` is the run's text as the PDF maps it, unfolded (full-width marks stay full-width).
   */
  items: { text: string; raw: string; x: number; y: number; width: number; size: number }[]
}

/** Opens a PDF the way a reader does (pdf.js) and returns each page's size and text. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[]; title: string | undefined }> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
  try {
    const pages: PdfPage[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const { width, height } = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      const items = content.items.flatMap((item) =>
        'str' in item
          ? [
              {
                text: foldPdfText(item.str),
                raw: item.str,
                x: item.transform[4] as number,
                y: item.transform[5] as number,
                width: item.width,
                size: Math.hypot(item.transform[0] as number, item.transform[1] as number)
              }
            ]
          : []
      )
      pages.push({ width, height, items, text: items.map((item) => item.text).join('').replace(/\s+/g, '') })
    }
    const { info } = (await document.getMetadata()) as { info?: { Title?: string } }
    return { pages, title: info?.Title }
  } finally {
    await document.destroy()
  }
}
