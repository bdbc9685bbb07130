import type { SeatLayout } from '@shared/domain'

/** A card's size, or a box's, in CSS pixels. */
export interface Size {
  width: number
  height: number
}

/** A rectangle by its top-left corner. */
export interface Rect extends Size {
  left: number
  top: number
}

export interface SeatGeometry {
  layout: SeatLayout
  /** The box the whole map needs: at most the width asked for when that is possible, as tall as needed. */
  width: number
  height: number
  /** One card size for every seat: the largest that fits. */
  card: Size
  /** The centre of each seat's card, in seat order (index 0 is seat 1). */
  seats: { x: number; y: number }[]
  /**
   * The furniture: the table (round: one ellipse; long: one rectangle; U: its three arms), or for rows the
   * front (讲台) first and then each row's desk.
   */
  tables: Rect[]
  /** Where the map's centre text goes: on the table, in the U's open middle, or on the front. */
  centre: Rect
  /** The scale the cards were sized at (the font scale, times any shrinking to fit a box): their text follows it. */
  scale: number
  /** The cards hold the name only (`NAME_CARD`): there was no room for the status line under it. */
  nameOnly: boolean
}

/** A drawing before it is told its scale (the placing functions below). */
type Placed = Omit<SeatGeometry, 'scale' | 'nameOnly'>

export interface GeometryRequest {
  layout: SeatLayout
  /** 1 to 40 in real rooms; any count is drawn. */
  count: number
  /** The width the map should fit in; it grows beyond only when the seats cannot fit at all. */
  width: number
  /** The widest the map may grow to when the seats do not fit in `width` (or not in `maxHeight`). */
  maxWidth?: number
  /** The tallest the map should be; it widens (up to `maxWidth`) before it grows taller than this. */
  maxHeight?: number
  /** The font scale (Mantine's --mantine-scale): cards grow with the text. */
  scale?: number
}

/**
 * Card sizes from roomy to compact, at scale 1. The smallest still shows a 3-character name at 16 px bold
 * (48 px) with the padding and border (see RoundTable.module.css), and a status line of 12 px below it.
 */
export const CARD_SIZES: readonly Size[] = [
  { width: 104, height: 64 },
  { width: 88, height: 56 },
  { width: 72, height: 50 },
  { width: 64, height: 44 }
]

/**
 * The card of a map that must fit a box (`fitSeatGeometry`) and has no room for the status line: the name
 * alone, a 3-character name at 16 px bold (48 px) with 2 px of padding and a 3 px border each side
 * (SeatPlan.module.css, `[data-name-only]`). The seat's status still shows in its colours and border, and
 * is read out.
 */
export const NAME_CARD: Size = { width: 60, height: 30 }

/** The space between name-only cards: their seat number is smaller (SeatPlan.module.css). */
export const NAME_GAP = 8

/** The space between two cards (room for the seat number that sits on a card's corner). */
export const SEAT_GAP = 12

/** Width steps tried between `width` and `maxWidth`. */
const WIDTH_STEP = 24

/**
 * Where each seat of a plan goes in a room of the given shape, so that no two cards touch and every name
 * shows whole. Seat 1 comes first and the numbers go round (or along) in one direction, clockwise:
 * - round (圆桌): an ellipse, seat 1 at the top;
 * - long (长桌): along the top side left to right, down the right end, back along the bottom, up the left end;
 * - u (U形): the open side at the bottom; up the left arm, along the top from left to right, down the right arm;
 * - rows (课桌式): the front at the top; each row from left to right, the front row first.
 *
 * The first width at which the largest card fits wins; cards shrink before the map widens. The answer is
 * remembered and shared (frozen): asked again, it comes at once.
 */
export function seatGeometry(request: GeometryRequest): SeatGeometry {
  const { layout, count, width, maxWidth = width, maxHeight = Infinity, scale = 1 } = request
  return remembered(`seat|${layout}|${count}|${width}|${maxWidth}|${maxHeight}|${scale}`, () => ({ ...unscaledGeometry(request), scale, nameOnly: false }))
}

