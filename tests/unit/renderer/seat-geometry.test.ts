import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SEAT_LAYOUTS, type SeatLayout } from '../../../src/shared/domain'
import {
  CARD_SIZES,
  fitSeatGeometry,
  forgetSeatGeometries,
  NAME_CARD,
  NAME_GAP,
  overlaps,
  ringFits,
  ringTooTight,
  SEAT_GAP,
  seatGeometry,
  seatRects,
  type SeatGeometry
} from '../../../src/renderer/src/features/seating/seat-geometry'

/** The smallest card still holds a 3-character name at 16 px bold (48 px) with its padding and border. */
const SMALLEST = CARD_SIZES[CARD_SIZES.length - 1]!

function expectSound(geometry: SeatGeometry, count: number, scale: number): void {
  expect(geometry.seats).toHaveLength(count)
  expect(geometry.card.width).toBeGreaterThanOrEqual(SMALLEST.width * scale - 1e-9)
  expect(geometry.card.height).toBeGreaterThanOrEqual(SMALLEST.height * scale - 1e-9)
  const rects = seatRects(geometry)
  for (const rect of rects) {
    expect(rect.left).toBeGreaterThanOrEqual(-1e-6)
    expect(rect.top).toBeGreaterThanOrEqual(-1e-6)
    expect(rect.left + rect.width).toBeLessThanOrEqual(geometry.width + 1e-6)
    expect(rect.top + rect.height).toBeLessThanOrEqual(geometry.height + 1e-6)
  }
  // No two cards meet, and each keeps at least the gap (room for the seat number on its corner).
  const half = (SEAT_GAP * scale) / 2 - 1e-6
  const grown = rects.map((rect) => ({ left: rect.left - half, top: rect.top - half, width: rect.width + 2 * half, height: rect.height + 2 * half }))
  for (let i = 0; i < grown.length; i++) {
    for (let j = i + 1; j < grown.length; j++) expect(overlaps(grown[i]!, grown[j]!), `seats ${i + 1} and ${j + 1}`).toBe(false)
  }
  // The furniture is clear of the cards (the round table is an ellipse inside its box: checked by the ring).
  if (geometry.layout !== 'round') for (const table of geometry.tables) for (const rect of rects) expect(overlaps(rect, table)).toBe(false)
}

