import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import writeXlsxFile from 'write-excel-file/node'
import { expect, test } from './app'
import { invoke } from './core-call'
import { openDemo } from './demo'

/** Every save of a session the page sends (by either transport it is a call to sessions:create / :update). */
function watchSessionSaves(page: Page): string[] {
  const saves: string[] = []
  page.on('request', (request) => {
    const channel = /\/api\/(sessions:(?:create|update))$/.exec(request.url())?.[1]
    if (channel) saves.push(channel)
  })
  return saves
}

/** A picker's 新建人员…: a name, Enter, and the dialog is gone. */
async function newPersonFrom(page: Page, picker: Locator, name: string): Promise<void> {
  await picker.click()
  await page.getByRole('option', { name: '新建人员…' }).click()
  const dialog = page.getByRole('dialog', { name: '新建人员' })
  await dialog.getByLabel('姓名').fill(name)
  await dialog.getByLabel('姓名').press('Enter')
  await expect(dialog).toBeHidden()
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })
const invitees = (page: Page) => page.getByRole('table', { name: '参加人员与座位' })

test('a dialog opened from the planner saves only itself: quick add and 新建人员… in a new and in a saved session', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const saves = watchSessionSaves(page)

  // A new session: Enter in the quick add's 姓名 creates the person and invites them; the plan is not sent.
  await page.getByRole('button', { name: '新建场次' }).click()
  await expect(heading(page, '新建场次')).toBeVisible()
  await page.getByRole('button', { name: '快速添加新人员' }).click()
  const dialog = page.getByRole('dialog', { name: '新建人员' })
  await dialog.getByLabel('姓名').fill('郑文华')
  await dialog.getByLabel('姓名').press('Enter')
  await expect(dialog).toBeHidden()
  await expect(invitees(page)).toContainText('郑文华')
  await expect(heading(page, '新建场次')).toBeVisible()
  await expect(page.getByText('操作没有完成')).toBeHidden()
  await expect(page.getByText('学习研讨须选择主讲人')).toBeHidden()

  // 主讲人 → 新建人员…: made on the spot and chosen in place.
  const agenda = page.getByRole('region', { name: '议程' })
  const lecturer = agenda.getByRole('group', { name: '第 1 项议程' }).getByRole('combobox', { name: '主讲人' })
  await newPersonFrom(page, lecturer, '宋立新')
  await expect(lecturer).toHaveValue('宋立新')
  await expect(invitees(page)).toContainText('宋立新')
  expect(saves).toEqual([])
  await page.screenshot({ path: 'docs/screenshots/planner-inline-new-person.png' })

  // A saved session: 编辑 → 快速添加新人员 → name → Enter stays in the planner and invites the new person.
  await page.getByRole('button', { name: '取消' }).first().click()
  await page.getByRole('dialog', { name: '放弃没有保存的修改？' }).getByRole('button', { name: '放弃修改' }).click()
  await openDemo(page)
  await page.getByRole('button', { name: '编辑' }).click()
  await expect(heading(page, '编辑场次')).toBeVisible()
  await page.getByRole('button', { name: '快速添加新人员' }).click()
  await dialog.getByLabel('姓名').fill('高明')
  await dialog.getByLabel('姓名').press('Enter')
  await expect(dialog).toBeHidden()
  await expect(heading(page, '编辑场次')).toBeVisible()
  await expect(invitees(page)).toContainText('高明')

  // 记录人 → 新建人员…, the same in a saved session.
  const recorder = page.getByRole('combobox', { name: '记录人', exact: true })
  await newPersonFrom(page, recorder, '孙丽')
  await expect(recorder).toHaveValue('孙丽')
  await expect(heading(page, '编辑场次')).toBeVisible()
  expect(saves).toEqual([])

  // Only 保存场次 saves the plan, with both new people on it.
  await page.getByRole('button', { name: '保存场次' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: /示例场次/ })).toBeVisible()
  expect(saves).toEqual(['sessions:update'])
  await expect(page.getByText('高明').first()).toBeVisible()
})

