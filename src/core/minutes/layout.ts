import type { Language, PrintableDocument } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import { LABELS } from './labels'
import { chinaClock, formatChinaSpan, formatDuration } from '../../shared/china-time'
import { clockPrefix } from './time'

/**
 * What a printed document says, block by block. The .docx and the print HTML (and so the PDF) are both
 * drawn from one layout, so Word, WPS and the PDF never disagree about the content.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /**
   * Body text, indented two characters; line breaks typed in a remark are kept. `keepWithNext` keeps it
   * on the page of the paragraph after it (a speaker's name with what they said; 散会 with the signatures).
   */
  | { kind: 'paragraph'; text: string; bold?: boolean; keepWithNext?: boolean }
  /** The signature lines at the end of the 会议记录, set apart from the text above. */
  | { kind: 'signatures'; text: string }

export interface DocumentLayout {
  /** The document's title, as the file's metadata and the print window's title. */
  title: string
  blocks: Block[]
  /** `page`: — 1 — on every page; `pageOf`: 第 1 页 共 3 页, so a missing page is noticed. */
  footer: 'page' | 'pageOf'
}

export function documentLayout(document: PrintableDocument, minutes: Minutes, language: Language): DocumentLayout {
  if (document === 'record') return recordLayout(minutes, language)
  if (document === 'volunteer') return volunteerLayout(minutes, language)
  return minutesLayout(minutes, language)
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text })
/** A speaker's line: kept with their first remark, if they made any (a run of silent turns may break anywhere). */
const speakerLine = (text: string, remarks: number): Block => ({ kind: 'paragraph', text, bold: true, ...(remarks > 0 ? { keepWithNext: true } : {}) })
const heading = (text: string): Block => ({ kind: 'heading', text })

function statistics(minutes: Minutes, language: Language): string {
  const s = minutes.statistics
  return LABELS[language].stats(s.speakers, s.turns, formatDuration(s.totalSpeakingMs, language), formatDuration(s.averageSpeakingMs, language), s.applause)
}

/** 出席 / 列席 / 缺席 / 未签到 after GB/T 9704 §10.3, each person once, with counts whose arithmetic holds. */
export function attendanceLines(minutes: Minutes, language: Language): string[] {
  const l = LABELS[language]
  const { attendance } = minutes
  const line = (label: string, names: string[]) => `${label}${l.colon}${names.join(language === 'en' ? ', ' : '、')}`
  return [
    l.counts(attendance),
    ...attendance.groups.map((group) => line(l.present(group.category), group.names)),
    ...(attendance.walkInNames.length ? [line(l.walkIns, attendance.walkInNames)] : []),
    ...(attendance.absentees.length ? [line(l.absentees, attendance.absentees.map((a) => l.withReason(a.name, a.reason)))] : []),
    ...(attendance.unmarkedNames.length ? [line(l.unmarked, attendance.unmarkedNames)] : [])
  ]
}

const attendanceBlocks = (minutes: Minutes, language: Language): Block[] => attendanceLines(minutes, language).map(paragraph)

function agendaBlocks(minutes: Minutes, language: Language): Block[] {
  const l = LABELS[language]
  return minutes.agenda.map((item, index) =>
    paragraph(
      `${index + 1}. ${l.kinds[item.kind]}${item.lecturer ? `:${item.lecturer}` : ''}${item.topic ? `,${item.topic}` : item.title ? `,${item.title}` : ''}(${item.plannedMinutes}${l.minutesUnit})`
    )
  )
}

function decisionBlocks(minutes: Minutes, language: Language): Block[] {
  const l = LABELS[language]
  if (!minutes.decisions.length) return [paragraph(l.none)]
  return minutes.decisions.map((item, index) =>
    paragraph(
      `${index + 1}. ${item.text}${item.owner ? `(${l.owner}:${item.owner})` : ''}${item.dueDate ? `(${l.due}:${item.dueDate})` : ''}${item.done ? `[${l.done}]` : ''}`
    )
  )
}

/** 会议纪要: the summary form offices file. */
export function minutesLayout(minutes: Minutes, language: Language): DocumentLayout {
  const l = LABELS[language]
  const title = `${minutes.title}${l.minutes}`
  const blocks: Block[] = [
    { kind: 'title', text: title },
    paragraph(`${l.theme}:${minutes.theme ?? minutes.title}`),
    paragraph(`${l.time}:${formatChinaSpan(minutes.startsAt, minutes.endsAt, language)}`),
    paragraph(`${l.venue}:${minutes.venue}`),
    paragraph(`${l.host}:${minutes.host ?? l.none}`),
    paragraph(`${l.recorder}:${minutes.recorder ?? l.none}`),
    ...(minutes.organiser ? [paragraph(`${l.organiser}:${minutes.organiser}`)] : []),
    heading(`${l.section(1)}${l.attendees}`),
    ...attendanceBlocks(minutes, language),
    heading(`${l.section(2)}${l.agenda}`),
    ...agendaBlocks(minutes, language),
    heading(`${l.section(3)}${l.study}`),
    ...minutes.study.map((item) => paragraph(`${clockPrefix(item.startedAt, item.endedAt)}${item.lecturer}${item.place ? `(${item.place})` : ''}:${item.topic}`)),
    heading(`${l.section(4)}${l.roundtable}`),
    ...minutes.speakers.flatMap((speaker) => [
      speakerLine(`${speaker.name}${speaker.place ? `(${speaker.place})` : ''}`, speaker.remarks.length),
      ...speaker.remarks.map((remark) => paragraph(remark.text))
    ]),
    heading(`${l.section(5)}${l.suggestions}`),
    ...(minutes.suggestions.length ? minutes.suggestions.map((item) => paragraph(`${item.speaker}(${item.tag}):${item.text}`)) : [paragraph(l.none)]),
    heading(`${l.section(6)}${l.decisions}`),
    ...decisionBlocks(minutes, language),
    heading(`${l.section(7)}${l.summary}`),
    paragraph(minutes.summary || l.none),
    heading(`${l.section(8)}${l.statistics}`),
    paragraph(statistics(minutes, language))
  ]
  return { title, blocks, footer: 'page' }
}

