/** How a seat looks in the live console: who holds the mic, who is next, how each turn ended. */
export type SeatTone = 'current' | 'next' | 'spoken' | 'skipped' | 'declined' | 'deferred' | 'absent' | 'present' | 'unmarked'
