import { serviceStartsAt } from '../../shared/attendance'
import { chinaClock, formatChinaSpan } from '../../shared/china-time'
import type { Language } from '../../shared/domain'
import type { Minutes } from '../../shared/minutes'
import type { DocumentLayout, DocumentPhoto, TableCell } from './blocks'
import { documentWords, numberedSubsection, type DocumentWords } from './labels'

/**
 * The form is ruled on a grid of 24 columns: a field's name takes 6, so two fields share a row
 * (6 + 6 + 6 + 6), and the list of volunteers gets columns as wide as its headings need.
 */
const GRID = 24
const label = (text: string, span = 6): TableCell => ({ text, span, label: true })
const value = (text: string, span = 6): TableCell => ({ text, span })
const WIDE = GRID - 6

/**
 * 志愿服务活动记录表 (DESIGN §6): the form a 新时代文明实践 station files for each activity — what, when,
 * where, who organised it and whom to call, how many volunteers and how many people served, what was
 * done and what came of it, each volunteer's time and hours, the photos, and room for the reviewer's
 * signature and the seal. Every number is the minutes model's (one truth with minutes:get).
 */
export function volunteerLayout(minutes: Minutes, language: Language, photos: DocumentPhoto[]): DocumentLayout {
  const w = documentWords(language)
  const title = w('titles.volunteer')
  const rows: TableCell[][] = [
    [label(w('volunteer.activity')), value(minutes.title, WIDE)],
    [label(w('volunteer.project')), value(w('volunteer.projectName'), WIDE)],
    [label(w('volunteer.time')), value(formatChinaSpan(minutes.startsAt, minutes.endsAt, language), WIDE)],
    [label(w('volunteer.venue')), value(minutes.venue), label(w('volunteer.organiser')), value(minutes.organiser)],
    [label(w('volunteer.contact')), value(minutes.host ?? ''), label(w('volunteer.phone')), value(minutes.contactPhone)],
    [
      label(w('volunteer.volunteers')),
      value(w('volunteer.people', { count: minutes.volunteers.length })),
      label(w('volunteer.served')),
      value(w('volunteer.servedNote', { count: minutes.served }))
    ],
    [label(w('volunteer.content')), value(contentOf(minutes, w), WIDE)],
    [label(w('volunteer.outcome')), value(outcomeOf(minutes, w), WIDE)],
    ...volunteerRows(minutes, w),
    [label(w('volunteer.photos'), GRID)],
    ...photoRows(photos, w),
    [label(w('volunteer.recorder')), value(minutes.recorder ?? ''), label(w('volunteer.reviewer')), value('')],
    [value('', GRID / 2), label(w('volunteer.seal'), GRID / 2)]
  ]
  return { title, blocks: [{ kind: 'title', text: title }, { kind: 'table', columns: Array<number>(GRID).fill(1), rows }], footer: 'page' }
}

/** 围绕“主题”开展学习研讨和圆桌交流。张三宣讲“…”。8名群众作交流发言。 */
function contentOf(minutes: Minutes, w: DocumentWords): string {
  return [
    w('volunteer.contentTheme', { theme: minutes.theme ?? minutes.title }),
    ...minutes.study.filter((item) => item.topic).map((item) => w('volunteer.contentLecture', { lecturer: item.lecturer, topic: item.topic })),
    ...(minutes.statistics.speakers ? [w('volunteer.contentSpeakers', { count: minutes.statistics.speakers })] : [])
  ].join('')
}

/** The host's summary, then the 议定事项 as （一）（二）. */
function outcomeOf(minutes: Minutes, w: DocumentWords): string {
  return [minutes.summary, ...minutes.decisions.map((item, index) => numberedSubsection(w, index + 1, item.text))].filter(Boolean).join('\n') || w('none')
}

/** 志愿者名单: 序号, 姓名, 角色, 签到 and 签退 (the time their service counts from and to), and the hours stated. */
function volunteerRows(minutes: Minutes, w: DocumentWords): TableCell[][] {
  const columns = (cells: [string, string, string, string, string, string], asLabels: boolean): TableCell[] => {
    const spans = [2, 5, 5, 4, 4, 4]
    return cells.map((text, index) => (asLabels ? label(text, spans[index]) : { text, span: spans[index], label: index !== 1 }))
  }
  const c = (key: 'number' | 'name' | 'role' | 'signIn' | 'signOut' | 'hours') => w(`volunteer.columns.${key}`)
  return [
    [label(w('volunteer.roster'), GRID)],
    columns([c('number'), c('name'), c('role'), c('signIn'), c('signOut'), c('hours')], true),
    ...minutes.volunteers.map((volunteer, index) =>
      columns(
        [
          String(index + 1),
          volunteer.name,
          w(`roles.${volunteer.role}`),
          chinaClock(serviceStartsAt(volunteer.checkedInAt, minutes.startsAt, minutes.endsAt)),
          chinaClock(minutes.endsAt),
          String(volunteer.hours)
        ],
        false
      )
    )
  ]
}

/** Two photos to a row, each with its caption; a sentence when none were chosen. */
function photoRows(photos: DocumentPhoto[], w: DocumentWords): TableCell[][] {
  if (!photos.length) return [[value(w('volunteer.noPhotos'), GRID)]]
  const rows: TableCell[][] = []
  for (let index = 0; index < photos.length; index += 2) {
    const pair = photos.slice(index, index + 2)
    rows.push(pair.map((photo) => ({ text: '', span: GRID / 2, label: true, photos: [photo] })))
    if (pair.length === 1) rows.at(-1)!.push(value('', GRID / 2))
  }
  return rows
}
