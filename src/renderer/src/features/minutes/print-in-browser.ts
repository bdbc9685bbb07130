import type { PrintableHtml } from '@shared/domain'
import type { AppError, Result } from '@shared/result'

/**
 * Printing through the web bridge: a tab opens at once (inside the click, so the pop-up blocker lets
 * it through), the print page is written into it when it arrives, and the browser's print dialog
 * opens — where “Save as PDF” is one of the printers and the document's title is the file name.
 */
export async function printInNewTab(load: () => Promise<Result<PrintableHtml>>, beforePrint: () => void = () => {}): Promise<AppError | 'blocked' | null> {
  const tab = window.open('', '_blank')
  if (!tab) return 'blocked'
  const page = await load()
  if (!page.ok) {
    tab.close()
    return page.error
  }
  tab.document.open()
  tab.document.write(page.value.html)
  tab.document.close()
  // Chromium's “Save as PDF” offers the title as the file name: 2025-08-21-思想圆桌派-会议纪要.
  tab.document.title = page.value.fileName.replace(/\.pdf$/, '')
  await tab.document.fonts.ready
  // print() holds this page until the dialog closes: anything to say is said first.
  beforePrint()
  tab.focus()
  tab.print()
  return null
}
