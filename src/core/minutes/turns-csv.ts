import { labelsByPersonId } from '../../shared/people'
import { csvText } from '../files/csv'
import type { Language } from '../../shared/domain'
import { speakingMs } from '../../shared/speaking'
import type { ReadContext } from '../context'
import { liveView } from '../live/live'
import { documentWords } from './labels'
import { chinaDateTimeSeconds } from '../../shared/china-time'

/** The columns, in order; their headers are the words `turns.columns.*`. */
const COLUMNS = ['speaker', 'part', 'round', 'kind', 'outcome', 'started', 'seconds', 'applause'] as const

/**
 * Every turn of the session, in speaking order, as CSV (UTF-8 with a BOM, so Excel reads the Chinese;
 * formula-safe), with the session's start and title for the file's name.
 */
export function turnsCsv(ctx: ReadContext, sessionId: string, language: Language): { csv: string; session: { startsAt: number; title: string } } {
  const view = liveView(ctx, sessionId)
  const names = labelsByPersonId(view.attendance)
  const w = documentWords(language)
  const segments = new Map(view.session.agenda.map((segment) => [segment.id, w(`agenda.kinds.${segment.kind}`)]))
  const rows = view.state.turns.map((turn) => [
    names.get(turn.personId) ?? '',
    (turn.segmentId && segments.get(turn.segmentId)) ?? '',
    turn.round || '',
    w(`turns.kinds.${turn.kind}`),
    w(`turns.outcomes.${turn.outcome}`),
    chinaDateTimeSeconds(turn.startedAt),
    Math.round(speakingMs(turn, view.state.pausedAt, turn.endedAt ?? view.now) / 1000),
    turn.applause
  ])
  const { session } = view
  return {
    csv: csvText([COLUMNS.map((column) => w(`turns.columns.${column}`)), ...rows]),
    // Named like the documents: the actual start where the session ran (as in the minutes model).
    session: { startsAt: session.startedAt ?? session.plannedStart, title: session.title }
  }
}
