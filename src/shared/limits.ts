/** Bounds on what any input may carry, so a bad caller cannot fill the disk or the screen. */
export const LIMITS = {
  shortText: 100,
  mediumText: 200,
  longText: 20_000,
  query: 100,
  listPage: 500
} as const
