import { expect, type Page } from '@playwright/test'

/**
 * A call to core as another window would make it (IPC in Electron, HTTP with the kept token in a
 * browser): for tests that play a second laptop, or read back what was saved.
 */
export async function invoke<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([channel, input]) => {
      // (In the page: its window, typed here without the DOM's types.)
      const page = globalThis as unknown as {
        api?: { invoke: (channel: string, input: unknown) => Promise<unknown> }
        localStorage: { getItem: (key: string) => string | null }
      }
      if (page.api) return page.api.invoke(channel as string, input)
      const response = await fetch(`/api/${channel as string}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${page.localStorage.getItem('roundtable.token')}` },
        body: JSON.stringify(input)
      })
      return response.json()
    },
    [channel, input] as const
  )
  const { ok, value } = result as { ok: boolean; value: T }
  expect(ok, JSON.stringify(result)).toBe(true)
  return value
}
