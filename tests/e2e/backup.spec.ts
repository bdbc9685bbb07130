import { expect, test } from './app'

test('备份 now, change something, 恢复: the app reopens on the backup, and the backup made before the restore brings the change back', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByRole('link', { name: '设置' }).click()
  const backups = page.getByRole('region', { name: '备份与恢复' })
  await backups.getByRole('button', { name: '立即备份' }).click()
  const list = backups.getByRole('table', { name: '备份列表' })
  await expect(list.getByRole('row').filter({ hasText: '手动备份' })).toHaveCount(1)
  await expect(list).toContainText('1') // the 示例场次

  const form = page.getByRole('form', { name: '单位信息' })
  await form.getByLabel('默认地点').fill('温集新村党群服务中心')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('设置已保存')).toBeVisible()

  await list.getByRole('button', { name: /^恢复 / }).first().click()
  const confirm = page.getByRole('dialog', { name: /^恢复 .* 的备份？$/ })
  await expect(confirm).toContainText('当前的数据会先另存一份（不会删除）')
  await confirm.getByRole('button', { name: '恢复' }).click()
  // The page reloads on the restored archive.
  await expect(page.getByLabel('默认地点')).not.toHaveValue('温集新村党群服务中心')
  const rows = page.getByRole('table', { name: '备份列表' }).getByRole('row')
  await expect(rows.filter({ hasText: '恢复前' })).toHaveCount(1)
  await page.getByRole('region', { name: '备份与恢复' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/screenshots/backups.png' })

  // The backup made before the restore holds the change.
  await rows.filter({ hasText: '恢复前' }).getByRole('button', { name: /^恢复 / }).click()
  await page.getByRole('dialog', { name: /^恢复 .* 的备份？$/ }).getByRole('button', { name: '恢复' }).click()
  await expect(page.getByLabel('默认地点')).toHaveValue('温集新村党群服务中心')
})

test('删除示例数据 says what it does and what stays, backs up first, and can be undone by 恢复', async ({ app }) => {
  const { page } = app
  await page.getByRole('link', { name: '设置' }).click()
  await page.getByRole('button', { name: '删除示例数据' }).click()
  const confirm = page.getByRole('dialog', { name: '删除示例数据？' })
  await expect(confirm).toContainText('删除前会自动备份一次')
  await confirm.getByRole('button', { name: '删除示例数据' }).click()
  await expect(page.getByText('示例数据已删除。')).toBeVisible()
  const rows = page.getByRole('table', { name: '备份列表' }).getByRole('row')
  await expect(rows.filter({ hasText: '删除示例数据前' })).toHaveCount(1)
  await rows.filter({ hasText: '删除示例数据前' }).getByRole('button', { name: /^恢复 / }).click()
  await page.getByRole('dialog', { name: /^恢复 .* 的备份？$/ }).getByRole('button', { name: '恢复' }).click()
  await expect(page.getByText('示例场次及其人员和主题还在', { exact: false })).toBeVisible()
})
