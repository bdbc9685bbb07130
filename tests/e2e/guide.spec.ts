import { chromium, type Locator, type Page } from '@playwright/test'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, startBridge, test } from './app'
import { currentSpeaker } from './demo'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './mode'

/**
 * The user guide's screenshots (docs/guide.zh-CN.md, docs/guide.en.md): the demo data walked through the tasks
 * the guide teaches, once in Chinese and once switched to English in 设置, each screen saved at 1366×768 to
 * docs/guide/<language>/<name>.png. Run by `npm run guide:screenshots` (tests/e2e/guide.config.ts); the normal
 * e2e run skips it (it takes a minute or more, and the other specs already test these screens).
 *
 * Every label comes from the app's own translations, so the same walk serves both languages.
 */

/** The guide's screenshots, in the order the guides show them (tests/unit/docs/guide.test.ts checks the guides against it). */
const GUIDE_SCREENSHOTS = [
  'plan.png',
  'plan-seats.png',
  'sign-in-sheet.png',
  'check-in.png',
  'console.png',
  'remark.png',
  'decision.png',
  'export.png',
  'backup.png',
  'restore.png',
  'pack-export.png',
  'pack-preview.png'
] as const

/** Passing messages (已保存, 已添加…) fade after a few seconds: the guide's pictures leave them out. */
const NO_TOASTS = '.mantine-Notifications-root { display: none !important; }'

type Screenshot = (typeof GUIDE_SCREENSHOTS)[number]
type Language = 'zh-CN' | 'en'

const WIDTH = 1366
const HEIGHT = 768
const DEMO = '示例场次 · 思想圆桌派'
const THEME = '加快构建新发展格局，把握未来发展主动权'

/** `{{name}}` in a translation filled in, as i18next does. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]))
}

/** One language's words by key (`live.actions.pass`), `{{name}}` filled in when values are given. */
type Words = (key: string, values?: Record<string, string | number>) => string

/**
 * The app's own translations (src/renderer/src/i18n), read when the spec loads: the labels the guide names are
 * the ones the walk clicks. (Loaded by path: the renderer's files are not part of the tests' TypeScript project.)
 */
async function wordsOf(file: string, name: string): Promise<Words> {
  const module = (await import(pathToFileURL(join(import.meta.dirname, '../../src/renderer/src/i18n', file)).href)) as Record<string, unknown>
  const table = module[name]
  return (key, values) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], table)
    if (typeof text !== 'string') throw new Error(`${file} has no text ${key}`)
    return values ? fill(text, values) : text
  }
}

const zh = await wordsOf('zh-CN.ts', 'zhCN')
const english = await wordsOf('en.ts', 'en')

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A translation as a whole-text pattern: the values given filled in, any other `{{name}}` anything. */
function pattern(template: string, values: Record<string, string | number> = {}): RegExp {
  const parts = template.split(/(\{\{\w+\}\})/)
  return new RegExp(`^${parts.map((part) => (/^\{\{\w+\}\}$/.test(part) ? (part.slice(2, -2) in values ? escape(String(values[part.slice(2, -2)])) : '.*') : escape(part))).join('')}$`)
}

/** Content the guide's walk types: real words of a village session, in the language of the guide. */
const WORDS: Record<Language, { title: string; topic: string; lecture: string; remark: string; decision: string; reason: string; laptop: string }> = {
  'zh-CN': {
    title: '九月思想圆桌派',
    topic: '学习乡村振兴促进法',
    lecture: '乡村振兴，产业振兴是基础，大家要结合本村实际想办法。',
    remark: '我们村的光伏板装在屋顶上，每户每年能增收两千多元，建议在全村推广。',
    decision: '协调光伏板安装场地，十月底前报镇里',
    reason: '外出务工',
    laptop: '温集新村笔记本'
  },
  en: {
    title: 'September roundtable',
    topic: 'The rural revitalisation law',
    lecture: 'Industry comes first in rural revitalisation; think about what fits our own village.',
    remark: 'The solar panels on our roofs bring each household over two thousand yuan a year; every home in the village should have them.',
    decision: 'Find a site for the solar panels and report to the town by the end of October',
    reason: 'Working away',
    laptop: 'Wenjixin village laptop'
  }
}

test.skip(!process.env.ROUNDTABLE_GUIDE_SCREENSHOTS, 'only for `npm run guide:screenshots` (tests/e2e/guide.config.ts)')

