import type { Language, PrintableDocument } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import { documentWords, isKeyOf, numberedSubsection, sectionCounter, withAside, type DocumentWords } from './labels'
import { documentsZhCN } from '../../shared/i18n/documents-zh-CN'
import { chinaClock, chinaTimeToUtc, formatChinaDate, formatChinaSpan, formatDuration } from '../../shared/china-time'
import { printedWidth, type Block, type DocumentLayout, type DocumentPhoto, type TableCell } from './blocks'
import { clockPrefix } from './time'
import { volunteerLayout } from './volunteer-layout'

export type { Block, DocumentLayout } from './blocks'

export interface LayoutOptions {
  /** The 会议纪要's 成文日期, chosen at export; the session's day when not given. */
  writtenOn?: number
  /** The photos chosen for the 志愿服务活动记录表; the 会议纪要 appends them when asked to (附件：活动照片). */
  photos?: DocumentPhoto[]
}

export function documentLayout(document: PrintableDocument, minutes: Minutes, language: Language, options: LayoutOptions = {}): DocumentLayout {
  if (document === 'record') return recordLayout(minutes, language)
  if (document === 'volunteer') return volunteerLayout(minutes, language, options.photos ?? [])
  return minutesLayout(minutes, language, options)
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text })
/** A speaker's line: kept with their first remark, if they made any (a run of silent turns may break anywhere). */
const speakerLine = (text: string, remarks: number): Block => ({ kind: 'paragraph', text, bold: true, ...(remarks > 0 ? { keepWithNext: true } : {}) })
const heading = (text: string, level: 1 | 2 = 1): Block => ({ kind: 'heading', text, level })
const fieldLine = (w: DocumentWords, label: string, value: string): Block => paragraph(`${label}${w('colon')}${value}`)

/** 时间, 地点, 主持人, 记录人: the lines under a document's title. */
function headerFields(minutes: Minutes, language: Language): Block[] {
  const w = documentWords(language)
  return [
    fieldLine(w, w('fields.theme'), minutes.theme ?? minutes.title),
    fieldLine(w, w('fields.time'), formatChinaSpan(minutes.startsAt, minutes.endsAt, language)),
    fieldLine(w, w('fields.venue'), minutes.venue),
    fieldLine(w, w('roles.host'), minutes.host ?? w('none')),
    fieldLine(w, w('roles.recorder'), minutes.recorder ?? w('none'))
  ]
}

/**
 * 出席 / 列席 / 缺席 / 未签到 after GB/T 9704 §10.3, each person once, with counts whose arithmetic holds.
 * `summary`: the 会议纪要's word for the absent (请假, with reasons); else the 会议记录's (缺席人员).
 */
export function attendanceLines(minutes: Minutes, language: Language, summary = false): string[] {
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
    // Walk-ins are 列席（临时参加） everywhere (DESIGN §8): 列席 alone is the guest's role.
    ...(attendance.walkInNames.length ? [line(w('attendance.walkIns'), attendance.walkInNames)] : []),
    ...(attendance.absentees.length
      ? [line(w(summary ? 'attendance.leave' : 'attendance.absentees'), attendance.absentees.map((a) => withAside(w, a.name, a.reason)))]
      : []),
    ...(attendance.unmarkedNames.length ? [line(w('attendance.unmarked'), attendance.unmarkedNames)] : [])
  ]
}

/** 学习研讨：李芳，topic（30分钟）: a part of the agenda, as every document names it. */
export function agendaItem(w: DocumentWords, item: Pick<Minutes['agenda'][number], 'kind' | 'title' | 'lecturer' | 'topic' | 'plannedMinutes'>): string {
  const kind = w(`agenda.kinds.${item.kind}`)
  // A part titled with its own kind (圆桌时间 called 圆桌时间) is not named twice.
  const detail = item.topic || (item.title !== kind ? item.title : '')
  const what = `${kind}${item.lecturer ? `${w('colon')}${item.lecturer}` : ''}${detail ? `${w('clauseSeparator')}${detail}` : ''}`
  return withAside(w, what, `${item.plannedMinutes}${w('agenda.minutes')}`)
}

/** The agenda as （一）学习研讨：张三，topic（30分钟）… */
function agendaBlocks(minutes: Minutes, w: DocumentWords): Block[] {
  return minutes.agenda.map((item, index) => paragraph(numberedSubsection(w, index + 1, agendaItem(w, item))))
}

function decisionBlocks(minutes: Minutes, w: DocumentWords, language: Language): Block[] {
  if (!minutes.decisions.length) return [paragraph(w('none'))]
  return minutes.decisions.map((item, index) => paragraph(numberedSubsection(w, index + 1, `${item.text}${decisionAsides(w, item, language)}`)))
}

