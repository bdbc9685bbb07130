import { chartPng, landscapeJpeg, pngBytes } from '../fixtures/images'
import { invoke } from './core-call'
import { checkInEveryone, openDemo, openDemoCheckIn, startSession } from './demo'
import { expect, test } from './app'

/** 活动照片 on the session page: added by the file picker and by dropping, resized, captioned, chosen. */

interface ListedPhoto {
  caption: string
  mime: string
  width: number
  height: number
  inVolunteerRecord: boolean
}

test('photos added with 添加照片 and by dropping show with their captions; a big one is scaled to 1920 px; one is chosen for the 志愿服务活动记录', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await openDemo(page)
  // (The address is read once it has changed: the session opens after the click, not with it.)
  await expect(page).toHaveURL(/#\/sessions\/[^/?]+$/)
  const sessionId = /#\/sessions\/([^/?]+)/.exec(page.url())![1]!
  const card = page.getByRole('region', { name: '活动照片' })
  await expect(card).toContainText('还没有照片。')

  // Two photos through the file chooser: a wide PNG larger than 1920 px (a screenshot) and a JPEG.
  const wide = pngBytes(2400, 1350, (x, y) => (y < 270 ? [192, 57, 43] : x % 600 < 560 && 1350 - y < ((Math.floor(x / 600) + 1) * 1080) / 4 ? [41, 128, 185] : [250, 250, 245]))
  const chooser = page.waitForEvent('filechooser')
  await card.getByRole('button', { name: '添加照片' }).click()
  await (await chooser).setFiles([
    { name: '签到现场.png', mimeType: 'image/png', buffer: wide },
    { name: '圆桌时间.jpg', mimeType: 'image/jpeg', buffer: landscapeJpeg(640, 480) }
  ])
  const figures = card.getByRole('figure')
  await expect(figures).toHaveCount(2)
  await expect(page.getByText('已添加 2 张照片')).toBeVisible()

  // One more, dropped onto the card.
  const dropped = chartPng(480, 320).toString('base64')
  const dataTransfer = await page.evaluateHandle((base64) => {
    // (In the page: its DataTransfer and File, typed here without the DOM's types.)
    const page = globalThis as unknown as {
      DataTransfer: new () => { items: { add: (file: unknown) => void } }
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown
    }
    const transfer = new page.DataTransfer()
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    transfer.items.add(new page.File([bytes], '议定事项.png', { type: 'image/png' }))
    return transfer
  }, dropped)
  await card.dispatchEvent('dragover', { dataTransfer })
  await expect(card).toContainText('松开鼠标，添加这些照片')
  await card.dispatchEvent('drop', { dataTransfer })
  await expect(figures).toHaveCount(3)

  // Captions, saved when the field is left; every picture is drawn.
  const captions = ['村民代表签到', '圆桌时间，大家畅所欲言', '议定事项']
  for (const [index, caption] of captions.entries()) {
    const field = card.getByRole('textbox', { name: `照片 ${index + 1} 的说明` })
    await field.fill(caption)
    await field.press('Tab')
    await expect(card.getByRole('figure', { name: caption })).toBeVisible()
    await expect(card.getByRole('img', { name: caption })).toHaveJSProperty('complete', true)
    expect(await card.getByRole('img', { name: caption }).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0)
  }
  // The tick shows once core has saved it.
  const choose = card.getByRole('checkbox', { name: '用于志愿服务活动记录（照片 2）' })
  await choose.click()
  await expect(choose).toBeChecked()
  await expect(card).toContainText('已选 1 张用于志愿服务活动记录')

  // What core holds: JPEGs, the wide one scaled to 1920 px, the captions and the choice.
  const photos = await invoke<ListedPhoto[]>(page, 'photos:list', { sessionId })
  expect(photos.map(({ caption, mime, width, height, inVolunteerRecord }) => ({ caption, mime, width, height, inVolunteerRecord }))).toEqual([
    { caption: '村民代表签到', mime: 'image/jpeg', width: 1920, height: 1080, inVolunteerRecord: false },
    { caption: '圆桌时间，大家畅所欲言', mime: 'image/jpeg', width: 640, height: 480, inVolunteerRecord: true },
    { caption: '议定事项', mime: 'image/jpeg', width: 480, height: 320, inVolunteerRecord: false }
  ])

  // The notices of what was added are closed, for the picture of the page: one at a time, the first still
  // there each time (a notice may also close by itself meanwhile, and the rest move up).
  const notices = page.locator('.mantine-Notification-root')
  await expect(async () => {
    if ((await notices.count()) > 0) await notices.first().locator('button').click({ timeout: 1_000 })
    await expect(notices).toHaveCount(0, { timeout: 500 })
  }).toPass()
  await card.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/screenshots/session-photos.png' })

  // A file that is not a picture is named, with why; nothing is added.
  const chooseAgain = page.waitForEvent('filechooser')
  await card.getByRole('button', { name: '添加照片' }).click()
  await (await chooseAgain).setFiles({ name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from('姓名,电话') })
  await expect(card.getByRole('alert')).toContainText('名单.txt：不是照片文件')
  await expect(figures).toHaveCount(3)

  // Delete asks first; then the photo is gone.
  await card.getByRole('button', { name: '删除照片 3' }).click()
  await page.getByRole('dialog', { name: '删除这张照片？' }).getByRole('button', { name: '删除照片' }).click()
  await expect(figures).toHaveCount(2)
  expect(await invoke<ListedPhoto[]>(page, 'photos:list', { sessionId })).toHaveLength(2)
})

