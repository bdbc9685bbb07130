import { paragraphsOf, type Block, type DocumentLayout, type TableCell } from './blocks'

/** A cell as text: its own, else its photos' captions (text has no pictures). */
const cellText = (cell: TableCell) => cell.text || (cell.photos ?? []).map((photo) => photo.caption).join('　')

/**
 * One line of what a user typed, safe as CommonMark text and still readable raw in a chat group: only
 * the marks that would make emphasis, code, a link, HTML or an entity are backslash-escaped anywhere
 * (CommonMark §2.4), and those that would start a heading, quote, list or rule only at the line's start.
 * Leading spaces are dropped so that no paragraph becomes a code block.
 */
const escapeMarkdown = (line: string) =>
  line
    .trimStart()
    .replace(/[\\`*_[\]<>&]/g, '\\$&')
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')

/** One block as CommonMark blocks: each paragraph of a remark a paragraph, each speaker's name one of its own. */
function markdownOf(block: Block): string[] {
  switch (block.kind) {
    case 'title':
      return [`# ${escapeMarkdown(block.text)}`]
    case 'heading':
      return [`${block.level === 1 ? '##' : '###'} ${escapeMarkdown(block.text)}`]
    case 'paragraph':
      return paragraphsOf(block.text).map((part) => (block.bold ? `**${escapeMarkdown(part)}**` : escapeMarkdown(part)))
    case 'closing':
      return block.lines.map((line) => escapeMarkdown(line.text))
    case 'attachment':
    case 'signatures':
      return [escapeMarkdown(block.text)]
    case 'table':
      return block.rows.map((row) => escapeMarkdown(row.map(cellText).join('　')))
  }
}

/** The same blocks as plain text: one line a paragraph, a blank line before each heading. */
function plainOf(block: Block): string[] {
  switch (block.kind) {
    case 'title':
      return [block.text, '']
    case 'heading':
      return ['', block.text]
    case 'paragraph':
      return paragraphsOf(block.text)
    case 'closing':
      return ['', ...block.lines.map((line) => line.text)]
    case 'attachment':
    case 'signatures':
      return ['', block.text]
    case 'table':
      return block.rows.map((row) => row.map(cellText).join('　'))
  }
}

/**
 * 会议纪要 as Markdown (valid CommonMark, each paragraph a block of its own) or as plain text, for pasting
 * into chat groups: drawn from the very layout the .docx and the PDF are, so all carry the same facts.
 */
export function minutesMarkdown(layout: DocumentLayout, plain = false): string {
  if (plain) return `${layout.blocks.flatMap(plainOf).join('\n').trim()}\n`
  return `${layout.blocks.flatMap(markdownOf).join('\n\n')}\n`
}
