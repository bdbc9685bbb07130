import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  ImageRun,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType
} from 'docx'
import type { Language } from '../../shared/domain'
import { documentWords, pageOf } from './labels'
import { paragraphsOf, type Block, type DocumentLayout, type DocumentPhoto, type TableBlock, type TableCell as Cell } from './blocks'
import { BODY_PT, CHARS_PER_LINE, LINE_PITCH_PT, PAGE_MARGINS_MM, PAGE_NUMBER_FROM_BOTTOM_MM, TABLE_PT, photoSizeMm } from './page'
import { packDocx } from './docx-package'

// GB/T 9704 conventions: A4; title in 2号小标宋; body 3号仿宋; level-1 headings 黑体, level-2 楷体; page
// numbers 4号宋体. 仿宋 rather than 仿宋_GB2312: every Windows and WPS has 仿宋 (the same design), a village
// laptop rarely has 仿宋_GB2312. Without 方正小标宋 the title falls back to 宋体, which practice accepts.
// Latin letters and digits are Times New Roman; `hint: eastAsia` makes Word and WPS set the marks both
// scripts share (“ ” ‘ ’ — …) in the Chinese font, as Chinese text wants them.
const font = (eastAsia: string, latin = 'Times New Roman') => ({ eastAsia, ascii: latin, hAnsi: latin, hint: 'eastAsia' })
const TITLE_FONT = font('方正小标宋简体')
const BODY_FONT = font('仿宋')
const HEADING_FONTS = { 1: font('黑体'), 2: font('楷体') } as const
const PAGE_NUMBER_FONT = font('宋体', '宋体')

const halfPoints = (pt: number) => Math.round(pt * 2)
const twips = (pt: number) => Math.round(pt * 20)
// Rounded, not floored (docx's own helper floors): A4 is exactly 11906 × 16838 twips in Word.
const mmTwips = (millimetres: number) => Math.round((millimetres / 25.4) * 1440)
const mmPixels = (millimetres: number) => Math.round((millimetres / 25.4) * 96)

const TITLE_SIZE = halfPoints(22)
const LINE = { line: twips(LINE_PITCH_PT), lineRule: 'exact' } as const
const INDENT_TWO = twips(2 * BODY_PT)
const TEXT_WIDTH_TWIPS = mmTwips(210) - mmTwips(PAGE_MARGINS_MM.left) - mmTwips(PAGE_MARGINS_MM.right)
/**
 * The document grid's character pitch, as w:charSpace wants it: (pitch − the body size) × 4096, so that
 * 28 characters of 3号 fill the 156 mm line exactly (rounded down so that the 28th always fits).
 */
const CHAR_SPACE = Math.floor((TEXT_WIDTH_TWIPS / 20 / CHARS_PER_LINE - BODY_PT) * 4096)

/**
 * Each character condensed by a quarter point, so that it fits the grid's cell (15.79 pt) rather than
 * spilling into two: LibreOffice then also sets 28 to the line. Word and WPS, which squeeze to the
 * grid themselves, still set 28.
 */
const CONDENSED = -5

const text = (value: string, options: { font?: ReturnType<typeof font>; bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: options.font, bold: options.bold, size: options.size })

function blockOf(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      // Two lines of the grid exactly, so that Word, LibreOffice and Chromium start the body on the same line.
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: twips(2 * LINE_PITCH_PT), lineRule: 'exact' }, children: [text(block.text, { font: TITLE_FONT, size: TITLE_SIZE })] })]
    case 'heading':
      return [new Paragraph({ keepNext: true, children: [text(block.text, { font: HEADING_FONTS[block.level] })] })]
    case 'paragraph': {
      // Each typed paragraph of a remark is a paragraph, indented like the first (never a <w:br/>).
      const parts = paragraphsOf(block.text)
      return parts.map(
        (part, index) =>
          new Paragraph({
            keepNext: index === parts.length - 1 ? block.keepWithNext : undefined,
            indent: block.flush ? { firstLine: 0 } : undefined,
            children: [text(part, { bold: block.bold })]
          })
      )
    }
    case 'closing':
      return block.lines.map(
        (line, index) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { firstLine: 0, right: twips(line.rightIndent * BODY_PT) },
            spacing: index === 0 ? { ...LINE, before: twips(LINE_PITCH_PT) } : LINE,
            keepNext: index < block.lines.length - 1,
            children: [text(line.text)]
          })
      )
    case 'attachment':
      return [new Paragraph({ pageBreakBefore: true, keepNext: true, indent: { firstLine: 0 }, children: [text(block.text, { font: HEADING_FONTS[1] })] })]
    case 'signatures':
      return [new Paragraph({ indent: { firstLine: 0 }, spacing: { ...LINE, before: twips(LINE_PITCH_PT) }, children: [text(block.text)] })]
    case 'table':
      return [tableOf(block), new Paragraph({ children: [] })]
  }
}

/** 3 pt either side of a cell's text. */
const CELL_PADDING = twips(3)
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const

/** A ruled table the width of the text block, in 4号仿宋, its heading rows repeated on each page. */
function tableOf(block: TableBlock): Table {
  const total = block.columns.reduce((sum, column) => sum + column, 0)
  const widths = block.columns.map((column) => Math.floor((column / total) * TEXT_WIDTH_TWIPS))
  const headerRows = block.headerRows ?? 0
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: block.rows.map((cells, rowIndex) => {
      let column = 0
      return new TableRow({
        tableHeader: rowIndex < headerRows,
        cantSplit: true,
        height: block.minRowHeightMm ? { value: mmTwips(block.minRowHeightMm), rule: HeightRule.ATLEAST } : undefined,
        children: cells.map((cell) => {
          const span = cell.span ?? 1
          const width = widths.slice(column, column + span).reduce((sum, w) => sum + w, 0)
          column += span
          return new TableCell({
            columnSpan: span > 1 ? span : undefined,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
            children: cellParagraphs(cell, rowIndex < headerRows, width)
          })
        })
      })
    })
  })
}

