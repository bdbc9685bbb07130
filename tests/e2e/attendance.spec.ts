import { expect, test } from './app'
import { markEveryonePresent, openDemoCheckIn as openCheckIn, startSession } from './demo'

test('people left 未签到: starting and ending ask, 仍然开始 keeps them 未签到, and the session page shows attendance as recorded', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await openCheckIn(page)
  const list = page.getByRole('table', { name: '签到名单' })
  await list.getByRole('radiogroup', { name: '张秀兰 的签到' }).getByText('缺席', { exact: true }).click()
  await list.getByRole('textbox', { name: '张秀兰 的缺席原因' }).fill('外出务工')
  await list.getByRole('textbox', { name: '张秀兰 的缺席原因' }).press('Enter')
  await page.getByRole('button', { name: '快速添加新人员' }).click()
  // Typed once the dialog has put the cursor in 姓名 (it opens with a transition).
  await expect(page.getByRole('dialog', { name: '新建人员' }).getByLabel('姓名')).toBeFocused()
  await page.keyboard.type('高明')
  await page.keyboard.press('Enter')
  await expect(list).toContainText('高明')
  // A walk-in is there by definition: 缺席 is not offered for them.
  await expect(list.getByRole('radiogroup', { name: '高明 的签到' }).getByRole('radio', { name: '缺席' })).toBeDisabled()
  const counts = page.getByTestId('attendance-counts')
  await expect(counts).toContainText('应到 9 人')
  await expect(counts).toContainText('实到 1 人')
  await expect(counts).toContainText('未签到 8 人')
  await expect(counts).toContainText('列席 1 人')

  // 开始场次 asks; 去签到 goes back to the list; the second time, 仍然开始.
  await page.getByRole('button', { name: '开始场次' }).click()
  let ask = page.getByRole('dialog', { name: '还有 8 人未签到' })
  await expect(ask).toContainText('任肖彤')
  await expect(ask).not.toContainText('张秀兰')
  await ask.getByRole('button', { name: '去签到' }).click()
  await expect(page.getByRole('tab', { name: '签到', selected: true })).toBeVisible()
  await startSession(page, { unmarked: 8, answer: '仍然开始' })
  // In the console they are still 未签到, not present.
  await expect(page.getByRole('button', { name: /^1 号座位[:：]任肖彤[,，]未签到/ })).toBeVisible()

  // 结束场次 asks the same; 全部出席 is one click in 签到 as well, but here the organiser ends anyway.
  await page.getByRole('button', { name: '结束场次' }).click()
  ask = page.getByRole('dialog', { name: '还有 8 人未签到' })
  await ask.getByRole('button', { name: '仍然结束' }).click()
  await expect(page.getByText('场次已结束')).toBeVisible()

  await page.getByRole('button', { name: '返回场次' }).click()
  const people = page.getByRole('table', { name: '参加人员' })
  const row = (name: string) => people.getByRole('row').filter({ hasText: name })
  await expect(row('高明')).toContainText('列席（临时参加）')
  await expect(row('张秀兰')).toContainText('缺席（外出务工）')
  await expect(row('任肖彤')).toContainText('未签到')
  const recorded = page.getByTestId('session-attendance-counts')
  await expect(recorded).toContainText('实到 1 人')
  await expect(recorded).toContainText('未签到 8 人')
  await page.getByRole('region', { name: /参加人员与座位/ }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/screenshots/session-attendance.png' })

  // The 会议纪要 says the same, with arithmetic that holds: 9 − 1 − 8 + 1 = 1.
  await page.getByRole('button', { name: '导出' }).click()
  const sheet = page.getByRole('dialog', { name: '导出会议纪要和记录' }).locator('iframe').contentFrame().locator('body')
  await expect(sheet).toContainText('应到9人，实到1人（含列席1人），缺席1人，未签到8人。')
  await expect(sheet).toContainText('列席（临时参加）：高明')
})

test('volunteers’ hours are corrected in the 导出 dialog, in half hours, and the record says so; one click goes back', async ({ app }) => {
  const { page } = app
  await openCheckIn(page)
  await markEveryonePresent(page)
  // Everyone is checked in: 开始场次 asks nothing.
  await startSession(page)
  await page.getByRole('button', { name: '结束场次' }).click()
  await page.getByRole('dialog', { name: '结束这个场次？' }).getByRole('button', { name: '结束场次' }).click()
  await page.getByRole('button', { name: '返回场次' }).click()
  await page.getByRole('button', { name: '导出' }).click()
  const dialog = page.getByRole('dialog', { name: '导出会议纪要和记录' })
  await dialog.getByText('志愿服务活动记录', { exact: true }).click()
  const sheet = dialog.locator('iframe').contentFrame().locator('body')
  // The host's row of the form's 志愿者名单: 序号, 姓名, 角色, 签到, 签退, hours.
  const hostRow = sheet.locator('tr', { hasText: '任肖彤' }).filter({ hasText: '主持人' })
  await expect(hostRow.locator('td').last()).toHaveText('0.5')
  const hours = dialog.getByRole('textbox', { name: '任肖彤 的服务时长' })
  await hours.fill('2.7')
  await hours.press('Enter')
  // 2.7 is saved as 2.5, and the field shows what was saved.
  await expect(hostRow.locator('td').last()).toHaveText('2.5')
  await expect(hours).toHaveValue('2.5 小时')
  await expect(dialog.getByText('按签到计算：0.5 小时')).toBeVisible()
  await dialog.getByRole('button', { name: '恢复 任肖彤 按签到计算的时长' }).click()
  await expect(hostRow.locator('td').last()).toHaveText('0.5')
})
