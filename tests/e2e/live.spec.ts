import type { Locator, Page } from '@playwright/test'
import { expect, test } from './app'
import { readPdf } from '../pdf'
import { addDecision, currentSpeaker as current, expectReadablePhase, openDemoCheckIn, startSession } from './demo'

/** Keyboard only: focus moves with Tab or lands on a control as a keyboard user's Tab would. */
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus()
  await target.press(key)
}

/** Opens a route of the app in the same tab (as following a link would). */
const goTo = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`)

/**
 * Each step of a long scenario has a budget of its own (scaled with the machine's load, as the test's is in
 * playwright.config.ts): a step that hangs fails by its name, long before the whole test's time is up.
 */
const STEP = { timeout: 30_000 * Number(process.env.ROUNDTABLE_E2E_TIMEOUT_SCALE ?? 1) }

test('a full session run by keyboard: check-in, two lecturers, a round of 8 with skip, deferral, raised hand and undos; the projector follows', async ({ app }) => {
  // One long scenario (about 40 s on a quiet machine): room for a busy one.
  test.slow()
  const { page } = app
  const sessionId = await test.step('check-in by keyboard: present, absent with a reason, a walk-in', async () => {
    await press(page.getByRole('radio', { name: '往期' }), 'Space')
    await press(page.getByRole('link', { name: /示例场次/ }))
    await press(page.getByRole('button', { name: '签到 / 开始场次' }))
    // (Read once the address has changed: the check-in opens after the key press, not with it.)
    await expect(page).toHaveURL(/#\/sessions\/[^/]+\/live$/)
    const sessionId = /#\/sessions\/([^/]+)\/live/.exec(page.url())![1]!

    // Check-in: two present, 张秀兰 absent with a reason, and 高明 walks in (quick add, seated at 9).
    const checkIn = page.getByRole('table', { name: '签到名单' })
    await press(checkIn.getByRole('radiogroup', { name: '任肖彤 的签到' }).getByRole('radio', { name: '出席' }), 'Space')
    await press(checkIn.getByRole('radiogroup', { name: '温乐义 的签到' }).getByRole('radio', { name: '出席' }), 'Space')
    await press(checkIn.getByRole('radiogroup', { name: '张秀兰 的签到' }).getByRole('radio', { name: '缺席' }), 'Space')
    const reason = checkIn.getByRole('textbox', { name: '张秀兰 的缺席原因' })
    await reason.focus()
    await page.keyboard.type('外出务工')
    await page.keyboard.press('Enter')
    await expect(page.getByText('缺席 1 人')).toBeVisible()
    await press(page.getByRole('button', { name: '快速添加新人员' }))
    // Typed once the dialog has put the cursor in 姓名 (it opens with a transition).
    await expect(page.getByRole('dialog', { name: '新建人员' }).getByLabel('姓名')).toBeFocused()
    await page.keyboard.type('高明')
    await page.keyboard.press('Enter')
    await expect(checkIn).toContainText('高明')
    await expect(page.getByText('实到 3 人')).toBeVisible()
    await expect(page.getByRole('button', { name: '9 号座位：高明，出席' })).toBeVisible()
    return sessionId
  }, STEP)

  const projector = await test.step('the projector opens; 开始场次 asks about the six unmarked', async () => {
    const projector = await app.openProjector(sessionId)
    await expect(projector.getByTestId('projector-theme')).toHaveText('加快构建新发展格局，把握未来发展主动权')

    // Six invitees are neither checked in nor absent: starting asks what to do, and 全部标为出席 marks them.
    await press(page.getByRole('button', { name: '开始场次' }))
    const unmarked = page.getByRole('dialog', { name: '还有 6 人未签到' })
    await expect(unmarked.getByTestId('unmarked-names')).toHaveText('李芳、赵海云、翟自恩、刘建国、陈静、王晓雪')
    await press(unmarked.getByRole('button', { name: '全部标为出席' }))
    await expect(page.getByRole('tab', { name: '现场', selected: true })).toBeVisible()
    return projector
  }, STEP)

  await test.step('学习研讨: each lecturer gets the microphone; the projector follows', async () => {
    // Study: each lecturer gets the microphone with the segment; the projector follows.
    await page.keyboard.press('PageDown')
    await expect(current(page)).toHaveText('李芳')
    await expect(projector.getByTestId('projector-current')).toHaveText('李芳')
    await expect(projector.getByTestId('projector-phase')).toHaveText('学习研讨')
    await expectReadablePhase(projector)
    await page.keyboard.press('PageDown')
    await expect(current(page)).toHaveText('赵海云')
    await expect(projector.getByTestId('projector-current')).toHaveText('赵海云')
  }, STEP)

  await test.step('圆桌时间: a round with applause, skip, deferral and a raised hand', async () => {
    // 圆桌时间: Space starts the round at seat 1; the absent 张秀兰 is left out.
    await page.keyboard.press('PageDown')
    await expect(current(page)).toHaveText('暂无人发言')
    // Keys typed into a field stay in the field: S and Space in the seat chooser start and skip nothing.
    const startSeat = page.getByRole('textbox', { name: '从这个座位开始传话筒' }).or(page.getByRole('combobox', { name: '从这个座位开始传话筒' }))
    await startSeat.focus()
    await page.keyboard.press('s')
    await page.keyboard.press('Space')
    await page.keyboard.press('Escape')
    await expect(current(page)).toHaveText('暂无人发言')
    await startSeat.blur()
    await page.keyboard.press('Space')
    await expect(current(page)).toHaveText('任肖彤')
    await expect(projector.getByTestId('projector-next')).toHaveText('李芳')
    await page.keyboard.press('a')
    await expect(page.getByText('掌声 1 次')).toBeVisible()
    await page.keyboard.press('Space')
    await expect(current(page)).toHaveText('李芳')
    await page.keyboard.press('s') // 李芳 passes: skipped
    await expect(current(page)).toHaveText('赵海云')
    await page.keyboard.press('d') // 赵海云 comes back at the end of the round
    await expect(current(page)).toHaveText('温乐义')
    await expect(page.getByRole('button', { name: '3 号座位：赵海云，暂缓' })).toBeVisible()
    await page.keyboard.press('h') // 举手插话: 王晓雪 speaks right after 温乐义
    await expect(page.getByRole('textbox', { name: '输入姓名，回车选第一位' })).toBeFocused()
    await page.keyboard.type('王晓雪')
    await page.keyboard.press('Enter')
    await expect(projector.getByTestId('projector-next')).toHaveText('王晓雪')
    await page.keyboard.press('Space')
    await expect(current(page)).toHaveText('王晓雪')
    await page.keyboard.press('Space')
    await expect(current(page)).toHaveText('翟自恩')
    await expect(projector.getByTestId('projector-current')).toHaveText('翟自恩')
    await page.screenshot({ path: 'docs/screenshots/live-console.png' })
    await projector.screenshot({ path: 'docs/screenshots/projector.png' })
  }, STEP)

  await test.step('two undos, then the round to its end', async () => {
    // Two undos: back to 温乐义 holding the mic, 王晓雪 next again.
    await page.keyboard.press('Control+z')
    await expect(current(page)).toHaveText('王晓雪')
    await page.keyboard.press('Control+z')
    await expect(current(page)).toHaveText('温乐义')
    await expect(projector.getByTestId('projector-current')).toHaveText('温乐义')
    await expect(projector.getByTestId('projector-next')).toHaveText('王晓雪')

    for (const name of ['王晓雪', '翟自恩', '刘建国', '陈静', '高明', '赵海云']) {
      await page.keyboard.press('ArrowRight')
      await expect(current(page)).toHaveText(name)
      await expect(projector.getByTestId('projector-current')).toHaveText(name)
    }
    await page.keyboard.press('Space')
    await expect(current(page)).toHaveText('暂无人发言')
    await expect(page.getByText('第 1 轮已结束：可以再来一轮，或进入自由讨论。')).toBeVisible()
    for (const [seat, status] of [
      ['1 号座位：任肖彤', '已发言'],
      ['2 号座位：李芳', '跳过'],
      ['3 号座位：赵海云', '已发言'],
      ['6 号座位：张秀兰', '缺席'],
      ['9 号座位：高明', '已发言']
    ] as const) {
      await expect(page.getByRole('button', { name: `${seat}，${status}` })).toBeVisible()
    }
  }, STEP)

  const restarted = await test.step('a restart keeps the round; 总结 and 结束场次; the projector says 散会', async () => {
    // The whole state survives a restart: same phase, same round, nobody holding the mic.
    const restarted = await app.restart()
    await goTo(restarted, `#/sessions/${sessionId}/live`)
    await expect(restarted.getByText('第 1 轮已结束：可以再来一轮，或进入自由讨论。')).toBeVisible()
    await expect(restarted.getByRole('button', { name: '3 号座位：赵海云，已发言' })).toBeVisible()

    // 总结, then 结束场次 (confirmed, since it cannot be undone).
    await restarted.keyboard.press('PageDown')
    await expect(restarted.getByRole('tab', { name: '现场' })).toBeVisible()
    // 结束场次 once the console shows 总结 (the phase the key moved to), not while the move is on its way.
    await expect(restarted.getByTestId('seat-plan')).toContainText('总结')
    await press(restarted.getByRole('button', { name: '结束场次' }))
    const dialog = restarted.getByRole('dialog', { name: '结束这个场次？' })
    await press(dialog.getByRole('button', { name: '结束场次' }))
    await expect(restarted.getByText('场次已结束')).toBeVisible()
    // The projector shows the end: 散会, the theme and the time (not “总结 / —”).
    const ended = await app.openProjector(sessionId)
    await expect(ended.getByText('散会', { exact: true })).toBeVisible()
    await expect(ended.getByTestId('projector-theme')).toHaveText('加快构建新发展格局，把握未来发展主动权')
    await expect(ended.getByTestId('projector-time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}—\d{2}:\d{2}$/)
    await ended.close()
    return restarted
  }, STEP)

  await test.step('导出: each document previewed, then the file', async () => {
    // 导出: each document as it will print (the page the PDF is made from), then the file.
    await restarted.getByRole('button', { name: '返回场次' }).click()
    await restarted.getByRole('button', { name: '导出' }).click()
    const preview = restarted.getByRole('dialog', { name: '导出会议纪要和记录' })
    const sheet = preview.locator('iframe').contentFrame().locator('body')
    // 9 expected − 1 absent + 1 walk-in = 9 present: the walk-in is named, as 列席.
    await expect(sheet).toContainText('应到9人，实到9人（含列席1人），缺席1人。')
    await expect(sheet).toContainText('列席（临时参加）：高明')
    await expect(sheet).toContainText('请假：张秀兰（外出务工）')
    await restarted.screenshot({ path: 'docs/screenshots/minutes-preview.png' })
    await preview.getByText('会议记录', { exact: true }).click()
    await expect(sheet).toContainText('记录人（签字）')
    await expect(sheet).toContainText('散会。')
    if (app.mode === 'web') {
      // (In Electron the same buttons open the system's save dialog, which a test cannot answer.)
      const download = restarted.waitForEvent('download')
      await preview.getByRole('button', { name: '导出 Word(.docx)' }).click()
      expect((await download).suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-示例场次 · 思想圆桌派-会议记录\.docx$/)
      // A browser prints the same page in a new tab; its print dialog's “Save as PDF” makes the PDF.
      // A test cannot use that dialog: it notes that printing was asked for, and Chromium's printToPDF
      // (what “Save as PDF” runs) makes the PDF.
      await restarted.context().addInitScript({ content: `window.print = () => document.documentElement.setAttribute('data-print-requested', 'yes')` })
      const opened = restarted.waitForEvent('popup')
      await preview.getByRole('button', { name: '打印或存为 PDF' }).click()
      const tab = await opened
      await expect(tab).toHaveTitle(/^\d{4}-\d{2}-\d{2}-示例场次 · 思想圆桌派-会议记录$/)
      await expect(tab.locator('html')).toHaveAttribute('data-print-requested', 'yes')
      await expect(restarted.getByText('已在新标签页打开打印版', { exact: false })).toBeVisible()
      const pdf = await readPdf(await tab.pdf({ preferCSSPageSize: true, printBackground: true }))
      pdf.pages.forEach((page, index) => expect(page.text).toContain(`第${index + 1}页共${pdf.pages.length}页`))
      expect(pdf.pages.map((page) => page.text).join('')).toContain('高明')
      await tab.close()
    }
    await preview.getByRole('button', { name: '关闭' }).first().click()
  }, STEP)

  await test.step('review: a 议定事项 and the summary, followed up', async () => {
    // Review: a 议定事项 with an owner and a due date, the closing summary; then followed up across sessions.
    await addDecision(restarted, { text: '协调光伏板安装场地', owner: '温乐义', due: '2030-09-30' })
    await restarted.getByRole('textbox', { name: '总结' }).fill('大家畅所欲言，会后逐项落实。')
    await restarted.getByRole('region', { name: '总结' }).getByRole('button', { name: '保存' }).click()
    await expect(restarted.getByText('总结已保存')).toBeVisible()
    await restarted.getByRole('link', { name: '议定事项' }).click()
    const open = restarted.getByRole('table', { name: '议定事项' })
    await expect(open).toContainText('温乐义')
    await restarted.screenshot({ path: 'docs/screenshots/followups.png' })
    await open.getByRole('checkbox', { name: '“协调光伏板安装场地”已完成' }).click()
    await expect(restarted.getByText('还没有议定事项。')).toBeVisible()
  }, STEP)
})