function unscaledGeometry({ layout, count, width, maxWidth = width, maxHeight = Infinity, scale = 1 }: GeometryRequest): Placed {
  const n = Math.max(0, Math.floor(count))
  const gap = SEAT_GAP * scale
  const cards = CARD_SIZES.map((card) => ({ width: card.width * scale, height: card.height * scale }))
  const smallest = cards[cards.length - 1]!
  const widths: number[] = []
  for (let w = width; w < maxWidth; w += WIDTH_STEP) widths.push(w)
  widths.push(Math.max(width, maxWidth))
  for (const boxWidth of widths) {
    for (const card of cards) {
      // (A drawing taller than `maxHeight` is not drawn at all: the answer is the same, sooner.)
      const geometry = place(layout, n, Math.max(boxWidth, card.width + 2 * gap), card, gap, 1, maxHeight)
      if (geometry && geometry.height <= maxHeight && fits(geometry, gap)) return furnished(geometry, gap)
    }
  }
  // Taller than asked: the smallest cards at the widest width, the shape drawn taller step by step.
  for (let stretch = 1.1; stretch < 8; stretch += 0.1) {
    const geometry = place(layout, n, Math.max(width, maxWidth, smallest.width + 2 * gap), smallest, gap, stretch)
    if (geometry && fits(geometry, gap)) return furnished(geometry, gap)
  }
  // Else wider than allowed (always found at last).
  for (let boxWidth = Math.max(width, maxWidth); boxWidth < 100_000; boxWidth += WIDTH_STEP) {
    const geometry = place(layout, n, boxWidth, smallest, gap)
    if (geometry && fits(geometry, gap)) return furnished(geometry, gap)
  }
  throw new Error(`No room for ${n} seats`)
}

/**
 * The answers already worked out, by request: a round table of 40 tries some hundred drawings before one
 * fits (a few milliseconds), and the same plan is asked for again and again (each page that shows it, each
 * size the console's column passes through as the window settles). The same request always has the same
 * answer; it is frozen, so that no caller can change what the next one is given. The least recently used are
 * forgotten past `MEMORY`.
 */
const memory = new Map<string, SeatGeometry>()
const MEMORY = 200

function remembered(key: string, work: () => SeatGeometry): SeatGeometry {
  const known = memory.get(key)
  if (known) {
    // Most recently used last: the first key is the one to forget.
    memory.delete(key)
    memory.set(key, known)
    return known
  }
  const geometry = frozen(work())
  memory.set(key, geometry)
  if (memory.size > MEMORY) memory.delete(memory.keys().next().value!)
  return geometry
}

/** Forgets every answer worked out so far (for the tests, which compare a remembered answer with a fresh one). */
export function forgetSeatGeometries(): void {
  memory.clear()
}

function frozen(geometry: SeatGeometry): SeatGeometry {
  for (const seat of geometry.seats) Object.freeze(seat)
  for (const table of geometry.tables) Object.freeze(table)
  Object.freeze(geometry.seats)
  Object.freeze(geometry.tables)
  Object.freeze(geometry.card)
  Object.freeze(geometry.centre)
  return Object.freeze(geometry)
}

export interface FitRequest {
  layout: SeatLayout
  count: number
  /** The box the map must fit in, e.g. the console's column at 1366×768. */
  width: number
  height: number
  /** The font scale (Mantine's --mantine-scale): the cards' size at full size. */
  scale?: number
  /** How far the cards (and their text) may shrink below `scale` to fit: 0.6 is 60 %. */
  minShrink?: number
}

/** Shrinking steps: 5 % at a time. */
const SHRINK_STEP = 0.05

/**
 * The seat map that fits a box, for a screen that must not scroll (the live console): the seats spread
 * over the box, with the roomiest cards that fit. Where even the smallest cards do not fit, the status line
 * goes first (`NAME_CARD`), then the cards and their text shrink together, 5 % at a time, down to
 * `minShrink`: names stay whole at every step, only smaller. Past that the map is drawn larger than the box.
 * Remembered and shared like `seatGeometry`'s.
 */
export function fitSeatGeometry(request: FitRequest): SeatGeometry {
  const { layout, count, width, height, scale = 1, minShrink = 0.6 } = request
  return remembered(`fit|${layout}|${count}|${width}|${height}|${scale}|${minShrink}`, () => fitAfresh(request))
}

function fitAfresh({ layout, count, width, height, scale = 1, minShrink = 0.6 }: FitRequest): SeatGeometry {
  const n = Math.max(0, Math.floor(count))
  const eps = 1e-6
  for (let step = 0; 1 - step * SHRINK_STEP >= minShrink - eps; step++) {
    const s = scale * Math.round((1 - step * SHRINK_STEP) * 100) / 100
    for (const base of [...CARD_SIZES, NAME_CARD]) {
      const gap = (base === NAME_CARD ? NAME_GAP : SEAT_GAP) * s
      const card = { width: base.width * s, height: base.height * s }
      for (const placed of candidates(layout, n, width, height, card, gap)) {
        if (placed.width <= width + eps && placed.height <= height + eps && fits(placed, gap)) return { ...furnished(placed, gap), scale: s, nameOnly: base === NAME_CARD }
      }
    }
  }
  const s = scale * minShrink
  return { ...unscaledGeometry({ layout, count: n, width, maxWidth: width, maxHeight: height, scale: s }), scale: s, nameOnly: false }
}

