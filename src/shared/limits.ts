/** Bounds on what any input may carry, so a bad caller cannot fill the disk or the screen. */
export const LIMITS = {
  name: 50,
  tag: 20,
  tags: 30,
  shortText: 100,
  mediumText: 200,
  note: 2_000,
  longText: 20_000,
  query: 100,
  remark: 10_000,
  listPage: 5_000,
  seats: 200,
  /** ~700 KB of file: a roster of thousands of people, and under the web bridge's 1 MiB body limit. */
  importBase64: 960_000
} as const
