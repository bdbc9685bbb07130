import { expect, test } from './app'
import { invoke } from './core-call'
import { markEveryonePresent, openDemoCheckIn, startSession } from './demo'

/**
 * 统计 over the demo data: the 示例场次 is held (everyone present, two turns spoken), and the page shows it
 * in its month's bar, in the figures, in the participation table and in the volunteers' hours; its lists
 * link to the person and the session, and 参加但未发言 opens a planner with those people in the first seats.
 */
test('统计 shows the held 示例场次: figures, the monthly chart, sortable people, links and the silent list', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  const sessionId = await openDemoCheckIn(page)
  await markEveryonePresent(page)
  await startSession(page)
  // The round as another window runs it: into 圆桌时间, seats 1–3 speak, the session ends.
  const view = await invoke<{ session: { agenda: { id: string; kind: string }[] }; attendance: { personId: string; seatNumber: number | null }[] }>(page, 'live:get', {
    sessionId
  })
  const table = view.session.agenda.find((segment) => segment.kind === 'roundtable')!
  const seated = view.attendance.filter((entry) => entry.seatNumber !== null).sort((a, b) => a.seatNumber! - b.seatNumber!)
  await invoke(page, 'live:act', { sessionId, action: { type: 'phase', segmentId: table.id } })
  await invoke(page, 'live:act', { sessionId, action: { type: 'round', startPersonId: seated[0]!.personId } })
  await invoke(page, 'live:act', { sessionId, action: { type: 'pass' } })
  await invoke(page, 'live:act', { sessionId, action: { type: 'pass' } })
  await invoke(page, 'sessions:end', { id: sessionId })

  await page.getByRole('link', { name: '统计' }).click()
  await expect(page.getByRole('heading', { name: '统计', level: 1 })).toBeVisible()
  // The session counts once it has ended; the period is this year, where the demo session was held.
  const figures = page.getByTestId('statistics-figures')
  await expect(figures.locator('[data-figure="held"]')).toContainText('1')
  await expect(figures.locator('[data-figure="turns"]')).toContainText('3')
  // A chart drawn with bars.
  const chart = page.getByTestId('statistics-sessions')
  await expect(chart.locator('.recharts-bar-rectangle path').first()).toBeVisible()

  // 统计简报: the same figures on one printable page.
  await page.getByRole('button', { name: '统计简报' }).click()
  const brief = page.getByRole('dialog', { name: /统计简报/ })
  await expect(brief.frameLocator('iframe').getByRole('heading', { name: '思想圆桌派统计简报' })).toBeVisible()
  await expect(brief.frameLocator('iframe').locator('table.figures td').first()).toHaveText('1')
  await brief.getByRole('button', { name: '关闭' }).click()

  // The people table: everyone present, sortable by 发言 (largest first on the first click).
  const people = page.getByTestId('statistics-people')
  await expect(people.locator('tbody tr')).toHaveCount(9)
  await people.getByRole('button', { name: '发言' }).click()
  await expect(people.locator('thead th').filter({ hasText: '发言' })).toHaveAttribute('aria-sort', 'descending')
  await expect(people.locator('tbody tr').first().locator('td').nth(6)).toHaveText('1')
  await expect(people.locator('tbody tr').last().locator('td').nth(6)).toHaveText('0')

  // A name opens that person's card in the directory.
  const first = people.locator('tbody tr').first().getByRole('link')
  const name = await first.innerText()
  await first.click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(page.getByRole('dialog').getByLabel('姓名')).toHaveValue(name.replace(/（.*）$/, ''))
  await page.goBack()

  // 参加但未发言 in their last 1 session: those present who did not speak (host, recorder and lecturers
  // served, so they are not on it), and a planner with them seated first.
  const silent = page.getByTestId('statistics-silent')
  await page.setViewportSize({ width: 1366, height: 768 })
  // The picture once the page is back and drawn with its figures (not while it loads).
  const report = page.getByTestId('statistics-report')
  await expect(figures.locator('[data-figure="held"]')).toContainText('1')
  await expect(report).toHaveAttribute('aria-busy', 'false')
  await page.screenshot({ path: 'docs/screenshots/statistics.png', fullPage: true })
  await silent.getByLabel('最近几场').fill('1')
  const rows = silent.locator('tbody tr')
  // The names read once the figures for the last 1 session have come (the report is no longer busy).
  await expect(rows.first()).toBeVisible()
  await expect(report).toHaveAttribute('aria-busy', 'false')
  const silentNames = await rows.locator('td:first-child').allInnerTexts()
  expect(silentNames.length).toBeGreaterThan(0)
  await silent.getByRole('link', { name: `新建场次，请这 ${silentNames.length} 人先发言` }).click()
  await expect(page.getByRole('heading', { name: '新建场次' })).toBeVisible()
})