test('主题 offers 新建主题… and keeps typed text; 新建人员 warns of a likely duplicate and opens the existing person', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByRole('button', { name: '新建场次' }).click()
  const theme = page.getByRole('combobox', { name: '主题', exact: true })
  await theme.fill('乡村振兴新举措')
  await theme.press('Tab')
  await expect(page.getByText('“乡村振兴新举措”还不在主题库中。')).toBeVisible()
  await page.getByRole('button', { name: '新建主题“乡村振兴新举措”' }).click()
  const themeDialog = page.getByRole('dialog', { name: '新建主题' })
  await expect(themeDialog.getByLabel('主题')).toHaveValue('乡村振兴新举措')
  await page.screenshot({ path: 'docs/screenshots/planner-inline-new-theme.png' })
  await themeDialog.getByLabel('主题').press('Enter')
  await expect(themeDialog).toBeHidden()
  await expect(theme).toHaveValue('乡村振兴新举措')
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('乡村振兴新举措')
  await expect(heading(page, '新建场次')).toBeVisible()

  // 主持人 → 新建人员… with a second 温乐义 of 温集新村: warned, and the existing one is opened and chosen instead.
  const host = page.getByRole('combobox', { name: '主持人', exact: true })
  await host.click()
  await page.getByRole('option', { name: '新建人员…' }).click()
  const dialog = page.getByRole('dialog', { name: '新建人员' })
  await dialog.getByLabel('姓名').fill('温乐义')
  await dialog.getByLabel('村').fill('温集新村')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByRole('alert')).toContainText('名录中可能已有此人')
  await page.screenshot({ path: 'docs/screenshots/person-duplicate-warning.png' })
  await dialog.getByRole('button', { name: '打开 温乐义' }).click()
  const existing = page.getByRole('dialog', { name: '编辑人员' })
  await expect(existing.getByLabel('村')).toHaveValue('温集新村')
  await existing.getByRole('button', { name: '保存' }).click()
  await expect(existing).toBeHidden()
  await expect(host).toHaveValue(/温乐义/)

  // From the people page, 仍然新建 still creates a namesake when the user means it.
  const lecturer = page.getByRole('group', { name: '第 1 项议程' }).getByRole('combobox', { name: '主讲人' })
  await lecturer.fill('李芳')
  await page.getByRole('option', { name: /李芳/ }).click()
  await page.getByRole('button', { name: '保存场次' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: '乡村振兴新举措' })).toBeVisible()
  await page.getByRole('link', { name: '人员' }).click()
  await expect(page.getByText('共 9 人')).toBeVisible()
  await page.getByRole('button', { name: '新建人员' }).click()
  await dialog.getByLabel('姓名').fill('温乐义')
  await dialog.getByLabel('村').fill('温集新村')
  await dialog.getByLabel('姓名').press('Enter')
  await expect(dialog.getByRole('alert')).toBeVisible()
  await dialog.getByRole('button', { name: '仍然新建' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('共 10 人')).toBeVisible()
})

