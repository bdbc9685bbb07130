import { describe, expect, it, vi } from 'vitest'
import { applyFontSize, currentFontScale, windowFontSize } from '../../../src/renderer/src/theme'

// applyFontSize sets the page's scale on <html>: a stand-in that counts the changes (each one restyles the whole
// page in the browser, even to the value it already had).
const changes: string[] = []
const root = {
  dataset: {} as Record<string, string>,
  style: { setProperty: (name: string, value: string) => changes.push(`${name}=${value}`) }
}
vi.stubGlobal('document', { documentElement: root })

describe('the font size setting on the page', () => {
  it('sets Mantine’s scale and the size’s name, and only when the size changes', () => {
    applyFontSize('large')
    expect(changes).toEqual(['--mantine-scale=1.125'])
    expect(root.dataset.fontSize).toBe('large')
    applyFontSize('large')
    expect(changes).toHaveLength(1)
    applyFontSize('standard')
    expect(changes).toEqual(['--mantine-scale=1.125', '--mantine-scale=1'])
    expect(root.dataset.fontSize).toBe('standard')
  })

  it('the scale the window is drawn at is read from what was set, and the projector keeps the standard size', () => {
    applyFontSize('extraLarge')
    expect(currentFontScale()).toBe(1.25)
    applyFontSize('standard')
    expect(currentFontScale()).toBe(1)
    root.dataset.fontSize = 'huge'
    expect(currentFontScale()).toBe(1)
    expect(windowFontSize('projector', 'extraLarge')).toBe('standard')
    expect(windowFontSize('sessions', 'extraLarge')).toBe('extraLarge')
    expect(windowFontSize(null, 'large')).toBe('large')
  })
})
