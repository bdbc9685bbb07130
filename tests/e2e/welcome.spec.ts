import type { Locator, Page } from '@playwright/test'
import { expect, test } from './app'
import { invoke } from './core-call'

/**
 * The first run: a fresh archive greets the user (test.use({ firstRun: true }): the harness leaves the welcome
 * as a new archive has it), asks for the organisation's name (the 落款 of the 会议纪要), offers the 示例场次
 * and a walk-through over the real screens that can be left, resumed after a reload, and completed.
 */
test.use({ firstRun: true })

const ORGANISATION = '郑家镇温集新村党支部'

const welcomeOf = (page: Page): Locator => page.getByRole('dialog', { name: '欢迎使用圆桌派' })
const stepCard = (page: Page): Locator => page.getByRole('complementary', { name: /^(计划场次|签到|传递话筒|记录发言|导出)$/ })

/** The ring is drawn around `control` (within the ring's 6 px margin). */
async function expectRingAround(page: Page, control: Locator): Promise<void> {
  const ring = page.getByTestId('tour-highlight')
  await expect(async () => {
    const [around, inside] = await Promise.all([ring.boundingBox(), control.boundingBox()])
    expect(around && inside).toBeTruthy()
    expect(Math.abs(around!.x + 6 - inside!.x)).toBeLessThanOrEqual(2)
    expect(Math.abs(around!.y + 6 - inside!.y)).toBeLessThanOrEqual(2)
    expect(Math.abs(around!.width - 12 - inside!.width)).toBeLessThanOrEqual(2)
  }).toPass()
}

test('the welcome names the organisation, which becomes the 组织单位 of a new session and the 落款 of its 会议纪要', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const welcome = welcomeOf(page)
  await expect(welcome).toBeVisible()
  await expect(welcome.getByRole('radio', { name: '保留示例场次，先试一试' })).toBeChecked()
  await welcome.getByRole('textbox', { name: '组织单位名称' }).fill(ORGANISATION)
  await page.screenshot({ path: 'docs/screenshots/welcome.png' })
  await welcome.getByRole('button', { name: '开始使用', exact: true }).click()
  await expect(welcome).toBeHidden()

  // Finished is remembered: a reload does not greet again; the 示例场次 was kept.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: '场次' })).toBeVisible()
  await expect(welcome).toBeHidden()
  expect((await invoke<{ demoPresent: boolean }>(page, 'app:info', {})).demoPresent).toBe(true)

  // The planner fills in 组织单位 with it.
  await page.getByRole('button', { name: '新建场次' }).click()
  const organiser = page.getByRole('textbox', { name: '组织单位' })
  await expect(organiser).toHaveValue(ORGANISATION)

  // A session planned with it (as the planner would save it), held, and its 会议纪要 previewed: the 落款.
  const start = Date.UTC(2030, 11, 10, 7, 0)
  const session = await invoke<{ id: string }>(page, 'sessions:create', {
    title: '十二月思想圆桌派',
    plannedStart: start,
    plannedEnd: start + 2 * 3600_000,
    organiserUnit: await organiser.inputValue()
  })
  await invoke(page, 'sessions:start', { id: session.id })
  await invoke(page, 'sessions:end', { id: session.id })
  await page.goto(`${page.url().split('#')[0]}#/sessions/${session.id}`)
  await page.getByRole('button', { name: '导出' }).click()
  const preview = page.getByRole('dialog', { name: '导出会议纪要和记录' })
  const sheet = preview.locator('iframe').contentFrame().locator('body')
  await expect(sheet).toContainText('十二月思想圆桌派')
  await expect(sheet.getByText(ORGANISATION, { exact: true }).last()).toBeVisible()
  const minutes = await invoke<{ organiser: string }>(page, 'minutes:get', { sessionId: session.id })
  expect(minutes.organiser).toBe(ORGANISATION)
})

test('in English the welcome is in English, and the 示例场次 can be left out (removed at once)', async ({ app }) => {
  const { page } = app
  await invoke(page, 'settings:update', { language: 'en' })
  const welcome = page.getByRole('dialog', { name: 'Welcome to Roundtable' })
  await expect(welcome).toBeVisible()
  await welcome.getByRole('radio', { name: 'No example, start empty' }).check()
  await welcome.getByRole('button', { name: 'Get started', exact: true }).click()
  await expect(welcome).toBeHidden()
  expect((await invoke<{ demoPresent: boolean }>(page, 'app:info', {})).demoPresent).toBe(false)
  expect((await invoke<{ welcome: string }>(page, 'firstRun:get', {})).welcome).toBe('finished')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible()
  await expect(welcome).toBeHidden()
})

