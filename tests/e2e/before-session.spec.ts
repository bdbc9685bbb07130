import { openDemo } from './demo'
import { expect, test } from './app'

/** 签到表 and 会议通知: printed from the session's page before the session, which has never run. */

/** The 示例场次's people as its 签到表 lists them: seat order, then the recorder (who has no seat). */
const INVITED = ['任肖彤', '李芳', '赵海云', '温乐义', '翟自恩', '张秀兰', '刘建国', '陈静', '王晓雪']

test('the 签到表 of a planned session, from its page in two clicks: every person invited in seat order, then blank rows; printed through the browser', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await openDemo(page)
  await page.getByRole('button', { name: '签到表和会议通知' }).click()

  const preview = page.getByRole('dialog', { name: '打印签到表和会议通知' })
  // The two documents printed before a session, and only those; the 签到表 first.
  await expect(preview.getByRole('radio')).toHaveCount(2)
  await expect(preview.getByRole('radio', { name: '签到表' })).toBeChecked()
  await expect(preview.getByRole('radio', { name: '会议通知' })).not.toBeChecked()
  await expect(preview.getByRole('button', { name: '其他格式' })).toHaveCount(0)
  const sheet = preview.locator('iframe').contentFrame()
  const table = sheet.getByRole('table')
  await expect(table.getByRole('row').first()).toHaveText('序号姓名单位（村）身份签名备注')
  const rows = table.getByRole('row')
  for (const [index, name] of INVITED.entries()) await expect(rows.nth(index + 1).getByRole('cell').nth(1)).toHaveText(name)
  await expect(rows.nth(1)).toHaveText('1任肖彤郑家镇党委主持人')
  // Blank rows, numbered on, for walk-ins.
  await expect(rows.nth(INVITED.length + 1)).toHaveText(String(INVITED.length + 1))
  await page.screenshot({ path: 'docs/screenshots/sign-in-sheet.png' })

  // The 会议通知 is one click away.
  await preview.getByText('会议通知', { exact: true }).click()
  await expect(sheet.locator('body')).toContainText('关于召开示例场次 · 思想圆桌派的通知')
  await expect(sheet.locator('body')).toContainText('请提前向主持人任肖彤请假。')
  await preview.getByText('签到表', { exact: true }).click()
  await expect(table).toBeVisible()

  if (app.mode === 'web') {
    // A browser prints the page in a new tab. A test cannot use the print dialog: it notes that printing
    // was asked for (see live.spec.ts).
    await page.context().addInitScript({ content: `window.print = () => document.documentElement.setAttribute('data-print-requested', 'yes')` })
    const opened = page.waitForEvent('popup')
    await preview.getByRole('button', { name: '打印或存为 PDF' }).click()
    const tab = await opened
    await expect(tab).toHaveTitle('2025-08-21-示例场次 · 思想圆桌派-签到表')
    await expect(tab.locator('html')).toHaveAttribute('data-print-requested', 'yes')
    const printed = tab.getByRole('table')
    await expect(printed.getByRole('columnheader')).toHaveText(['序号', '姓名', '单位（村）', '身份', '签名', '备注'])
    for (const name of INVITED) await expect(printed.getByRole('cell', { name, exact: true })).toHaveCount(1)
    await tab.close()
  }
  await preview.getByRole('button', { name: '关闭' }).first().click()
  await expect(preview).toBeHidden()
})