/**
 * 会议记录: the raw record — every remark verbatim, in speaking order with times, 散会, lines for the
 * host's and the recorder's signatures, and 第×页 共×页 on every page.
 */
export function recordLayout(minutes: Minutes, language: Language): DocumentLayout {
  const l = LABELS[language]
  const clock = (ms: number | null) => (ms === null ? '' : chinaClock(ms))
  const title = `${minutes.title}${l.record}`
  const blocks: Block[] = [
    { kind: 'title', text: title },
    paragraph(`${l.theme}${l.colon}${minutes.theme ?? minutes.title}`),
    paragraph(`${l.time}${l.colon}${formatChinaSpan(minutes.startsAt, minutes.endsAt, language)}`),
    paragraph(`${l.venue}${l.colon}${minutes.venue}`),
    paragraph(`${l.host}${l.colon}${minutes.host ?? l.none}    ${l.recorder}${l.colon}${minutes.recorder ?? l.none}`),
    ...attendanceBlocks(minutes, language),
    heading(l.agenda),
    ...agendaBlocks(minutes, language),
    ...recordBlocks(minutes, language),
    heading(l.decisions),
    ...decisionBlocks(minutes, language),
    heading(l.hostSummary),
    paragraph(minutes.summary || l.none),
    { kind: 'paragraph', text: l.adjourned(clock(minutes.endsAt)), keepWithNext: true },
    { kind: 'signatures', text: l.signatures }
  ]
  return { title, blocks, footer: 'pageOf' }
}

/** The 会议记录's body: each part of the session as a heading, then every entry in it in time order, verbatim. */
function recordBlocks(minutes: Minutes, language: Language): Block[] {
  const l = LABELS[language]
  const headingOf = (section: string): string => {
    const item = minutes.agenda.find((candidate) => candidate.id === section)
    if (!item) return l.sections[section] ?? ''
    const kind = l.kinds[item.kind]
    return item.title && item.title !== kind ? `${kind}：${item.title}` : kind
  }
  const blocks: Block[] = []
  let shown: string | null = null
  for (const entry of minutes.record) {
    // Two 学习研讨 segments in a row read as one part: a heading only when the part's name changes.
    const title = headingOf(entry.section)
    if (title !== shown) {
      shown = title
      if (title) blocks.push(heading(title))
    }
    const time = chinaClock(entry.at)
    const line =
      entry.kind === 'lecture' ? l.lectureLine(entry.speaker, entry.place, time, entry.topic)
      : entry.kind === 'note' ? (entry.section === 'after' ? l.noteLine : l.momentLine)(entry.speaker, entry.place, time)
      : entry.speakingMs === null ? `${l.momentLine(entry.speaker, entry.place, time)}${l.outcomes[entry.outcome ?? ''] ?? ''}`
      : `${l.speakerLine(entry.speaker, entry.place, time, formatDuration(entry.speakingMs, language))}${l.turnMarks[entry.turnKind ?? ''] ?? ''}${l.outcomes[entry.outcome ?? ''] ?? ''}`
    blocks.push(speakerLine(line, entry.remarks.length), ...entry.remarks.map((remark) => paragraph(remark.text)))
  }
  return blocks
}

/** 志愿服务活动记录: what the volunteers did, for reporting service hours upward. */
export function volunteerLayout(minutes: Minutes, language: Language): DocumentLayout {
  const l = LABELS[language]
  const blocks: Block[] = [
    { kind: 'title', text: l.volunteer },
    paragraph(`${l.activity}:${minutes.title}`),
    paragraph(`${l.projectLabel}:${l.projectName}`),
    paragraph(`${l.time}:${formatChinaSpan(minutes.startsAt, minutes.endsAt, language)}`),
    paragraph(`${l.venue}:${minutes.venue}`),
    paragraph(`${l.team}:${minutes.organiser || l.none}`),
    heading(l.volunteersHeading),
    ...minutes.volunteers.map((volunteer) => paragraph(`${l.withReason(volunteer.name, l.roles[volunteer.role])}${l.colon}${l.hoursUnit(volunteer.hours)}`)),
    heading(l.reached),
    paragraph(l.reachedCount(minutes.served)),
    heading(l.content),
    paragraph(`${l.theme}:${minutes.theme ?? minutes.title}`),
    ...minutes.study.map((item) => paragraph(`${item.lecturer}:${item.topic}`)),
    paragraph(statistics(minutes, language)),
    heading(l.outcome),
    paragraph(minutes.summary || l.none),
    ...minutes.decisions.map((item, index) => paragraph(`${index + 1}. ${item.text}`))
  ]
  return { title: l.volunteer, blocks, footer: 'page' }
}
