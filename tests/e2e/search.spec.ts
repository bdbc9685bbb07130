import { expect, test } from './app'
import { addDecision, markEveryonePresent, openDemoCheckIn, startSession } from './demo'

test('搜索 finds a 议定事项 by its text and its owner, and opens the session at it', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  const sessionId = await openDemoCheckIn(page)
  await markEveryonePresent(page)
  await startSession(page)

  // A 议定事项 on the session page (there once the session has started), with an owner and a due date.
  await page.goto(`${page.url().split('#')[0]}#/sessions/${sessionId}`)
  await addDecision(page, { text: '协调光伏板安装场地', owner: '温乐义', due: '2030-09-30' })

  // Found by 2 characters and by 4, and by its owner's name: shown with owner and due date.
  await page.getByRole('link', { name: '搜索' }).click()
  const hits = page.getByTestId('search-hit').filter({ hasText: '议定事项' })
  for (const query of ['场地', '安装场地']) {
    await page.getByLabel('关键词').fill(query)
    await expect(hits).toHaveCount(1)
    await expect(hits.first().locator('mark')).toHaveText(query)
  }
  await expect(hits.first()).toContainText('负责人：温乐义')
  await expect(hits.first()).toContainText('完成期限：2030年9月30日')
  // By the owner: the text itself has nothing to mark (which also tells these results from the last ones).
  await page.getByLabel('关键词').fill('温乐义')
  await expect(hits.filter({ hasText: '协调光伏板安装场地' })).toHaveCount(1)
  await expect(hits.first().locator('mark')).toHaveCount(0)

  // Opening it opens the session, scrolled to the decision and marking it.
  await hits.first().getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`#/sessions/${sessionId}/decision/`))
  const marked = page.getByTestId('decision').and(page.locator('[data-highlighted]'))
  await expect(marked).toContainText('协调光伏板安装场地')
  await expect(marked).toBeInViewport()
})
