import { Box, VisuallyHidden } from '@mantine/core'
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { currentFontScale } from '../../theme'
import type { SeatLayout } from '@shared/domain'
import { fitSeatGeometry, seatGeometry } from './seat-geometry'
import classes from './SeatPlan.module.css'
import type { SeatTone } from './seat-tone'

export interface TableSeat {
  /** Stable identity (the person's id), so focus and drag follow the person. */
  key: string
  number: number
  name: string
  detail?: string
  tone?: SeatTone
  /** A word for the tone, shown on the seat and read out (e.g. 已发言). */
  status?: string
  /** An icon on the seat, e.g. the microphone at the current speaker. */
  icon?: ReactNode
}

interface Props {
  seats: TableSeat[]
  label: string
  /** The room's shape (座位布局); seat numbers are the speaking order in every shape. */
  layout: SeatLayout
  /** Shown in the middle of the table (for rows: on the front). */
  centre?: ReactNode
  /** The width the plan should fit in; it widens up to `maxWidth` when the seats need it. */
  width?: number
  maxWidth?: number
  /** The plan widens (up to `maxWidth`) before it grows taller than this. */
  maxHeight?: number
  /**
   * A box the plan must fit in, on a screen that does not scroll (the live console): the seats spread over
   * it, and where they are many the status line gives way, then the cards shrink with their text
   * (`fitSeatGeometry`). Replaces `width`, `maxWidth` and `maxHeight`.
   */
  fit?: { width: number; height: number }
  /** Makes the plan editable: swap the people on two seats (drag one onto another, or by keyboard). */
  onSwap?: (from: number, to: number) => void
  /** Makes seats buttons that do something (e.g. check in); not together with `onSwap`. */
  onSeatClick?: (seat: TableSeat) => void
}

/**
 * The seat plan, drawn in the room's shape (圆桌 / 长桌 / U形 / 课桌式; where each seat goes is
 * `seat-geometry.ts`): one drawing for the planner, the session page, check-in and the console.
 * Keyboard: arrows move between seats in seat order; Enter or Space picks a person up, arrows carry them
 * along, Enter, Space or Escape puts them down.
 */
export function SeatPlan({ seats, label, layout, centre, width = 460, maxWidth = width, maxHeight, fit, onSwap, onSeatClick }: Props) {
  const seating = useSeating(seats, onSwap)
  // The font size setting (标准 / 大 / 特大) scales Mantine's sizes; the cards grow with the text.
  const scale = currentFontScale()
  const fitWidth = fit?.width
  const fitHeight = fit?.height
  const geometry = useMemo(
    () =>
      fitWidth !== undefined && fitHeight !== undefined
        ? fitSeatGeometry({ layout, count: seats.length, width: fitWidth, height: fitHeight, scale })
        : seatGeometry({ layout, count: seats.length, width, maxWidth, maxHeight, scale }),
    [layout, seats.length, width, maxWidth, maxHeight, fitWidth, fitHeight, scale]
  )
  const { card } = geometry
  return (
    <Box
      className={classes.table}
      role="group"
      aria-label={label}
      data-layout={layout}
      data-testid="seat-plan"
      data-name-only={geometry.nameOnly || undefined}
      // In px, as the geometry is (a number given to Mantine's w/h would be scaled by the font size again).
      // The cards' text, padding and seat numbers follow the scale the cards were sized at.
      style={{ width: `${geometry.width}px`, height: `${geometry.height}px`, '--seat-scale': geometry.scale }}
    >
      {geometry.tables.map((table, index) => (
        <div key={index} className={classes.surface} data-layout={layout} data-front={(layout === 'rows' && index === 0) || undefined} style={table} aria-hidden />
      ))}
      <div className={classes.centre} style={geometry.centre}>
        {centre}
      </div>
      {seats.map((seat, index) => {
        const at = geometry.seats[index]!
        return (
          <SeatButton
            key={seat.key}
            seat={seat}
            index={index}
            position={{ left: at.x - card.width / 2, top: at.y - card.height / 2, width: card.width, height: card.height }}
            seating={seating}
            nameOnly={geometry.nameOnly}
            editable={!!onSwap}
            onSeatClick={onSeatClick}
          />
        )
      })}
      <VisuallyHidden aria-live="polite">{seating.announcement}</VisuallyHidden>
    </Box>
  )
}

type Seating = ReturnType<typeof useSeating>

