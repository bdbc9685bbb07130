import { expect, type Page } from '@playwright/test'
import { invoke } from './core-call'

/**
 * The steps most specs take with the 示例场次 (the demo session every new archive has): open it, open its
 * check-in, start it, hand the mic round. Each waits for what it did to show before the next step.
 */

/** The console's “now speaking”. */
export const currentSpeaker = (page: Page) => page.getByTestId('current-speaker')

/** Opens the 示例场次's page. It is still to be held, though its date has passed: 即将举行, or 往期 where dates decide. */
export async function openDemo(page: Page): Promise<void> {
  const demo = page.getByRole('link', { name: /示例场次/ })
  await expect(demo.or(page.getByText('没有即将举行的场次'))).toBeVisible()
  if (!(await demo.isVisible())) await page.getByText('往期', { exact: true }).click()
  await demo.click()
}

/** Opens the 示例场次's 签到 / 开始场次 and returns the session's id. */
export async function openDemoCheckIn(page: Page): Promise<string> {
  await openDemo(page)
  await page.getByRole('button', { name: '签到 / 开始场次' }).click()
  await expect(page.getByRole('table', { name: '签到名单' })).toBeVisible()
  return /#\/sessions\/([^/]+)\/live/.exec(page.url())![1]!
}

/** Someone at another laptop checks everyone in; the check-in on screen shows it. */
export async function checkInEveryone(page: Page, sessionId: string): Promise<void> {
  await invoke(page, 'live:checkInEveryone', { sessionId })
  await expect(page.getByText(/^实到 9 人$/)).toBeVisible()
}

/**
 * 全部出席 on the check-in, then waits until the counts say nobody is 未签到: pressing 开始场次 before the
 * answer has come back would ask about people who are in fact checked in.
 */
export async function markEveryonePresent(page: Page): Promise<void> {
  await page.getByRole('button', { name: '全部出席' }).click()
  await expect(page.getByTestId('attendance-counts')).toContainText('未签到 0 人')
}

/**
 * 开始场次 from the check-in. With people still 未签到 (`ask.unmarked` of them), a dialog asks: `ask.answer` is
 * the button pressed. Returns once the console is on screen (the 现场 tab): keys are pressed only then, as the
 * facilitator does.
 */
export async function startSession(page: Page, ask?: { unmarked: number; answer: '全部标为出席' | '仍然开始' }): Promise<void> {
  await page.getByRole('button', { name: '开始场次' }).click()
  if (ask) await page.getByRole('dialog', { name: `还有 ${ask.unmarked} 人未签到` }).getByRole('button', { name: ask.answer }).click()
  await expect(page.getByRole('tab', { name: '现场', selected: true })).toBeVisible()
}

/** From the console of the 示例场次 just started: past the two lecturers into 圆桌时间, and a round from seat 1 (任肖彤). */
export async function startRound(page: Page): Promise<void> {
  for (const key of ['PageDown', 'PageDown', 'PageDown', 'Space']) await page.keyboard.press(key)
  await expect(currentSpeaker(page)).toHaveText('任肖彤')
}

/** Adds a 议定事项 on a session's page: its text, an owner picked from the directory and a due date (YYYY-MM-DD). */
export async function addDecision(page: Page, decision: { text: string; owner: string; due: string }): Promise<void> {
  const form = page.getByRole('form', { name: '添加议定事项' })
  await form.getByLabel('事项').fill(decision.text)
  // Picked by keyboard, as a note-taker would: the list shows the match, Enter takes it. (A click on the
  // option could land while the page below it still moves, and miss.)
  const owner = form.getByRole('combobox', { name: '负责人' })
  // Typed again if the list has not shown the match (once, on a loaded CI machine, it stayed empty).
  await expect(async () => {
    await owner.fill(decision.owner)
    await expect(page.getByRole('option', { name: decision.owner })).toBeVisible({ timeout: 5000 })
  }).toPass({ timeout: 30_000 })
  await owner.press('ArrowDown')
  await owner.press('Enter')
  await expect(owner).toHaveValue(decision.owner)
  await form.getByLabel('完成期限').fill(decision.due)
  await form.getByLabel('完成期限').press('Tab')
  await form.getByRole('button', { name: '添加议定事项' }).click()
  await expect(page.getByRole('table', { name: '议定事项' })).toContainText(decision.text)
}

/** The projector's phase line is readable from the back of a village hall: at least 1/20 of the screen's height. */
export async function expectReadablePhase(projector: Page): Promise<void> {
  const line = await projector.getByTestId('projector-phase').boundingBox()
  const screen = await projector.locator('body').boundingBox()
  // The line box is 1.2 × the font size: a font of 5 % of the height makes a box of 6 %.
  expect(line!.height).toBeGreaterThanOrEqual(screen!.height * 0.06)
}
