import type { Locator, Page } from '@playwright/test'
import { expect, test } from './app'
import { invoke } from './core-call'
import { currentSpeaker as current, openDemoCheckIn, startRound, startSession } from './demo'

/** With the remark box left, Space passes the mic: to `next`, whose remark is then typed into the box. */
async function passTo(page: Page, next: string, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: '发言记录' })
  await box.blur()
  await page.keyboard.press('Space')
  await expect(current(page)).toHaveText(next)
  await box.click()
  await page.keyboard.type(text)
}

/** The demo session started, everyone marked present, its first round begun: the console's remark box and list. */
async function startedRound(page: Page): Promise<{ sessionId: string; box: Locator; list: Locator }> {
  const sessionId = await openDemoCheckIn(page)
  await startSession(page, { unmarked: 9, answer: '全部标为出席' })
  await startRound(page)
  return { sessionId, box: page.getByRole('textbox', { name: '发言记录' }), list: page.getByRole('list', { name: '发言记录列表' }) }
}

test('remarks follow the speaker, keep their speaker when the mic passes, are marked 入纪要, and are found by 2- and 4-character searches', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  const { sessionId, box, list } = await startedRound(page)
  const forMinutes = page.getByRole('button', { name: '入纪要' })
  const remarkSaying = (text: string) => list.getByTestId('remark').filter({ hasText: text })
  const markedInCore = async () =>
    (await invoke<{ text: string; forMinutes: boolean }[]>(page, 'remarks:list', { sessionId })).filter((remark) => remark.forMinutes).map((remark) => remark.text)

  // 1 任肖彤: a remark, tagged 观点 and marked 入纪要 by keyboard; the box starts the next one unmarked.
  await box.click()
  await page.keyboard.type('欢迎大家畅所欲言')
  await page.keyboard.press('Control+1')
  await expect(forMinutes).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('Control+b')
  await expect(forMinutes).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Enter')
  await expect(list).toContainText('欢迎大家畅所欲言')
  await expect(box).toHaveValue('')
  await expect(forMinutes).toHaveAttribute('aria-pressed', 'false')
  await expect(remarkSaying('欢迎大家畅所欲言').getByTestId('remark-for-minutes')).toHaveText('入纪要')
  await expect.poll(markedInCore).toEqual(['欢迎大家畅所欲言'])

  // 2 李芳: Shift+Enter is a new line; starred with Ctrl+K.
  await passTo(page, '李芳', '学习讲话精神')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.type('要落到实处')
  await page.keyboard.press('Control+k')
  await page.keyboard.press('Enter')
  await expect(remarkSaying('学习讲话精神')).toContainText('要落到实处')
  await expect(remarkSaying('学习讲话精神').getByTestId('remark-for-minutes')).toHaveCount(0)

  // 3 赵海云 starts to be recorded; the mic passes to 温乐义 mid-sentence: the remark stays 赵海云's.
  await passTo(page, '赵海云', '乡村振兴要发展光伏')
  await box.blur()
  await page.keyboard.press('Space')
  await expect(current(page)).toHaveText('温乐义')
  await expect(page.getByTestId('remark-bound-elsewhere')).toHaveText('仍记给 赵海云')
  await box.click()
  await page.keyboard.press('Control+2')
  await page.keyboard.press('Enter')
  await expect(list.getByRole('listitem').filter({ hasText: '赵海云' })).toContainText('乡村振兴要发展光伏')

  // 4 温乐义 (mis-typed as 翟自恩's later): 5 翟自恩.
  await box.click()
  await page.keyboard.type('让乡亲们的腰包鼓起来')
  await page.keyboard.press('Enter')
  // Saved (the box empties) before the mic moves on and the next remark is typed.
  await expect(box).toHaveValue('')
  await passTo(page, '翟自恩', '工业发展带动城镇化')
  await page.keyboard.press('Enter')
  // Newest first: the remark just saved shows under the box, in its speaker's turn, the earlier turns below it.
  await expect(list.getByRole('listitem').first()).toContainText('翟自恩')
  await expect(list.getByRole('listitem').first()).toContainText('工业发展带动城镇化')
  await expect(list.getByRole('listitem').nth(1)).toContainText('让乡亲们的腰包鼓起来')
  await page.getByRole('region', { name: '发言记录' }).evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await page.screenshot({ path: 'docs/screenshots/remark-panel.png' })

  // Re-assign 温乐义's remark to 翟自恩 and back: it moves between the speakers.
  const remark = list.getByTestId('remark').filter({ hasText: '让乡亲们的腰包鼓起来' })
  await remark.getByRole('button', { name: '更多操作' }).click()
  await page.getByRole('menuitem', { name: '改为其他发言人' }).click()
  await remark.getByRole('combobox', { name: '改为' }).fill('翟自恩')
  await page.getByRole('option', { name: '翟自恩' }).click()
  await expect(list.getByRole('listitem').filter({ hasText: '翟自恩' }).first()).toContainText('让乡亲们的腰包鼓起来')

  // 入纪要 on saved remarks, from their menu: 李芳's marked, 任肖彤's taken out again.
  await remarkSaying('学习讲话精神').getByRole('button', { name: '更多操作' }).click()
  await page.getByRole('menuitem', { name: '标为入纪要' }).click()
  await expect(remarkSaying('学习讲话精神').getByTestId('remark-for-minutes')).toHaveText('入纪要')
  // The first menu is gone (it fades out) before the next opens: both would offer 取消入纪要.
  await expect(page.getByRole('menu')).toHaveCount(0)
  await remarkSaying('欢迎大家畅所欲言').getByRole('button', { name: '更多操作' }).click()
  await page.getByRole('menuitem', { name: '取消入纪要' }).click()
  await expect(remarkSaying('欢迎大家畅所欲言').getByTestId('remark-for-minutes')).toHaveCount(0)
  await expect.poll(markedInCore).toEqual(['学习讲话精神\n要落到实处'])

  // A draft survives a restart, marked 入纪要 as it was.
  await box.click()
  await page.keyboard.type('还没保存的话')
  await page.keyboard.press('Control+b')
  // The draft is written within a second of typing: wait until core has it, then restart.
  await expect
    .poll(async () => await invoke<{ text: string; forMinutes: boolean } | null>(page, 'drafts:get', { sessionId }))
    .toMatchObject({ text: '还没保存的话', forMinutes: true })
  const restarted = await app.restart()
  await restarted.goto(`${restarted.url().split('#')[0]}#/sessions/${sessionId}/live`)
  await expect(restarted.getByRole('textbox', { name: '发言记录' })).toHaveValue('还没保存的话')
  await expect(restarted.getByRole('button', { name: '入纪要' })).toHaveAttribute('aria-pressed', 'true')

  // 搜索: 2 characters (LIKE) and 4 characters (FTS5 trigram), with snippets marked.
  await restarted.getByRole('link', { name: '搜索' }).click()
  await restarted.getByLabel('关键词').fill('光伏')
  const hits = restarted.getByTestId('search-hit')
  await expect(hits).toHaveCount(1)
  await expect(hits.first()).toContainText('赵海云')
  await expect(hits.first().locator('mark')).toHaveText('光伏')
  await restarted.getByLabel('关键词').fill('乡村振兴')
  // (The results of this search, marked with it: those of 光伏 held the same remark.)
  await expect(hits.filter({ hasText: '乡村振兴要发展光伏' })).toHaveCount(1)
  await expect(hits.filter({ hasText: '乡村振兴要发展光伏' }).locator('mark')).toHaveText('乡村振兴')
  await restarted.getByLabel('关键词').fill('腰包')
  await expect(hits.first()).toContainText('翟自恩')
  await expect(hits.first().locator('mark')).toHaveText('腰包')
  await restarted.screenshot({ path: 'docs/screenshots/search.png' })
  // Opening a remark opens its session at that remark.
  await hits.first().getByRole('link').click()
  await expect(restarted.locator('[data-highlighted]')).toContainText('让乡亲们的腰包鼓起来')
})

