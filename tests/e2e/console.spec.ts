import type { Locator } from '@playwright/test'
import { expect, test } from './app'
import { invoke } from './core-call'
import { checkInEveryone, currentSpeaker as current, expectReadablePhase, openDemoCheckIn, startSession } from './demo'

/** Whether `right` stands to the right of `left`, beside it (not under it). */
async function besideRight(left: Locator, right: Locator): Promise<boolean> {
  const [a, b] = [await left.boundingBox(), await right.boundingBox()]
  return b!.x >= a!.x + a!.width
}

test('check-in: find a person by typing, add several walk-ins from the directory at once, then 全部出席', async ({ app }) => {
  test.slow()
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await openDemoCheckIn(page)
  // Two people in the directory who were not invited (entered at another laptop).
  for (const name of ['孙丽', '周强']) await invoke(page, 'people:create', { name, village: '温集新村' })

  // Typing finds the person; Enter goes to their 签到, Space checks them in.
  const list = page.getByRole('table', { name: '签到名单' })
  const find = page.getByRole('textbox', { name: '在签到名单中查找' })
  await find.fill('翟')
  await expect(list.getByRole('row')).toHaveCount(2)
  await expect(list).toContainText('翟自恩')
  await find.press('Enter')
  const present = list.getByRole('radiogroup', { name: '翟自恩 的签到' }).getByRole('radio', { name: '出席' })
  await expect(present).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByText(/^实到 1 人$/)).toBeVisible()
  await find.fill('没有这个人')
  await expect(page.getByText('名单中没有符合的人。')).toBeVisible()
  await find.press('Escape')
  await expect(list.getByRole('row')).toHaveCount(10)

  // Two walk-ins chosen together, added with one click.
  const walkIns = page.getByRole('combobox', { name: '列席（临时参加）：从名录选择并入座（可多选）' })
  for (const name of ['孙丽', '周强']) {
    await walkIns.fill(name)
    await expect(page.getByRole('option', { name })).toBeVisible()
    await walkIns.press('ArrowDown')
    await walkIns.press('Enter')
  }
  await page.getByRole('button', { name: '添加 2 人' }).click()
  await expect(list).toContainText('孙丽')
  await expect(list).toContainText('周强')
  await expect(page.getByText(/^列席 2 人$/)).toBeVisible()
  await expect(page.getByText(/^实到 3 人$/)).toBeVisible()

  // 全部出席: everyone still 未签到 is checked in: 9 invited + 2 walk-ins.
  await page.getByRole('button', { name: '全部出席' }).click()
  await expect(page.getByText(/^实到 11 人$/)).toBeVisible()
  await expect(page.getByRole('button', { name: '全部出席' })).toBeDisabled()
  await page.screenshot({ path: 'docs/screenshots/check-in.png' })
})