for (const language of ['zh-CN', 'en'] as const) {
  test(`user guide screenshots (${language}): plan, check in, run and record a session, decisions, export, back up, archive packs`, async ({ app }) => {
    // tests/e2e/guide.config.ts runs this through the web bridge: archive packs are chosen by typed paths there.
    expect(app.mode).toBe('web')
    const t = language === 'en' ? english : zh
    const words = WORDS[language]
    const folder = join('docs', 'guide', language)
    mkdirSync(folder, { recursive: true })
    const { page } = app
    await page.setViewportSize({ width: WIDTH, height: HEIGHT })
    const shot: Screenshot[] = []
    const shoot = async (name: Screenshot, on: Page = page): Promise<void> => {
      shot.push(name)
      await on.screenshot({ path: join(folder, name), style: NO_TOASTS })
    }
    const nav = page.getByRole('navigation', { name: t('app.navigation') })

    if (language === 'en') {
      // 设置 → 界面语言 → English, as a user switches.
      await page.getByRole('link', { name: zh('nav.settings') }).click()
      await page.getByText(english('settings.languages.en'), { exact: true }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    }

    // 策划场次: 新建场次 with the demo theme, time, host and recorder, an agenda and the people at the table.
    await nav.getByRole('link', { name: t('nav.sessions') }).click()
    await page.getByRole('button', { name: t('sessions.new') }).click()
    await expect(page.getByRole('heading', { level: 1, name: t('planner.newTitle') })).toBeVisible()
    await pick(page, page.getByRole('combobox', { name: t('planner.fields.theme'), exact: true }), THEME)
    await page.getByRole('textbox', { name: t('planner.fields.title'), exact: true }).fill(words.title)
    const field = (label: string) => page.getByRole('textbox', { name: label, exact: true })
    await field(t('planner.fields.date')).fill('2030-09-18')
    await field(t('planner.fields.date')).press('Tab')
    await field(t('planner.fields.start')).fill('14:30')
    await field(t('planner.fields.end')).fill('16:30')
    await field(t('planner.fields.venue')).fill('温集新村党群服务中心')
    await pick(page, page.getByRole('combobox', { name: t('planner.fields.host'), exact: true }), '任肖彤')
    await pick(page, page.getByRole('combobox', { name: t('planner.fields.recorder'), exact: true }), '王晓雪')
    // A new plan starts with 学习研讨 and 圆桌时间: the study's lecturer and topic are filled in.
    const agenda = page.getByRole('region', { name: t('planner.agenda.title') })
    const study = agenda.getByRole('group', { name: t('planner.agenda.segment', { number: 1 }) })
    await pick(page, study.getByLabel(t('planner.agenda.lecturer')), '李芳')
    await study.getByLabel(t('planner.agenda.topic')).fill(words.topic)
    await expect(agenda.getByRole('group')).toHaveCount(2)
    await page.getByRole('heading', { level: 1 }).evaluate((element) => element.scrollIntoView({ block: 'end' }))
    await shoot('plan.png')
    const people = page.getByRole('region', { name: t('planner.invitees.title') })
    for (const name of ['温乐义', '翟自恩', '张秀兰', '刘建国']) {
      await people.getByLabel(t('planner.invitees.add')).fill(name)
      await page.getByRole('option', { name: new RegExp(name) }).click()
      await expect(people.getByRole('button', { name: pattern(t('seating.seatLabel'), { name }) })).toBeVisible()
    }
    await expect(people.getByText(t('planner.invitees.count', { count: 7, seated: 6 }))).toBeVisible()
    await people.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await shoot('plan-seats.png')
    await page.getByRole('button', { name: t('planner.save') }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible()

    // 签到表: printed from the session's page before the session.
    await openDemo(page, t)
    await page.getByRole('button', { name: t('sessionDetail.printBefore') }).click()
    const before = page.getByRole('dialog', { name: t('minutes.beforeTitle') })
    await expect(before.locator('iframe').contentFrame().getByRole('table')).toContainText('任肖彤')
    await shoot('sign-in-sheet.png')
    await before.getByRole('button', { name: t('common.close') }).first().click()
    await expect(before).toBeHidden()

    // 签到: one absent with a reason, then 全部出席.
    await page.getByRole('button', { name: t('sessionDetail.goLive') }).click()
    const list = page.getByRole('table', { name: t('live.checkIn.list') })
    await expect(list).toBeVisible()
    await list.getByRole('radiogroup', { name: t('live.checkIn.statusOf', { name: '张秀兰' }) }).getByText(t('live.checkIn.marks.absent'), { exact: true }).click()
    const reason = list.getByRole('textbox', { name: t('live.checkIn.reasonOf', { name: '张秀兰' }) })
    await reason.fill(words.reason)
    await reason.press('Enter')
    await page.getByRole('button', { name: t('live.checkIn.everyonePresent') }).click()
    await expect(page.getByText(t('live.checkIn.present', { count: 8 }), { exact: true })).toBeVisible()
    await shoot('check-in.png')

    // 开始场次, 学习研讨: the lecturer has the mic with the part; her lecture is noted.
    await page.getByRole('button', { name: t('live.start') }).click()
    await expect(page.getByRole('tab', { name: t('live.tabs.console'), selected: true })).toBeVisible()
    await page.keyboard.press('PageDown')
    await expect(currentSpeaker(page)).toHaveText('李芳')
    const box = page.getByRole('textbox', { name: t('remarks.box') })
    await box.click()
    await page.keyboard.type(words.lecture)
    await page.keyboard.press('Enter')
    const remarks = page.getByRole('list', { name: t('remarks.list') })
    await expect(remarks).toContainText(words.lecture)
    await page.keyboard.press('Escape')

    // 圆桌时间: the round from seat 1, the mic passed on, applause.
    for (const key of ['PageDown', 'PageDown', 'Space']) await page.keyboard.press(key)
    await expect(currentSpeaker(page)).toHaveText('任肖彤')
    for (const name of ['李芳', '赵海云', '温乐义']) {
      await page.keyboard.press('Space')
      await expect(currentSpeaker(page)).toHaveText(name)
    }
    await page.keyboard.press('a')
    await expect(page.getByText(t('live.applauseCount', { count: 1 }))).toBeVisible()
    await shoot('console.png')

    // 记录发言: 温乐义's remark, tagged 建议 and marked 入纪要, about to be saved.
    await box.click()
    await page.keyboard.type(words.remark)
    await page.keyboard.press('Control+2')
    await page.keyboard.press('Control+b')
    await expect(page.getByRole('button', { name: t('remarks.forMinutes') })).toHaveAttribute('aria-pressed', 'true')
    await shoot('remark.png')
    await page.keyboard.press('Enter')
    await expect(remarks).toContainText(words.remark)
    await page.keyboard.press('Escape')

    // 议定事项: Y, the small form over the console.
    await page.keyboard.press('y')
    const decision = page.getByRole('dialog', { name: t('live.decision.title') })
    await expect(decision.getByRole('textbox', { name: t('decisions.text') })).toBeFocused()
    await page.keyboard.type(words.decision)
    await pick(page, decision.getByRole('combobox', { name: t('decisions.owner') }), '温乐义')
    await decision.getByRole('textbox', { name: t('decisions.due') }).fill('2030-10-31')
    await decision.getByRole('textbox', { name: t('decisions.due') }).press('Tab')
    // The date picker has closed (it fades out): the picture shows the form alone.
    await expect(page.locator('.mantine-Popover-dropdown:visible')).toHaveCount(0)
    await shoot('decision.png')
    await decision.getByRole('textbox', { name: t('decisions.text') }).press('Enter')
    await expect(decision).toBeHidden()
    await expect(page.getByText(t('live.decision.saved'))).toBeVisible()

    // 结束场次, then 导出 from the session's page: the 会议纪要 as it prints.
    await page.getByRole('button', { name: t('live.end') }).click()
    await page.getByRole('dialog', { name: t('live.endTitle') }).getByRole('button', { name: t('live.end') }).click()
    await expect(page.getByText(t('live.endedTitle'))).toBeVisible()
    await page.getByRole('button', { name: t('live.backToSession') }).click()
    await page.getByRole('button', { name: t('minutes.export'), exact: true }).click()
    const exporting = page.getByRole('dialog', { name: t('minutes.previewTitle') })
    await expect(exporting.locator('iframe').contentFrame().locator('body')).toContainText(words.decision)
    await exporting.getByRole('button', { name: t('minutes.exportDocx') }).scrollIntoViewIfNeeded()
    await shoot('export.png')
    await exporting.getByRole('button', { name: t('common.close') }).first().click()
    await expect(exporting).toBeHidden()

    // 设置 → 备份与恢复: 立即备份, and what 恢复 asks.
    await nav.getByRole('link', { name: t('nav.settings') }).click()
    const backups = page.getByRole('region', { name: t('backups.title') })
    await backups.getByRole('button', { name: t('backups.now') }).click()
    const backupList = backups.getByRole('table', { name: t('backups.list') })
    await expect(backupList.getByRole('row').filter({ hasText: t('backups.reasons.manual') })).toHaveCount(1)
    await backups.scrollIntoViewIfNeeded()
    await shoot('backup.png')
    await backupList.getByRole('row').filter({ hasText: t('backups.reasons.manual') }).getByRole('button', { name: t('backups.restore') }).click()
    const restore = page.getByRole('dialog', { name: pattern(t('backups.restoreTitle')) })
    await expect(restore).toBeVisible()
    await shoot('restore.png')
    await restore.getByRole('button', { name: t('common.cancel') }).click()
    await expect(restore).toBeHidden()

    // 设置 → 归档包: the village laptop exports the session; the town office previews the pack.
    const packFolder = mkdtempSync(join(tmpdir(), 'roundtable-guide-pack-'))
    const town = mkdtempSync(join(tmpdir(), 'roundtable-guide-town-'))
    const packFile = join(packFolder, `${words.laptop}.roundtable-pack`)
    const bridge = await startBridge(join(town, 'roundtable.sqlite'))
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    try {
      const packs = page.getByTestId('pack-export')
      await packs.getByText(t('packs.export.chosen'), { exact: true }).click()
      await packs.getByRole('combobox', { name: t('packs.export.sessions') }).click()
      await page.getByRole('option', { name: new RegExp(escape(DEMO)) }).click()
      await page.keyboard.press('Escape')
      await packs.getByRole('textbox', { name: t('packs.export.laptopName') }).fill(words.laptop)
      await packs.getByRole('textbox', { name: t('packs.export.path') }).fill(packFile)
      await packs.scrollIntoViewIfNeeded()
      await shoot('pack-export.png')
      await packs.getByRole('button', { name: t('packs.export.button') }).click()
      await expect(page.getByText(pattern(t('packs.exported'), { sessions: 1, remarks: 2 }))).toBeVisible()

      const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: 'zh-CN' })
      const office = await context.newPage()
      await office.goto(bridge.url)
      const officeNav = office.getByRole('navigation', { name: zh('app.navigation') })
      await officeNav.getByRole('link', { name: zh('nav.settings') }).click()
      if (language === 'en') {
        await office.getByText(english('settings.languages.en'), { exact: true }).click()
        await expect(office.locator('html')).toHaveAttribute('lang', 'en')
      }
      const importing = office.getByTestId('pack-import')
      await importing.getByRole('textbox', { name: t('packs.import.path') }).fill(packFile)
      await importing.getByRole('button', { name: t('packs.import.button') }).click()
      const preview = office.getByRole('dialog', { name: t('packs.importTitle') })
      await expect(preview.getByRole('table', { name: t('packs.preview.sessionsTable') })).toContainText(t('packs.change.new'))
      await expect(preview.getByTestId('pack-links')).toBeVisible()
      await shoot('pack-preview.png', office)
      await context.close()
      // Every picture the guides show was taken again, in their order.
      expect(shot).toEqual([...GUIDE_SCREENSHOTS])
    } finally {
      await browser.close()
      bridge.child.kill()
      rmSync(packFolder, { recursive: true, force: true })
      rmSync(town, { recursive: true, force: true })
    }
  })
}

/** Opens the 示例场次's page from 场次 → 往期 (its date, 2025年8月21日, has passed). */
async function openDemo(page: Page, t: Words): Promise<void> {
  await page.getByRole('navigation', { name: t('app.navigation') }).getByRole('link', { name: t('nav.sessions') }).click()
  await page.getByText(t('sessions.past'), { exact: true }).click()
  await page.getByRole('link', { name: new RegExp(escape(DEMO)) }).click()
  await expect(page.getByRole('heading', { level: 1, name: DEMO })).toBeVisible()
}

/** Chooses `option` in a picker as a person does: types it, waits for the list to show it, takes it with Enter. */
async function pick(page: Page, picker: Locator, option: string): Promise<void> {
  await picker.click()
  await picker.fill(option)
  await expect(page.getByRole('option', { name: new RegExp(escape(option)) }).first()).toBeVisible()
  await picker.press('ArrowDown')
  await picker.press('Enter')
}
