import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { productionCsp } from '../../../vite.renderer.config'

const page = readFileSync(resolve(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8')
const transform = productionCsp().transformIndexHtml as { handler: (html: string, context: { server?: unknown }) => string }

describe('the page’s Content-Security-Policy', () => {
  it('allows websockets to this machine only while developing (Vite’s hot reload); a built page has none', () => {
    expect(page).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\* ws:\/\/localhost:\*/)
    expect(transform.handler(page, { server: {} })).toContain('ws://')
    const built = transform.handler(page, {})
    expect(built).not.toContain('ws:')
    expect(built).toMatch(/connect-src 'self';/)
  })
})
