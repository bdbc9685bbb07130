import { expect, test } from './app'

const NAV = [
  { zh: '场次', en: 'Sessions', hash: '#/sessions' },
  { zh: '议定事项', en: 'Decisions', hash: '#/followups' },
  { zh: '人员', en: 'People', hash: '#/people' },
  { zh: '主题', en: 'Themes', hash: '#/themes' },
  { zh: '搜索', en: 'Search', hash: '#/search' },
  { zh: '设置', en: 'Settings', hash: '#/settings' }
]

test('the shell loads in Chinese', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { level: 1, name: '场次' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  const nav = page.getByRole('navigation', { name: '主导航' })
  for (const item of NAV) await expect(nav.getByRole('link', { name: item.zh })).toBeVisible()
  await expect(page.getByText('没有即将举行的场次')).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/shell-zh.png' })
})

test('every navigation item opens its page', async ({ app }) => {
  const { page } = app
  const nav = page.getByRole('navigation', { name: '主导航' })
  for (const item of NAV) {
    await nav.getByRole('link', { name: item.zh }).click()
    await expect(page).toHaveURL(new RegExp(`${item.hash}$`))
    await expect(page.getByRole('heading', { level: 1, name: item.zh })).toBeVisible()
    await expect(nav.getByRole('link', { name: item.zh })).toHaveAttribute('aria-current', 'page')
  }
  // The search page reads from core: a query with no match says so.
  await nav.getByRole('link', { name: '搜索' }).click()
  await page.getByLabel('关键词').fill('光伏')
  await expect(page.getByText('没有找到与「光伏」相关的内容。')).toBeVisible()
})

test('switching to English applies at once and persists across a reload and a restart', async ({ app }) => {
  let page = app.page
  await page.getByRole('link', { name: '设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  for (const item of NAV) await expect(nav.getByRole('link', { name: item.en })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/settings-en.png' })

  // Reloaded, the app is drawn in English from its first frame: the Chinese navigation is never put on screen.
  await page.addInitScript({
    content: `window.chineseNavShown = false
new MutationObserver(() => { if (document.querySelector('nav')?.textContent?.includes('场次')) window.chineseNavShown = true })
  .observe(document, { childList: true, subtree: true, characterData: true })`
  })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  expect(await page.evaluate(() => (globalThis as { chineseNavShown?: boolean }).chineseNavShown)).toBe(false)

  page = await app.restart()
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible()
  await expect(page.getByText('No upcoming sessions')).toBeVisible()
})

test('settings are saved, and a value that is too long is refused with a message beside the field', async ({ app }) => {
  const { page } = app
  await page.getByRole('link', { name: '设置' }).click()
  const form = page.getByRole('form', { name: '单位信息' })
  const venue = form.getByLabel('默认地点')
  await venue.fill('郑家镇新时代文明实践所理论宣讲室')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('设置已保存')).toBeVisible()

  const name = form.getByLabel('组织单位名称')
  await name.fill('郑'.repeat(101))
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('不能超过 100 个字符')).toBeVisible()

  const restarted = await app.restart()
  await restarted.getByRole('link', { name: '设置' }).click()
  await expect(restarted.getByLabel('默认地点')).toHaveValue('郑家镇新时代文明实践所理论宣讲室')
  await expect(restarted.getByLabel('组织单位名称')).toHaveValue('')
})
