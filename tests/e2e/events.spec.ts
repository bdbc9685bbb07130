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
  // The page's first stream waits until the test lets it through; any later one goes at once.
  const gate = gated()
  const streams = await reopenPeople(page, async (_route, number) => {
    if (number === 1) await gate.passed
  })
  await expect.poll(streams).toBe(1)

  // Another laptop adds a person: the page has read the list, and its stream is not connected yet.
  await invoke(page, 'people:create', { name: '郑新来', village: '温集新村' })
  await expect(page.getByRole('row', { name: /郑新来/ })).toHaveCount(0)
  gate.open()
  await expect(page.getByRole('row', { name: /郑新来/ })).toBeVisible()
})

test('a change made while the page’s event stream reconnects shows on the page', async ({ app }) => {
  test.skip(app.mode !== 'web', 'the desktop app’s answers and events share one ordered IPC pipe')
  const { page } = app
  const seen = await eventsSoFar(page)
  // The page's first stream ends at once, as a dropped connection would (ready at the bridge's count); the browser
  // connects again with Last-Event-ID, and that second stream waits until the test lets it through.
  // (Chromium adds the Last-Event-ID header below where the test sees the request: the page showing the change is the proof.)
  const gate = gated()
  const streams = await reopenPeople(page, async (route, number) => {
    if (number === 1) {
      await route.fulfill({ status: 200, contentType: 'text/event-stream', body: `retry: 50\n\nid: ${seen}\nevent: ready\ndata: ${seen}\n\n` })
      return 'answered'
    }
    if (number === 2) await gate.passed
  })
  await expect.poll(streams).toBe(2)

  await invoke(page, 'people:create', { name: '郑重连', village: '温集新村' })
  gate.open()
  await expect(page.getByRole('row', { name: /郑重连/ })).toBeVisible()
})

/** A promise the test settles when it chooses. */
function gated(): { passed: Promise<void>; open: () => void } {
  let open!: () => void
  const passed = new Promise<void>((resolve) => (open = resolve))
  return { passed, open }
}

/**
 * 人员 opened again from its address, each of its event streams (numbered from 1) handed to `hold` before it goes
 * to the bridge (unless `hold` has answered it itself); the list is on screen. Answers how many streams were asked for.
 */
async function reopenPeople(page: Page, hold: (route: Route, number: number) => Promise<'answered' | void>): Promise<() => number> {
  await page.getByRole('link', { name: '人员' }).click()
  await expect(page.getByRole('row', { name: /温乐义/ })).toBeVisible()
  const address = page.url()
  let streams = 0
  await page.route(/\/events\?/, async (route) => {
    if ((await hold(route, ++streams)) !== 'answered') await route.continue()
  })
  await page.goto('about:blank')
  await page.goto(address)
  await expect(page.getByRole('row', { name: /温乐义/ })).toBeVisible()
  return () => streams
}

/** How many change events the bridge has sent, as its answers say (shared/bridge-events.ts). */
async function eventsSoFar(page: Page): Promise<number> {
  return page.evaluate(async (header) => {
    const token = (globalThis as unknown as { localStorage: { getItem: (key: string) => string | null } }).localStorage.getItem('roundtable.token')
    const response = await fetch('/api/settings:get', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' })
    return Number(response.headers.get(header))
  }, EVENTS_SEEN_HEADER)
}