function cellParagraphs(cell: Cell, heading: boolean, widthTwips: number): Paragraph[] {
  // Table lines keep the grid's pitch: LibreOffice snaps them to it whatever they say, and a form wants the room.
  const lines = { spacing: LINE, indent: { firstLine: 0 } }
  const centred = cell.label || heading
  const texts = paragraphsOf(cell.text).map(
    (part) => new Paragraph({ ...lines, alignment: centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, children: [text(part, { size: halfPoints(TABLE_PT), bold: heading })] })
  )
  if (!cell.photos?.length) return texts
  const widthMm = (widthTwips / 1440) * 25.4 - 4
  return [
    ...(cell.text ? texts : []),
    ...cell.photos.flatMap((photo) => [
      new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [imageOf(photo, widthMm)] }),
      new Paragraph({ ...lines, alignment: AlignmentType.CENTER, children: [text(photo.caption, { size: halfPoints(TABLE_PT - 2) })] })
    ])
  ]
}

function imageOf(photo: DocumentPhoto, widthMm: number): ImageRun {
  const size = photoSizeMm(photo, widthMm)
  return new ImageRun({
    type: photo.mime === 'image/png' ? 'png' : 'jpg',
    data: photo.bytes,
    transformation: { width: mmPixels(size.width), height: mmPixels(size.height) },
    altText: { name: photo.caption || 'photo', description: photo.caption, title: photo.caption }
  })
}

/**
 * — 1 — (or 第 1 页 共 3 页) at the outer corner, one character in from the edge of the text block: right
 * on odd pages, left on even ones, as GB/T 9704 §7.5 sets them for printing on both sides.
 */
function footerOf(footer: DocumentLayout['footer'], language: Language, side: 'odd' | 'even'): Footer {
  const children =
    footer === 'pageOf'
      ? pageOf<string>(documentWords(language), { text: (part) => part, page: PageNumber.CURRENT, pages: PageNumber.TOTAL_PAGES })
      : ['— ', PageNumber.CURRENT, ' —']
  const oneCharacter = twips(14)
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneCharacter, firstLine: 0 } : { left: oneCharacter, firstLine: 0 },
        spacing: { line: 240, lineRule: 'auto' },
        children: [new TextRun({ children, font: PAGE_NUMBER_FONT, size: halfPoints(14) })]
      })
    ]
  })
}

/**
 * The footers are the same in every document of a kind and language: made once (docx writes a paragraph
 * into each document it is given without changing it, so one can serve every document).
 */
const footers = new Map<string, { default: Footer; even: Footer }>()
function footersOf(footer: DocumentLayout['footer'], language: Language): { default: Footer; even: Footer } {
  const key = `${footer} ${language}`
  let made = footers.get(key)
  if (!made) footers.set(key, (made = { default: footerOf(footer, language, 'odd'), even: footerOf(footer, language, 'even') }))
  return made
}

/** A document as a .docx that Word and WPS open as an ordinary official document. */
export async function layoutDocx(layout: DocumentLayout, language: Language): Promise<Buffer> {
  return packDocx(docxDocument(layout, language), sharedPartsKind(layout, language))
}

/**
 * What a document's styles, theme and footers depend on, which packDocx writes once for all documents of a kind: the
 * styles and the theme (docxDocument's constants) are the same for every document, the footers are those of the
 * layout's kind of footer in the language (footersOf).
 */
export const sharedPartsKind = (layout: DocumentLayout, language: Language): string => `${layout.footer} ${language}`

/** The docx document of a layout, before it is packed. */
export function docxDocument(layout: DocumentLayout, language: Language): Document {
  return new Document({
    // The app that made it, not "Un-named": what Word and WPS show under 作者 and 最后修改者.
    creator: '圆桌派 Roundtable',
    lastModifiedBy: '圆桌派 Roundtable',
    title: layout.title,
    evenAndOddHeaderAndFooters: true,
    // Constants only: packDocx writes the styles once for every document (anything they come to depend on, such
    // as the layout or the language, must be named in sharedPartsKind).
    styles: {
      default: {
        document: {
          // Chinese text in Chinese: line breaking, punctuation and the spelling checker all read w:lang.
          run: { font: BODY_FONT, size: halfPoints(BODY_PT), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: LINE, indent: { firstLine: INDENT_TWO } }
        }
      },
      // The grid's character pitch is counted from the Normal style's size (Word, WPS and LibreOffice all
      // read it there, LibreOffice only there), so Normal states 3号 itself.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: { font: BODY_FONT, size: halfPoints(BODY_PT), characterSpacing: CONDENSED } }]
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmTwips(210), height: mmTwips(297) },
            margin: {
              top: mmTwips(PAGE_MARGINS_MM.top),
              bottom: mmTwips(PAGE_MARGINS_MM.bottom),
              left: mmTwips(PAGE_MARGINS_MM.left),
              right: mmTwips(PAGE_MARGINS_MM.right),
              // The page number's top edge 7 mm below the text block, as GB/T 9704 places it.
              footer: mmTwips(PAGE_NUMBER_FROM_BOTTOM_MM)
            }
          },
          // 22 lines of 28 characters (GB/T 9704 §5.2.2): Word and WPS set Chinese text on this grid.
          grid: { type: DocumentGridType.LINES, linePitch: twips(LINE_PITCH_PT), charSpace: CHAR_SPACE }
        },
        footers: footersOf(layout.footer, language),
        children: layout.blocks.flatMap(blockOf)
      }
    ]
  })
}

