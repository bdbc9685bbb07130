import { existsSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake electron whose hidden window records what it loaded and prints what the test says. */
const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: Record<string, unknown>; file?: string; html?: string; printOptions?: Record<string, unknown>; destroyed: boolean }[],
    print: (): Promise<Buffer> => Promise.resolve(Buffer.from('%PDF-1.7 fake')),
    /** What the system's print dialog answers: (success, failureReason). */
    dialog: [true, ''] as [boolean, string]
  }
  class BrowserWindow {
    record: (typeof state.windows)[number]
    webContents: {
      printToPDF: (options: Record<string, unknown>) => Promise<Buffer>
      print: (options: Record<string, unknown>, callback: (success: boolean, reason: string) => void) => void
    }
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false }
      state.windows.push(this.record)
      this.webContents = {
        printToPDF: (printOptions) => {
          this.record.printOptions = printOptions
          return state.print()
        },
        print: (printOptions, callback) => {
          this.record.printOptions = printOptions
          setTimeout(() => callback(...state.dialog), 1)
        }
      }
    }
    async loadFile(file: string) {
      const { readFileSync } = await import('node:fs')
      this.record.file = file
      this.record.html = readFileSync(file, 'utf8')
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  return { state, electron: { BrowserWindow } }
})

vi.mock('electron', () => fake.electron)
const { printHtmlOnPaper, printHtmlToPdf } = await import('../../../src/main/print')

const HTML = '<!doctype html><title>会议纪要</title><p>发言</p>'

beforeEach(() => {
  fake.state.windows.length = 0
  fake.state.print = () => Promise.resolve(Buffer.from('%PDF-1.7 fake'))
  fake.state.dialog = [true, '']
})

describe('printing to PDF in the desktop app', () => {
  it('loads the page in a hidden window without scripts and prints A4 after the page’s own @page rules', async () => {
    const pdf = await printHtmlToPdf(HTML)
    expect(pdf.toString()).toBe('%PDF-1.7 fake')
    const [window] = fake.state.windows
    expect(window!.options.show).toBe(false)
    expect(window!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(window!.options.webPreferences).not.toHaveProperty('preload')
    expect(window!.html).toBe(HTML)
    expect(window!.printOptions).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true })
  })

  it('closes the window and removes its temporary file, also when printing fails', async () => {
    await printHtmlToPdf(HTML)
    const first = fake.state.windows[0]!
    expect(first.destroyed).toBe(true)
    expect(existsSync(dirname(first.file!))).toBe(false)

    fake.state.print = () => Promise.reject(new Error('printing failed'))
    await expect(printHtmlToPdf(HTML)).rejects.toThrow('printing failed')
    const second = fake.state.windows[1]!
    expect(second.destroyed).toBe(true)
    expect(existsSync(dirname(second.file!))).toBe(false)
    expect(() => readFileSync(second.file!)).toThrow()
  })
})

describe('printing on paper in the desktop app', () => {
  it('shows the system print dialog for the page, A4, and says whether it was printed or cancelled', async () => {
    expect(await printHtmlOnPaper(HTML)).toBe(true)
    const [window] = fake.state.windows
    expect(window!.html).toBe(HTML)
    expect(window!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true })
    expect(window!.printOptions).toMatchObject({ silent: false, pageSize: 'A4' })
    expect(window!.destroyed).toBe(true)

    // What Electron 45 answers when the dialog is closed without printing.
    fake.state.dialog = [false, 'Print job canceled']
    expect(await printHtmlOnPaper(HTML)).toBe(false)
  })

  it('belongs to the app window, and refuses a second dialog while one is open', async () => {
    const parent = { id: 'main window' }
    const first = printHtmlOnPaper(HTML, parent as never)
    await expect(printHtmlOnPaper(HTML)).rejects.toMatchObject({ code: 'print_failed' })
    expect(await first).toBe(true)
    expect(fake.state.windows).toHaveLength(1)
    expect(fake.state.windows[0]!.options.parent).toBe(parent)
    expect(await printHtmlOnPaper(HTML)).toBe(true)
  })

  it('fails with the reason when the printer does, and still cleans up', async () => {
    fake.state.dialog = [false, 'Print job failed']
    await expect(printHtmlOnPaper(HTML)).rejects.toMatchObject({ code: 'print_failed', message: 'Printing failed: Print job failed' })
    const window = fake.state.windows[0]!
    expect(window.destroyed).toBe(true)
    expect(existsSync(dirname(window.file!))).toBe(false)
  })
})
