import { expect, type Page } from '@playwright/test'

/**
 * The live console on one screen (issue 14): the facilitator and the note-taker share it, so at 1366×768 (and
 * 1280×800 in English), at every 字号 and with 4 to 40 seats, nothing may be out of reach or cut off.
 */

/** The names the checks find the remark box and 保存记录 by, in the language on screen. */
export interface ConsoleNames {
  box: string
  save: RegExp
}
export const ZH: ConsoleNames = { box: '发言记录', save: /保存记录/ }
export const EN: ConsoleNames = { box: 'Remark', save: /Save remark/ }

/**
 * The little of the page's DOM these checks read, typed here: the e2e specs compile without the DOM's types
 * (the function given to evaluate runs in the page).
 */
interface Rect {
  left: number
  top: number
  right: number
  bottom: number
  width: number
  height: number
}
interface Element {
  tagName: string
  textContent: string | null
  scrollWidth: number
  clientWidth: number
  scrollHeight: number
  clientHeight: number
  getBoundingClientRect(): Rect
  getAttribute(name: string): string | null
  querySelector(selector: string): Element | null
}
interface PageWindow {
  innerWidth: number
  innerHeight: number
  document: { documentElement: Element; querySelectorAll(selector: string): ArrayLike<Element> }
}

/** What is wrong with the console on screen, in words; empty when it all fits. */
export async function consoleMisfits(page: Page, names: ConsoleNames): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const { document, innerWidth, innerHeight } = globalThis as unknown as PageWindow
    const found: string[] = []
    const root = document.documentElement
    if (root.scrollHeight > root.clientHeight) found.push(`the page scrolls down: ${root.scrollHeight} > ${root.clientHeight}`)
    if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`)
    const inWindow = (box: Rect): boolean => box.left >= -0.5 && box.top >= -0.5 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5
    const text = (element: Element): string => (element.textContent ?? '').trim().slice(0, 30)

    // The seats: none over another, none out of the window, every name whole.
    const seats = Array.from(document.querySelectorAll('[data-testid="seat-plan"] button')).map((seat) => ({
      box: seat.getBoundingClientRect(),
      label: seat.getAttribute('aria-label') ?? '',
      name: seat.querySelector('[data-seat-name]')
    }))
    seats.forEach((seat, i) => {
      if (!inWindow(seat.box)) found.push(`seat “${seat.label}” is out of the window`)
      if (seat.name && seat.name.scrollWidth > seat.name.clientWidth) found.push(`seat “${seat.label}”: the name is cut`)
      for (const other of seats.slice(i + 1)) {
        const [a, b] = [seat.box, other.box]
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`seats “${seat.label}” and “${other.label}” overlap`)
      }
    })

    // The table's and the facilitator's columns show all they hold (each would scroll on its own rather than
    // the page). The remark column may: its list of remarks grows below the box, which stays at its top.
    for (const column of Array.from(document.querySelectorAll('[data-console-column]'))) {
      if (column.scrollHeight > column.clientHeight + 1) found.push(`the ${column.getAttribute('data-console-column')} column scrolls: ${column.scrollHeight} > ${column.clientHeight}`)
    }

    // The console's keys: each in the window.
    for (const key of Array.from(document.querySelectorAll('button[aria-keyshortcuts]'))) {
      if (!inWindow(key.getBoundingClientRect())) found.push(`the key “${text(key)}” is out of the window`)
    }

    // Text wrapped and cut: a visible label taller (or wider) than its box.
    const labels = [
      'button',
      '[role="tab"]',
      'label',
      '.mantine-Button-label',
      '.mantine-Badge-label',
      '.mantine-Chip-label',
      '.mantine-Stepper-stepLabel',
      '.mantine-Stepper-stepDescription',
      '.mantine-SegmentedControl-label'
    ].join(', ')
    for (const label of Array.from(document.querySelectorAll(labels))) {
      const box = label.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || label.clientHeight === 0) continue
      if (label.scrollHeight > label.clientHeight + 1) found.push(`“${text(label)}” is cut at the bottom: ${label.scrollHeight} > ${label.clientHeight}`)
      if (label.scrollWidth > label.clientWidth + 1) found.push(`“${text(label)}” is cut at the side: ${label.scrollWidth} > ${label.clientWidth}`)
    }
    return found
  })

  // The note-taker's box, its tags and 保存记录: wholly in the window, beside the controls.
  const viewport = page.viewportSize()!
  const panel = page.locator('section[aria-labelledby="remark-heading"]')
  const wanted = [
    { what: 'the remark box', locator: panel.getByRole('textbox', { name: names.box, exact: true }) },
    { what: 'the save button', locator: panel.getByRole('button', { name: names.save }) },
    ...(await panel.locator('.mantine-Chip-root').all()).map((locator, i) => ({ what: `tag ${i + 1}`, locator }))
  ]
  if (wanted.length === 2) problems.push('the remark panel shows no tags')
  for (const { what, locator } of wanted) {
    const box = await locator.boundingBox()
    if (!box) problems.push(`${what} is not on screen`)
    else if (box.x < 0 || box.y < 0 || box.x + box.width > viewport.width + 0.5 || box.y + box.height > viewport.height + 0.5) {
      problems.push(`${what} is out of the window: ${JSON.stringify(box)}`)
    }
  }
  return problems
}

/** The console fits: asked again until the seat map has measured its column and settled. */
export async function expectConsoleFits(page: Page, names: ConsoleNames, where: string): Promise<void> {
  await expect.poll(() => consoleMisfits(page, names), { message: `the console does not fit: ${where}`, timeout: 10_000 }).toEqual([])
}
