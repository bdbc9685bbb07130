import type { Language } from '../../shared/domain'
import { documentWords, pageOf } from './labels'
import type { Block, DocumentLayout } from './layout'
import { PAGE_MARGINS_MM } from './page'

// The fonts offices have (Windows: 仿宋_GB2312/仿宋, 黑体, 方正小标宋 or 宋体), then the Noto CJK fonts Linux has.
// Latin letters and digits in Times New Roman, as in the .docx.
const TITLE_FONTS = `"Times New Roman", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif`
const BODY_FONTS = `"Times New Roman", "仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif`
const HEADING_FONTS = `"Times New Roman", "黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif`

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, ' ')}"`

function htmlOf(block: Block): string {
  const text = escapeHtml(block.text)
  switch (block.kind) {
    case 'title':
      return `<h1>${text}</h1>`
    case 'heading':
      return `<h2>${text}</h2>`
    case 'paragraph': {
      const classes = [block.bold && 'lead', block.keepWithNext && 'keep'].filter(Boolean).join(' ')
      return classes ? `<p class="${classes}">${text}</p>` : `<p>${text}</p>`
    }
    case 'signatures':
      return `<p class="signatures">${text}</p>`
  }
}

/** The page number at the foot of every page, drawn by the browser's print engine (Chromium ≥ 131). */
function footerContent(layout: DocumentLayout, language: Language): string {
  if (layout.footer === 'page') return `"— " counter(page) " —"`
  return pageOf(documentWords(language), { text: cssString, page: 'counter(page)', pages: 'counter(pages)' }).join(' ')
}

/**
 * A document as one self-contained HTML page for printing: the desktop app turns it into a PDF
 * (printToPDF), a browser prints it or saves it as PDF. A4 after GB/T 9704 with the .docx's margins and
 * fonts; no scripts, no outside resources.
 */
export function layoutHtml(layout: DocumentLayout, language: Language): string {
  const m = PAGE_MARGINS_MM
  const style = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: ${footerContent(layout, language)}; font-family: ${BODY_FONTS}; font-size: 14pt; vertical-align: top; padding-top: 7mm } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact }
body { margin: 0; color: #000; font-family: ${BODY_FONTS}; font-size: 16pt; line-height: 28pt }
h1 { margin: 0 0 20pt; text-align: center; font-family: ${TITLE_FONTS}; font-size: 22pt; line-height: 1.5; font-weight: normal }
h2 { margin: 0; text-indent: 2em; font-family: ${HEADING_FONTS}; font-size: 16pt; font-weight: normal; break-after: avoid }
p { margin: 0; text-indent: 2em; white-space: pre-wrap; overflow-wrap: anywhere; orphans: 2; widows: 2 }
p.lead { font-weight: bold }
p.keep { break-after: avoid }
p.signatures { margin-top: 40pt; text-indent: 0; white-space: pre; break-inside: avoid }
@media screen {
  html { background: #e9ecef }
  body { box-sizing: content-box; width: ${210 - m.left - m.right}mm; min-height: ${297 - m.top - m.bottom}mm; margin: 16px auto;
    padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2) }
}`
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(layout.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...layout.blocks.map(htmlOf),
    '</body>',
    '</html>'
  ].join('\n')
}