/** The drawings worth trying in a box, best first: each shape spread over as much of the box as suits it. */
function* candidates(layout: SeatLayout, n: number, width: number, height: number, card: Size, gap: number): Generator<Placed> {
  switch (layout) {
    case 'round': {
      // Up to 12 seats a true circle as large as the box allows; more, an oval (or a rounded oblong) filling it.
      if (n <= 12) {
        const side = Math.min(width, height)
        if (side > card.width && !ringTooTight(n, side, side, card, gap)) yield ring(n, side, side, 2, card, gap)
        if (width > card.width && height > card.height && !ringTooTight(n, width, height, card, gap)) yield ring(n, width, height, 2, card, gap)
      }
      if (width > card.width && height > card.height && !ringTooTight(n, width, height, card, gap)) yield ring(n, width, height, 4, card, gap)
      return
    }
    case 'long':
      // The fewest seats at the ends that the width allows: a table drawn deep rather than long in a narrow box.
      for (let ends = n >= 24 ? 2 : n >= 5 ? 1 : 0; n - 2 * ends >= 2 || ends === 0; ends++) {
        const placed = long(n, width, card, gap, true, ends)
        if (placed) yield placed
        if (ends === 0 && n < 2) return
      }
      return
    case 'u': {
      // The arms as short as the width allows; a crowded U also seats people above the arms' ends.
      for (const placed of [uShape(n, width, card, gap), uShape(n, width, card, gap, true)]) if (placed) yield placed
      return
    }
    case 'rows': {
      const placed = rows(n, width, card, gap)
      if (placed) yield placed
    }
  }
}

/** The card of each seat, as a rectangle. */
export function seatRects(geometry: Placed): Rect[] {
  const { card } = geometry
  return geometry.seats.map(({ x, y }) => ({ left: x - card.width / 2, top: y - card.height / 2, width: card.width, height: card.height }))
}

/** True when the two rectangles share any area (touching edges do not). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height
}

/** Every card inside the box, no two closer than `gap`, and none on the furniture. */
function fits(geometry: Placed, gap: number): boolean {
  const rects = seatRects(geometry)
  const eps = 1e-6
  for (const rect of rects) {
    if (rect.left < -eps || rect.top < -eps || rect.left + rect.width > geometry.width + eps || rect.top + rect.height > geometry.height + eps) return false
    // The round table is an ellipse drawn clear of the cards (see `ellipse`); the others are rectangles.
    if (geometry.layout !== 'round') for (const table of geometry.tables) if (overlaps(rect, table)) return false
  }
  const grown = rects.map((rect) => ({ left: rect.left - gap / 2 + eps, top: rect.top - gap / 2 + eps, width: rect.width + gap - 2 * eps, height: rect.height + gap - 2 * eps }))
  for (let i = 0; i < grown.length; i++) {
    for (let j = i + 1; j < grown.length; j++) if (overlaps(grown[i]!, grown[j]!)) return false
  }
  return true
}

/**
 * `stretch` above 1 draws a round or long table taller than it would be (for a narrow box with many seats).
 * A round table taller than `maxHeight` is not drawn (null): it could not be used.
 */
function place(layout: SeatLayout, n: number, width: number, card: Size, gap: number, stretch = 1, maxHeight = Infinity): Placed | null {
  switch (layout) {
    case 'round':
      return round(n, width, card, gap, stretch, maxHeight)
    case 'long':
      return long(n, width, card, gap, stretch > 1)
    case 'u':
      return uShape(n, width, card, gap)
    case 'rows':
      return rows(n, width, card, gap)
  }
}

/**
 * 圆桌: the seats evenly spaced along the rim, starting at the top, clockwise. A circle for up to 12 seats;
 * a bigger table is drawn as a wide rounded oval, so that it fits a screen and the seats along its long
 * sides sit side by side.
 */
