import { createTheme, rem } from '@mantine/core'
import type { DateInputProps, DatePickerInputProps, MonthLevelProps } from '@mantine/dates'
import dayjs from 'dayjs'
import type { FontSize } from '@shared/domain'
import type { Route } from './address'
import i18n from './i18n'

/** The font stacks, by the page's language: shell/global.css (`--roundtable-font`). */
const FONT = 'var(--roundtable-font)'

/** The class of the focus ring (shell/global.css): blue, keyboard only, never the red of an error. */
export const FOCUS_CLASS = 'roundtable-focus'

/** 字号：标准 / 大 / 特大 as Mantine's rem scale: every rem-based size (text, buttons, inputs, gaps) grows with it. */
export const FONT_SCALE: Record<FontSize, number> = { standard: 1, large: 1.125, extraLarge: 1.25 }

/** The font size a window shows: the projector keeps its own sizes, made for the back of the hall; every other page follows 字号. */
export const windowFontSize = (route: Route | null, fontSize: FontSize): FontSize => (route === 'projector' ? 'standard' : fontSize)

/**
 * The scale the window's text is drawn at (applyFontSize), read from where it was set rather than from the page's
 * styles: reading a style as the page draws made the browser work out every element's style there and then
 * (issue 16: ~10 ms of the console's first draw, for the seat plan).
 */
export function currentFontScale(): number {
  const size = typeof document === 'undefined' ? undefined : document.documentElement.dataset.fontSize
  return size !== undefined && Object.hasOwn(FONT_SCALE, size) ? FONT_SCALE[size as FontSize] : 1
}

/** Applies the font size to the whole window at once, dialogs and menus included (they render under <body>). */
export function applyFontSize(fontSize: FontSize): void {
  const root = document.documentElement
  // Only when it changes: the page's every element follows these, so setting them again restyles it all.
  if (root.dataset.fontSize === fontSize) return
  root.style.setProperty('--mantine-scale', String(FONT_SCALE[fontSize]))
  root.dataset.fontSize = fontSize
}

/** A picker's month header: 2026年12月 in Chinese (not 十二月 2026), December 2026 in English. */
export const monthLabel = (date: string): string =>
  dayjs(date)
    .locale(i18n.language === 'en' ? 'en' : 'zh-cn')
    .format(i18n.t('dates.monthHeading'))

/** Calm, high-contrast, large targets: the app is used with one hand while people talk. */
export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: FONT,
  headings: { fontFamily: FONT },
  // In rem (13px … 21px at 标准), so that they grow with the font size setting.
  fontSizes: { xs: rem(13), sm: rem(15), md: rem(16), lg: rem(18), xl: rem(21) },
  focusClassName: FOCUS_CLASS,
  cursorType: 'pointer',
  // Plain objects, not DateInput.extend(…): importing the pickers here would put them in the first screen's chunk.
  components: {
    MonthLevel: { defaultProps: { monthLabelFormat: monthLabel } satisfies Partial<MonthLevelProps> },
    DateInput: { defaultProps: { monthLabelFormat: monthLabel } satisfies Partial<DateInputProps> },
    DatePickerInput: { defaultProps: { monthLabelFormat: monthLabel } satisfies Partial<DatePickerInputProps> }
  }
})