test('two photos chosen after the session show, with their captions, in the 志愿服务活动记录 preview', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  const sessionId = await openDemoCheckIn(page)
  await checkInEveryone(page, sessionId)
  await startSession(page)
  await page.getByRole('button', { name: '结束场次' }).click()
  await page.getByRole('dialog', { name: '结束这个场次？' }).getByRole('button', { name: '结束场次' }).click()
  await page.getByRole('button', { name: '返回场次' }).click()

  // After the session, on its page: two photos, each chosen for the record.
  const card = page.getByRole('region', { name: '活动照片' })
  const chooser = page.waitForEvent('filechooser')
  await card.getByRole('button', { name: '添加照片' }).click()
  await (await chooser).setFiles([
    { name: '圆桌时间.jpg', mimeType: 'image/jpeg', buffer: landscapeJpeg(640, 480) },
    { name: '议定事项.png', mimeType: 'image/png', buffer: chartPng(480, 320) }
  ])
  await expect(card.getByRole('figure')).toHaveCount(2)
  for (const [index, caption] of ['圆桌交流现场', '学习研讨'].entries()) {
    const field = card.getByRole('textbox', { name: `照片 ${index + 1} 的说明` })
    await field.fill(caption)
    await field.press('Tab')
    await expect(card.getByRole('figure', { name: caption })).toBeVisible()
    const choose = card.getByRole('checkbox', { name: `用于志愿服务活动记录（照片 ${index + 1}）` })
    if (!(await choose.isChecked())) await choose.click()
    await expect(choose).toBeChecked()
  }

  // 导出 → 志愿服务活动记录: the form's 活动照片 holds both, drawn, each over its caption.
  await page.getByRole('button', { name: '导出' }).click()
  const dialog = page.getByRole('dialog', { name: '导出会议纪要和记录' })
  await dialog.getByText('志愿服务活动记录', { exact: true }).click()
  const sheet = dialog.locator('iframe').contentFrame().locator('body')
  await expect(sheet).toContainText('志愿服务活动记录表')
  const pictures = sheet.getByRole('img')
  await expect(pictures).toHaveCount(2)
  for (const caption of ['圆桌交流现场', '学习研讨']) {
    const picture = sheet.getByRole('img', { name: caption })
    await expect(picture).toHaveJSProperty('complete', true)
    expect(await picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0)
    await expect(sheet.getByRole('figure').filter({ hasText: caption })).toBeVisible()
  }
  await sheet.getByRole('img').first().scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'docs/screenshots/volunteer-record-photos.png' })
})
