import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import writeXlsxFile from 'write-excel-file/node'
import { expect, test } from './app'

type Cell = string | number | null

/** A roster as organisers keep it: a merged title row, a 序号 column, numbers for phones. */
async function roster(name: string, rows: Cell[][]): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'roster-')), name)
  const data = [
    [{ value: '温集新村党员花名册', columnSpan: 6 }, null, null, null, null, null],
    ['序号', '姓名', '性别', '村', '类别', '联系电话'].map((value) => ({ value })),
    ...rows.map((row) => row.map((value) => (value === null ? null : { value })))
  ]
  await writeXlsxFile(data as never).toFile(file)
  return file
}

/** 保存 in a form dialog: it closes once the record is saved. */
async function save(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option }).first().click()
}

const NEW_PEOPLE = ['高明', '孙丽', '周强', '吴芳']

/**
 * Each step of a long scenario has a budget of its own (scaled with the machine's load, as the test's is in
 * playwright.config.ts): a step that hangs fails by its name, long before the whole test's time is up.
 */
const STEP = { timeout: 30_000 * Number(process.env.ROUNDTABLE_E2E_TIMEOUT_SCALE ?? 1) }

test('people are created by form and by importing an .xlsx roster; a malformed roster is refused whole', async ({ app }) => {
  const { page } = app
  await page.getByRole('link', { name: '人员' }).click()
  await expect(page.getByText('共 9 人')).toBeVisible()

  await page.getByRole('button', { name: '新建人员' }).click()
  const dialog = page.getByRole('dialog', { name: '新建人员' })
  await dialog.getByLabel('姓名').fill('  ')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByText('此项必填')).toBeVisible()
  await dialog.getByLabel('姓名').fill('郑文华')
  await dialog.getByText('女', { exact: true }).click()
  await dialog.getByLabel('村').fill('郑家村')
  await dialog.getByLabel('类别').fill('群众')
  await dialog.getByLabel('类别').press('Enter')
  await dialog.getByLabel('电话').fill('138 0013 8000')
  await save(dialog)
  await expect(page.getByRole('row', { name: /郑文华/ })).toContainText('郑家村')
  await expect(page.getByText('共 10 人')).toBeVisible()

  // A roster with a nameless row and an unreadable gender: refused with row numbers, nothing written.
  const bad = await roster('bad.xlsx', [
    [1, '高明', '男', '温集新村', '党员', 13800000001],
    [2, null, '女', '温集新村', '群众', 13800000002],
    [3, '孙丽', '未知', '温集新村', '群众', 13800000003]
  ])
  await page.getByRole('button', { name: '导入' }).click()
  const importer = page.getByRole('dialog', { name: '导入花名册' })
  await importer.locator('input[type=file]').setInputFiles(bad)
  await expect(importer.getByText('第 4 行：没有姓名')).toBeVisible()
  await expect(importer.getByText(/第 5 行：性别“未知”无法识别/)).toBeVisible()
  await expect(importer.getByRole('button', { name: /导入 1 人/ })).toBeDisabled()
  await page.screenshot({ path: 'docs/screenshots/people-import-refused.png' })
  await importer.getByRole('button', { name: '取消' }).click()
  await expect(page.getByText('共 10 人')).toBeVisible()

  const good = await roster('good.xlsx', [
    [1, '高明', '男', '温集新村', '党员、青年', 13800000001],
    [2, '孙丽', '女', '温集新村', '群众', 13800000002],
    [3, '周强', '男', '郑家村', '入党积极分子', 13800000003],
    [4, '吴芳', '女', '郑家村', '志愿者/青年', 13800000004],
    [null, null, null, null, null, null]
  ])
  await page.getByRole('button', { name: '导入' }).click()
  await importer.locator('input[type=file]').setInputFiles(good)
  await expect(importer.getByText('可导入 4 人')).toBeVisible()
  await expect(importer.getByRole('table', { name: '导入预览' })).toContainText('13800000004')
  await importer.getByRole('button', { name: '导入 4 人' }).click()
  await expect(importer).toBeHidden()
  await expect(page.getByText('共 14 人')).toBeVisible()
  await expect(page.getByRole('row', { name: /高明/ })).toContainText('党员')
  await expect(page.getByRole('row', { name: /高明/ })).toContainText('青年')
  await page.screenshot({ path: 'docs/screenshots/people-directory.png' })
})

