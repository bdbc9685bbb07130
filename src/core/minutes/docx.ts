import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import type { Language } from '../../shared/domain'
import { documentWords, pageOf } from './labels'
import type { Block, DocumentLayout } from './layout'
import { PAGE_MARGINS_MM, PAGE_NUMBER_FROM_BOTTOM_MM } from './page'

// GB/T 9704 conventions: A4; title in 小标宋 22 pt; body 仿宋 16 pt (三号); headings 黑体; page numbers.
// 仿宋 rather than 仿宋_GB2312: every Windows and WPS has 仿宋 (the same design), a village laptop rarely
// has 仿宋_GB2312, and Word would fall back to 宋体 without it. Without 方正小标宋 the title falls back to 宋体,
// which GB/T 9704 practice accepts.
const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const BODY_FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const BODY_SIZE = 32 // half-points: 16 pt
const TITLE_SIZE = 44 // 22 pt
const FOOTER_SIZE = 28 // 14 pt (四号)
const LINE = { line: 560, lineRule: 'exact' } as const // 28 pt lines, as official documents use
const FIRST_LINE_INDENT = 640 // two characters

/** A line break typed inside a remark stays a line break in Word. */
const runs = (text: string, font: typeof BODY_FONT, bold?: boolean) =>
  text.split('\n').map((line, index) => new TextRun({ text: line, font, size: BODY_SIZE, bold, break: index > 0 ? 1 : undefined }))

function paragraphOf(block: Block): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: block.text, font: TITLE_FONT, size: TITLE_SIZE })] })
    case 'heading':
      return new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE_INDENT }, keepNext: true, children: runs(block.text, HEADING_FONT) })
    case 'paragraph':
      return new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE_INDENT }, keepNext: block.keepWithNext, children: runs(block.text, BODY_FONT, block.bold) })
    case 'signatures':
      return new Paragraph({ spacing: { before: 800 }, children: runs(block.text, BODY_FONT) })
  }
}

/** — 1 — on every page, or 第 1 页 共 3 页 (Word and WPS fill in the count when they lay the document out). */
function footerOf(layout: DocumentLayout, language: Language): Footer {
  const children =
    layout.footer === 'pageOf'
      ? pageOf<string>(documentWords(language), { text: (text) => text, page: PageNumber.CURRENT, pages: PageNumber.TOTAL_PAGES })
      : ['— ', PageNumber.CURRENT, ' —']
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, font: BODY_FONT, size: FOOTER_SIZE })] })] })
}

/** A document as a .docx that Word and WPS open as an ordinary official document. */
export function layoutDocx(layout: DocumentLayout, language: Language): Promise<Buffer> {
  // Rounded, not floored (docx's own helper floors): A4 is exactly 11906 × 16838 twips in Word.
  const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440)
  const document = new Document({
    // The app that made it, not "Un-named": what Word and WPS show under 作者 and 最后修改者.
    creator: '圆桌派 Roundtable',
    lastModifiedBy: '圆桌派 Roundtable',
    title: layout.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(PAGE_MARGINS_MM.top),
              bottom: mm(PAGE_MARGINS_MM.bottom),
              left: mm(PAGE_MARGINS_MM.left),
              right: mm(PAGE_MARGINS_MM.right),
              // The page number's top edge 7 mm below the text block, as GB/T 9704 places it.
              footer: mm(PAGE_NUMBER_FROM_BOTTOM_MM)
            }
          }
        },
        footers: { default: footerOf(layout, language) },
        children: layout.blocks.map(paragraphOf)
      }
    ]
  })
  return Packer.toBuffer(document)
}
