import { chinaTimeToUtc, formatChinaDate } from '../../shared/china-time'
import type { ExportOutcome, Language, PrintableHtml } from '../../shared/domain'
import type { Statistics } from '../../shared/statistics'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'
import { saveMadeFile } from '../files/save'
import { documentWords, type DocumentWords } from '../minutes/labels'
import { getSettings } from '../settings/settings'
import { computeStatistics } from './statistics'
import type { StatisticsQuery } from './scope'

/**
 * 统计简报: the period's figures on one A4 page, to print or save as PDF and hand to the town office. Every
 * figure is the 统计 page's own (computeStatistics); the page only chooses what fits: the longest lists are
 * cut to their first few, with how many more there are.
 */
export function statisticsBrief(ctx: ReadContext, query: StatisticsQuery): PrintableHtml {
  const statistics = computeStatistics(ctx, query)
  const { language, organisationName } = getSettings(ctx)
  const words = documentWords(language)
  const day = (iso: string) => formatChinaDate(chinaTimeToUtc(iso), language)
  const title = words('brief.title')
  const html = page(title, language, [
    `<h1>${escapeHtml(title)}</h1>`,
    organisationName ? `<p class="subtitle">${escapeHtml(organisationName)}</p>` : '',
    `<p class="subtitle">${escapeHtml(words('brief.period', { from: day(statistics.period.from), to: day(statistics.period.to) }))}</p>`,
    filtersLine(words, query),
    figures(words, statistics),
    `<h2>${escapeHtml(words('brief.headings.perMonth'))}</h2>`,
    monthChart(words, statistics, language),
    `<div class="columns"><section><h2>${escapeHtml(words('brief.headings.themes'))}</h2>${themesTable(words, statistics)}</section>`,
    `<section><h2>${escapeHtml(words('brief.headings.villages'))}</h2>${villageBars(words, statistics)}</section></div>`,
    `<h2>${escapeHtml(words('brief.headings.followUp'))}</h2>`,
    followUp(words, statistics, query),
    `<h2>${escapeHtml(words('brief.headings.volunteers'))}</h2>`,
    volunteersLine(words, statistics),
    `<p class="made">${escapeHtml(words('brief.madeOn', { date: day(statistics.today) }))}</p>`
  ])
  const fileName = `${statistics.period.from}至${statistics.period.to}-${title}.pdf`
  return { title, fileName: language === 'zh-CN' ? fileName : `${statistics.period.from}-${statistics.period.to}-${title}.pdf`, html }
}

/** The volunteers' hours together: the figures row and the 志愿服务 line state the same sum. */
const totalHours = (volunteers: Statistics['volunteers']): number => volunteers.reduce((sum, volunteer) => sum + volunteer.hours, 0)

/** At most this many rows of a list: the page is one page. */
const LIST_ROWS = 6
const NAMES_SHOWN = 10

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

function filtersLine(words: DocumentWords, query: StatisticsQuery): string {
  const parts = [
    ...(query.villages?.length ? [words('brief.villages', { names: query.villages.join(words('brief.listSeparator')) })] : []),
    ...(query.themeIds?.length ? [words('brief.themesChosen', { count: query.themeIds.length })] : [])
  ]
  return parts.length ? `<p class="subtitle">${escapeHtml(parts.join(words('brief.separator')))}</p>` : ''
}

function figures(words: DocumentWords, { sessions, participation, decisions, volunteers }: Statistics): string {
  const cells: [string, number][] = [
    [words('brief.figures.held'), sessions.held],
    [words('brief.figures.planned'), sessions.planned],
    [words('brief.figures.cancelled'), sessions.cancelled],
    [words('brief.figures.people'), participation.uniquePeople],
    [words('brief.figures.present'), participation.present],
    [words('brief.figures.turns'), participation.turnsSpoken],
    [words('brief.figures.remarks'), participation.remarks],
    [words('brief.figures.decisionsOpen'), decisions.open],
    [words('brief.figures.overdue'), decisions.overdue],
    [words('brief.figures.hours'), totalHours(volunteers)]
  ]
  return `<table class="figures"><tr>${cells.map(([label]) => `<th>${escapeHtml(label)}</th>`).join('')}</tr><tr>${cells.map(([, value]) => `<td>${value}</td>`).join('')}</tr></table>`
}

