import type { Page, Route } from '@playwright/test'
import { EVENTS_SEEN_HEADER } from '../../src/shared/bridge-events'
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

test('a change made while the page’s event stream reconnects shows on the page', async ({ app }) => {
  test.skip(app.mode !== 'web', 'the desktop app’s answers and events share one ordered IPC pipe')
  const { page } = app
  await page.getByRole('link', { name: '人员' }).click()
  await expect(page.getByRole('row', { name: /温乐义/ })).toBeVisible()
  const address = page.url()
  const seen = await eventsSoFar(page)

  // The next page's first stream ends at once, as a dropped connection would (ready at the bridge's count); the
  // browser connects again with Last-Event-ID, and that second stream waits until the test lets it through.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  // (Chromium adds the Last-Event-ID header below where the test sees the request: the page showing the change is the proof.)
  let streams = 0
  await page.route(/\/events\?/, async (route: Route) => {
    streams += 1
    if (streams === 1) {
      return route.fulfill({ status: 200, contentType: 'text/event-stream', body: `retry: 50\n\nid: ${seen}\nevent: ready\ndata: ${seen}\n\n` })
    }
    if (streams === 2) await released
    await route.continue()
  })
  await page.goto('about:blank')
  await page.goto(address)
  await expect(page.getByRole('row', { name: /温乐义/ })).toBeVisible()
  await expect.poll(() => streams).toBe(2)

  await invoke(page, 'people:create', { name: '郑重连', village: '温集新村' })
  release()
  await expect(page.getByRole('row', { name: /郑重连/ })).toBeVisible()
})

/** How many change events the bridge has sent, as its answers say (shared/bridge-events.ts). */
async function eventsSoFar(page: Page): Promise<number> {
  return page.evaluate(async (header) => {
    const token = (globalThis as unknown as { localStorage: { getItem: (key: string) => string | null } }).localStorage.getItem('roundtable.token')
    const response = await fetch('/api/settings:get', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' })
    return Number(response.headers.get(header))
  }, EVENTS_SEEN_HEADER)
}
