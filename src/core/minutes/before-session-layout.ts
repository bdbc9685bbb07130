import { formatChinaDate, formatChinaSpan, formatDuration } from '../../shared/china-time'
import type { BeforeSessionDocument, Language } from '../../shared/domain'
import { VOLUNTEER_ROLES } from '../../shared/roles'
import type { BeforeSession, BeforeSessionInvitee } from './before-session'
import { printedWidth, type Block, type DocumentLayout, type TableCell } from './blocks'
import { documentWords, numberedSubsection, sectionCounter, type DocumentWords } from './labels'
import { agendaItem, closingBlock, paragraph } from './layout'
import { CHARS_PER_LINE, LINE_PITCH_PT, PAGE_MARGINS_MM, TABLE_PT, TEXT_WIDTH_MM } from './page'

/** The documents printed before a session, from its plan: 签到表 and 会议通知. */
export function beforeSessionLayout(document: BeforeSessionDocument, plan: BeforeSession, language: Language, issuedOn: number): DocumentLayout {
  return document === 'signin' ? signInSheetLayout(plan, language) : noticeLayout(plan, language, issuedOn)
}

const heading = (text: string): Block => ({ kind: 'heading', text, level: 1 })
const fieldLine = (w: DocumentWords, label: string, value: string): string => `${label}${w('colon')}${value}`

/** 身份: the role the session gives them, else their first category. */
const identityOf = (w: DocumentWords, invitee: BeforeSessionInvitee): string => (invitee.role ? w(`roles.${invitee.role}`) : invitee.category)

// ---------------------------------------------------------------------------------------------------------
// 签到表

/**
 * The columns in millimetres of the 156 mm text block, in 4号: 序号 as wide as its heading, 姓名 four
 * characters, 单位（村） nine (units have long names), 身份 five (宣讲志愿者), and a hand's room to sign.
 */
const SIGN_IN_COLUMNS_MM = [13, 23, 48, 28, 29, 15]
/** A row: a line of the grid is 10.2 mm; 11 mm leaves a hand room to sign. */
const ROW_MM = 11
/** Blank rows for walk-ins, at the least; then as many more as fill the page the table ends on. */
const MIN_BLANK_ROWS = 3

/**
 * 签到表 (DESIGN §6): printed before the session and signed on arrival — the title, 时间 and 地点, then one
 * row per person invited (序号, 姓名, 单位（村）, 身份; 签名 and 备注 left blank) in the order they sit, and
 * numbered blank rows for those who come unplanned. The heading row is printed again on every page.
 */
export function signInSheetLayout(plan: BeforeSession, language: Language): DocumentLayout {
  const w = documentWords(language)
  const title = w('signin.title', { title: plan.title })
  const lines = [
    fieldLine(w, w('fields.time'), formatChinaSpan(plan.startsAt, plan.endsAt, language)),
    fieldLine(w, w('fields.venue'), plan.venue)
  ]
  const column = (key: 'number' | 'name' | 'place' | 'identity' | 'signature' | 'note') => w(`signin.columns.${key}`)
  const header: TableCell[] = [column('number'), column('name'), column('place'), column('identity'), column('signature'), column('note')].map((text) => ({ text }))
  // 序号, 姓名 and 身份 centred, as forms set short values; the unit reads from the left.
  const row = (number: number, name = '', place = '', identity = ''): TableCell[] => [
    { text: String(number), label: true },
    { text: name, label: true },
    { text: place },
    { text: identity, label: true },
    { text: '' },
    { text: '' }
  ]
  const people = plan.invitees.map((invitee, index) => row(index + 1, invitee.name, invitee.place, identityOf(w, invitee)))
  const blanks = blankRows(title, lines, header, people)
  const rows = [header, ...people, ...Array.from({ length: blanks }, (_, index) => row(people.length + index + 1))]
  return {
    title,
    blocks: [
      { kind: 'title', text: title },
      ...lines.map(paragraph),
      { kind: 'table', columns: SIGN_IN_COLUMNS_MM, rows, headerRows: 1, minRowHeightMm: ROW_MM }
    ],
    footer: 'page'
  }
}

const MM_PER_PT = 25.4 / 72
const LINE_MM = LINE_PITCH_PT * MM_PER_PT
const TEXT_HEIGHT_MM = 297 - PAGE_MARGINS_MM.top - PAGE_MARGINS_MM.bottom
/** What a row's rules add to its height, with some to spare. */
const RULE_MM = 0.3
/** A cell's 3 pt of padding either side and its rules. */
const CELL_INSET_MM = 7 * MM_PER_PT
/** How many lines `text` takes where `charsPerLine` characters fit (a Latin letter or digit is half of one). */
const linesOf = (text: string, charsPerLine: number): number => Math.max(1, Math.ceil(printedWidth(text) / Math.max(1, charsPerLine)))

/** A table row's height: its tallest cell, at least ROW_MM. */
function rowHeightMm(cells: TableCell[]): number {
  const cellLines = cells.map((cell, index) => linesOf(cell.text, Math.floor((SIGN_IN_COLUMNS_MM[index]! - CELL_INSET_MM) / (TABLE_PT * MM_PER_PT))))
  return Math.max(ROW_MM, Math.max(...cellLines) * LINE_MM) + RULE_MM
}

/**
 * How many blank rows fill the page the table ends on: at least MIN_BLANK_ROWS (when they do not fit, they
 * start a page, and fill that one). The paper is printed anyway, and a sheet that runs out of rows sends
 * walk-ins to sign in the margin. Counted on the page's grid: the title two lines a line, each paragraph
 * its lines of 28 characters, each row its height; one line is kept free at the foot of the page, where
 * the .docx has a paragraph after the table (were it pushed over, Word would print an empty page).
 */