/** Sessions per month as bars (held, then planned and cancelled stacked above), drawn in CSS so it prints as it shows. */
function monthChart(words: DocumentWords, { sessions }: Statistics, language: Language): string {
  const months = sessions.perMonth
  const most = Math.max(1, ...months.map((month) => month.held + month.planned + month.cancelled + month.live))
  const withYear = months.length > 0 && months[0]!.month.slice(0, 4) !== months.at(-1)!.month.slice(0, 4)
  const label = (month: string) =>
    withYear ? words('brief.monthWithYear', { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) }) : words('brief.month', { month: Number(month.slice(5, 7)) })
  // A long custom period would make the bars hairlines: past two years, the chart shows the last 24 months.
  const shown = months.slice(-24)
  const bars = shown
    .map((month) => {
      const total = month.held + month.planned + month.cancelled + month.live
      const part = (count: number, kind: string) => (count ? `<i class="${kind}" style="height: ${(count / most) * 100}%"></i>` : '')
      return `<div class="bar"><span class="value">${total || ''}</span><div class="stack">${part(month.cancelled, 'cancelled')}${part(month.planned + month.live, 'planned')}${part(month.held, 'held')}</div><span class="label">${escapeHtml(label(month.month))}</span></div>`
    })
    .join('')
  const legend = ['held', 'planned', 'cancelled'].map((kind) => `<span><i class="${kind}"></i>${escapeHtml(words(`brief.figures.${kind as 'held'}`))}</span>`).join('')
  return `<div class="chart" lang="${language}">${bars}</div><p class="legend">${legend}</p>`
}

function themesTable(words: DocumentWords, { themes }: Statistics): string {
  if (themes.length === 0) return `<p>${escapeHtml(words('brief.none'))}</p>`
  const rows = themes.slice(0, LIST_ROWS).map((theme) => `<tr><td>${escapeHtml(theme.name)}</td><td class="n">${escapeHtml(words('brief.sessionsN', { count: theme.sessions }))}</td></tr>`)
  if (themes.length > LIST_ROWS) rows.push(`<tr><td colspan="2">${escapeHtml(words('brief.moreThemes', { count: themes.length - LIST_ROWS }))}</td></tr>`)
  return `<table class="list">${rows.join('')}</table>`
}

function villageBars(words: DocumentWords, { participation }: Statistics): string {
  const villages = participation.villages.filter((village) => village.turns > 0)
  if (villages.length === 0) return `<p>${escapeHtml(words('brief.none'))}</p>`
  const rows = villages.slice(0, LIST_ROWS).map((village) => {
    const percent = Math.round(village.share * 100)
    const name = village.village || words('brief.noPlace')
    return `<tr><td>${escapeHtml(name)}</td><td class="track"><i style="width: ${percent}%"></i></td><td class="n">${escapeHtml(words('brief.turnsShare', { count: village.turns, percent }))}</td></tr>`
  })
  if (villages.length > LIST_ROWS) rows.push(`<tr><td colspan="3">${escapeHtml(words('brief.morePlaces', { count: villages.length - LIST_ROWS }))}</td></tr>`)
  return `<table class="list">${rows.join('')}</table>`
}

/** The first names of a list, then 等N人. */
function names(words: DocumentWords, all: readonly string[]): string {
  if (all.length === 0) return words('brief.none')
  const shown = all.slice(0, NAMES_SHOWN).join(words('brief.listSeparator'))
  return all.length > NAMES_SHOWN ? words('brief.andMore', { names: shown, count: all.length }) : shown
}

function followUp(words: DocumentWords, statistics: Statistics, query: StatisticsQuery): string {
  const overdueOwners = statistics.decisions.byOwner.filter((owner) => owner.overdue > 0).map((owner) => owner.ownerName || words('brief.noOwner'))
  const lines = [
    words('brief.silent', { n: query.silentN, count: statistics.silent.length, names: names(words, statistics.silent.map((person) => person.name)) }),
    words('brief.notSeen', { n: query.absentN, count: statistics.notSeen.length, names: names(words, statistics.notSeen.map((person) => person.name)) }),
    words('brief.decisions', { open: statistics.decisions.open, overdue: statistics.decisions.overdue, done: statistics.decisions.done }),
    ...(overdueOwners.length ? [words('brief.overdueOwners', { names: names(words, overdueOwners) })] : [])
  ]
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')
}