test('a theme is created, a two-phase session with 8 invitees is planned, found in the calendar, edited and duplicated', async ({ app }) => {
  const { page } = app
  await test.step('people to invite', async () => {
    // People to invite, beside the demo's.
    await page.getByRole('link', { name: '人员' }).click()
    for (const name of NEW_PEOPLE) {
      await page.getByRole('button', { name: '新建人员' }).click()
      await page.getByRole('dialog').getByLabel('姓名').fill(name)
      await save(page.getByRole('dialog'))
    }
  }, STEP)
  await test.step('a theme, and a session planned from it', async () => {
    await page.getByRole('link', { name: '主题' }).click()
    await page.getByRole('button', { name: '新建主题' }).click()
    const themeDialog = page.getByRole('dialog', { name: '新建主题' })
    await themeDialog.getByLabel('主题').fill('学习二十届三中全会精神')
    await themeDialog.getByLabel('简介').fill('结合本村实际谈改革')
    await themeDialog.getByLabel('标签').fill('全会精神')
    await themeDialog.getByLabel('标签').press('Enter')
    await save(themeDialog)
    const card = page.getByRole('article', { name: '学习二十届三中全会精神' })
    await expect(card).toContainText('已用于 0 场')
    await card.getByRole('button', { name: '用此主题新建场次' }).click()

    await expect(page.getByRole('heading', { level: 1, name: '新建场次' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('')
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('十二月思想圆桌派')
    await page.getByLabel('日期').fill('2030-12-10')
    await page.getByLabel('日期').press('Tab')
    await page.getByLabel('开始时间').fill('15:00')
    await page.getByLabel('结束时间').fill('14:00')
    await page.getByRole('button', { name: '保存场次' }).first().click()
    await expect(page.getByText('结束时间必须晚于开始时间')).toBeVisible()
    await expect(page.getByText('学习研讨须选择主讲人（从人员名录中选择）')).toBeVisible()
    await page.getByLabel('结束时间').fill('17:00')
    await choose(page, '主持人', '任肖彤 · 郑家镇党委')
    await choose(page, '记录人', '王晓雪 · 郑家镇新时代文明实践所')
  }, STEP)
  await test.step('the agenda: two study parts, then roundtable time', async () => {
    // Two study parts (two lecturers), then roundtable time.
    const agenda = page.getByRole('region', { name: '议程' })
    await agenda.getByRole('button', { name: '添加学习研讨' }).click()
    const first = agenda.getByRole('group', { name: '第 1 项议程' })
    await first.getByLabel('主讲人').click()
    await page.getByRole('option', { name: /李芳/ }).click()
    await first.getByLabel('学习内容').fill('全会精神解读')
    const third = agenda.getByRole('group', { name: '第 3 项议程' })
    await third.getByLabel('主讲人').click()
    await page.getByRole('option', { name: /赵海云/ }).click()
    await third.getByLabel('学习内容').fill('乡村振兴新举措')
    await third.getByRole('button', { name: '上移' }).click()
    await expect(agenda.getByRole('group', { name: '第 2 项议程' }).getByLabel('学习内容')).toHaveValue('乡村振兴新举措')
    await expect(agenda.getByRole('group', { name: '第 3 项议程' }).getByLabel('环节')).toHaveValue('圆桌时间')
  }, STEP)
  await test.step('8 at the table, seat order by keyboard', async () => {
    // 8 at the table: host and lecturers came in with their roles; add five more.
    const people = page.getByRole('region', { name: '参加人员与座位' })
    for (const name of ['温乐义', '翟自恩', ...NEW_PEOPLE.slice(0, 3)]) {
      await people.getByLabel('从人员名录添加').fill(name)
      await page.getByRole('option', { name: new RegExp(name) }).click()
    }
    await expect(people.getByText('共 9 人，入座 8 人')).toBeVisible()

    // Seat order by keyboard: pick up seat 8 (周强) and carry him to seat 1.
    const seat8 = people.getByRole('button', { name: '8 号座位：周强' })
    await seat8.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await expect(people.getByRole('button', { name: '1 号座位：周强' })).toBeVisible()
    await expect(people.getByRole('button', { name: '8 号座位：任肖彤' })).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/session-planner.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 1100 })
    await people.evaluate((element) => element.scrollIntoView({ block: 'end' }))
    await people.screenshot({ path: 'docs/screenshots/seat-plan.png' })
    await page.setViewportSize({ width: 1280, height: 800 })
  }, STEP)
  await test.step('saved, and found in the calendar', async () => {
    await page.getByRole('button', { name: '保存场次' }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: '十二月思想圆桌派' })).toBeVisible()
    await expect(page.getByRole('button', { name: '1 号座位：周强' })).toBeVisible()
    await expect(page.getByText('2030年12月10日')).toBeVisible()

    // Find it in the calendar: 下个月 pressed as many times as there are months to December 2030 (counted
    // from the month the calendar opens on), then that month is on screen.
    await page.getByRole('link', { name: '场次' }).click()
    await page.getByRole('tab', { name: '日历' }).click()
    const shown = page.getByRole('heading', { level: 2, name: /^\d{4}年\d{1,2}月$/ })
    await expect(shown).toBeVisible()
    const [, year, month] = /^(\d{4})年(\d{1,2})月$/.exec((await shown.textContent())!)!
    const ahead = (2030 - Number(year)) * 12 + (12 - Number(month))
    expect(ahead, 'months from today to December 2030').toBeGreaterThanOrEqual(0)
    const nextMonth = page.getByRole('button', { name: '下个月' })
    await nextMonth.focus()
    // (By keyboard, as fast as it allows: each press is one month, the calendar redraws between them.)
    for (let i = 0; i < ahead; i++) await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: '2030年12月' })).toBeVisible()
    const day = page.getByRole('gridcell', { name: '2030-12-10' })
    await expect(day).toContainText('15:00')
    await page.screenshot({ path: 'docs/screenshots/sessions-calendar.png' })
    await day.getByRole('button', { name: /十二月思想圆桌派/ }).click()
  }, STEP)
  await test.step('reopened and edited', async () => {
    // Reopen and edit.
    await page.getByRole('button', { name: '编辑' }).click()
    await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('十二月思想圆桌派')
    await page.getByLabel('地点').fill('温集新村党群服务中心')
    await page.getByRole('button', { name: '保存场次' }).first().click()
    await expect(page.getByRole('row', { name: /地点/ })).toContainText('温集新村党群服务中心')
  }, STEP)
  await test.step('duplicated as a template', async () => {
    // Duplicate it as a template for next week: an unsaved copy in the planner, saved only by 保存场次.
    await page.getByRole('button', { name: '复制为新场次' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '新建场次' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('十二月思想圆桌派（副本）')
    await expect(page.getByRole('button', { name: '1 号座位：周强' })).toBeVisible()
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('十二月思想圆桌派（第二场）')
    await page.getByRole('button', { name: '保存场次' }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: '十二月思想圆桌派（第二场）' })).toBeVisible()
    await page.getByRole('link', { name: '场次' }).click()
    await expect(page.getByRole('table', { name: '场次' })).toContainText('十二月思想圆桌派（第二场）')
    await expect(page.getByRole('table', { name: '场次' })).toContainText('十二月思想圆桌派')
  }, STEP)
})