describe('seat geometry', () => {
  it.each(SEAT_LAYOUTS.flatMap((layout) => [1, 2, 3, 4, 6, 14, 15, 24, 40].map((count) => [layout, count] as const)))(
    '%s, %i seats in a 460 px plan (up to 1180 × 560): no two cards meet',
    (layout, count) => {
      expectSound(seatGeometry({ layout, count, width: 460, maxWidth: 1180, maxHeight: 560 }), count, 1)
    }
  )

  it('any layout, 1–40 seats, any width and font scale: no two cards meet and names fit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SeatLayout>(...SEAT_LAYOUTS),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 200, max: 1300 }),
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom(1, 1.15, 1.3),
        (layout, count, width, extra, scale) => {
          const geometry = seatGeometry({ layout, count, width, maxWidth: width + extra, maxHeight: 560, scale })
          expectSound(geometry, count, scale)
          // It keeps to the width asked for when the smallest cards fit there.
          expect(geometry.width).toBeGreaterThan(0)
        }
      ),
      { numRuns: 150 }
    )
  })

  it('stays within the width and height asked for whenever that is possible: 14 seats fit beside a list', () => {
    for (const layout of SEAT_LAYOUTS) {
      const geometry = seatGeometry({ layout, count: 14, width: 460, maxWidth: 620, maxHeight: 560 })
      expect(geometry.width, layout).toBeLessThanOrEqual(620)
      expect(geometry.height, layout).toBeLessThanOrEqual(560)
    }
  })

  it('uses the roomiest cards that fit: a few seats get the large ones', () => {
    for (const layout of SEAT_LAYOUTS) expect(seatGeometry({ layout, count: 4, width: 460 }).card, layout).toEqual(CARD_SIZES[0])
  })

  describe('speaking order follows seat numbers in every shape', () => {
    const centreOf = (g: SeatGeometry) => ({ x: g.width / 2, y: g.height / 2 })
    /** The clockwise angle of each seat round the box's centre, from the top. */
    const turns = (g: SeatGeometry): number[] => {
      const c = centreOf(g)
      return g.seats.map(({ x, y }) => {
        const angle = Math.atan2(x - c.x, -(y - c.y))
        return angle < 0 ? angle + 2 * Math.PI : angle
      })
    }
    const isIncreasing = (values: number[]) => values.every((value, i) => i === 0 || value > values[i - 1]!)

    it.each([4, 14, 24, 40])('round, %i seats: seat 1 at the top, then clockwise', (count) => {
      const g = seatGeometry({ layout: 'round', count, width: 460, maxWidth: 1180, maxHeight: 560 })
      expect(g.seats[0]!.x).toBeCloseTo(g.width / 2, 5)
      expect(g.seats[0]!.y).toBeLessThan(g.height / 2)
      expect(isIncreasing(turns(g))).toBe(true)
    })

    it.each([6, 14, 24, 40])('long table, %i seats: along the top from the left, then clockwise round the table', (count) => {
      const g = seatGeometry({ layout: 'long', count, width: 460, maxWidth: 1180, maxHeight: 560 })
      const [first, second] = g.seats
      expect(first!.y).toBe(second!.y)
      expect(first!.x).toBeLessThan(second!.x)
      // Clockwise from seat 1 (top left): the angles round the centre only grow, once past the top.
      const angles = turns(g).map((angle, i) => (i > 0 && angle < turns(g)[0]! ? angle + 2 * Math.PI : angle))
      expect(isIncreasing(angles)).toBe(true)
    })

    it.each([6, 14, 24, 40])('U-shape, %i seats: up the left arm, along the top, down the right arm', (count) => {
      const g = seatGeometry({ layout: 'u', count, width: 460, maxWidth: 1180, maxHeight: 560 })
      const first = g.seats[0]!
      const last = g.seats[count - 1]!
      expect(first.x).toBeLessThan(g.width / 2)
      expect(last.x).toBeGreaterThan(g.width / 2)
      // Going round the open bottom: the angles from the bottom, clockwise, only grow.
      const c = centreOf(g)
      const fromBottom = g.seats.map(({ x, y }) => {
        const angle = Math.atan2(-(x - c.x), y - c.y)
        return angle < 0 ? angle + 2 * Math.PI : angle
      })
      expect(isIncreasing(fromBottom)).toBe(true)
    })

    it.each([4, 14, 24, 40])('rows, %i seats: the front row first, each row from left to right', (count) => {
      const g = seatGeometry({ layout: 'rows', count, width: 460, maxWidth: 1180, maxHeight: 560 })
      g.seats.forEach((seat, i) => {
        if (i === 0) return
        const before = g.seats[i - 1]!
        expect(seat.y > before.y || (seat.y === before.y && seat.x > before.x), `seat ${i + 1}`).toBe(true)
      })
    })
  })
})

/** A map fitted to a box: inside it, no two cards closer than their gap, none on the furniture, the cards at least the smallest of their kind. */
function expectFitted(geometry: SeatGeometry, count: number, box: { width: number; height: number }): void {
  expect(geometry.seats).toHaveLength(count)
  expect(geometry.width).toBeLessThanOrEqual(box.width + 1e-6)
  expect(geometry.height).toBeLessThanOrEqual(box.height + 1e-6)
  const smallest = geometry.nameOnly ? NAME_CARD : SMALLEST
  // The card holds its name at the scale its text is drawn at (SeatPlan's --seat-scale).
  expect(geometry.card.width).toBeGreaterThanOrEqual(smallest.width * geometry.scale - 1e-9)
  expect(geometry.card.height).toBeGreaterThanOrEqual(smallest.height * geometry.scale - 1e-9)
  const rects = seatRects(geometry)
  for (const rect of rects) {
    expect(rect.left).toBeGreaterThanOrEqual(-1e-6)
    expect(rect.top).toBeGreaterThanOrEqual(-1e-6)
    expect(rect.left + rect.width).toBeLessThanOrEqual(geometry.width + 1e-6)
    expect(rect.top + rect.height).toBeLessThanOrEqual(geometry.height + 1e-6)
  }
  const half = ((geometry.nameOnly ? NAME_GAP : SEAT_GAP) * geometry.scale) / 2 - 1e-6
  const grown = rects.map((rect) => ({ left: rect.left - half, top: rect.top - half, width: rect.width + 2 * half, height: rect.height + 2 * half }))
  for (let i = 0; i < grown.length; i++) {
    for (let j = i + 1; j < grown.length; j++) expect(overlaps(grown[i]!, grown[j]!), `seats ${i + 1} and ${j + 1}`).toBe(false)
  }
  if (geometry.layout !== 'round') for (const table of geometry.tables) for (const rect of rects) expect(overlaps(rect, table)).toBe(false)
}