function volunteersLine(words: DocumentWords, { volunteers }: Statistics): string {
  if (volunteers.length === 0) return `<p>${escapeHtml(words('brief.none'))}</p>`
  const hours = totalHours(volunteers)
  const each = volunteers.map((volunteer) => words('brief.volunteerHours', { name: volunteer.name, hours: volunteer.hours }))
  return `<p>${escapeHtml(words('brief.volunteers', { count: volunteers.length, hours, list: names(words, each) }))}</p>`
}

// The faces offices have, then the Noto CJK fonts Linux has (as the documents use).
const FONTS = `"仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif`
const HEADING_FONTS = `"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif`
const TITLE_FONTS = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC", serif`

function page(title: string, language: Language, parts: string[]): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 20mm 18mm 18mm 18mm }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact }
html { background: #fff }
body { margin: 0 auto; max-width: 174mm; font-family: ${FONTS}; font-size: 11pt; line-height: 1.5; color: #000 }
@media screen { body { padding: 12mm 0 } }
h1 { font-family: ${TITLE_FONTS}; font-size: 20pt; font-weight: normal; text-align: center; margin: 0 0 2mm }
h2 { font-family: ${HEADING_FONTS}; font-size: 12pt; font-weight: normal; margin: 4mm 0 1.5mm }
p { margin: 0 0 1mm }
.subtitle { text-align: center; margin: 0 }
table { border-collapse: collapse; width: 100% }
.figures { margin-top: 4mm; table-layout: fixed }
.figures th, .figures td { border: 0.5pt solid #000; text-align: center; padding: 1mm 0.5mm }
.figures th { font-family: ${HEADING_FONTS}; font-size: 8.5pt; font-weight: normal; line-height: 1.3 }
.figures td { font-size: 14pt; font-variant-numeric: tabular-nums }
.chart { display: flex; align-items: flex-end; gap: 1mm; height: 40mm; border-bottom: 0.5pt solid #000; padding-top: 5mm }
.bar { flex: 1; height: 100%; display: flex; flex-direction: column; align-items: center; justify-content: flex-end; position: relative }
.bar .stack { width: 70%; height: calc(100% - 5mm); display: flex; flex-direction: column; justify-content: flex-end }
.bar .value { font-size: 8pt; line-height: 5mm }
.bar .label { position: absolute; bottom: -5mm; font-size: 8pt; white-space: nowrap }
i { display: block }
i.held { background: #2b8a3e } i.planned { background: #74c0fc } i.cancelled { background: #adb5bd }
.legend { margin-top: 6mm; text-align: right; font-size: 9pt }
.legend span { margin-left: 4mm } .legend i { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: middle }
.columns { display: flex; gap: 8mm } .columns section { flex: 1; min-width: 0 }
.list td { padding: 0.6mm 1mm; border-bottom: 0.5pt solid #ccc; font-size: 10pt; vertical-align: middle }
.list td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums }
.list td.track { width: 30% } .list td.track i { height: 3mm; background: #e8590c }
.made { text-align: right; margin-top: 5mm }
</style></head><body>
${parts.filter(Boolean).join('\n')}
</body></html>`
}

/** 导出PDF of the 统计简报: made by the desktop app (the web bridge answers 'unavailable'; the page prints it). */
export async function exportBriefPdf(ctx: ReadContext, query: StatisticsQuery): Promise<ExportOutcome> {
  const brief = statisticsBrief(ctx, query)
  const print = ctx.platform.printToPdf
  if (!print) throw new AppFailure('unavailable', 'PDF is made by the desktop app; in a browser, print statistics:print and save it as PDF.')
  return saveMadeFile(ctx, { fileName: brief.fileName, mimeType: 'application/pdf', bytes: await print(brief.html) })
}

/** 打印 in the desktop app: the system's print dialog for the 统计简报. */
export async function printBrief(ctx: ReadContext, query: StatisticsQuery): Promise<{ printed: boolean }> {
  const printOnPaper = ctx.platform.printOnPaper
  if (!printOnPaper) throw new AppFailure('unavailable', 'Printing from here is for the desktop app; in a browser, print the page of statistics:print.')
  return { printed: await printOnPaper(statisticsBrief(ctx, query).html) }
}