function round(n: number, width: number, card: Size, gap: number, stretch: number, maxHeight = Infinity): Placed | null {
  if (width - card.width <= 0) return null
  const circle = n <= 12
  const height = Math.round((circle ? width : Math.max(card.height * 3 + gap * 2, width * 0.62)) * stretch)
  if (height > maxHeight || ringTooTight(n, width, height, card, gap)) return null
  return ring(n, width, height, circle ? 2 : 4, card, gap)
}

/**
 * True when `n` seats cannot go round a ring in this box without neighbours' cards touching, known without drawing
 * it: `ring` spaces them at equal steps of its length measured in cards (a card and a gap across, or up), and that
 * length is at most 4 · (a / step across + b / step up) (the curve goes across its width twice and up its height
 * twice). Under one step each, neighbours are closer than a card and a gap both ways, and `fits` would refuse the
 * drawing. The console's round table of 60 tried some hundred drawings before one fitted, each of them computed
 * in full (issue 16: ~10 ms of the console's first draw).
 */
export function ringTooTight(n: number, width: number, height: number, card: Size, gap: number): boolean {
  if (n < 2) return false
  const reach = 4 * (Math.abs(width - card.width) / 2 / (card.width + gap) + Math.abs(height - card.height) / 2 / (card.height + gap))
  return reach < n * (1 - 1e-6)
}

/** Whether `n` seats drawn round a ring in this box (p = 2 an ellipse, 4 a rounded oblong) keep clear of each other: for the test of `ringTooTight`. */
export const ringFits = (n: number, width: number, height: number, p: 2 | 4, card: Size, gap: number): boolean => fits(ring(n, width, height, p, card, gap), gap)

/** Each sample's place on the unit curve |x|^p + |y|^p = 1, by p (the same for every ring of that shape). */
const unitCurves = new Map<number, { x: Float64Array; y: Float64Array }>()
const SAMPLES = 960

function unitCurve(p: number): { x: Float64Array; y: Float64Array } {
  let curve = unitCurves.get(p)
  if (!curve) {
    const bend = (v: number): number => Math.sign(v) * Math.abs(v) ** (2 / p)
    curve = { x: new Float64Array(SAMPLES + 1), y: new Float64Array(SAMPLES + 1) }
    for (let i = 0; i <= SAMPLES; i++) {
      const angle = -Math.PI / 2 + (i * 2 * Math.PI) / SAMPLES
      curve.x[i] = bend(Math.cos(angle))
      curve.y[i] = bend(Math.sin(angle))
    }
    unitCurves.set(p, curve)
  }
  return curve
}

/**
 * Seats at equal steps (in cards) along a superellipse |x/a|^p + |y/b|^p = 1 (p = 2: an ellipse) inside the box.
 * The table inside the ring is drawn by `furnished`, once a drawing is chosen.
 */
function ring(n: number, width: number, height: number, p: number, card: Size, gap: number): Placed {
  const a = (width - card.width) / 2
  const b = (height - card.height) / 2
  const cx = width / 2
  const cy = height / 2
  const samples = SAMPLES
  const unit = unitCurve(p)
  const xs = new Float64Array(samples + 1)
  const ys = new Float64Array(samples + 1)
  const at = new Float64Array(samples + 1)
  let length = 0
  const stepX = card.width + gap
  const stepY = card.height + gap
  for (let i = 0; i <= samples; i++) {
    const x = cx + a * unit.x[i]!
    const y = cy + b * unit.y[i]!
    // Steps measured in cards (a card's width across, its height up and down): equal steps in this
    // measure give each neighbour the same room, on the long sides and round the bends alike.
    if (i > 0) length += Math.max(Math.abs(x - xs[i - 1]!) / stepX, Math.abs(y - ys[i - 1]!) / stepY)
    xs[i] = x
    ys[i] = y
    at[i] = length
  }
  const seats: { x: number; y: number }[] = []
  let k = 0
  for (let seat = 0; seat < n; seat++) {
    const target = (seat * length) / Math.max(n, 1)
    while (k < samples - 1 && at[k + 1]! <= target) k++
    // Between two samples, in proportion (the curve is steep at the ends of its axes).
    const t = at[k + 1]! > at[k]! ? Math.min(1, Math.max(0, (target - at[k]!) / (at[k + 1]! - at[k]!))) : 0
    seats.push({ x: xs[k]! + (xs[k + 1]! - xs[k]!) * t, y: ys[k]! + (ys[k + 1]! - ys[k]!) * t })
  }
  return { layout: 'round', width, height, card, seats, tables: [], centre: { left: card.width + gap, top: card.height + gap, width: Math.max(0, width - 2 * (card.width + gap)), height: Math.max(0, height - 2 * (card.height + gap)) } }
}

