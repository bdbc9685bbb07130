import type { Language, PrintableDocument } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import { documentWords, isKeyOf, numberedSection, withAside, type DocumentWords } from './labels'
import { documentsZhCN } from '../../shared/i18n/documents-zh-CN'
import { chinaClock, chinaTimeToUtc, formatChinaDate, formatChinaSpan, formatDuration } from '../../shared/china-time'
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

/** 共8人发言9次…: the statistics sentence of the 会议纪要 and the 志愿服务活动记录 (and the Markdown). */
export function statistics(minutes: Minutes, language: Language): string {
  const s = minutes.statistics
  return documentWords(language)('statistics', {
    speakers: s.speakers,
    turns: s.turns,
    total: formatDuration(s.totalSpeakingMs, language),
    average: formatDuration(s.averageSpeakingMs, language),
    applause: s.applause
  })
}

/** 出席 / 列席 / 缺席 / 未签到 after GB/T 9704 §10.3, each person once, with counts whose arithmetic holds. */
export function attendanceLines(minutes: Minutes, language: Language): string[] {
  const w = documentWords(language)
  const { attendance } = minutes
  const line = (label: string, names: string[]) => `${label}${w('colon')}${names.join(w('listSeparator'))}`
  const { expected, present, absent, unmarked, walkIns } = attendance
  return [
    w('attendance.counts', {
      expected,
      present,
      absent,
      walkIns: walkIns ? w('attendance.walkInsIncluded', { count: walkIns }) : '',
      unmarked: unmarked ? w('attendance.notCheckedIn', { unmarked }) : ''
    }),
    ...attendance.groups.map((group) => line(w('attendance.present', { category: group.category }), group.names)),
    ...(attendance.walkInNames.length ? [line(w('attendance.walkIns'), attendance.walkInNames)] : []),
    ...(attendance.absentees.length ? [line(w('attendance.absentees'), attendance.absentees.map((a) => withAside(w, a.name, a.reason)))] : []),
    ...(attendance.unmarkedNames.length ? [line(w('attendance.unmarked'), attendance.unmarkedNames)] : [])
  ]
}

const attendanceBlocks = (minutes: Minutes, language: Language): Block[] => attendanceLines(minutes, language).map(paragraph)

function agendaBlocks(minutes: Minutes, w: DocumentWords): Block[] {
  return minutes.agenda.map((item, index) => {
    const kind = w(`agenda.kinds.${item.kind}`)
    // A part titled with its own kind (圆桌时间 called 圆桌时间) is not named twice.
    const detail = item.topic || (item.title !== kind ? item.title : '')
    const what = `${kind}${item.lecturer ? `${w('colon')}${item.lecturer}` : ''}${detail ? `${w('clauseSeparator')}${detail}` : ''}`
    return paragraph(`${index + 1}. ${withAside(w, what, `${item.plannedMinutes}${w('agenda.minutes')}`)}`)
  })
}

function decisionBlocks(minutes: Minutes, w: DocumentWords, language: Language): Block[] {
  if (!minutes.decisions.length) return [paragraph(w('none'))]
  return minutes.decisions.map((item, index) =>
    paragraph(
      `${index + 1}. ${item.text}${decisionAsides(w, item, language)}`
    )
  )
}

/** 会议纪要: the summary form offices file. */
export function minutesLayout(minutes: Minutes, language: Language): DocumentLayout {
  const w = documentWords(language)
  const title = `${minutes.title}${w('names.minutes')}`
  const blocks: Block[] = [
    { kind: 'title', text: title },
    paragraph(`${w('fields.theme')}${w('colon')}${minutes.theme ?? minutes.title}`),
    paragraph(`${w('fields.time')}${w('colon')}${formatChinaSpan(minutes.startsAt, minutes.endsAt, language)}`),
    paragraph(`${w('fields.venue')}${w('colon')}${minutes.venue}`),
    paragraph(`${w('roles.host')}${w('colon')}${minutes.host ?? w('none')}`),
    paragraph(`${w('roles.recorder')}${w('colon')}${minutes.recorder ?? w('none')}`),
    ...(minutes.organiser ? [paragraph(`${w('fields.organiser')}${w('colon')}${minutes.organiser}`)] : []),
    heading(numberedSection(w, 1, w('attendance.heading'))),
    ...attendanceBlocks(minutes, language),
    heading(numberedSection(w, 2, w('headings.agenda'))),
    ...agendaBlocks(minutes, w),
    heading(numberedSection(w, 3, w('headings.study'))),
    ...minutes.study.map((item) => paragraph(`${clockPrefix(item.startedAt, item.endedAt)}${withAside(w, item.lecturer, item.place)}${w('colon')}${item.topic}`)),
    heading(numberedSection(w, 4, w('headings.roundtable'))),
    ...minutes.speakers.flatMap((speaker) => [
      speakerLine(withAside(w, speaker.name, speaker.place), speaker.remarks.length),
      ...speaker.remarks.map((remark) => paragraph(remark.text))
    ]),
    heading(numberedSection(w, 5, w('headings.suggestions'))),
    ...(minutes.suggestions.length ? minutes.suggestions.map((item) => paragraph(`${withAside(w, item.speaker, item.tag)}${w('colon')}${item.text}`)) : [paragraph(w('none'))]),
    heading(numberedSection(w, 6, w('headings.decisions'))),
    ...decisionBlocks(minutes, w, language),
    heading(numberedSection(w, 7, w('headings.summary'))),
    paragraph(minutes.summary || w('none')),
    heading(numberedSection(w, 8, w('headings.statistics'))),
    paragraph(statistics(minutes, language))
  ]
  return { title, blocks, footer: 'page' }
}