function blankRows(title: string, lines: string[], header: TableCell[], people: TableCell[][]): number {
  const titleLines = linesOf(title, Math.floor(TEXT_WIDTH_MM / (22 * MM_PER_PT)))
  const opening = titleLines * 2 * LINE_MM + lines.reduce((sum, line) => sum + linesOf(line, CHARS_PER_LINE - 2) * LINE_MM, 0)
  const room = TEXT_HEIGHT_MM - LINE_MM
  const headerMm = rowHeightMm(header)
  const blankMm = rowHeightMm([])
  let used = opening + headerMm
  // A row that does not fit starts the next page, under the heading row printed again.
  const add = (height: number) => (used = used + height <= room ? used + height : headerMm + height)
  people.forEach((cells) => add(rowHeightMm(cells)))
  let count = 0
  for (; count < MIN_BLANK_ROWS || used + blankMm <= room; count++) add(blankMm)
  return count
}

// ---------------------------------------------------------------------------------------------------------
// 会议通知

/**
 * 会议通知 (DESIGN §6): sent before the session — what it is about and who calls it, then 一、会议时间,
 * 二、会议地点, 三、参加人员 (by 身份), 四、会议议程, 五、有关要求 (what to study and prepare, to come on
 * time, whom to ask for leave), the 联系人, and 落款 with the day the notice is issued.
 */
export function noticeLayout(plan: BeforeSession, language: Language, issuedOn: number): DocumentLayout {
  const w = documentWords(language)
  const section = sectionCounter(w)
  const title = w('notice.title', { title: plan.title })
  const theme = plan.theme ?? plan.title
  // 其他 parts (a ceremony, a break) are not what the session is held for.
  const parts = [...new Set(plan.agenda.flatMap((item) => (item.kind === 'other' ? [] : [w(`minutes.parts.${item.kind}`)])))]
  const opening = w('notice.opening', {
    organiser: plan.organiser ? w('notice.organisedBy', { organiser: plan.organiser }) : '',
    date: formatChinaDate(plan.startsAt, language),
    venue: plan.venue ? w('notice.atVenue', { venue: plan.venue }) : '',
    title: plan.title,
    theme,
    // A session with no agenda yet is still a roundtable.
    parts: (parts.length ? parts : [w('minutes.parts.roundtable')]).join(w('listSeparator'))
  })
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'paragraph', text: w('notice.salutation'), flush: true },
    paragraph(opening),
    heading(section(w('notice.headings.time'))),
    paragraph(formatChinaSpan(plan.startsAt, plan.endsAt, language)),
    ...(plan.venue ? [heading(section(w('notice.headings.venue'))), paragraph(plan.venue)] : []),
    heading(section(w('notice.headings.attendees'))),
    paragraph(attendees(plan, w)),
    ...(plan.agenda.length
      ? [heading(section(w('headings.agenda'))), ...plan.agenda.map((item, index) => paragraph(numberedSubsection(w, index + 1, agendaItem(w, item))))]
      : []),
    heading(section(w('notice.headings.requirements'))),
    ...requirements(plan, w, language).map((text, index) => paragraph(numberedSubsection(w, index + 1, text))),
    ...(plan.host ? [paragraph(w('notice.contact', { name: plan.host.name, phone: plan.host.phone ? w('notice.phone', { phone: plan.host.phone }) : '' }))] : []),
    closingBlock(plan.organiser, formatChinaDate(issuedOn, language))
  ]
  return { title, blocks, footer: 'page' }
}

/**
 * 参加人员: how many, then by 身份 — the host, the recorder, the lecturers, then each category in the settings'
 * order (one not among them after those, people with none last) — each person once, in seat order.
 */
function attendees(plan: BeforeSession, w: DocumentWords): string {
  if (!plan.invitees.length) return w('none')
  const others = w('notice.otherAttendees')
  const order = [...VOLUNTEER_ROLES.map((role) => w(`roles.${role}`)), ...plan.categories]
  const rank = (identity: string) => (identity === others ? order.length + 1 : order.includes(identity) ? order.indexOf(identity) : order.length)
  const groups = new Map<string, string[]>()
  for (const invitee of plan.invitees) {
    const identity = identityOf(w, invitee) || others
    groups.set(identity, [...(groups.get(identity) ?? []), invitee.name])
  }
  const lines = [...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([identity, names]) => fieldLine(w, identity, names.join(w('listSeparator'))))
  return w('notice.attendees', { count: plan.invitees.length, groups: lines.join(w('notice.groupSeparator')) })
}

/** 有关要求: what to study beforehand (the lectures' topics, if any), what to prepare, to come on time, whom to ask for leave. */
function requirements(plan: BeforeSession, w: DocumentWords, language: Language): string[] {
  const topics = plan.agenda.filter((item) => item.kind === 'study' && item.topic).map((item) => `“${item.topic}”`)
  const limit = plan.speakerLimitSeconds
  const duration = limit === null ? '' : limit % 60 === 0 ? `${limit / 60}${w('agenda.minutes')}` : formatDuration(limit * 1000, language)
  return [
    ...(topics.length ? [w('notice.study', { topics: topics.join(w('listSeparator')) })] : []),
    w('notice.prepare', { theme: plan.theme ?? plan.title, limit: duration ? w('notice.speakingLimit', { duration }) : '' }),
    w('notice.onTime'),
    plan.host ? w('notice.leaveHost', { host: plan.host.name }) : w('notice.leave')
  ]
}