/**
 * The 会议纪要's 交流发言: each speaker once, in the order they first spoke, with their main points —
 * the remarks the note-taker marked 入纪要, or every remark when none in the session is marked.
 */
export function mainPoints(minutes: Minutes): { name: string; place: string; points: string[] }[] {
  const marked = minutes.speakers.some((speaker) => speaker.remarks.some((remark) => remark.forMinutes))
  const speakers = new Map<string, { name: string; place: string; points: string[] }>()
  for (const speaker of minutes.speakers) {
    const own = speakers.get(speaker.name) ?? { name: speaker.name, place: speaker.place, points: [] }
    own.points.push(...speaker.remarks.filter((remark) => !marked || remark.forMinutes).map((remark) => remark.text))
    speakers.set(speaker.name, own)
  }
  return [...speakers.values()]
}

/** 14:30—15:00，张三（郑家村）作宣讲，题为“…”。 */
function lectureSentence(w: DocumentWords, item: Minutes['study'][number]): string {
  const clock = clockPrefix(item.startedAt, item.endedAt).trim()
  const values = { time: clock ? `${clock}${w('clauseSeparator')}` : '', lecturer: withAside(w, item.lecturer, item.place) }
  return item.topic ? w('minutes.lecture', { ...values, topic: item.topic }) : w('minutes.lectureUntitled', values)
}

/** What the 会议纪要 opens with: when, who organised it, where, who hosted, on what, with what parts. */
function openingSentence(minutes: Minutes, w: DocumentWords, language: Language): string {
  // 其他 parts (a ceremony, a break) are not what the session is said to have been held for.
  const parts = [...new Set(minutes.agenda.flatMap((item) => (item.kind === 'other' ? [] : [w(`minutes.parts.${item.kind}`)])))]
  return w('minutes.opening', {
    date: formatChinaDate(minutes.startsAt, language),
    organiser: minutes.organiser,
    venue: minutes.venue,
    title: minutes.title,
    host: minutes.host ? w('minutes.hostedBy', { host: minutes.host }) : '',
    theme: minutes.theme ?? minutes.title,
    parts: parts.join(w('listSeparator'))
  })
}

/**
 * 会议纪要: the summary offices file (DESIGN §6) — who attended, what was studied, each speaker's main
 * points, suggestions, decisions with owners and deadlines, the host's summary, 落款 and 成文日期. No
 * statistics: those are the 会议记录's and the turns table's.
 */
export function minutesLayout(minutes: Minutes, language: Language, options: LayoutOptions = {}): DocumentLayout {
  const w = documentWords(language)
  const section = sectionCounter(w)
  const title = `${minutes.title}${w('names.minutes')}`
  const speakers = mainPoints(minutes)
  const names = speakers.map((speaker) => speaker.name).join(w('listSeparator'))
  const withPoints = speakers.filter((speaker) => speaker.points.length)
  const blocks: Block[] = [
    { kind: 'title', text: title },
    ...headerFields(minutes, language).slice(1),
    ...attendanceLines(minutes, language, true).map(paragraph),
    paragraph(openingSentence(minutes, w, language)),
    heading(section(w('headings.agenda'))),
    ...agendaBlocks(minutes, w),
    // No 学习研讨 heading when nothing was studied.
    ...(minutes.study.length
      ? [
          heading(section(w('headings.study'))),
          ...minutes.study.map((item) =>
            paragraph(lectureSentence(w, item))
          )
        ]
      : []),
    heading(section(w('headings.roundtable'))),
    ...(speakers.length ? [paragraph(w(withPoints.length ? 'minutes.speakers' : 'minutes.speakersNoPoints', { names }))] : [paragraph(w('none'))]),
    ...withPoints.flatMap((speaker) => [speakerLine(withAside(w, speaker.name, speaker.place), speaker.points.length), ...speaker.points.map(paragraph)]),
    heading(section(w('headings.suggestions'))),
    ...(minutes.suggestions.length
      ? minutes.suggestions.map((item, index) => paragraph(numberedSubsection(w, index + 1, `${withAside(w, item.speaker, item.tag)}${w('colon')}${item.text}`)))
      : [paragraph(w('none'))]),
    heading(section(w('headings.decisions'))),
    ...decisionBlocks(minutes, w, language),
    heading(section(w('headings.summary'))),
    paragraph(minutes.summary || w('none')),
    closingBlock(minutes.organiser, formatChinaDate(options.writtenOn ?? minutes.startsAt, language)),
    ...photoAttachment(options.photos ?? [], w)
  ]
  return { title, blocks, footer: 'page' }
}