test('the walk-through goes over the real screens; it is left, resumed after a reload where it was, and completed', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await welcomeOf(page).getByRole('button', { name: '开始使用并看导览' }).click()
  await expect(welcomeOf(page)).toBeHidden()
  const card = stepCard(page)

  // 1 计划场次: the sessions list, 新建场次 ringed.
  await expect(card).toHaveAccessibleName('计划场次')
  await expect(card).toContainText('第1步，共5步')
  await expectRingAround(page, page.getByRole('button', { name: '新建场次' }))

  // 2 签到: the 示例场次's check-in, 全部出席 ringed — and it works under the ring.
  await card.getByRole('button', { name: '下一步' }).click()
  await expect(card).toHaveAccessibleName('签到')
  await expect(page).toHaveURL(/#\/sessions\/[^/]+\/live$/)
  const everyonePresent = page.getByRole('button', { name: '全部出席' })
  await expectRingAround(page, everyonePresent)
  await everyonePresent.click()
  await expect(page.getByTestId('attendance-counts')).toContainText(/未签到\s*0\s*人/)

  // 3 传递话筒: not started yet, so 开始场次 is ringed and the card says why; once started, 传递话筒 itself.
  await card.getByRole('button', { name: '下一步' }).click()
  await expect(card).toHaveAccessibleName('传递话筒')
  await expect(card).toContainText('先点“开始场次”')
  const startButton = page.getByRole('button', { name: '开始场次' })
  await expectRingAround(page, startButton)
  await startButton.click()
  const pass = page.getByRole('button', { name: /^传递话筒/ })
  await expectRingAround(page, pass)
  await expect(card).toContainText('按空格键或“传递话筒”')
  // The first part (学习研讨): its lecturer has the microphone.
  await page.keyboard.press('PageDown')
  await expect(page.getByTestId('current-speaker')).toContainText('李芳')
  await expectRingAround(page, pass)
  await page.screenshot({ path: 'docs/screenshots/walkthrough-step.png' })

  // Left at step 3; after a reload it is still left, and 继续导览 resumes at step 3.
  await card.getByRole('button', { name: '退出导览' }).click()
  await expect(card).toBeHidden()
  await expect(page.getByTestId('tour-highlight')).toBeHidden()
  await page.reload()
  await expect(page.getByTestId('current-speaker')).toContainText('李芳')
  await expect(card).toBeHidden()
  await page.getByRole('button', { name: '继续导览' }).click()
  await expect(card).toHaveAccessibleName('传递话筒')
  await expect(card).toContainText('第3步，共5步')

  // 4 记录发言: the remark box ringed. A reload while it runs shows the same step.
  await card.getByRole('button', { name: '下一步' }).click()
  await expect(card).toHaveAccessibleName('记录发言')
  await expectRingAround(page, page.getByRole('textbox', { name: '发言记录' }))
  await page.reload()
  await expect(card).toHaveAccessibleName('记录发言')

  // Left again, and resumed from 设置 this time.
  await card.getByRole('button', { name: '退出导览' }).click()
  await page.getByRole('link', { name: '设置' }).click()
  const settingsCard = page.getByRole('region', { name: '导览' })
  await expect(settingsCard).toContainText('导览在第4步（记录发言）退出了')
  await settingsCard.getByRole('button', { name: '从第4步接着看' }).click()
  await expect(card).toHaveAccessibleName('记录发言')
  await expect(page).toHaveURL(/#\/sessions\/[^/]+\/live$/)

  // 5 导出: the session's page, 导出 ringed; 完成导览.
  await card.getByRole('button', { name: '下一步' }).click()
  await expect(card).toHaveAccessibleName('导出')
  await expect(page).toHaveURL(/#\/sessions\/[^/]+$/)
  await expectRingAround(page, page.getByRole('button', { name: '导出', exact: true }))
  await card.getByRole('button', { name: '完成导览' }).click()
  await expect(card).toBeHidden()
  await expect(page.getByText('导览已完成。')).toBeVisible()
  expect((await invoke<{ tour: { status: string } }>(page, 'firstRun:get', {})).tour.status).toBe('completed')
  await page.getByRole('link', { name: '设置' }).click()
  await expect(page.getByRole('region', { name: '导览' })).toContainText('导览已看完。')
})

test('设置 → 关于 shows the version and where the archive lives; the browser cannot open folders and says so', async ({ app }) => {
  const { page } = app
  await welcomeOf(page).getByRole('button', { name: '以后再说' }).click()
  await expect(welcomeOf(page)).toBeHidden()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByRole('link', { name: '设置' }).click()
  const about = page.getByRole('region', { name: '关于' })
  const folder = app.databaseFile.replace(/\/roundtable\.sqlite$/, '')
  await expect(about.getByRole('row', { name: /数据文件夹/ })).toContainText(folder)
  await expect(about.getByRole('row', { name: /数据文件(?!夹)/ })).toContainText(app.databaseFile)
  await expect(about.getByRole('row', { name: /备份文件夹/ })).toContainText(`${folder}/backups`)
  await about.scrollIntoViewIfNeeded()
  if (app.mode === 'web') {
    await about.getByRole('button', { name: '打开备份文件夹' }).click()
    await expect(about.getByRole('alert')).toContainText('只有桌面应用能打开文件夹')
  }
  await about.evaluate((card) => card.scrollIntoView({ block: 'end' }))
  await page.screenshot({ path: 'docs/screenshots/settings-about.png' })
  // Dismissed is remembered.
  await page.reload()
  await expect(page.getByRole('region', { name: '关于' })).toBeVisible()
  await expect(welcomeOf(page)).toBeHidden()
})
