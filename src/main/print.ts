import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Prints one of our print pages (core's self-contained HTML) to PDF in a hidden window that runs no
 * scripts. The page's @page rules set A4, the GB/T 9704 margins and the page numbers. The HTML goes
 * through a temporary file rather than a data: URL, which Chromium caps at 2 MB (a long 会议记录).
 */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
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
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    window?.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}
