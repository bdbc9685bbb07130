import { afterAll, beforeAll } from 'vitest'
import { chromiumPrinter } from './pdf'

/** One Chromium for the test file, started before its tests and closed after: prints HTML to PDF. */
export function useChromiumPrinter(): (html: string) => Promise<Buffer> {
  let printer: Awaited<ReturnType<typeof chromiumPrinter>> | undefined
  beforeAll(async () => {
    printer = await chromiumPrinter()
  }, 60_000)
  afterAll(() => printer?.close())
  return (html) => printer!.printToPdf(html)
}
