import type { Page } from '@playwright/test'
import { expect, test } from './app'
import { expectConsoleFits, ZH } from './console-fit'
import { invoke, invokeEach } from './core-call'

/**
 * Seat maps for real rooms (issue 14): every layout at 4, 14, 24 and 40 seats, at 1366×768, on the session
 * page, in check-in and on the console: no two seat cards meet, and every name shows whole. The console stays
 * one screen however many seats there are: no scrolling, the remark box, its tags and 保存记录 in view.
 */

const LAYOUTS = [
  { layout: 'round', label: '圆桌' },
  { layout: 'long', label: '长桌' },
  { layout: 'u', label: 'U形' },
  { layout: 'rows', label: '课桌式' }
] as const
const COUNTS = [4, 14, 24, 40]

/** 40 different three-character names. */
const SURNAMES = ['温', '翟', '张', '刘', '陈', '赵', '王', '李']
const GIVEN = ['乐义', '自恩', '秀兰', '建国', '海云']
const NAMES = SURNAMES.flatMap((surname) => GIVEN.map((given) => surname + given))

interface Card {
  left: number
  top: number
  right: number
  bottom: number
  label: string
  nameScroll: number
  nameClient: number
}

/** Each seat card's box and its name's widths, read in one go. */
async function cardsOf(page: Page): Promise<Card[]> {
  return page.getByTestId('seat-plan').evaluate((root) => {
    // (In the page; typed here without the DOM's types.)
    type Element = {
      getBoundingClientRect(): { left: number; top: number; right: number; bottom: number }
      getAttribute(name: string): string | null
      querySelector(selector: string): { scrollWidth: number; clientWidth: number } | null
    }
    const buttons = (root as unknown as { querySelectorAll(selector: string): Iterable<Element> }).querySelectorAll('button')
    return [...buttons].map((button) => {
      const { left, top, right, bottom } = button.getBoundingClientRect()
      const name = button.querySelector('[data-seat-name]')!
      return { left, top, right, bottom, label: button.getAttribute('aria-label') ?? '', nameScroll: name.scrollWidth, nameClient: name.clientWidth }
    })
  })
}

/** Opens a session's page by its address, as a link would. */
async function openSession(page: Page, sessionId: string): Promise<void> {
  await page.evaluate((hash) => void ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), `#/sessions/${sessionId}`)
}

/**
 * Every name whole and no two cards meeting, each pair checked; what is wrong is listed in one assertion
 * (780 pairs at 40 seats: an assertion each would cost the runner more time than the drawing does).
 */
async function expectClearMap(page: Page, count: number, where: string): Promise<void> {
  const plan = page.getByTestId('seat-plan')
  await expect(plan.getByRole('button')).toHaveCount(count)
  const cards = await cardsOf(page)
  const problems: string[] = []
  for (const card of cards) if (card.nameScroll > card.nameClient) problems.push(`${where}: ${card.label} is cut`)
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const [a, b] = [cards[i]!, cards[j]!]
      const meet = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
      if (meet) problems.push(`${where}: ${a.label} and ${b.label} overlap`)
    }
  }
  expect(problems, `${where}: names cut or cards overlapping`).toEqual([])
  // Speaking order is seat order: the cards are in seat order, seat 1 first.
  expect(cards.map((card) => Number(/^(\d+)/.exec(card.label)?.[1]))).toEqual(Array.from({ length: count }, (_, i) => i + 1))
}

