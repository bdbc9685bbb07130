import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, convertMillimetersToTwip } from 'docx'
import type { Language } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import { LABELS } from './labels'
import { formatDuration, formatSpan } from './time'

// GB/T 9704 conventions: A4; title in 小标宋 22 pt; body 仿宋 16 pt (三号); headings 黑体; page numbers.
const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const BODY_FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }
const BODY_SIZE = 32 // half-points: 16 pt
const TITLE_SIZE = 44 // 22 pt

const body = (text: string, options: { indent?: boolean; bold?: boolean } = {}) =>
  new Paragraph({
    spacing: { line: 560, lineRule: 'exact' }, // 28 pt lines, as official documents use
    indent: options.indent === false ? undefined : { firstLine: 640 }, // two characters
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE, bold: options.bold })]
  })

const heading = (text: string) =>
  new Paragraph({
    spacing: { line: 560, lineRule: 'exact' },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })]
  })

/** 会议纪要 as a .docx that Word and WPS open as an ordinary official document. */
export async function minutesDocx(minutes: Minutes, language: Language): Promise<Buffer> {
  return pack(`${minutes.title}${LABELS[language].minutes}`, minutesParagraphs(minutes, language), pageNumberFooter())
}

/**
 * 会议记录: the raw record — every remark verbatim, in speaking order with times, 散会, lines for the
 * host's and the recorder's signatures, and 第×页 共×页 on every page.
 */
export async function recordDocx(minutes: Minutes, language: Language): Promise<Buffer> {
  const l = LABELS[language]
  const clock = (ms: number | null) => (ms === null ? '' : new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(ms))
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: `${minutes.title}${l.record}`, font: TITLE_FONT, size: TITLE_SIZE })]
    }),
    body(`${l.time}:${formatSpan(minutes.startsAt, minutes.endsAt, language)}`),
    body(`${l.venue}:${minutes.venue}`),
    body(`${l.host}:${minutes.host ?? l.none}    ${l.recorder}:${minutes.recorder ?? l.none}`),
    body(l.counts(minutes.attendance.expected, minutes.attendance.present, minutes.attendance.absent)),
    ...minutes.attendance.groups.map((group) => body(`${group.category}:${group.names.join('、')}`)),
    heading(`${l.section(1)}${l.study}`),
    ...minutes.study.map((item) => body(`${clock(item.startedAt)} ${item.lecturer}:${item.topic}`)),
    heading(`${l.section(2)}${l.roundtable}`),
    ...minutes.speakers.flatMap((speaker) => [
      body(l.speakerLine(speaker.name, speaker.place, clock(speaker.startedAt), formatDuration(speaker.speakingMs, language)), { bold: true }),
      ...speaker.remarks.map((remark) => body(remark.text))
    ]),
    heading(`${l.section(3)}${l.summary}`),
    body(minutes.summary || l.none),
    body(l.adjourned(clock(minutes.endsAt))),
    new Paragraph({ spacing: { before: 800 }, children: [new TextRun({ text: l.signatures, font: BODY_FONT, size: BODY_SIZE })] })
  ]
  return pack(`${minutes.title}${l.record}`, paragraphs, pageCountFooter(language))
}

/** 志愿服务活动记录: what the volunteers did, for reporting service hours upward. */
export async function volunteerDocx(minutes: Minutes, language: Language): Promise<Buffer> {
  const l = LABELS[language]
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: l.volunteer, font: TITLE_FONT, size: TITLE_SIZE })]
    }),
    body(`${l.activity}:${minutes.title}`),
    body(`${l.projectLabel}:${l.projectName}`),
    body(`${l.time}:${formatSpan(minutes.startsAt, minutes.endsAt, language)}`),
    body(`${l.venue}:${minutes.venue}`),
    body(`${l.team}:${minutes.organiser || l.none}`),
    heading(l.volunteersHeading),
    ...minutes.volunteers.map((volunteer) => body(`${volunteer.name}(${l.roles[volunteer.role]}):${l.hoursUnit(volunteer.hours)}`)),
    heading(l.reached),
    body(l.reachedCount(minutes.attendance.present)),
    heading(l.content),
    body(`${l.theme}:${minutes.theme ?? minutes.title}`),
    ...minutes.study.map((item) => body(`${item.lecturer}:${item.topic}`)),
    body(
      l.stats(
        minutes.statistics.speakers,
        minutes.statistics.turns,
        formatDuration(minutes.statistics.totalSpeakingMs, language),
        formatDuration(minutes.statistics.averageSpeakingMs, language),
        minutes.statistics.applause
      )
    ),
    heading(l.outcome),
    body(minutes.summary || l.none),
    ...minutes.decisions.map((item, index) => body(`${index + 1}. ${item.text}`))
  ]
  return pack(l.volunteer, paragraphs, pageNumberFooter())
}

