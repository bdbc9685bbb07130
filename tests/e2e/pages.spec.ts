import BetterSqlite3 from 'better-sqlite3'
import { expect, test } from './app'

const goTo = (page: import('@playwright/test').Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`)

test('a malformed address shows 没有这个页面, and the navigation still works', async ({ app }) => {
  const { page } = app
  await goTo(page, '#/sessions/%E0%A4%A')
  await expect(page.getByText('没有这个页面')).toBeVisible()
  await page.getByRole('link', { name: '人员' }).click()
  await expect(page.getByRole('heading', { name: '人员' })).toBeVisible()
})

test('a page that cannot be drawn shows a message with 返回 and the details, not a white screen', async ({ app }) => {
  const { page } = app
  // A row no version of the app writes any more (the contract refuses dates outside 2000–2099), put there
  // by hand, as an old or damaged archive might hold it: a start past what a JavaScript Date can show.
  const db = new BetterSqlite3(app.databaseFile)
  db.prepare('UPDATE sessions SET planned_start = ?, planned_end = ?').run(8.7e15, 8.7e15 + 3_600_000)
  db.close()
  await goTo(page, '#/sessions')
  await page.reload()
  const failed = page.getByRole('alert').filter({ hasText: '这个页面没能显示出来' })
  await expect(failed).toBeVisible()
  await expect(failed.getByRole('button', { name: '返回' })).toBeVisible()
  await expect(failed).toContainText('#/sessions')
  // The rest of the app works.
  await page.getByRole('link', { name: '人员' }).click()
  await expect(page.getByRole('heading', { name: '人员' })).toBeVisible()
})
