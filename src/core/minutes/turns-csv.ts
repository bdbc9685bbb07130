import { labelsByPersonId } from '../../shared/people'
import { csvText } from '../files/csv'
import type { Language } from '../../shared/domain'
import { speakingMs } from '../../shared/speaking'
import type { ReadContext } from '../context'
import { liveView } from '../live/live'
import { LABELS } from './labels'
import { chinaDateTimeSeconds } from '../../shared/china-time'

const HEADERS = {
  'zh-CN': ['发言人', '环节', '轮次', '类型', '结果', '开始时间', '时长(秒)', '掌声'],
  en: ['Speaker', 'Part', 'Round', 'Kind', 'Outcome', 'Started', 'Seconds', 'Applause']
} as const

const OUTCOMES = {
  'zh-CN': { speaking: '发言中', spoken: '已发言', skipped: '跳过', deferred: '暂缓', declined: '不发言' },
  en: { speaking: 'speaking', spoken: 'spoken', skipped: 'skipped', deferred: 'deferred', declined: 'declined' }
} as const

const KINDS = {
  'zh-CN': { study: '学习研讨', round: '轮流发言', raised_hand: '举手插话', again: '再次发言' },
  en: { study: 'study', round: 'round', raised_hand: 'raised hand', again: 'speak again' }
} as const

/** Every turn of the session, in speaking order, as CSV (UTF-8 with a BOM, so Excel reads the Chinese; formula-safe). */
export function turnsCsv(ctx: ReadContext, sessionId: string, language: Language): string {
  const view = liveView(ctx, sessionId)
  const names = labelsByPersonId(view.attendance)
  const segments = new Map(view.session.agenda.map((segment) => [segment.id, LABELS[language].kinds[segment.kind]]))
  const rows = view.state.turns.map((turn) => [
    names.get(turn.personId) ?? '',
    (turn.segmentId && segments.get(turn.segmentId)) ?? '',
    turn.round || '',
    KINDS[language][turn.kind],
    OUTCOMES[language][turn.outcome],
    chinaDateTimeSeconds(turn.startedAt),
    Math.round(speakingMs(turn, view.state.pausedAt, turn.endedAt ?? view.now) / 1000),
    turn.applause
  ])
  return csvText([[...HEADERS[language]], ...rows])
}