function minutesParagraphs(minutes: Minutes, language: Language): Paragraph[] {
  const l = LABELS[language]
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: `${minutes.title}${l.minutes}`, font: TITLE_FONT, size: TITLE_SIZE })]
    }),
    body(`${l.theme}:${minutes.theme ?? minutes.title}`),
    body(`${l.time}:${formatSpan(minutes.startsAt, minutes.endsAt, language)}`),
    body(`${l.venue}:${minutes.venue}`),
    body(`${l.host}:${minutes.host ?? l.none}`),
    body(`${l.recorder}:${minutes.recorder ?? l.none}`),
    ...(minutes.organiser ? [body(`${l.organiser}:${minutes.organiser}`)] : []),
    heading(`${l.section(1)}${l.attendees}`),
    body(l.counts(minutes.attendance.expected, minutes.attendance.present, minutes.attendance.absent)),
    ...minutes.attendance.groups.map((group) => body(`${group.category}:${group.names.join('、')}`)),
    ...(minutes.attendance.absentees.length
      ? [body(`${l.absentees}:${minutes.attendance.absentees.map((a) => (a.reason ? `${a.name}(${a.reason})` : a.name)).join('、')}`)]
      : []),
    heading(`${l.section(2)}${l.agenda}`),
    ...minutes.agenda.map((item, index) =>
      body(`${index + 1}. ${l.kinds[item.kind]}${item.lecturer ? `:${item.lecturer}` : ''}${item.topic ? `,${item.topic}` : item.title ? `,${item.title}` : ''}(${item.plannedMinutes}${l.minutesUnit})`)
    ),
    heading(`${l.section(3)}${l.study}`),
    ...minutes.study.map((item) => body(`${item.lecturer}${item.place ? `(${item.place})` : ''}:${item.topic}`)),
    heading(`${l.section(4)}${l.roundtable}`),
    ...minutes.speakers.flatMap((speaker) => [
      body(`${speaker.name}${speaker.place ? `(${speaker.place})` : ''}`, { bold: true }),
      ...speaker.remarks.map((remark) => body(remark.text))
    ]),
    heading(`${l.section(5)}${l.suggestions}`),
    ...(minutes.suggestions.length ? minutes.suggestions.map((item) => body(`${item.speaker}(${item.tag}):${item.text}`)) : [body(l.none)]),
    heading(`${l.section(6)}${l.decisions}`),
    ...(minutes.decisions.length
      ? minutes.decisions.map((item, index) =>
          body(`${index + 1}. ${item.text}${item.owner ? `(${l.owner}:${item.owner})` : ''}${item.dueDate ? `(${l.due}:${item.dueDate})` : ''}${item.done ? `[${l.done}]` : ''}`)
        )
      : [body(l.none)]),
    heading(`${l.section(7)}${l.summary}`),
    body(minutes.summary || l.none),
    heading(`${l.section(8)}${l.statistics}`),
    body(
      l.stats(
        minutes.statistics.speakers,
        minutes.statistics.turns,
        formatDuration(minutes.statistics.totalSpeakingMs, language),
        formatDuration(minutes.statistics.averageSpeakingMs, language),
        minutes.statistics.applause
      )
    )
  ]
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: BODY_FONT, size: 28 })] })]
  })
}

/** 第 1 页 共 3 页: Word and WPS fill in the page count when they lay the document out. */
function pageCountFooter(language: Language): Footer {
  const [before, middle, after] = LABELS[language].pageOf
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after], font: BODY_FONT, size: 28 })]
      })
    ]
  })
}

function pack(title: string, paragraphs: Paragraph[], footer: Footer): Promise<Buffer> {
  const document = new Document({
    creator: 'Roundtable',
    title,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26)
            }
          }
        },
        footers: { default: footer },
        children: paragraphs
      }
    ]
  })
  return Packer.toBuffer(document)
}