/**
 * 会议记录: the raw record — every remark verbatim, in speaking order with times, 散会, lines for the
 * host's and the recorder's signatures, and 第×页 共×页 on every page.
 */
export function recordLayout(minutes: Minutes, language: Language): DocumentLayout {
  const w = documentWords(language)
  const clock = (ms: number | null) => (ms === null ? '' : chinaClock(ms))
  const title = `${minutes.title}${w('names.record')}`
  const field = (label: string, value: string) => `${label}${w('colon')}${value}`
  const blocks: Block[] = [
    { kind: 'title', text: title },
    paragraph(field(w('fields.theme'), minutes.theme ?? minutes.title)),
    paragraph(field(w('fields.time'), formatChinaSpan(minutes.startsAt, minutes.endsAt, language))),
    paragraph(field(w('fields.venue'), minutes.venue)),
    paragraph(`${field(w('roles.host'), minutes.host ?? w('none'))}    ${field(w('roles.recorder'), minutes.recorder ?? w('none'))}`),
    ...attendanceBlocks(minutes, language),
    heading(w('headings.agenda')),
    ...agendaBlocks(minutes, w),
    ...recordBlocks(minutes, language),
    heading(w('headings.decisions')),
    ...decisionBlocks(minutes, w, language),
    heading(w('headings.hostSummary')),
    paragraph(minutes.summary || w('none')),
    { kind: 'paragraph', text: w('record.adjourned', { time: clock(minutes.endsAt) }), keepWithNext: true },
    { kind: 'signatures', text: w('record.signatures') }
  ]
  return { title, blocks, footer: 'pageOf' }
}

/** The 会议记录's body: each part of the session as a heading, then every entry in it in time order, verbatim. */
function recordBlocks(minutes: Minutes, language: Language): Block[] {
  const w = documentWords(language)
  const headingOf = (section: string): string => {
    const item = minutes.agenda.find((candidate) => candidate.id === section)
    if (!item) return isKeyOf(documentsZhCN.record.sections, section) ? w(`record.sections.${section}`) : ''
    const kind = w(`agenda.kinds.${item.kind}`)
    return item.title && item.title !== kind ? `${kind}：${item.title}` : kind
  }
  /** （举手插话）, （跳过）…: how a turn came or ended, where the record says so. */
  const mark = (how: string | null): string => (how !== null && isKeyOf(documentsZhCN.record.marks, how) ? w(`record.marks.${how}`) : '')
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
    const who = withAside(w, entry.speaker, entry.place)
    const line =
      entry.kind === 'lecture' ? `${w('record.lecture', { who, time })}${entry.topic ? w('record.lectureTopic', { topic: entry.topic }) : ''}`
      : entry.kind === 'note' ? w(entry.section === 'after' ? 'record.note' : 'record.moment', { who, time })
      : entry.speakingMs === null ? `${w('record.moment', { who, time })}${mark(entry.outcome)}`
      : `${w('record.turn', { who, time, duration: formatDuration(entry.speakingMs, language) })}${mark(entry.turnKind)}${mark(entry.outcome)}`
    blocks.push(speakerLine(line, entry.remarks.length), ...entry.remarks.map((remark) => paragraph(remark.text)))
  }
  return blocks
}

/** 志愿服务活动记录: what the volunteers did, for reporting service hours upward. */
export function volunteerLayout(minutes: Minutes, language: Language): DocumentLayout {
  const w = documentWords(language)
  const title = w('names.volunteer')
  const blocks: Block[] = [
    { kind: 'title', text: title },
    paragraph(`${w('volunteer.activity')}${w('colon')}${minutes.title}`),
    paragraph(`${w('volunteer.project')}${w('colon')}${w('volunteer.projectName')}`),
    paragraph(`${w('fields.time')}${w('colon')}${formatChinaSpan(minutes.startsAt, minutes.endsAt, language)}`),
    paragraph(`${w('fields.venue')}${w('colon')}${minutes.venue}`),
    paragraph(`${w('volunteer.team')}${w('colon')}${minutes.organiser || w('none')}`),
    heading(w('volunteer.heading')),
    ...minutes.volunteers.map((volunteer) =>
      paragraph(`${withAside(w, volunteer.name, w(`roles.${volunteer.role}`))}${w('colon')}${w('volunteer.hours', { hours: volunteer.hours })}`)
    ),
    heading(w('volunteer.reached')),
    paragraph(w('volunteer.served', { people: minutes.served })),
    heading(w('volunteer.content')),
    paragraph(`${w('fields.theme')}${w('colon')}${minutes.theme ?? minutes.title}`),
    ...minutes.study.map((item) => paragraph(`${item.lecturer}${w('colon')}${item.topic}`)),
    paragraph(statistics(minutes, language)),
    heading(w('volunteer.outcome')),
    paragraph(minutes.summary || w('none')),
    ...minutes.decisions.map((item, index) => paragraph(`${index + 1}. ${item.text}`))
  ]
  return { title, blocks, footer: 'page' }
}

/** After a 议定事项: who follows it up, by when, and whether it is done, each in its own brackets. */
export function decisionAsides(w: DocumentWords, item: { owner: string; dueDate: string | null; done: boolean }, language: Language): string {
  const owner = item.owner ? w('aside', { text: '', aside: `${w('fields.owner')}${w('colon')}${item.owner}` }) : ''
  // A due date reads as a date (2025年9月30日), not as 2025-09-30.
  const due = item.dueDate ? w('aside', { text: '', aside: `${w('fields.due')}${w('colon')}${formatChinaDate(chinaTimeToUtc(item.dueDate), language)}` }) : ''
  const done = item.done ? w('aside', { text: '', aside: w('fields.done') }) : ''
  return `${owner}${due}${done}`
}
