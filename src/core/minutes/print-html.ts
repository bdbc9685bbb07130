import type { Language } from '../../shared/domain'
import { documentWords, pageOf } from './labels'
import { paragraphsOf, type Block, type DocumentLayout, type DocumentPhoto, type TableBlock, type TableCell } from './blocks'
import { BODY_PT, CHARS_PER_LINE, LINE_PITCH_PT, PAGE_MARGINS_MM, TABLE_PT, TEXT_WIDTH_MM, photoSizeMm } from './page'

// Latin letters and digits in Times New Roman, as in the .docx, and nothing else: a face limited to the
// Latin ranges, so the marks both scripts share (“ ” ‘ ’ — …) come from the Chinese font, as in Chinese text.
const LATIN_FACE = `@font-face { font-family: "Roundtable Latin"; src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("Tinos"); unicode-range: U+0000-00FF, U+0100-017F }`
// The fonts offices have (Windows: 仿宋_GB2312/仿宋, 黑体, 楷体, 方正小标宋 or 宋体), then the Noto CJK fonts Linux has.
const TITLE_FONTS = `"Roundtable Latin", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif`
const BODY_FONTS = `"Roundtable Latin", "仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif`
const HEADING_FONTS = `"Roundtable Latin", "黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif`
const KAI_FONTS = `"Roundtable Latin", "楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", serif`
const PAGE_NUMBER_FONTS = `"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif`

/** The grid's character pitch (156 mm / 28, to a hundredth of a point, down), and what letter-spacing gives it. */
const CHAR_PT = Math.floor(((TEXT_WIDTH_MM / 25.4) * 72 * 100) / CHARS_PER_LINE) / 100
const LETTER_SPACING_PT = Math.round((CHAR_PT - BODY_PT) * 100) / 100

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, ' ')}"`

function htmlOf(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`
    case 'heading':
      return `<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`
    case 'paragraph': {
      // Each typed paragraph of a remark is a paragraph, indented like the first.
      const parts = paragraphsOf(block.text)
      return parts
        .map((part, index) => {
          const classes = [block.bold && 'lead', block.keepWithNext && index === parts.length - 1 && 'keep', block.flush && 'flush'].filter(Boolean).join(' ')
          return classes ? `<p class="${classes}">${escapeHtml(part)}</p>` : `<p>${escapeHtml(part)}</p>`
        })
        .join('\n')
    }
    case 'closing':
      return `<div class="closing">${block.lines.map((line) => `<p style="padding-right: ${line.rightIndent * CHAR_PT}pt">${escapeHtml(line.text)}</p>`).join('')}</div>`
    case 'attachment':
      return `<h2 class="attachment">${escapeHtml(block.text)}</h2>`
    case 'signatures':
      return `<p class="signatures">${escapeHtml(block.text)}</p>`
    case 'table':
      return tableHtml(block)
  }
}

function tableHtml(block: TableBlock): string {
  const total = block.columns.reduce((sum, column) => sum + column, 0)
  const columns = block.columns.map((column) => `<col style="width: ${((column / total) * 100).toFixed(3)}%">`).join('')
  const headerRows = block.headerRows ?? 0
  const rowStyle = block.minRowHeightMm ? ` style="height: ${block.minRowHeightMm}mm"` : ''
  const rowHtml = (cells: TableCell[], heading: boolean) => {
    let column = 0
    return `<tr${rowStyle}>${cells
      .map((cell) => {
        const span = cell.span ?? 1
        const widthMm = (block.columns.slice(column, column + span).reduce((sum, c) => sum + c, 0) / total) * TEXT_WIDTH_MM - 4
        column += span
        const tag = heading ? 'th' : 'td'
        const attributes = `${span > 1 ? ` colspan="${span}"` : ''}${cell.label ? ' class="label"' : ''}`
        return `<${tag}${attributes}>${cellHtml(cell, widthMm)}</${tag}>`
      })
      .join('')}</tr>`
  }
  const head = block.rows.slice(0, headerRows).map((cells) => rowHtml(cells, true))
  const body = block.rows.slice(headerRows).map((cells) => rowHtml(cells, false))
  return `<table><colgroup>${columns}</colgroup>${head.length ? `<thead>${head.join('')}</thead>` : ''}<tbody>${body.join('')}</tbody></table>`
}

function cellHtml(cell: TableCell, widthMm: number): string {
  const text = paragraphsOf(cell.text).map(escapeHtml).join('<br>')
  if (!cell.photos?.length) return text
  return `${cell.text ? text : ''}${cell.photos.map((photo) => photoHtml(photo, widthMm)).join('')}`
}

function photoHtml(photo: DocumentPhoto, widthMm: number): string {
  const size = photoSizeMm(photo, widthMm)
  const source = `data:${photo.mime};base64,${Buffer.from(photo.bytes).toString('base64')}`
  const caption = escapeHtml(photo.caption)
  return `<figure><img src="${source}" alt="${caption}" style="width: ${size.width}mm; height: ${size.height}mm">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
}

