import type { Page } from '@playwright/test'
import { expect, test } from './app'
import { invoke } from './core-call'
import { expectConsoleFits, EN, ZH } from './console-fit'
import { checkInEveryone, currentSpeaker, openDemo, openDemoCheckIn, startSession } from './demo'

/**
 * Comfort for older eyes (字号：标准 / 大 / 特大, a focus ring that is not the error red, Chinese month
 * names) and English at 1280×800: at every size, no label is cut off and the page does not scroll sideways.
 */

/**
 * The little of the page's DOM these checks read, typed here: the e2e specs compile without the DOM's
 * types (the functions given to evaluate run in the page).
 */
interface Box {
  tagName: string
  className: string
  textContent: string | null
  value?: string
  scrollWidth: number
  clientWidth: number
  getBoundingClientRect(): { width: number; height: number }
}
interface PageWindow {
  document: { querySelectorAll(selector: string): ArrayLike<Box>; documentElement: Box & { style: { getPropertyValue(name: string): string } }; body: Box }
  getComputedStyle(element: unknown): { fontSize: string; outlineStyle: string; outlineColor: string }
}

/** What is cut off on screen: visible buttons, links, tabs, nav and segmented labels, and select boxes whose text is wider than their box. */
async function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageWindow
    const selector = [
      'button',
      'nav a',
      '[role="tab"]',
      '.mantine-Button-label',
      '.mantine-NavLink-label',
      '.mantine-SegmentedControl-label',
      '.mantine-Tabs-tabLabel',
      'input.mantine-Select-input'
    ].join(', ')
    const clipped: string[] = []
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || element.clientWidth === 0) continue
      if (element.scrollWidth > element.clientWidth + 1) {
        const text = element.tagName === 'INPUT' ? (element.value ?? '') : (element.textContent ?? '')
        clipped.push(`${element.tagName.toLowerCase()}.${element.className.split(' ')[0] ?? ''} “${text.trim()}” ${element.scrollWidth}>${element.clientWidth}`)
      }
    }
    return clipped
  })
}

/** Whether the page itself scrolls sideways. */
const scrollsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as PageWindow).document
    return documentElement.scrollWidth > documentElement.clientWidth
  })

/** The body's font size in px: 16 at 标准. */
const bodyFontSize = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const window = globalThis as unknown as PageWindow
    return parseFloat(window.getComputedStyle(window.document.body).fontSize)
  })

/** Nothing cut off and no sideways scroll: asked again until the page has settled (a page that has just opened may still be drawing). */
async function expectFits(page: Page, where: string): Promise<void> {
  await expect.poll(() => clippedLabels(page), { message: `cut-off labels on ${where}` }).toEqual([])
  await expect.poll(() => scrollsSideways(page), { message: `sideways scroll on ${where}` }).toBe(false)
}

const SIZES = [
  { fontSize: 'standard', label: '标准', scale: '1', name: 'standard' },
  { fontSize: 'large', label: '大', scale: '1.125', name: 'large' },
  { fontSize: 'extraLarge', label: '特大', scale: '1.25', name: 'extra-large' }
] as const

/** The font scale on the page, once a new 字号 has been applied. */
const scaleOf = (page: Page): Promise<string> =>
  page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.style.getPropertyValue('--mantine-scale'))

test('字号 is chosen in 设置, applies at once everywhere, and is kept over a restart', async ({ app }) => {
  // A restart and a dialog on top of the pages.
  test.setTimeout(120_000)
  let page = app.page
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByRole('link', { name: '设置' }).click()
  const sizes = page.getByRole('radiogroup', { name: '字号' })
  await expect(sizes.getByRole('radio', { name: '标准' })).toBeChecked()
  expect(await bodyFontSize(page)).toBe(16)

  await sizes.getByText('特大', { exact: true }).click()
  await expect(sizes.getByRole('radio', { name: '特大' })).toBeChecked()
  await expect.poll(() => bodyFontSize(page)).toBe(20)
  // Buttons, inputs and headings grow with it, not only the text.
  const buttonHeight = await page.getByRole('button', { name: '保存' }).first().evaluate((button) => button.getBoundingClientRect().height)
  expect(buttonHeight).toBeGreaterThan(42 * 1.2)

  page = await app.restart()
  await expect(page.getByRole('heading', { level: 1, name: '场次' })).toBeVisible()
  await expect.poll(() => bodyFontSize(page)).toBe(20)

  // Dialogs grow too, and still fit.
  await page.getByRole('link', { name: '人员' }).click()
  await page.getByRole('button', { name: '新建人员' }).click()
  const dialog = page.getByRole('dialog', { name: '新建人员' })
  await expect(dialog).toBeVisible()
  const inputSize = await dialog.getByLabel('姓名').evaluate((input) => parseFloat((globalThis as unknown as PageWindow).getComputedStyle(input).fontSize))
  expect(inputSize).toBeGreaterThanOrEqual(20)
  await expectFits(page, 'the 新建人员 dialog at 特大')
})

