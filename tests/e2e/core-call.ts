import { expect, type Page } from '@playwright/test'

/**
 * A call to core as another window would make it (IPC in Electron, HTTP with the kept token in a
 * browser): for tests that play a second laptop, or read back what was saved.
 */
export async function invoke<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return (await invokeEach<T>(page, channel, [input]))[0]!
}

/**
 * The same call made once for each input, one after another in the page (one round trip from the test
 * rather than one per call: setting up 40 people). Each answer is checked as `invoke` checks it.
 */
export async function invokeEach<T>(page: Page, channel: string, inputs: unknown[]): Promise<T[]> {
  const results = await page.evaluate(
    async ([channel, inputs]) => {
      // (In the page: its window, typed here without the DOM's types.)
      const page = globalThis as unknown as {
        api?: { invoke: (channel: string, input: unknown) => Promise<unknown> }
        localStorage: { getItem: (key: string) => string | null }
      }
      const call = async (input: unknown): Promise<unknown> => {
        if (page.api) return page.api.invoke(channel as string, input)
        const response = await fetch(`/api/${channel as string}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${page.localStorage.getItem('roundtable.token')}` },
          body: JSON.stringify(input)
        })
        return response.json()
      }
      const answers: unknown[] = []
      for (const input of inputs as unknown[]) answers.push(await call(input))
      return answers
    },
    [channel, inputs] as const
  )
  return (results as { ok: boolean; value: T }[]).map((result) => {
    expect(result.ok, JSON.stringify(result)).toBe(true)
    return result.value
  })
}