test('the planner keeps an unsaved draft, asks before leaving, and 复制为新场次 is an unsaved copy that 取消 drops', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: '新建场次' }).click()
  await page.getByRole('textbox', { name: '标题', exact: true }).fill('一月思想圆桌派')

  // Leaving by the navigation asks; staying keeps the page as it was.
  await page.getByRole('link', { name: '主题' }).click()
  const leave = page.getByRole('dialog', { name: '离开这一页？' })
  await expect(leave).toBeVisible()
  await leave.getByRole('button', { name: '留在此页' }).click()
  await expect(heading(page, '新建场次')).toBeVisible()
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('一月思想圆桌派')

  // Leaving keeps the draft; coming back restores it.
  await page.getByRole('link', { name: '主题' }).click()
  await leave.getByRole('button', { name: '离开（保留草稿）' }).click()
  await expect(heading(page, '主题')).toBeVisible()
  await page.getByRole('link', { name: '场次' }).click()
  await page.getByRole('button', { name: '新建场次' }).click()
  await expect(page.getByText('已恢复上次没有保存的草稿。')).toBeVisible()
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('一月思想圆桌派')

  // 取消 asks before dropping it; then it is gone.
  await page.getByRole('button', { name: '取消' }).first().click()
  await page.getByRole('dialog', { name: '放弃没有保存的修改？' }).getByRole('button', { name: '放弃修改' }).click()
  await expect(heading(page, '场次')).toBeVisible()
  await page.getByRole('button', { name: '新建场次' }).click()
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('')
  await expect(page.getByText('已恢复上次没有保存的草稿。')).toBeHidden()
  await page.getByRole('button', { name: '取消' }).first().click()

  // 复制为新场次: the planner on a copy titled …（副本）; 取消 goes back and nothing was saved.
  await openDemo(page)
  // (Its title read once its page is there, not the list's heading it replaces.)
  await expect(heading(page, /示例场次/)).toBeVisible()
  const source = (await page.getByRole('heading', { level: 1 }).textContent())!
  await page.getByRole('button', { name: '复制为新场次' }).click()
  await expect(heading(page, '新建场次')).toBeVisible()
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue(`${source}（副本）`)
  await page.getByRole('button', { name: '取消' }).first().click()
  await expect(heading(page, source)).toBeVisible()
  await page.getByRole('link', { name: '场次' }).click()
  for (const when of ['即将举行', '往期']) {
    await page.getByText(when, { exact: true }).click()
    await expect(page.getByText(/（副本）/)).toHaveCount(0)
  }
})

test('a whole session row opens the session, and the import button counts what will be imported', async ({ app }) => {
  const { page } = app
  const list = page.getByRole('table', { name: '场次' })
  await expect(list.or(page.getByText('没有即将举行的场次'))).toBeVisible()
  if (!(await list.isVisible())) await page.getByText('往期', { exact: true }).click()
  // A click on the row's venue, away from the title's link.
  await list.getByRole('row', { name: /示例场次/ }).getByRole('cell').nth(2).click()
  await expect(page.getByRole('heading', { level: 1, name: /示例场次/ })).toBeVisible()

  // Six readable rows, one of them 温乐义 of 温集新村 already in the directory, and one unreadable row.
  const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'count.xlsx')
  const rows = [
    ['序号', '姓名', '性别', '村'],
    [1, '温乐义', '男', '温集新村'],
    [2, '高明', '男', '温集新村'],
    [3, '孙丽', '女', '温集新村'],
    [4, '周强', '男', '郑家村'],
    [5, '吴芳', '女', '郑家村'],
    [6, '钱进', '男', '郑家村'],
    [7, '冯敏', '未知', '郑家村']
  ]
  await writeXlsxFile(rows.map((row) => row.map((value) => ({ value }))) as never).toFile(file)
  await page.getByRole('link', { name: '人员' }).click()
  await page.getByRole('button', { name: '导入' }).click()
  const importer = page.getByRole('dialog', { name: '导入花名册' })
  await importer.locator('input[type=file]').setInputFiles(file)
  await expect(importer.getByText('可导入 6 人')).toBeVisible()
  await importer.getByLabel(/跳过有问题的/).check()
  await expect(importer.getByRole('button', { name: '导入 5 人' })).toBeEnabled()
  await importer.getByText('用文件中的信息更新').click()
  await expect(importer.getByRole('button', { name: '导入 6 人' })).toBeEnabled()
  await importer.getByText('跳过', { exact: true }).click()
  await importer.getByRole('button', { name: '导入 5 人' }).click()
  await expect(importer).toBeHidden()
  await expect(page.getByText('共 14 人')).toBeVisible()
})

test('in an empty archive the pickers say what to do', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await invoke(page, 'demo:remove', {})
  await page.reload()
  await page.getByRole('button', { name: '新建场次' }).click()
  await expect(page.getByText('主题库中还没有主题，点“新建主题…”添加')).toBeVisible()
  // 主持人, 记录人, the lecturer and the list of people each say it.
  await expect(page.getByText('人员名录中还没有人，点“新建人员…”添加')).toHaveCount(4)
  await page.getByRole('combobox', { name: '主持人', exact: true }).click()
  await expect(page.getByRole('option', { name: '新建人员…' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/planner-empty-pickers.png' })
})
