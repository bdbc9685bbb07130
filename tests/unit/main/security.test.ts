import { describe, expect, it, vi } from 'vitest'
import { isAppUrl } from '../../../src/main/security'

// security.ts also holds the parts that need a running Electron; isAppUrl itself is pure.
vi.mock('electron', () => ({ app: {}, session: {} }))

describe('isAppUrl with the built renderer (app:// protocol)', () => {
  const renderer = 'app://roundtable/index.html'

  it.each([renderer, `${renderer}#/sessions`, `${renderer}?lang=en#/people/1`, 'app://roundtable/./index.html'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url, renderer)).toBe(true)
    }
  )

  it.each([
    'app://roundtable/other.html',
    'app://roundtable/',
    'app://evil/index.html',
    'app://roundtable.evil/index.html',
    'file:///index.html',
    'https://roundtable/index.html',
    'other://roundtable/index.html',
    'about:blank'
  ])('refuses %j', (url) => {
    expect(isAppUrl(url, renderer)).toBe(false)
  })
})

describe('isAppUrl with the built renderer (file URL)', () => {
  const renderer = 'file:///opt/Roundtable/resources/app/out/renderer/index.html'

  it.each([
    renderer,
    `${renderer}#/sessions`,
    `${renderer}?lang=en`,
    `${renderer}?lang=en#/people/1`,
    'file:///opt/Roundtable/resources/app/out/renderer/./index.html'
  ])('accepts %s', (url) => {
    expect(isAppUrl(url, renderer)).toBe(true)
  })

  it.each([
    'file:///opt/Roundtable/resources/app/out/renderer/other.html',
    'file:///opt/Roundtable/resources/app/out/renderer/',
    'file:///tmp/index.html',
    'file:///opt/Roundtable/resources/app/out/renderer/index.html/..',
    'https://evil.example/opt/Roundtable/resources/app/out/renderer/index.html',
    'http://127.0.0.1:5173/',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'javascript:alert(1)',
    '',
    'not a url'
  ])('refuses %j', (url) => {
    expect(isAppUrl(url, renderer)).toBe(false)
  })

  it('handles a Windows path with spaces and non-ASCII folders', () => {
    const windows = 'file:///C:/Program%20Files/%E5%9C%86%E6%A1%8C%E6%B4%BE/resources/app/out/renderer/index.html'
    expect(isAppUrl(`${windows}#/settings`, windows)).toBe(true)
    expect(isAppUrl('file:///C:/Program Files/圆桌派/resources/app/out/renderer/index.html', windows)).toBe(true)
    expect(isAppUrl('file:///C:/Users/Public/index.html', windows)).toBe(false)
  })
})

describe('isAppUrl with the dev server (http URL)', () => {
  const renderer = 'http://localhost:5173'

  it.each(['http://localhost:5173/', 'http://localhost:5173/index.html', 'http://localhost:5173/src/main.tsx?t=1#x'])('accepts %s', (url) => {
    expect(isAppUrl(url, renderer)).toBe(true)
  })

  it.each([
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://localhost.evil.example:5173/',
    'http://evil.example/?http://localhost:5173',
    'http://localhost:5173@evil.example/',
    'file:///index.html',
    'not a url'
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, renderer)).toBe(false)
  })
})

describe('isAppUrl with a broken expectation', () => {
  it('refuses everything when the renderer URL cannot be parsed', () => {
    expect(isAppUrl('file:///index.html', 'not a url')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', '')).toBe(false)
  })
})
