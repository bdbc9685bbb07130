import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppFailure } from '../core/errors'

/**
 * Loads one of our print pages (core's self-contained HTML) in a hidden window that runs no scripts,
 * hands it to `use`, then closes it. The page's @page rules set A4, the GB/T 9704 margins and the page
 * numbers. The HTML goes through a temporary file rather than a data: URL, which Chromium caps at 2 MB.
 */
async function withPrintWindow<T>(html: string, use: (window: BrowserWindow) => Promise<T>, parent?: BrowserWindow | null): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'roundtable-print-'))
  let window: BrowserWindow | null = null
  try {
    const file = join(folder, 'document.html')
    await writeFile(file, html, 'utf8')
    window = new BrowserWindow({
      show: false,
      // The print dialog belongs to the app's window (modal to it), not floating on its own.
      ...(parent ? { parent } : {}),
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' }
    })
    await window.loadFile(file)
    return await use(window)
  } finally {
    window?.destroy()
    // A virus scanner may hold the file a moment (Windows); a leftover in %TEMP% is no reason to fail.
    await rm(folder, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => undefined)
  }
}

/** 导出 PDF: the print page as an A4 PDF. */
export function printHtmlToPdf(html: string): Promise<Buffer> {
  return withPrintWindow(html, (window) => window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }))
}

let printing = false

/**
 * 打印: the system's print dialog for the print page; false when the user cancels it. One dialog at a
 * time: a second 打印 while one is open is refused rather than opening a dialog hidden behind the first.
 */
export async function printHtmlOnPaper(html: string, parent?: BrowserWindow | null): Promise<boolean> {
  if (printing) throw new AppFailure('print_failed', 'A print dialog is already open.')
  printing = true
  try {
    return await withPrintWindow(
      html,
      (window) =>
        new Promise<boolean>((resolve, reject) => {
          window.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, reason) => {
            // Electron says "Print job canceled" when the user closes the dialog.
            if (success || /cancel/i.test(reason)) resolve(success)
            else reject(new AppFailure('print_failed', `Printing failed: ${reason}`))
          })
        }),
      parent
    )
  } finally {
    printing = false
  }
}
