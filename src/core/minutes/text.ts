import type { Language } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import { documentWords, numberedSection, withAside } from './labels'
import { attendanceLines, decisionAsides, statistics } from './layout'
import { formatChinaSpan } from '../../shared/china-time'
import { clockPrefix } from './time'

/** 会议纪要 as Markdown, for pasting into chat groups; `plain` drops the Markdown marks. */
export function minutesMarkdown(minutes: Minutes, language: Language, plain = false): string {
  const w = documentWords(language)
  const h1 = (text: string) => (plain ? text : `# ${text}`)
  const h2 = (text: string) => (plain ? `\n${text}` : `\n## ${text}`)
  const bold = (text: string) => (plain ? text : `**${text}**`)
  const lines = [
    h1(`${minutes.title}${w('names.minutes')}`),
    '',
    `${w('fields.theme')}${w('colon')}${minutes.theme ?? minutes.title}`,
    `${w('fields.time')}${w('colon')}${formatChinaSpan(minutes.startsAt, minutes.endsAt, language)}`,
    `${w('fields.venue')}${w('colon')}${minutes.venue}`,
    `${w('roles.host')}${w('colon')}${minutes.host ?? w('none')}`,
    `${w('roles.recorder')}${w('colon')}${minutes.recorder ?? w('none')}`,
    h2(numberedSection(w, 1, w('attendance.heading'))),
    ...attendanceLines(minutes, language),
    h2(numberedSection(w, 2, w('headings.study'))),
    ...minutes.study.map((item) => `- ${clockPrefix(item.startedAt, item.endedAt)}${item.lecturer}${w('colon')}${item.topic}`),
    h2(numberedSection(w, 3, w('headings.roundtable'))),
    ...minutes.speakers.flatMap((speaker) => [bold(speaker.name), ...speaker.remarks.map((remark) => `- ${remark.text}`)]),
    h2(numberedSection(w, 4, w('headings.suggestions'))),
    ...(minutes.suggestions.length ? minutes.suggestions.map((item) => `- ${withAside(w, item.speaker, item.tag)}${w('colon')}${item.text}`) : [w('none')]),
    h2(numberedSection(w, 5, w('headings.decisions'))),
    ...(minutes.decisions.length ? minutes.decisions.map((item, index) => `${index + 1}. ${item.text}${decisionAsides(w, { ...item, dueDate: null, done: false }, language)}`) : [w('none')]),
    h2(numberedSection(w, 6, w('headings.summary'))),
    minutes.summary || w('none'),
    '',
    statistics(minutes, language)
  ]
  return `${lines.join('\n')}\n`
}
