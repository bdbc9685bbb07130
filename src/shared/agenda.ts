import type { AgendaSegment } from './domain'

/**
 * What a planner may call an agenda's closing part: 主持人总结, 小结, Closing, Summary… The words are what
 * people type as a part's title (data to recognise, not text the app shows), in either language.
 */
const CLOSING_TITLE = /总结|小结|closing|summary/i

/**
 * The agenda's own closing: its last segment when it is of kind 其他 and named as one (e.g. 主持人总结).
 * The built-in 总结 is then not added after it, so the closing is listed once.
 */
export function ownClosing(agenda: readonly AgendaSegment[]): AgendaSegment | undefined {
  const last = agenda.at(-1)
  return last && last.kind === 'other' && CLOSING_TITLE.test(last.title) ? last : undefined
}
