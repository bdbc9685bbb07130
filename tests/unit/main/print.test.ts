import { existsSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake electron whose hidden window records what it loaded and prints what the test says. */
const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: Record<string, unknown>; file?: string; html?: string; printOptions?: Record<string, unknown>; destroyed: boolean }[],
    print: (): Promise<Buffer> => Promise.resolve(Buffer.from('%PDF-1.7 fake'))
  }
  class BrowserWindow {
    record: (typeof state.windows)[number]
    webContents: { printToPDF: (options: Record<string, unknown>) => Promise<Buffer> }
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false }
      state.windows.push(this.record)
      this.webContents = {
        printToPDF: (printOptions) => {
          this.record.printOptions = printOptions
          return state.print()
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
const { printHtmlToPdf } = await import('../../../src/main/print')

const HTML = '<!doctype html><title>会议纪要</title><p>发言</p>'

beforeEach(() => {
  fake.state.windows.length = 0
  fake.state.print = () => Promise.resolve(Buffer.from('%PDF-1.7 fake'))
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
