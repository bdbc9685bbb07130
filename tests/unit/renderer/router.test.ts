import { describe, expect, it } from 'vitest'
import { hrefFor, parseHash } from '../../../src/renderer/src/router'

describe('the address in the hash', () => {
  it('reads a route and its segments, and the sessions page by default', () => {
    expect(parseHash('')).toEqual({ route: 'sessions', params: [] })
    expect(parseHash('#/sessions/abc/live')).toEqual({ route: 'sessions', params: ['abc', 'live'] })
    expect(parseHash(hrefFor('search', '温乐义'))).toEqual({ route: 'search', params: ['温乐义'] })
  })

  it('makes an unknown route or a malformed escape an unknown page, never a crash', () => {
    expect(parseHash('#/nowhere')).toEqual({ route: null, params: [] })
    expect(() => parseHash('#/sessions/%E0%A4%A')).not.toThrow()
    expect(parseHash('#/sessions/%E0%A4%A')).toEqual({ route: null, params: [] })
  })
})
