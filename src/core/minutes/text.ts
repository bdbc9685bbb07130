import type { Language } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import { LABELS } from './labels'
import { attendanceLines } from './layout'
import { formatChinaSpan, formatDuration } from '../../shared/china-time'
import { clockPrefix } from './time'

/** 会议纪要 as Markdown, for pasting into chat groups; `plain` drops the Markdown marks. */
export function minutesMarkdown(minutes: Minutes, language: Language, plain = false): string {
  const l = LABELS[language]
  const h1 = (text: string) => (plain ? text : `# ${text}`)
  const h2 = (text: string) => (plain ? `\n${text}` : `\n## ${text}`)
  const bold = (text: string) => (plain ? text : `**${text}**`)
  const lines = [
    h1(`${minutes.title}${l.minutes}`),
    '',
    `${l.theme}:${minutes.theme ?? minutes.title}`,
    `${l.time}:${formatChinaSpan(minutes.startsAt, minutes.endsAt, language)}`,
    `${l.venue}:${minutes.venue}`,
    `${l.host}:${minutes.host ?? l.none}`,
    `${l.recorder}:${minutes.recorder ?? l.none}`,
    h2(`${l.section(1)}${l.attendees}`),
    ...attendanceLines(minutes, language),
    h2(`${l.section(2)}${l.study}`),
    ...minutes.study.map((item) => `- ${clockPrefix(item.startedAt, item.endedAt)}${item.lecturer}:${item.topic}`),
    h2(`${l.section(3)}${l.roundtable}`),
    ...minutes.speakers.flatMap((speaker) => [bold(speaker.name), ...speaker.remarks.map((remark) => `- ${remark.text}`)]),
    h2(`${l.section(4)}${l.suggestions}`),
    ...(minutes.suggestions.length ? minutes.suggestions.map((item) => `- ${item.speaker}(${item.tag}):${item.text}`) : [l.none]),
    h2(`${l.section(5)}${l.decisions}`),
    ...(minutes.decisions.length ? minutes.decisions.map((item, index) => `${index + 1}. ${item.text}${item.owner ? `(${l.owner}:${item.owner})` : ''}`) : [l.none]),
    h2(`${l.section(6)}${l.summary}`),
    minutes.summary || l.none,
    '',
    l.stats(
      minutes.statistics.speakers,
      minutes.statistics.turns,
      formatDuration(minutes.statistics.totalSpeakingMs, language),
      formatDuration(minutes.statistics.averageSpeakingMs, language),
      minutes.statistics.applause
    )
  ]
  return `${lines.join('\n')}\n`
}