/** Which seat has the focus, whom the keyboard is carrying, what to announce, and the moves themselves. */
function useSeating(seats: TableSeat[], onSwap: Props['onSwap']) {
  const { t } = useTranslation()
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const [carrying, setCarrying] = useState<string | null>(null)
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const dragFrom = useRef<number | null>(null)

  // Focus moves to a seat only when the user moves it there (arrows, below). New seats from a live update
  // must never pull it back from where the user now types: an Enter meant for a field would press a seat.
  // The one exception is the person being carried round: React may move their seat in the page with a
  // swap, which drops the focus for a moment; it is given back before anything else can run.
  useLayoutEffect(() => {
    if (carrying) buttons.current.get(carrying)?.focus()
  }, [carrying, seats])

  function onKeyDown(event: React.KeyboardEvent, index: number): void {
    const seat = seats[index]!
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0
    if (step !== 0) {
      event.preventDefault()
      const target = (index + step + seats.length) % seats.length
      if (carrying === seat.key && onSwap) {
        onSwap(index, target)
        setAnnouncement(t('seating.moved', { name: seat.name, seat: target + 1 }))
      } else buttons.current.get(seats[target]!.key)?.focus()
      return
    }
    if (!onSwap) return
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      const picking = carrying !== seat.key
      setCarrying(picking ? seat.key : null)
      setAnnouncement(t(picking ? 'seating.pickedUp' : 'seating.putDown', { name: seat.name, seat: index + 1 }))
    } else if (event.key === 'Escape' && carrying) {
      event.preventDefault()
      setCarrying(null)
      setAnnouncement(t('seating.putDown', { name: seat.name, seat: index + 1 }))
    }
  }

  function drop(index: number): void {
    if (onSwap && dragFrom.current !== null && dragFrom.current !== index) {
      onSwap(dragFrom.current, index)
      setAnnouncement(t('seating.moved', { name: seats[dragFrom.current]!.name, seat: index + 1 }))
    }
    dragFrom.current = null
  }

  const tabStop = focusKey ?? seats[0]?.key
  return { buttons, carrying, setCarrying, tabStop, setFocusKey, announcement, onKeyDown, dragFrom, drop }
}

interface SeatButtonProps {
  seat: TableSeat
  index: number
  position: { left: number; top: number; width: number; height: number }
  seating: Seating
  /** No room for the status line: it is still read out, and shown by the card's colours. */
  nameOnly: boolean
  editable: boolean
  onSeatClick: Props['onSeatClick']
}

/** One seat: its number, the person, and what the keyboard and the mouse can do with it. */
function SeatButton({ seat, index, position, seating, nameOnly, editable, onSeatClick }: SeatButtonProps) {
  const { t } = useTranslation()
  const { buttons, carrying, setCarrying, tabStop, setFocusKey, onKeyDown, dragFrom, drop } = seating
  return (
    // The seat number and the microphone sit on the card's corners, outside it: beside the button rather than
    // in it, so that the button's own box holds just the name and the status.
    // A plain button (styled by .seat), not Mantine's UnstyledButton: sixty of them are drawn with the console,
    // and the component's styling machinery cost more than the seats themselves (issue 16).
    <div className={classes.slot} style={position}>
      <button
        type="button"
        ref={(element: HTMLButtonElement | null) => {
          if (element) buttons.current.set(seat.key, element)
          else buttons.current.delete(seat.key)
        }}
        className={classes.seat}
        data-carrying={carrying === seat.key || undefined}
        data-tone={seat.tone}
        onClick={onSeatClick ? () => onSeatClick(seat) : undefined}
        data-editable={editable || undefined}
        aria-label={[t('seating.seatLabel', { seat: seat.number, name: seat.name }), seat.status].filter(Boolean).join(t('common.clauseSeparator'))}
        aria-pressed={editable ? carrying === seat.key : undefined}
        tabIndex={tabStop === seat.key ? 0 : -1}
        onFocus={() => setFocusKey(seat.key)}
        onBlur={(event) => {
          if (carrying !== seat.key) return
          // Put down once the focus has really gone elsewhere, not while the seat only moves in the page.
          const button = event.currentTarget
          queueMicrotask(() => document.activeElement !== button && setCarrying(null))
        }}
        onKeyDown={(event) => onKeyDown(event, index)}
        draggable={editable}
        onDragStart={(event) => {
          dragFrom.current = index
          event.dataTransfer.effectAllowed = 'move'
          event.dataTransfer.setData('text/plain', seat.key)
        }}
        onDragOver={(event) => editable && event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault()
          drop(index)
        }}
      >
        <span className={classes.name} title={seat.name} data-seat-name>
          {seat.name}
        </span>
        {!nameOnly && (seat.status ?? seat.detail) && <span className={classes.status}>{seat.status ?? seat.detail}</span>}
      </button>
      <span className={classes.number} aria-hidden>
        {seat.number}
      </span>
      {seat.icon && <span className={classes.icon}>{seat.icon}</span>}
    </div>
  )
}
