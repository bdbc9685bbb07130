import type { Route } from '@playwright/test'
import { expect, test } from './app'
import { invoke } from './core-call'

// The web bridge's event stream is an HTTP connection of its own (shared/bridge-events.ts): a change made after the
// page read its data but before its stream was connected used to be lost, and the page showed the old data until
// something else changed.

test('a change made while the page’s event stream is still connecting shows on the page', async ({ app }) => {
  test.skip(app.mode !== 'web', 'the desktop app’s answers and events share one ordered IPC pipe')
  const { page } = app
  await page.getByRole('link', { name: '人员' }).click()
  await expect(page.getByRole('row', { name: /温乐义/ })).toBeVisible()
  const address = page.url()

  // The next page's first stream waits until the test lets it through; any later one goes at once.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let held = 0
  await page.route(/\/events\?/, async (route: Route) => {
    if (held++ === 0) await released
    await route.continue()
  })
  await page.goto('about:blank')
  await page.goto(address)
  await expect(page.getByRole('row', { name: /温乐义/ })).toBeVisible()
  await expect.poll(() => held).toBe(1)

  // Another laptop adds a person: the page has read the list, and its stream is not connected yet.
  await invoke(page, 'people:create', { name: '郑新来', village: '温集新村' })
  await expect(page.getByRole('row', { name: /郑新来/ })).toHaveCount(0)
  release()
  await expect(page.getByRole('row', { name: /郑新来/ })).toBeVisible()
})