describe('seat geometry fitted to a box (the live console)', () => {
  /** The console's seat map at 1366×768 at 标准 (its column in ConsoleView.module.css, less its padding and the legend). */
  const CONSOLE = { width: 536, height: 488 }

  it.each(SEAT_LAYOUTS.flatMap((layout) => [4, 14, 24, 40].map((count) => [layout, count] as const)))(
    '%s, %i seats fit the console at 1366×768 with names of at least 12 px',
    (layout, count) => {
      const geometry = fitSeatGeometry({ layout, count, ...CONSOLE })
      expectFitted(geometry, count, CONSOLE)
      // 16 px at full size; never below 12 px here.
      expect(16 * geometry.scale, `${layout} ${count}`).toBeGreaterThanOrEqual(12)
    }
  )

  it('a few seats keep the full font size and the status line, and spread over the box', () => {
    for (const layout of SEAT_LAYOUTS) {
      const geometry = fitSeatGeometry({ layout, count: 9, width: 384, height: 440, scale: 1.25 })
      expect(geometry.scale, layout).toBe(1.25)
      expect(geometry.nameOnly, layout).toBe(false)
    }
    // A round table of 9 is a circle as large as the box allows.
    const round = fitSeatGeometry({ layout: 'round', count: 9, width: 560, height: 500 })
    expect([round.width, round.height]).toEqual([500, 500])
  })

  it('makes room in order: first the status line goes, then the cards shrink with their text', () => {
    const roomy = fitSeatGeometry({ layout: 'round', count: 24, width: 560, height: 500 })
    expect(roomy).toMatchObject({ scale: 1, nameOnly: true })
    const crowded = fitSeatGeometry({ layout: 'round', count: 40, width: 560, height: 500 })
    expect(crowded.nameOnly).toBe(true)
    expect(crowded.scale).toBeLessThan(1)
  })

  it('any layout, 1–40 seats, any box and font scale: inside the box whenever it fits, never two cards meeting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SeatLayout>(...SEAT_LAYOUTS),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 240, max: 1200 }),
        fc.integer({ min: 240, max: 800 }),
        fc.constantFrom(1, 1.125, 1.25),
        (layout, count, width, height, scale) => {
          const geometry = fitSeatGeometry({ layout, count, width, height, scale })
          if (geometry.width <= width + 1e-6 && geometry.height <= height + 1e-6) expectFitted(geometry, count, { width, height })
          else {
            // Drawn larger than the box only once shrunk as far as allowed (60 %), and still sound.
            expect(geometry.scale).toBeCloseTo(scale * 0.6, 9)
            expectSound(geometry, count, geometry.scale)
          }
        }
      ),
      { numRuns: 120 }
    )
  })
})

describe('a ring too tight for its seats, known without drawing it', () => {
  // The search skips these drawings (a round table of 60 at the console's size tried a hundred of them in full):
  // skipping must never skip one that fits, or another drawing would be chosen.
  it('is never a ring that fits: any count, box, card and gap, ellipse or rounded oblong', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 90 }),
        fc.integer({ min: 100, max: 1400 }),
        fc.integer({ min: 100, max: 1000 }),
        fc.integer({ min: 30, max: 200 }),
        fc.integer({ min: 20, max: 120 }),
        fc.integer({ min: 0, max: 24 }),
        fc.constantFrom<2 | 4>(2, 4),
        (count, width, height, cardWidth, cardHeight, gap, p) => {
          fc.pre(width > cardWidth && height > cardHeight)
          const card = { width: cardWidth, height: cardHeight }
          if (ringTooTight(count, width, height, card, gap)) expect(ringFits(count, width, height, p, card, gap)).toBe(false)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('does skip: a round table of 60 in the console\'s column at 1366×768 is too tight at the full card size', () => {
    const card = CARD_SIZES[0]!
    expect(ringTooTight(60, 560, 512, card, SEAT_GAP)).toBe(true)
    expect(ringTooTight(8, 560, 512, card, SEAT_GAP)).toBe(false)
  })
})