/** The page number, drawn by the browser's print engine (Chromium ≥ 131) at the outer corner of each page. */
function footerContent(layout: DocumentLayout, language: Language): string {
  if (layout.footer === 'page') return `"— " counter(page) " —"`
  return pageOf(documentWords(language), { text: cssString, page: 'counter(page)', pages: 'counter(pages)' }).join(' ')
}

/**
 * A document as one self-contained HTML page for printing: the desktop app turns it into a PDF
 * (printToPDF), a browser prints it or saves it as PDF. A4 after GB/T 9704 with the .docx's margins,
 * fonts and grid (22 lines of 28 characters); no scripts, no outside resources.
 */
export function layoutHtml(layout: DocumentLayout, language: Language): string {
  const m = PAGE_MARGINS_MM
  const pageNumber = `content: ${footerContent(layout, language)}; font-family: ${PAGE_NUMBER_FONTS}; font-size: 14pt; vertical-align: top; padding-top: 7mm`
  const style = `
${LATIN_FACE}
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm }
@page :right { @bottom-right { ${pageNumber}; padding-right: 14pt } }
@page :left { @bottom-left { ${pageNumber}; padding-left: 14pt } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact }
body { margin: 0; color: #000; font-family: ${BODY_FONTS}; font-size: ${BODY_PT}pt; line-height: ${LINE_PITCH_PT}pt; letter-spacing: ${LETTER_SPACING_PT}pt; font-kerning: none;
  text-spacing-trim: space-all; text-autospace: normal }
h1 { margin: 0; text-align: center; font-family: ${TITLE_FONTS}; font-size: 22pt; line-height: ${2 * LINE_PITCH_PT}pt; font-weight: normal; letter-spacing: 0 }
h2, h3 { margin: 0; text-indent: ${2 * CHAR_PT}pt; font-size: ${BODY_PT}pt; font-weight: normal; break-after: avoid }
h2 { font-family: ${HEADING_FONTS} }
h3 { font-family: ${KAI_FONTS} }
h2.attachment { break-before: page; text-indent: 0 }
p { margin: 0; text-indent: ${2 * CHAR_PT}pt; text-align: justify; white-space: pre-wrap; overflow-wrap: anywhere; orphans: 2; widows: 2 }
p.lead { font-weight: bold }
p.keep { break-after: avoid }
p.flush { text-indent: 0 }
div.closing { margin-top: ${LINE_PITCH_PT}pt; break-inside: avoid }
div.closing p { text-align: right; text-indent: 0 }
p.signatures { margin-top: ${LINE_PITCH_PT}pt; text-indent: 0; text-align: left; white-space: pre-wrap; break-inside: avoid }
table { width: 100%; margin: 0 0 ${LINE_PITCH_PT}pt; border-collapse: collapse; table-layout: fixed; font-size: ${TABLE_PT}pt; line-height: ${LINE_PITCH_PT}pt; letter-spacing: 0 }
th, td { border: 0.75pt solid #000; padding: 0 3pt; vertical-align: middle; text-align: justify; overflow-wrap: anywhere }
th, td.label { text-align: center }
th { font-weight: bold }
tr { break-inside: avoid }
figure { display: inline-block; margin: 2mm 1mm; text-align: center; break-inside: avoid }
figure img { display: block; margin: 0 auto }
figcaption { font-size: ${TABLE_PT - 2}pt }
@media screen {
  html { background: #e9ecef }
  body { box-sizing: content-box; width: ${TEXT_WIDTH_MM}mm; min-height: ${297 - m.top - m.bottom}mm; margin: 16px auto;
    padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2) }
}`
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Photos are in the page itself (data: URLs); nothing is fetched.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(layout.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...layout.blocks.map(htmlOf),
    '</body>',
    '</html>'
  ].join('\n')
}