/**
 * The drawing chosen, with its furniture: for a ring, the table is the largest ellipse of the ring's
 * proportions inside it that keeps `gap` from every card (the other shapes come with theirs).
 */
function furnished(geometry: Placed, gap: number): Placed {
  if (geometry.layout !== 'round') return geometry
  const { width, height, card } = geometry
  const a = (width - card.width) / 2
  const b = (height - card.height) / 2
  const cx = width / 2
  const cy = height / 2
  const rects = seatRects(geometry)
  const clear = (rx: number, ry: number): boolean =>
    rects.every((rect) => {
      const dx = Math.max(rect.left - gap - cx, 0, cx - (rect.left + rect.width + gap))
      const dy = Math.max(rect.top - gap - cy, 0, cy - (rect.top + rect.height + gap))
      return (dx / rx) ** 2 + (dy / ry) ** 2 >= 1
    })
  for (let f = 1; f > 0.2; f -= 0.05) {
    const rx = a * f
    const ry = b * f
    const table = { left: cx - rx, top: cy - ry, width: 2 * rx, height: 2 * ry }
    if (clear(rx, ry)) return { ...geometry, tables: [table], centre: table }
  }
  return geometry
}

/** Spreads `k` seats evenly between two points (centres), including both ends when there are several. */
function spread(k: number, from: number, to: number): number[] {
  if (k <= 0) return []
  if (k === 1) return [(from + to) / 2]
  return Array.from({ length: k }, (_, i) => from + ((to - from) * i) / (k - 1))
}

/**
 * 长桌: one long table, seats along both long sides and at the two ends. Top side left to right, right
 * end, bottom side right to left, left end: clockwise like the round table.
 */
function long(n: number, width: number, card: Size, gap: number, deepEnds = false, endsWanted?: number): Placed | null {
  const pitchX = card.width + gap
  const pitchY = card.height + gap
  // Fewest seats at the ends for the width; the long sides stay longer than the ends.
  let ends = endsWanted ?? (n >= 24 ? 2 : n >= 5 ? 1 : 0)
  const sideOf = (e: number): number => Math.max(Math.ceil((n - 2 * e) / 2), 1)
  const widthOf = (e: number): number => Math.max(sideOf(e) * pitchX - gap, card.width * 2) + (e > 0 ? 2 * (card.width + gap) : 0)
  // (In a narrow box with many seats the ends may take more: a table drawn deep rather than long.)
  if (endsWanted === undefined) while (widthOf(ends) > width && (deepEnds ? sideOf(ends + 1) >= 1 && n - 2 * (ends + 1) >= 2 : sideOf(ends + 1) > ends + 1)) ends++
  if (widthOf(ends) > width || (ends > 0 && n - 2 * ends < 2)) return null
  const sides = n - 2 * ends
  const top = Math.ceil(sides / 2)
  const bottom = sides - top
  const tableWidth = Math.max(Math.max(top, 1) * pitchX - gap, card.width * 2)
  const tableHeight = Math.max(ends * pitchY - gap, card.height)
  const height = tableHeight + 2 * pitchY
  const tableLeft = (width - tableWidth) / 2
  const table = { left: tableLeft, top: pitchY, width: tableWidth, height: tableHeight }
  const firstX = tableLeft + card.width / 2
  const lastX = tableLeft + tableWidth - card.width / 2
  const topY = card.height / 2
  const bottomY = height - card.height / 2
  const endYs = spread(ends, table.top + card.height / 2, table.top + tableHeight - card.height / 2)
  const seats = [
    ...spread(top, firstX, lastX).map((x) => ({ x, y: topY })),
    ...endYs.map((y) => ({ x: tableLeft + tableWidth + gap + card.width / 2, y })),
    ...spread(bottom, firstX, lastX)
      .reverse()
      .map((x) => ({ x, y: bottomY })),
    ...[...endYs].reverse().map((y) => ({ x: tableLeft - gap - card.width / 2, y }))
  ]
  return { layout: 'long', width, height, card, seats, tables: [table], centre: table }
}

/**
 * U形: the closed side at the top, open at the bottom (towards the front or the screen). Up the left arm,
 * along the top from left to right, down the right arm.
 */
