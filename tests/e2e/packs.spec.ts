import type { BrowserContext } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, startBridge, test } from './app'
import { invoke } from './core-call'

/**
 * 归档包 between two laptops: the village laptop (the app under test) holds the 示例场次 and exports it; the
 * town office (a second web bridge on its own archive) previews the pack — new session, counts, people who
 * may be the same — links one person, merges, and the session says where it came from.
 */
test('a pack exported on one laptop is previewed and merged on another, and the session shows its provenance', async ({ app, webBrowser }) => {
  test.skip(app.mode !== 'web', 'the desktop app chooses the pack with its file dialogs; the web bridge takes a typed path')
  test.setTimeout(120_000)
  const { page } = app
  const folder = mkdtempSync(join(tmpdir(), 'roundtable-e2e-pack-'))
  const packFile = join(folder, '温集新村.roundtable-pack')
  const town = mkdtempSync(join(tmpdir(), 'roundtable-e2e-town-'))
  const bridge = await startBridge(join(town, 'roundtable.sqlite'))
  // The office's browser: a context of its own (its own storage and token) in the worker's Chromium.
  const browser = webBrowser!
  let context: BrowserContext | undefined
  try {
    // The village: the 示例场次 held and ended (as another window would run it).
    const sessions = await invoke<{ id: string; title: string }[]>(page, 'sessions:list', { when: 'all' })
    const demo = sessions.find((session) => session.title.includes('示例场次'))!
    await invoke(page, 'live:checkInEveryone', { sessionId: demo.id })
    await invoke(page, 'sessions:start', { id: demo.id })
    await invoke(page, 'sessions:end', { id: demo.id })

    // 设置 → 导出归档包: the chosen session, this laptop's name, where to save.
    await page.getByRole('link', { name: '设置' }).click()
    const exporting = page.getByTestId('pack-export')
    await exporting.getByText('选择场次').click()
    await exporting.getByRole('combobox', { name: '场次' }).click()
    await page.getByRole('option', { name: /示例场次/ }).click()
    await page.keyboard.press('Escape')
    await exporting.getByRole('textbox', { name: '本机名称' }).fill('温集新村笔记本')
    await exporting.getByRole('textbox', { name: '保存到' }).fill(packFile)
    await page.setViewportSize({ width: 1366, height: 768 })
    await exporting.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'docs/screenshots/pack-export.png' })
    await exporting.getByRole('button', { name: '导出归档包' }).click()
    await expect(page.getByText(/已导出归档包：1个场次/)).toBeVisible()

    // The town office: 导入归档包 → the preview.
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const office = await context.newPage()
    await office.goto(bridge.url)
    await office.getByRole('link', { name: '设置' }).click()
    const importing = office.getByTestId('pack-import')
    await importing.getByRole('textbox', { name: '归档包文件' }).fill(packFile)
    await importing.getByRole('button', { name: '选择归档包并预览' }).click()
    const preview = office.getByRole('dialog', { name: '导入归档包' })
    await expect(preview.getByText('来自“温集新村笔记本”', { exact: false })).toBeVisible()
    await expect(preview.getByRole('table', { name: '归档包中的场次' }).getByRole('row')).toHaveCount(1)
    await expect(preview.getByRole('table', { name: '归档包中的场次' })).toContainText('新增')
    // The office's own demo people have the same names and places: offered for linking, never merged silently.
    const links = preview.getByTestId('pack-links')
    await expect(links).toBeVisible()
    const firstOffer = links.getByRole('radiogroup').first()
    await expect(firstOffer.getByRole('radio', { name: '作为新人员导入' })).toBeChecked()
    await firstOffer.getByRole('radio', { name: /就是本机的/ }).first().check()
    await office.screenshot({ path: 'docs/screenshots/pack-preview.png' })
    await preview.getByRole('button', { name: '合并到本机档案' }).click()
    await expect(office.getByText(/已导入“温集新村笔记本”的归档包：新增1个场次/)).toBeVisible()

    // The merged session says where it was recorded.
    const merged = await invoke<{ id: string; sourceLaptop: string | null }>(office, 'sessions:get', { id: demo.id })
    expect(merged.sourceLaptop).toBe('温集新村笔记本')
    await office.goto(`${new URL(bridge.url).origin}/#/sessions/${demo.id}`)
    await expect(office.getByRole('row', { name: /来自（归档包）\s*温集新村笔记本/ })).toBeVisible()

    // The same pack again: nothing new.
    await office.getByRole('link', { name: '设置' }).click()
    await importing.getByRole('textbox', { name: '归档包文件' }).fill(packFile)
    await importing.getByRole('button', { name: '选择归档包并预览' }).click()
    await expect(preview.getByRole('table', { name: '归档包中的场次' })).toContainText('无变化')
  } finally {
    await context?.close()
    bridge.child.kill()
    rmSync(folder, { recursive: true, force: true })
    rmSync(town, { recursive: true, force: true })
  }
})