test('the console lists the newest turn first; a remark saved shows at the top, and a reader of earlier turns keeps their place when a turn comes from elsewhere', async ({ app }) => {
  const { page } = app
  const { sessionId, box, list } = await startedRound(page)
  const scroller = page.getByTestId('remark-scroller')
  const turn = (text: string) => list.getByRole('listitem').filter({ hasText: text })
  const toTheFirstTurn = async () => {
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect(turn('任肖彤的第一点')).toBeInViewport()
    await expect(list.getByRole('listitem').first()).not.toBeInViewport()
    return (await turn('任肖彤的第一点').boundingBox())!.y
  }

  // Five turns of three lines each, more than the list shows at once: each new one at the top.
  for (const [index, speaker] of ['任肖彤', '李芳', '赵海云', '温乐义', '翟自恩'].entries()) {
    if (index > 0) {
      await box.blur()
      await page.keyboard.press('Space')
      await expect(current(page)).toHaveText(speaker)
    }
    await box.click()
    for (const point of ['第一点', '第二点', '第三点']) {
      await page.keyboard.type(`${speaker}的${point}`)
      if (point !== '第三点') await page.keyboard.press('Shift+Enter')
    }
    await page.keyboard.press('Enter')
    await expect(list.getByRole('listitem').first()).toContainText(`${speaker}的第三点`)
  }

  // Scrolled down to the first turn, the note-taker saves the next speaker's remark: the list goes back to the top, to it.
  await toTheFirstTurn()
  await box.blur()
  await page.keyboard.press('Space')
  await expect(current(page)).toHaveText('张秀兰')
  await box.click()
  await page.keyboard.type('张秀兰的一点')
  await page.keyboard.press('Enter')
  await expect(box).toHaveValue('')
  await expect(list.getByRole('listitem').first()).toContainText('张秀兰的一点')
  await expect(list.getByRole('listitem').first()).toBeInViewport()

  // Scrolled down again, a turn comes from another window (a remark of 任肖彤's, after 张秀兰's): the first turn stays where it was.
  const before = await toTheFirstTurn()
  const saved = await invoke<{ speakerId: string; speakerName: string }[]>(page, 'remarks:list', { sessionId })
  const speakerId = saved.find((remark) => remark.speakerName === '任肖彤')!.speakerId
  await invoke(page, 'remarks:create', { sessionId, speakerId, text: '任肖彤的补充' })
  await expect(list).toHaveAttribute('data-count', '7')
  await expect.poll(async () => Math.abs((await turn('任肖彤的第一点').boundingBox())!.y - before)).toBeLessThan(2)
  await expect(turn('任肖彤的补充')).not.toBeInViewport()
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }))
  await expect(list.getByRole('listitem').first()).toContainText('任肖彤的补充')
})
