/** GB/T 9704's A4 page: 天头 37 mm, 订口 (left) 28 mm; the text block is 156 × 225 mm. Shared by .docx and PDF. */
export const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const
/** The page number (14 pt, about 5 mm high) sits 7 mm below the text block: its foot 23 mm from the page's edge. */
export const PAGE_NUMBER_FROM_BOTTOM_MM = PAGE_MARGINS_MM.bottom - 7 - 5
