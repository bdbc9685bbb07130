import { beforeEach, describe, expect, it, vi } from 'vitest'
import i18n, { applyLanguage } from '../../../src/renderer/src/i18n'

// applyLanguage tells the page its language (<html lang>): a stand-in for the page's document, which counts how
// often the language is set (each time, even to the same value, the browser restyles the whole page for :lang).
const root = { value: 'zh-CN', assigned: 0 }
const page = {
  documentElement: {
    get lang() {
      return root.value
    },
    set lang(value: string) {
      root.assigned += 1
      root.value = value
    }
  }
}
vi.stubGlobal('document', page)

beforeEach(async () => {
  await applyLanguage('zh-CN')
})

describe('switching the UI language', () => {
  // First in this file: English's words have not been fetched yet, so they arrive after the switch back.
  it('of two quick switches the last one stays, though the first one’s words arrive after it', async () => {
    const english = applyLanguage('en')
    const chinese = applyLanguage('zh-CN')
    await Promise.all([english, chinese])
    expect(i18n.language).toBe('zh-CN')
    expect(page.documentElement.lang).toBe('zh-CN')
    expect(i18n.t('nav.sessions')).toBe('场次')
  })

  it('English, fetched when first chosen, becomes the UI’s and the page’s language', async () => {
    await applyLanguage('en')
    expect(i18n.language).toBe('en')
    expect(page.documentElement.lang).toBe('en')
    expect(i18n.t('nav.sessions')).toBe('Sessions')
  })

  it('applied again in the language the page is in, it leaves the page’s language alone', async () => {
    await applyLanguage('en')
    const assigned = root.assigned
    await applyLanguage('en')
    expect(root.assigned).toBe(assigned)
    await applyLanguage('zh-CN')
    expect(root.assigned).toBe(assigned + 1)
    expect(page.documentElement.lang).toBe('zh-CN')
  })
})