describe('seat geometry remembered', () => {
  type Asked = { fit: false; layout: SeatLayout; count: number; width: number; maxWidth: number; maxHeight: number; scale: number } | { fit: true; layout: SeatLayout; count: number; width: number; height: number; scale: number }
  const work = (asked: Asked): SeatGeometry =>
    asked.fit
      ? fitSeatGeometry({ layout: asked.layout, count: asked.count, width: asked.width, height: asked.height, scale: asked.scale })
      : seatGeometry({ layout: asked.layout, count: asked.count, width: asked.width, maxWidth: asked.maxWidth, maxHeight: asked.maxHeight, scale: asked.scale })
  const asked = fc.oneof(
    fc.record({
      fit: fc.constant(false as const),
      layout: fc.constantFrom<SeatLayout>(...SEAT_LAYOUTS),
      count: fc.integer({ min: 1, max: 40 }),
      width: fc.constantFrom(400, 440, 460),
      maxWidth: fc.constantFrom(460, 720, 1000, 1180),
      maxHeight: fc.constantFrom(560, Infinity),
      scale: fc.constantFrom(1, 1.125, 1.25)
    }),
    fc.record({
      fit: fc.constant(true as const),
      layout: fc.constantFrom<SeatLayout>(...SEAT_LAYOUTS),
      count: fc.integer({ min: 1, max: 40 }),
      width: fc.constantFrom(384, 536, 640),
      height: fc.constantFrom(440, 488),
      scale: fc.constantFrom(1, 1.125, 1.25)
    })
  )

  it('gives the same answer as working it out afresh, whatever was asked before', () => {
    fc.assert(
      fc.property(fc.array(asked, { minLength: 1, maxLength: 12 }), (requests) => {
        // Asked in this order (some answers remembered from earlier requests, or earlier runs) ...
        const given = requests.map(work)
        // ... and afresh, with nothing remembered.
        forgetSeatGeometries()
        const fresh = requests.map((request) => {
          forgetSeatGeometries()
          return work(request)
        })
        expect(given).toEqual(fresh)
      }),
      { numRuns: 60 }
    )
  })

  it('answers the same request with the same drawing, which nobody can change', () => {
    forgetSeatGeometries()
    const request = { layout: 'round' as const, count: 40, width: 460, maxWidth: 1180, maxHeight: 560 }
    const first = seatGeometry(request)
    expect(seatGeometry({ ...request })).toBe(first)
    expect(seatGeometry({ ...request, scale: 1 })).toBe(first)
    for (const part of [first, first.card, first.centre, first.seats, first.seats[0], first.tables, first.tables[0]]) expect(Object.isFrozen(part)).toBe(true)
    expect(() => {
      ;(first.seats[0] as { x: number }).x = 0
    }).toThrow()
    const fit = fitSeatGeometry({ layout: 'round', count: 40, width: 536, height: 488 })
    expect(fitSeatGeometry({ layout: 'round', count: 40, width: 536, height: 488, scale: 1, minShrink: 0.6 })).toBe(fit)
    expect(Object.isFrozen(fit.seats)).toBe(true)
  })

  it('tells requests apart: another size, scale, box or count is worked out for itself', () => {
    forgetSeatGeometries()
    const base = { layout: 'round' as const, count: 24, width: 460, maxWidth: 1180, maxHeight: 560 }
    const first = seatGeometry(base)
    for (const other of [{ ...base, count: 25 }, { ...base, scale: 1.25 }, { ...base, maxWidth: 720 }, { ...base, maxHeight: Infinity }, { ...base, layout: 'long' as const }]) {
      const answer = seatGeometry(other)
      expect(answer).not.toBe(first)
      forgetSeatGeometries()
      expect(seatGeometry(other)).toEqual(answer)
    }
    // A fitted map and a plain one of the same numbers are different drawings.
    expect(fitSeatGeometry({ layout: 'round', count: 24, width: 460, height: 560 })).not.toBe(seatGeometry({ layout: 'round', count: 24, width: 460, maxWidth: 460, maxHeight: 560 }))
  })

  it('forgets the oldest answers past a few hundred, and works them out again the same', () => {
    forgetSeatGeometries()
    const first = seatGeometry({ layout: 'rows', count: 4, width: 300 })
    for (let width = 301; width < 301 + 250; width++) seatGeometry({ layout: 'rows', count: 4, width })
    const again = seatGeometry({ layout: 'rows', count: 4, width: 300 })
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })
})