test('the console at 1366×768: the remark box beside the controls, Esc gives the keys back, Y records a 议定事项; after 结束场次 the projector says 散会', async ({ app }) => {
  test.slow()
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const sessionId = await openDemoCheckIn(page)
  await checkInEveryone(page, sessionId)
  await startSession(page)
  const projector = await app.openProjector(sessionId)
  for (const key of ['PageDown', 'PageDown', 'PageDown']) await page.keyboard.press(key)
  await expect(projector.getByTestId('projector-phase')).toHaveText('圆桌时间')
  await expectReadablePhase(projector)

  // The round's first seat chosen in the list: the keys go back to the console, and Space starts the round there.
  const startSeat = page.getByRole('textbox', { name: '从这个座位开始传话筒' }).or(page.getByRole('combobox', { name: '从这个座位开始传话筒' }))
  await startSeat.click()
  await page.getByRole('option', { name: '3 · 赵海云' }).click()
  await expect(startSeat).not.toBeFocused()
  await page.keyboard.press('Space')
  await expect(current(page)).toHaveText('赵海云')
  await expect(page.getByRole('listbox')).toBeHidden()

  // The remark box, its tags and 保存记录 are in view, beside the controls.
  const box = page.getByRole('textbox', { name: '发言记录' })
  const save = page.getByRole('button', { name: /保存记录/ })
  const pass = page.getByRole('button', { name: /传递话筒/ })
  for (const shown of [box, save, pass, page.getByText('Ctrl 1').first(), page.getByRole('button', { name: /举手插话/ })]) await expect(shown).toBeInViewport()
  // (Measured until the columns have settled: the seat map sizes itself to its column after the first paint.)
  await expect.poll(() => besideRight(pass, box)).toBe(true)

  // Esc leaves the box: the next key is the console's (掌声), not a letter in the remark.
  await box.click()
  await page.keyboard.type('大家好')
  await page.keyboard.press('Escape')
  await expect(box).not.toBeFocused()
  await page.keyboard.press('a')
  await expect(page.getByText('掌声 1 次')).toBeVisible()
  await expect(box).toHaveValue('大家好')
  await page.screenshot({ path: 'docs/screenshots/live-console-1366x768.png' })

  // Y: a 议定事项 in a small form over the console; Enter saves it and the console has the keys again.
  await page.keyboard.press('y')
  const dialog = page.getByRole('dialog', { name: '记录议定事项' })
  const text = dialog.getByRole('textbox', { name: '事项' })
  await expect(text).toBeFocused()
  await page.keyboard.type('修缮村文化广场路灯')
  await expect(text).toHaveValue('修缮村文化广场路灯')
  await page.screenshot({ path: 'docs/screenshots/live-decision.png' })
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByText('已添加议定事项')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`#/sessions/${sessionId}/live$`))
  const decisions = await invoke<{ text: string }[]>(page, 'decisions:list', { sessionId })
  expect(decisions.map((decision) => decision.text)).toEqual(['修缮村文化广场路灯'])
  await page.keyboard.press('Space')
  await expect(current(page)).toHaveText('温乐义')

  // 结束场次: nothing on the console can act any more.
  await page.getByRole('button', { name: '结束场次' }).click()
  await page.getByRole('dialog', { name: '结束这个场次？' }).getByRole('button', { name: '结束场次' }).click()
  await expect(page.getByText('场次已结束')).toBeVisible()
  for (const action of [/举手插话/, /再次发言/, /传递话筒/, /议定事项/]) await expect(page.getByRole('button', { name: action })).toBeDisabled()
  await page.keyboard.press('h')
  await expect(page.getByRole('dialog')).toBeHidden()

  // The projector: 散会, the theme and the time, not “总结 / —”.
  await expect(projector.getByText('散会', { exact: true })).toBeVisible()
  await expect(projector.getByTestId('projector-theme')).toHaveText('加快构建新发展格局，把握未来发展主动权')
  await expect(projector.getByTestId('projector-time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}—\d{2}:\d{2}$/)
  await expect(projector.getByTestId('projector-current')).toHaveCount(0)
  await projector.screenshot({ path: 'docs/screenshots/projector-ended.png' })
})

test('a live session opened from its address asks for everything its first draw shows in one request to the bridge', async ({ app }) => {
  test.skip(app.mode !== 'web', 'the desktop app asks over IPC, not HTTP, and batches nothing')
  const { page } = app
  const sessionId = await openDemoCheckIn(page)
  await checkInEveryone(page, sessionId)
  await startSession(page)
  // Leave the console first: a reload would let the old page's last refreshes (live:changed → live:get) reach the
  // bridge after recording starts, which a busy machine showed once.
  const address = page.url()
  await page.goto('about:blank')
  const apiRequests: { path: string; body: string | null }[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/')) apiRequests.push({ path: pathname, body: request.postData() })
  })
  await page.goto(address)
  await expect(page.getByRole('textbox', { name: '发言记录' })).toBeVisible()
  // The shell's reads and the console's, asked for as the app starts (shell/early-start.ts), batched by the transport.
  const first = apiRequests[0]!
  expect(first.path).toBe('/api/batch')
  const channels = (JSON.parse(first.body!) as { channel: string }[]).map((call) => call.channel)
  expect(channels).toEqual(['settings:get', 'app:info', 'firstRun:get', 'live:get', 'remarks:list', 'drafts:get'])
})
