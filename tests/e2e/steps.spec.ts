import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import writeXlsxFile from 'write-excel-file/node'
import { invoke } from './core-call'
import { expect, test } from './app'

/** The most a facilitator should need, from an empty archive to a session ready to start at a 14-seat 长桌 (issue 14). */
const STEP_BUDGET = 60

/**
 * What the user does, counted: each click, fill, key press or file choice is one step. Waiting for the
 * page (the expects between steps) is not a step.
 */
class Steps {
  count = 0
  async click(target: Locator): Promise<void> {
    this.count += 1
    await target.click()
  }
  async fill(target: Locator, text: string): Promise<void> {
    this.count += 1
    await target.fill(text)
  }
  async press(target: Locator, key: string): Promise<void> {
    this.count += 1
    await target.press(key)
  }
  async chooseFile(target: Locator, file: string): Promise<void> {
    this.count += 1
    await target.setInputFiles(file)
  }
}

/** Six people as their village's roster has them: title row, 序号, phones as numbers. */
const IMPORTED = ['温乐义', '张秀兰', '刘建国', '温集成', '韩玉梅', '郑海波']
/** Made on the spot in the planner: the host and five more at the table. */
const CREATED = ['任肖彤', '翟自恩', '陈静', '高明', '孙丽', '周强']
const LECTURERS = ['李芳', '赵海云']
const THEME = '加快构建新发展格局，把握未来发展主动权'

async function roster(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'roster-')), '温集新村党员花名册.xlsx')
  const data = [
    [{ value: '温集新村党员花名册', columnSpan: 5 }, null, null, null, null],
    ['序号', '姓名', '性别', '村', '联系电话'].map((value) => ({ value })),
    ...IMPORTED.map((name, index) => [index + 1, name, index % 2 ? '女' : '男', '温集新村', 13800000100 + index].map((value) => ({ value })))
  ]
  await writeXlsxFile(data as never).toFile(file)
  return file
}

/** A person picker's 新建人员…: the person is made with the same form as 人员's and chosen in place. */
async function newPersonFrom(page: Page, steps: Steps, picker: Locator, name: string): Promise<void> {
  await steps.click(picker)
  await steps.click(page.getByRole('option', { name: '新建人员…' }))
  const dialog = page.getByRole('dialog', { name: '新建人员' })
  await steps.fill(dialog.getByLabel('姓名'), name)
  await steps.press(dialog.getByLabel('姓名'), 'Enter')
  await expect(dialog).toBeHidden()
}

test(`from an empty archive to a session ready to start in at most ${STEP_BUDGET} steps`, async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  // An empty archive: the demo session, its people and theme removed (not counted: a new install's state).
  await invoke(page, 'demo:remove', {})
  await page.reload()
  const steps = new Steps()

  // 6 people from the village roster.
  await steps.click(page.getByRole('link', { name: '人员' }))
  await expect(page.getByText('人员名录还是空的')).toBeVisible()
  await steps.click(page.getByRole('button', { name: '导入' }))
  const importer = page.getByRole('dialog', { name: '导入花名册' })
  await steps.chooseFile(importer.locator('input[type=file]'), await roster())
  await steps.click(importer.getByRole('button', { name: '导入 6 人' }))
  await expect(importer).toBeHidden()

  // The plan: the theme, host and lecturers made where they are chosen.
  await steps.click(page.getByRole('link', { name: '场次' }))
  await steps.click(page.getByRole('button', { name: '新建场次' }))
  await expect(page.getByText('主题库中还没有主题，点“新建主题…”添加')).toBeVisible()
  const theme = page.getByRole('combobox', { name: '主题', exact: true })
  await steps.fill(theme, THEME)
  await steps.click(page.getByRole('option', { name: '新建主题…' }))
  const themeDialog = page.getByRole('dialog', { name: '新建主题' })
  await expect(themeDialog.getByLabel('主题')).toHaveValue(THEME)
  await steps.press(themeDialog.getByLabel('主题'), 'Enter')
  await expect(themeDialog).toBeHidden()
  await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue(THEME)

  await newPersonFrom(page, steps, page.getByRole('combobox', { name: '主持人', exact: true }), CREATED[0]!)
  const agenda = page.getByRole('region', { name: '议程' })
  await newPersonFrom(page, steps, agenda.getByRole('group', { name: '第 1 项议程' }).getByRole('combobox', { name: '主讲人' }), LECTURERS[0]!)
  await steps.click(agenda.getByRole('button', { name: '添加学习研讨' }))
  await newPersonFrom(page, steps, agenda.getByRole('group', { name: '第 3 项议程' }).getByRole('combobox', { name: '主讲人' }), LECTURERS[1]!)

  // Everyone else at the table: the roster's six from the directory, five more made on the spot.
  const people = page.getByRole('region', { name: '参加人员与座位' })
  const adder = people.getByRole('combobox', { name: '从人员名录添加' })
  for (const name of IMPORTED) {
    await steps.fill(adder, name)
    await steps.click(page.getByRole('option', { name: new RegExp(name) }))
  }
  const dialog = page.getByRole('dialog', { name: '新建人员' })
  for (const name of CREATED.slice(1)) {
    await steps.click(people.getByRole('button', { name: '快速添加新人员' }))
    await steps.fill(dialog.getByLabel('姓名'), name)
    await steps.press(dialog.getByLabel('姓名'), 'Enter')
    await expect(dialog).toBeHidden()
  }
  await expect(people.getByText('共 14 人，入座 14 人')).toBeVisible()
  // A long table (长桌), as the hall has.
  await steps.click(people.getByText('长桌', { exact: true }).first())
  await expect(people.getByRole('radio', { name: '长桌' })).toBeChecked()

  await steps.click(page.getByRole('button', { name: '保存场次' }).first())
  await expect(page.getByRole('heading', { level: 1, name: THEME })).toBeVisible()
  await expect(page.getByRole('button', { name: '签到 / 开始场次' })).toBeVisible()
  for (const name of [...IMPORTED, ...CREATED, ...LECTURERS]) await expect(page.getByRole('button', { name: new RegExp(`号座位：${name}`) })).toBeVisible()

  console.log(`[steps] empty archive → session ready to start: ${steps.count} steps (budget ${STEP_BUDGET})`)
  test.info().annotations.push({ type: 'steps', description: String(steps.count) })
  expect(steps.count).toBeLessThanOrEqual(STEP_BUDGET)
})