/** 附件：活动照片 after the 纪要's date (GB/T 9704 §8: an attachment follows the document), two photos to a row. */
function photoAttachment(photos: DocumentPhoto[], w: DocumentWords): Block[] {
  if (!photos.length) return []
  const rows: TableCell[][] = []
  for (let index = 0; index < photos.length; index += 2) {
    rows.push(photos.slice(index, index + 2).map((photo) => ({ text: '', label: true, photos: [photo] })))
    if (rows.at(-1)!.length === 1) rows.at(-1)!.push({ text: '' })
  }
  return [{ kind: 'attachment', text: w('minutes.photos') }, { kind: 'table', columns: [1, 1], rows }]
}

/**
 * 落款 and 成文日期 (GB/T 9704 §7.3.5): the date 右空二字; the organiser over it, starting two characters
 * left of the date's first character; when the organiser's name is the longer, it is 右空二字 instead and
 * the date moves left to keep its first character two to the right of the name's.
 */
export function closingBlock(organiser: string, date: string): Block {
  const nameWidth = printedWidth(organiser)
  const dateWidth = printedWidth(date)
  let dateIndent = 2
  let nameIndent = dateIndent + dateWidth + 2 - nameWidth
  if (nameIndent < 2) {
    nameIndent = 2
    dateIndent = nameWidth - dateWidth
  }
  const lines = organiser ? [{ text: organiser, rightIndent: nameIndent }] : []
  return { kind: 'closing', lines: [...lines, { text: date, rightIndent: organiser ? dateIndent : 2 }] }
}

/**
 * 会议记录: the verbatim record — 主题, 议程, attendance with names and reasons, every remark in time order
 * (插话 and 再次发言 marked), 议定事项, 散会, lines for the host's and the recorder's signatures, and
 * 第×页 共×页 on every page.
 */
export function recordLayout(minutes: Minutes, language: Language): DocumentLayout {
  const w = documentWords(language)
  const section = sectionCounter(w)
  const clock = (ms: number | null) => (ms === null ? '' : chinaClock(ms))
  const title = `${minutes.title}${w('names.record')}`
  const blocks: Block[] = [
    { kind: 'title', text: title },
    ...headerFields(minutes, language),
    ...attendanceLines(minutes, language).map(paragraph),
    heading(section(w('headings.agenda'))),
    ...agendaBlocks(minutes, w),
    heading(section(w('headings.proceedings'))),
    ...recordBlocks(minutes, language),
    heading(section(w('headings.decisions'))),
    ...decisionBlocks(minutes, w, language),
    heading(section(w('headings.hostSummary'))),
    paragraph(minutes.summary || w('none')),
    { kind: 'paragraph', text: w('record.adjourned', { time: clock(minutes.endsAt) }), keepWithNext: true },
    { kind: 'signatures', text: w('record.signatures') }
  ]
  return { title, blocks, footer: 'pageOf' }
}

/** The 会议记录's body: each part of the session as a （一） heading, then every entry in it in time order, verbatim. */
function recordBlocks(minutes: Minutes, language: Language): Block[] {
  const w = documentWords(language)
  const headingOf = (section: string): string => {
    const item = minutes.agenda.find((candidate) => candidate.id === section)
    if (!item) return isKeyOf(documentsZhCN.record.sections, section) ? w(`record.sections.${section}`) : ''
    const kind = w(`agenda.kinds.${item.kind}`)
    return item.title && item.title !== kind ? `${kind}${w('colon')}${item.title}` : kind
  }
  /** （举手插话）, （跳过）…: how a turn came or ended, where the record says so. */
  const mark = (how: string | null): string => (how !== null && isKeyOf(documentsZhCN.record.marks, how) ? w(`record.marks.${how}`) : '')
  const blocks: Block[] = []
  let shown: string | null = null
  let parts = 0
  for (const entry of minutes.record) {
    // Two 学习研讨 segments in a row read as one part: a heading only when the part's name changes.
    const title = headingOf(entry.section)
    if (title !== shown) {
      shown = title
      if (title) blocks.push(heading(numberedSubsection(w, ++parts, title), 2))
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

/** After a 议定事项: who follows it up, by when, and whether it is done, each in its own brackets. */
export function decisionAsides(w: DocumentWords, item: { owner: string; dueDate: string | null; done: boolean }, language: Language): string {
  const owner = item.owner ? w('aside', { text: '', aside: `${w('fields.owner')}${w('colon')}${item.owner}` }) : ''
  // A due date reads as a date (2025年9月30日), not as 2025-09-30.
  const due = item.dueDate ? w('aside', { text: '', aside: `${w('fields.due')}${w('colon')}${formatChinaDate(chinaTimeToUtc(item.dueDate), language)}` }) : ''
  const done = item.done ? w('aside', { text: '', aside: w('fields.done') }) : ''
  return `${owner}${due}${done}`
}