for (const { layout, label } of LAYOUTS) {
  test(`${label}: 4, 14, 24 and 40 seats without overlap on the session page, in check-in and on the console`, async ({ app }) => {
    test.setTimeout(180_000)
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await expect(page.getByRole('heading', { name: '场次', exact: true }).first()).toBeVisible()
    const people = (await invokeEach<{ id: string }>(page, 'people:create', NAMES.map((name) => ({ name, village: '温集新村' })))).map((person) => person.id)

    for (const count of COUNTS) {
      const start = Date.UTC(2026, 11, 20, 6, 30)
      const session = await invoke<{ id: string; seatLayout: string }>(page, 'sessions:create', {
        title: `${label} ${count} 座`,
        plannedStart: start,
        plannedEnd: start + 2 * 3_600_000,
        hostId: people[0],
        agenda: [{ kind: 'roundtable', plannedMinutes: 60 }],
        invitees: people.slice(0, count).map((personId, index) => ({ personId, seatNumber: index + 1 })),
        seatLayout: layout
      })
      expect(session.seatLayout).toBe(layout)

      // The session page.
      await openSession(page, session.id)
      await expect(page.getByRole('heading', { name: `${label} ${count} 座` })).toBeVisible()
      await expectClearMap(page, count, `${label}, ${count} seats, session page`)
      if (count === 24) {
        await page.getByTestId('seat-plan').evaluate((element) => element.scrollIntoView({ block: 'center' }))
        await page.screenshot({ path: `docs/screenshots/seat-${layout}.png` })
      }

      // Check-in.
      await page.getByRole('button', { name: '签到 / 开始场次' }).click()
      await expect(page.getByRole('table', { name: '签到名单' })).toBeVisible()
      await expectClearMap(page, count, `${label}, ${count} seats, check-in`)

      // The console.
      await invoke(page, 'live:checkInEveryone', { sessionId: session.id })
      await expect(page.getByText(new RegExp(`^实到 ${count} 人$`))).toBeVisible()
      await page.getByRole('button', { name: '开始场次' }).click()
      await expect(page.getByRole('tab', { name: '现场', selected: true })).toBeVisible()
      await expectClearMap(page, count, `${label}, ${count} seats, console`)
      await expectConsoleFits(page, ZH, `${label}, ${count} seats`)
      if (count === 40) await page.screenshot({ path: `docs/screenshots/console-${layout}-40.png` })
    }
  })
}

test('the planner: a layout picked beside the seat plan, seats swapped by keyboard and by drag in each, saved with the session', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await expect(page.getByRole('heading', { name: '场次', exact: true }).first()).toBeVisible()
  const names = NAMES.slice(0, 14)
  const people = (await invokeEach<{ id: string }>(page, 'people:create', names.map((name) => ({ name, village: '温集新村' })))).map((person) => person.id)
  const start = Date.UTC(2026, 11, 20, 6, 30)
  const session = await invoke<{ id: string }>(page, 'sessions:create', {
    title: '十四人座谈',
    plannedStart: start,
    plannedEnd: start + 2 * 3_600_000,
    invitees: people.map((personId, index) => ({ personId, seatNumber: index + 1 }))
  })
  await openSession(page, session.id)
  await page.getByRole('button', { name: '编辑', exact: true }).click()
  const plan = page.getByTestId('seat-plan')
  const seat = (number: number, name: string) => plan.getByRole('button', { name: new RegExp(`^${number} 号座位[:：]${name}`) })
  const order = [...names]
  const swap = (a: number, b: number) => ([order[a - 1], order[b - 1]] = [order[b - 1]!, order[a - 1]!])

  for (const { layout, label } of LAYOUTS) {
    await page.getByRole('radiogroup', { name: '座位布局' }).getByText(label, { exact: true }).click()
    await expect(plan).toHaveAttribute('data-layout', layout)
    await expectClearMap(page, 14, `planner, ${label}`)
    // By keyboard: seat 1 carried one seat on.
    await seat(1, order[0]!).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    swap(1, 2)
    await expect(seat(2, order[1]!)).toBeFocused()
    await expect(seat(1, order[0]!)).toBeVisible()
    // By drag: seat 3 onto seat 9.
    await seat(3, order[2]!).dragTo(seat(9, order[8]!))
    swap(3, 9)
    await expect(seat(3, order[2]!)).toBeVisible()
    await expect(seat(9, order[8]!)).toBeVisible()
  }

  await page.getByRole('button', { name: '保存场次' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: '十四人座谈' })).toBeVisible()
  await expect(plan).toHaveAttribute('data-layout', 'rows')
  await expect(seat(1, order[0]!)).toBeVisible()
  await expect(seat(9, order[8]!)).toBeVisible()
  expect((await invoke<{ seatLayout: string }>(page, 'sessions:get', { id: session.id })).seatLayout).toBe('rows')
})
