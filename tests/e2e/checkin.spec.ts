import type { Locator, Page } from '@playwright/test'
import { expect, test } from './app'
import { invoke } from './core-call'
import { checkInEveryone, currentSpeaker, openDemo, openDemoCheckIn, startSession } from './demo'

/** A seat on a map by number, name and status; either kind of colon and comma (the labels may change). */
const seat = (page: Page, number: number, name: string, status?: string): Locator =>
  page.getByRole('button', { name: new RegExp(`^${number} 号座位[:：]${name}${status ? `[,，]${status}` : ''}`) })

/** Someone at another laptop checks a person in: the console shows it as a live update. */
async function checkInElsewhere(page: Page, sessionId: string, name: string): Promise<void> {
  const view = await invoke<{ attendance: { personId: string; name: string }[] }>(page, 'live:get', { sessionId })
  const personId = view.attendance.find((entry) => entry.name === name)!.personId
  await invoke(page, 'live:checkIn', { sessionId, personId, present: true, reason: '' })
}

test('a seat clicked on the map, then another person marked absent with a reason: only that person changes', async ({ app }) => {
  const { page } = app
  const sessionId = await openDemoCheckIn(page)

  // 任肖彤 checks in by a click on her seat.
  await seat(page, 1, '任肖彤').click()
  await expect(seat(page, 1, '任肖彤', '出席')).toBeVisible()

  // 张秀兰 is absent: marked in the list, her reason typed ...
  const list = page.getByRole('table', { name: '签到名单' })
  await list.getByRole('radiogroup', { name: '张秀兰 的签到' }).getByText('缺席', { exact: true }).click()
  const reason = list.getByRole('textbox', { name: '张秀兰 的缺席原因' })
  await reason.click()
  await page.keyboard.type('外出务工，下午回来')
  // ... while the screen changes (温乐义 checked in elsewhere) ...
  await checkInElsewhere(page, sessionId, '温乐义')
  await expect(page.getByText(/^实到 2 人$/)).toBeVisible()
  // ... and confirmed with Enter: it goes to the reason, not to the seat clicked before.
  await page.keyboard.press('Enter')

  await expect(seat(page, 6, '张秀兰', '缺席')).toBeVisible()
  await expect(seat(page, 1, '任肖彤', '出席')).toBeVisible()
  await expect(page.getByText(/^缺席 1 人$/)).toBeVisible()
  await expect(reason).toBeFocused()

  // What was committed: the whole reason, and 任肖彤 still present.
  await page.reload()
  await expect(page.getByRole('table', { name: '签到名单' }).getByRole('textbox', { name: '张秀兰 的缺席原因' })).toHaveValue('外出务工，下午回来')
  await expect(seat(page, 1, '任肖彤', '出席')).toBeVisible()
})

test('on the console, a seat chosen on the map does not take the keys typed into the remark box', async ({ app }) => {
  const { page } = app
  const sessionId = await openDemoCheckIn(page)
  // Everyone is here (so starting asks nothing about people not checked in).
  await checkInEveryone(page, sessionId)
  await startSession(page)
  for (const key of ['PageDown', 'PageDown', 'PageDown']) await page.keyboard.press(key)
  await expect(page.getByText('从这个座位开始传话筒')).toBeVisible()

  // The facilitator picks where the round starts on the map; the note-taker then types.
  await seat(page, 3, '赵海云').click()
  const box = page.getByRole('textbox', { name: '发言记录' })
  await box.click()
  await page.keyboard.type('大家先说说')
  // The console redraws as its clock ticks; the focus stays in the box all the same.
  const clock = page.getByRole('timer')
  const shown = await clock.textContent()
  await expect(clock).not.toHaveText(shown!)
  await expect(box).toBeFocused()
  // A space in the box is a space: it does not pass the mic (start the round) from the seat clicked before.
  await page.keyboard.press('Space')
  await page.keyboard.type('今年的收成')
  await expect(box).toHaveValue('大家先说说 今年的收成')
  await expect(currentSpeaker(page)).toHaveText('暂无人发言')
})

test('the seat plan: arrows move the focus; a person carried by keyboard keeps it seat after seat', async ({ app }) => {
  const { page } = app
  await openDemo(page)
  await page.getByRole('button', { name: '编辑', exact: true }).click()
  // The planner's seats, not the session page's (the same labels) still shown until the address has changed.
  await expect(seat(page, 2, '李芳')).toHaveAttribute('data-editable', 'true')

  await seat(page, 2, '李芳').focus()
  await page.keyboard.press('ArrowRight')
  await expect(seat(page, 3, '赵海云')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(seat(page, 2, '李芳')).toBeFocused()
  // Picked up and carried two seats on: each swap moves her seat in the page, and the focus goes with her.
  await page.keyboard.press('Enter')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(seat(page, 4, '李芳')).toBeFocused()
  await expect(seat(page, 2, '赵海云')).toBeVisible()
  await expect(seat(page, 3, '温乐义')).toBeVisible()
  // Put down: arrows move the focus again, and nobody else.
  await page.keyboard.press('ArrowRight')
  await expect(seat(page, 5, '翟自恩')).toBeFocused()
  await expect(seat(page, 4, '李芳')).toBeVisible()
})
