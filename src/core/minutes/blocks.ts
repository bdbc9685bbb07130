/**
 * What a printed document says, block by block. Every document (会议纪要, 会议记录, 志愿服务活动记录, 签到表,
 * 会议通知) is one list of blocks, and the .docx, the print page (so the PDF) and the Markdown are each drawn
 * from it by one renderer: Word, WPS, the PDF and the chat-group text never disagree about the content.
 */
export type Block =
  | { kind: 'title'; text: string }
  /**
   * A heading of the body after GB/T 9704: level 1 (一、…) in 黑体, level 2 ((一)…) in 楷体. The number is
   * part of the text (see sectionNumbering in labels.ts).
   */
  | { kind: 'heading'; text: string; level: 1 | 2 }
  /**
   * Body text, indented two characters and justified. Each line typed in a remark is a paragraph of its
   * own, indented like the first. `keepWithNext` keeps it on the page of the block after it (a speaker's
   * name with what they said; 散会 with the signatures). `flush`: 顶格, not indented (a notice's 各位参会人员：).
   */
  | { kind: 'paragraph'; text: string; bold?: boolean; keepWithNext?: boolean; flush?: boolean }
  /**
   * 落款 and 成文日期 under the text, right-aligned: `rightIndent` in characters from the right edge of
   * the text block (GB/T 9704 §7.3.5: the date 右空二字, the organiser's name over it, two characters further left).
   */
  | { kind: 'closing'; lines: { text: string; rightIndent: number }[] }
  /** 附件：… on a page of its own, 顶格 in 黑体 (GB/T 9704 §8), before what is attached. */
  | { kind: 'attachment'; text: string }
  /** The signature lines at the end of the 会议记录, set apart from the text above. */
  | { kind: 'signatures'; text: string }
  /** A form or list, ruled: 志愿服务活动记录表, 签到表. */
  | TableBlock

export interface TableBlock {
  kind: 'table'
  /** The columns' relative widths; the table fills the text block's width. */
  columns: number[]
  rows: TableCell[][]
  /** The first rows are headings: printed again at the top of each page the table runs onto. */
  headerRows?: number
  /** Rows at least this tall (a 签名 needs room for a hand). */
  minRowHeightMm?: number
}

export interface TableCell {
  text: string
  /** How many columns the cell spans (1 when absent). */
  span?: number
  /** A field's name (活动名称): centred, where a value is left-aligned. */
  label?: boolean
  /** Photos shown in the cell, each with its caption under it. */
  photos?: DocumentPhoto[]
}

export interface DocumentPhoto {
  caption: string
  mime: 'image/jpeg' | 'image/png'
  /** The stored image's pixels (after EXIF orientation), for its aspect ratio. */
  width: number
  height: number
  bytes: Uint8Array
}

export interface DocumentLayout {
  /** The document's title, as the file's metadata and the print window's title. */
  title: string
  blocks: Block[]
  /** `page`: — 1 — on every page; `pageOf`: 第 1 页 共 3 页, so a missing page is noticed. */
  footer: 'page' | 'pageOf'
}

/** A typed paragraph break starts a new paragraph; empty lines between paragraphs are not paragraphs. */
export const paragraphsOf = (text: string): string[] => {
  const parts = text.split(/\r?\n/).filter((line) => line.trim() !== '')
  return parts.length ? parts : ['']
}

/**
 * How wide `text` prints, in body characters: a Chinese character or full-width mark is one, a digit or
 * Latin letter half of one (they are set in Times New Roman, half as wide). For 落款 and 成文日期.
 */
export function printedWidth(text: string): number {
  let width = 0
  for (const char of text) width += char.codePointAt(0)! < 0x2e80 ? 0.5 : 1
  return width
}