test('at every 字号, nothing is cut off at 1366×768 on the sessions page, a session, the console and 设置', async ({ app }) => {
  // Twelve pages to visit and measure: more than one page's time.
  test.setTimeout(150_000)
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const sessionId = await openDemoCheckIn(page)
  await checkInEveryone(page, sessionId)
  await startSession(page)
  const scaled = (scale: string) =>
    expect.poll(() => page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.style.getPropertyValue('--mantine-scale'))).toBe(scale)

  for (const { fontSize, label, scale } of SIZES) {
    await invoke(page, 'settings:update', { fontSize })
    await page.goto(page.url().replace(/#.*$/, '#/sessions'))
    await expect(page.getByRole('heading', { level: 1, name: '场次' })).toBeVisible()
    await scaled(scale)
    // Measured with the list drawn, not while it loads.
    await expect(page.getByRole('link', { name: /示例场次/ }).or(page.getByText('没有即将举行的场次'))).toBeVisible()
    await expectFits(page, `场次 at ${label}`)

    await openDemo(page)
    await expect(page.getByRole('heading', { level: 1, name: /示例场次/ })).toBeVisible()
    await expectFits(page, `the session page at ${label}`)

    await page.goto(page.url().replace(/#.*$/, `#/sessions/${sessionId}/live`))
    await expect(page.getByRole('tab', { name: '现场', selected: true })).toBeVisible()
    await expectFits(page, `the console at ${label}`)
    if (fontSize === 'large') await page.screenshot({ path: 'docs/screenshots/font-size-large.png' })
    if (fontSize === 'extraLarge') await page.screenshot({ path: 'docs/screenshots/font-size-extra-large.png' })

    await page.getByRole('link', { name: '设置' }).click()
    await expect(page.getByRole('radiogroup', { name: '字号' }).getByRole('radio', { name: label, exact: true })).toBeChecked()
    await expectFits(page, `设置 at ${label}`)
  }
})

test('the console is one screen at 1366×768 at every 字号: no scrolling, no seat over another, the remark box, its tags and 保存记录 in view, no label cut', async ({ app }) => {
  // Three moments of a session, each at three sizes.
  test.setTimeout(150_000)
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const sessionId = await openDemoCheckIn(page)
  await checkInEveryone(page, sessionId)
  await startSession(page)
  const atEverySize = async (moment: string, screenshot?: (size: (typeof SIZES)[number]) => string): Promise<void> => {
    for (const size of SIZES) {
      await invoke(page, 'settings:update', { fontSize: size.fontSize })
      await expect.poll(() => scaleOf(page)).toBe(size.scale)
      await expectConsoleFits(page, ZH, `${moment} at ${size.label}`)
      if (screenshot) await page.screenshot({ path: screenshot(size) })
    }
  }

  // Before the first phase: the hint under 现在发言.
  await atEverySize('before the first phase')
  // At 圆桌时间: where the round starts, in place of 下一位.
  for (const key of ['PageDown', 'PageDown', 'PageDown']) await page.keyboard.press(key)
  await expect(page.getByText('从这个座位开始传话筒')).toBeVisible()
  await atEverySize('at the start of 圆桌时间')
  // In a round: a speaker with a timer, a deferred one, four waiting and more.
  await page.keyboard.press('Space')
  await expect(currentSpeaker(page)).toHaveText('任肖彤')
  await page.keyboard.press('d')
  await expect(currentSpeaker(page)).toHaveText('李芳')
  await atEverySize('in a round', (size) => `docs/screenshots/console-${size.name}-1366.png`)
  await invoke(page, 'settings:update', { fontSize: 'standard' })
})

test('the focus ring is blue and shows for the keyboard only; the date picker reads 2026年12月', async ({ app }) => {
  const { page } = app
  await page.getByRole('heading', { level: 1, name: '场次' }).click()
  await page.keyboard.press('Tab')
  const focused = page.locator(':focus')
  const ring = (): Promise<{ style: string; color: string }> =>
    focused.evaluate((element) => {
      const { outlineStyle, outlineColor } = (globalThis as unknown as PageWindow).getComputedStyle(element)
      return { style: outlineStyle, color: outlineColor }
    })
  // --mantine-color-blue-7, never the red of an error.
  expect(await ring()).toEqual({ style: 'solid', color: 'rgb(28, 126, 214)' })

  // A clicked item is not left ringed; the arrow keys move the ring on.
  await page.getByRole('tab', { name: '日历' }).click()
  await expect(page.getByRole('tab', { name: '日历' })).toBeFocused()
  expect((await ring()).style).toBe('none')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: '列表' })).toBeFocused()
  expect(await ring()).toEqual({ style: 'solid', color: 'rgb(28, 126, 214)' })

  await page.getByRole('link', { name: '搜索' }).click()
  await page.getByLabel('从', { exact: true }).click()
  await expect(page.getByRole('button', { name: /^\d{4}年\d{1,2}月$/ })).toBeVisible()
  await expect(page.getByText(/^[一二三四五六七八九十]+月 \d{4}$/)).toHaveCount(0)
})