test('a live session resumes exactly after a restart, with the speaker’s time counted from the stored start', async ({ app }) => {
  let page = app.page
  const sessionId = await openDemoCheckIn(page)
  // Nobody is checked in: 仍然开始 leaves them 未签到 (never counted as present), and the session starts.
  await startSession(page, { unmarked: 9, answer: '仍然开始' })
  // Pressed as fast as the keyboard allows: each key counts once, in order.
  for (const key of ['PageDown', 'PageDown', 'PageDown', 'Space', 'Space', 'd']) await page.keyboard.press(key)
  await expect(current(page)).toHaveText('赵海云')
  // Some speaking time has passed on screen before the app is closed.
  await expect(page.getByRole('timer', { name: '剩余时间' })).toContainText(/2:(5[0-8]|[0-4]\d)/)

  page = await app.restart()
  await goTo(page, `#/sessions/${sessionId}/live`)
  await expect(current(page)).toHaveText('赵海云')
  await expect(page.getByRole('button', { name: '2 号座位：李芳，暂缓' })).toBeVisible()
  // Elapsed time kept running while the app was closed: the 3:00 limit shows at most 2:57 left.
  const timer = page.getByRole('timer', { name: '剩余时间' })
  await expect(timer).toContainText(/2:(5[0-7]|[0-4]\d)/)
})
