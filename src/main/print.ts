import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Loads one of our print pages (core's self-contained HTML) in a hidden window that runs no scripts,
 * hands it to `use`, then closes it. The page's @page rules set A4, the GB/T 9704 margins and the page
 * numbers. The HTML goes through a temporary file rather than a data: URL, which Chromium caps at 2 MB.
 */
async function withPrintWindow<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'roundtable-print-'))
  let window: BrowserWindow | null = null
  try {
    const file = join(folder, 'document.html')
    await writeFile(file, html, 'utf8')
    window = new BrowserWindow({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' }
    })
    await window.loadFile(file)
    return await use(window)
  } finally {
    window?.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}

/** 导出 PDF: the print page as an A4 PDF. */
export function printHtmlToPdf(html: string): Promise<Buffer> {
  return withPrintWindow(html, (window) => window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }))
}

/** 打印: the system's print dialog for the print page; false when the user cancels it. */
export function printHtmlOnPaper(html: string): Promise<boolean> {
  return withPrintWindow(
    html,
    (window) =>
      new Promise<boolean>((resolve, reject) => {
        window.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, reason) => {
          if (success || reason === 'cancelled') resolve(success)
          else reject(new Error(`Printing failed: ${reason}`))
        })
      })
  )
}