function uShape(n: number, width: number, card: Size, gap: number, corners = false): Placed | null {
  const pitchX = card.width + gap
  const pitchY = card.height + gap
  // Seats along the top between the arms' columns (with `corners`, above them too: a crowded U in a short box).
  const capacity = corners ? Math.floor((width + gap) / pitchX) : Math.floor((width - 2 * pitchX + gap) / pitchX)
  if (n >= 3 && capacity < 1) return null
  let arm = n < 3 ? 0 : Math.max(1, Math.floor(n / 4), Math.ceil((n - capacity) / 2))
  if (n - 2 * arm < 1 && n >= 3) arm = Math.floor((n - 1) / 2)
  const base = n - 2 * arm
  if (base > Math.max(capacity, n < 3 ? n : 0) && n >= 3) return null
  if (corners && (n < 3 || base < 2)) return null
  const armDepth = Math.max(arm * pitchY - gap, card.height)
  const depth = 3 * card.height // how thick the table is drawn
  const height = pitchY + armDepth + (n >= 3 ? card.height : 0)
  const innerLeft = pitchX
  const innerRight = width - pitchX
  if (n < 3 || innerRight - innerLeft < card.width) {
    // Too few for arms: a short straight table.
    const baseWidth = n * pitchX - gap
    if (baseWidth > width) return null
    const left = (width - baseWidth) / 2
    const seats = Array.from({ length: n }, (_, i) => ({ x: left + card.width / 2 + i * pitchX, y: card.height / 2 }))
    const tableTop = card.height + gap
    const table = { left, top: tableTop, width: Math.max(baseWidth, card.width), height: depth / 2 }
    return { layout: 'u', width, height: tableTop + depth / 2, card, seats, tables: [table], centre: table }
  }
  const armTop = pitchY
  const armYs = spread(arm, armTop + card.height / 2, armTop + armDepth - card.height / 2)
  const leftX = card.width / 2
  const rightX = width - card.width / 2
  const baseXs = corners ? spread(base, leftX, rightX) : spread(base, innerLeft + card.width / 2, innerRight - card.width / 2)
  const seats = [
    ...[...armYs].reverse().map((y) => ({ x: leftX, y })),
    ...baseXs.map((x) => ({ x, y: card.height / 2 })),
    ...armYs.map((y) => ({ x: rightX, y }))
  ]
  // The table: the top bar below the top row, and an arm inside each arm's column of seats.
  const bar = Math.min(card.height * 0.8, Math.max(16, (innerRight - innerLeft) / 6))
  const tables: Rect[] = [
    { left: innerLeft, top: armTop, width: innerRight - innerLeft, height: bar },
    { left: innerLeft, top: armTop + bar, width: bar, height: Math.max(0, armDepth - bar) },
    { left: innerRight - bar, top: armTop + bar, width: bar, height: Math.max(0, armDepth - bar) }
  ]
  // The words go in the open middle.
  const middle = { left: innerLeft + bar + gap, top: armTop + bar + gap, width: Math.max(0, innerRight - innerLeft - 2 * bar - 2 * gap), height: Math.max(0, armDepth - bar - gap) }
  return { layout: 'u', width, height, card, seats, tables, centre: middle }
}

/**
 * 课桌式: rows of seats facing the front (at the top), each row behind its desk; seat 1 at the front left,
 * each row from left to right.
 */
function rows(n: number, width: number, card: Size, gap: number): Placed | null {
  const pitchX = card.width + gap
  const perRowMax = Math.floor((width + gap) / pitchX)
  if (perRowMax < 1) return null
  const rowCount = Math.max(1, Math.ceil(n / perRowMax))
  const perRow = Math.max(1, Math.ceil(n / rowCount))
  const front = Math.max(40, card.height * 0.8)
  const desk = Math.max(8, card.height * 0.22)
  const rowPitch = desk + card.height + gap
  const height = front + gap + rowCount * rowPitch
  const rowWidth = perRow * pitchX - gap
  const left = (width - rowWidth) / 2
  const seats: { x: number; y: number }[] = []
  const tables: Rect[] = [{ left: Math.max(0, (width - Math.max(rowWidth * 0.6, 160)) / 2), top: 0, width: Math.min(width, Math.max(rowWidth * 0.6, 160)), height: front }]
  for (let row = 0; row < rowCount; row++) {
    const top = front + gap + row * rowPitch
    tables.push({ left, top, width: rowWidth, height: desk })
    const inRow = Math.min(perRow, n - row * perRow)
    for (let i = 0; i < inRow; i++) seats.push({ x: left + card.width / 2 + i * pitchX, y: top + desk + card.height / 2 })
  }
  return { layout: 'rows', width, height, card, seats, tables, centre: tables[0]! }
}
