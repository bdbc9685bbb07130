/** GB/T 9704's A4 page: 天头 37 mm, 订口 (left) 28 mm; the text block is 156 × 225 mm. Shared by .docx and PDF. */
export const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const
export const TEXT_WIDTH_MM = 210 - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right
const TEXT_HEIGHT_MM = 297 - PAGE_MARGINS_MM.top - PAGE_MARGINS_MM.bottom
/** The page number (14 pt, about 5 mm high) sits 7 mm below the text block: its foot 23 mm from the page's edge. */
export const PAGE_NUMBER_FROM_BOTTOM_MM = PAGE_MARGINS_MM.bottom - 7 - 5

/** 3号: the body's size in points. */
export const BODY_PT = 16
/** 4号: tables (forms) and page numbers. */
export const TABLE_PT = 14
/** GB/T 9704 §5.2.2: 22 lines of 28 characters on each page. */
export const LINES_PER_PAGE = 22
export const CHARS_PER_LINE = 28
/**
 * The line pitch: 225 mm / 22 lines, rounded down to a twentieth of a point (28.95 pt) so that the 22nd
 * line always fits, in Word, LibreOffice and Chromium alike.
 */
export const LINE_PITCH_PT = Math.floor(((TEXT_HEIGHT_MM / 25.4) * 72 * 20) / LINES_PER_PAGE) / 20

/** A photo's printed size: as wide as `widthMm` allows, never taller than a third of the text block. */
export function photoSizeMm(photo: { width: number; height: number }, widthMm: number): { width: number; height: number } {
  const maxHeight = TEXT_HEIGHT_MM / 3
  const ratio = photo.height / Math.max(1, photo.width)
  const width = Math.min(widthMm, maxHeight / ratio)
  return { width: Math.round(width * 10) / 10, height: Math.round(width * ratio * 10) / 10 }
}