test('in English at 1280×800 nothing is cut off: planner, session, console, people and settings', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await invoke(page, 'settings:update', { language: 'en' })
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible()
  await expectFits(page, 'Sessions')

  const demo = page.getByRole('link', { name: /示例场次/ })
  await expect(demo.or(page.getByText('No upcoming sessions'))).toBeVisible()
  if (!(await demo.isVisible())) await page.getByText('Past', { exact: true }).click()
  await demo.click()
  // (The address is read once the session's page is there: it changes after the click, not with it.)
  await expect(page.getByRole('heading', { level: 1, name: /示例场次/ })).toBeVisible()
  await expect(page).toHaveURL(/#\/sessions\/[^/]+$/)
  const sessionId = /#\/sessions\/([^/]+)/.exec(page.url())![1]!
  await expectFits(page, 'the session page')

  await page.goto(page.url().replace(/#.*$/, `#/sessions/${sessionId}/edit`))
  await expect(page.getByRole('combobox', { name: /^Role of / }).first()).toBeVisible()
  await expectFits(page, 'the planner')
  await page.getByRole('combobox', { name: /^Role of / }).first().scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/screenshots/english-1280.png', fullPage: false })

  await invoke(page, 'live:checkInEveryone', { sessionId })
  await invoke(page, 'sessions:start', { id: sessionId })
  await page.goto(page.url().replace(/#.*$/, `#/sessions/${sessionId}/live`))
  await expect(page.getByTestId('current-speaker')).toBeVisible()
  await expectFits(page, 'the console')
  await expectConsoleFits(page, EN, 'in English before the first phase')
  // At the start of Roundtable time, and in a round with someone deferred: one screen, nothing cut.
  for (const key of ['PageDown', 'PageDown', 'PageDown']) await page.keyboard.press(key)
  await expect(page.getByText('Pass the mic from this seat')).toBeVisible()
  await expectConsoleFits(page, EN, 'in English at the start of Roundtable time')
  await page.keyboard.press('Space')
  await page.keyboard.press('d')
  await expect(currentSpeaker(page)).toHaveText('李芳')
  await expectFits(page, 'the console in a round')
  await expectConsoleFits(page, EN, 'in English in a round')
  await page.screenshot({ path: 'docs/screenshots/console-english-1280.png' })

  await page.getByRole('link', { name: 'People' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  await expectFits(page, 'People')

  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expectFits(page, 'Settings')
})
