import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PrintableHtml } from '../../../src/shared/domain'
import { fail, ok } from '../../../src/shared/result'
import { printInNewTab } from '../../../src/renderer/src/features/minutes/print-in-browser'

/** A browser tab as far as printing goes: what was written into it, its title, and what was called. */
function fakeTab() {
  const calls: string[] = []
  const tab = {
    calls,
    written: '',
    document: {
      title: '',
      fonts: { ready: Promise.resolve() },
      open: () => calls.push('open'),
      write: (html: string) => (tab.written += html),
      close: () => calls.push('close-document')
    },
    close: () => calls.push('close-tab'),
    focus: () => calls.push('focus'),
    print: () => calls.push('print')
  }
  return tab
}

const PAGE: PrintableHtml = { title: '示例场次会议记录', fileName: '2025-08-21-思想圆桌派-会议记录.pdf', html: '<!doctype html><title>x</title><p>发言</p>' }

afterEach(() => vi.unstubAllGlobals())

describe('printing in a browser', () => {
  it('opens the tab before the page arrives, writes the page, names it for “Save as PDF” and prints', async () => {
    const tab = fakeTab()
    let openedBeforeLoading = false
    vi.stubGlobal('window', { open: vi.fn(() => tab) })
    const problem = await printInNewTab(
      async () => {
        openedBeforeLoading = vi.mocked(window.open).mock.calls.length === 1
        return ok(PAGE)
      },
      () => tab.calls.push('hint')
    )
    expect(problem).toBeNull()
    expect(openedBeforeLoading).toBe(true)
    expect(tab.written).toBe(PAGE.html)
    expect(tab.document.title).toBe('2025-08-21-思想圆桌派-会议记录')
    // The hint comes first: print() holds the page until the dialog closes.
    expect(tab.calls).toEqual(['open', 'close-document', 'hint', 'focus', 'print'])
  })

  it('says so when the browser blocks the tab, without asking for the page', async () => {
    vi.stubGlobal('window', { open: () => null })
    const load = vi.fn(async () => ok(PAGE))
    expect(await printInNewTab(load)).toBe('blocked')
    expect(load).not.toHaveBeenCalled()
  })

  it('closes the empty tab and returns the error when the page cannot be made', async () => {
    const tab = fakeTab()
    vi.stubGlobal('window', { open: () => tab })
    const problem = await printInNewTab(async () => fail('not_found', 'session gone'))
    expect(problem).toMatchObject({ code: 'not_found' })
    expect(tab.calls).toEqual(['close-tab'])
  })
})
