import { chinaIsoDate } from '../../shared/china-time'
import type { LedgerExportOutcome, LedgerPeriod } from '../../shared/contract/ledger'
import type { Minutes } from '../../shared/minutes'
import { compareNames } from '../../shared/people'
import type { ReadContext } from '../context'
import { sql } from '../store/sql'
import { exportPeriodWorkbook, sumOfHours } from './period-file'

/** One volunteer's service at one session, as the session's 志愿服务活动记录 states it. */
interface Service {
  personId: string
  activity: string
  startsAt: number
  hours: number
}

interface Volunteer {
  personId: string
  /** As registered: a volunteer system matches its records by the real name and the phone, not by our labels. */
  name: string
  phone: string
  services: Service[]
}

/**
 * Each service of the sessions, from their minutes model: every volunteer of the 志愿服务活动记录 with the
 * hours it states (corrected by the organiser, else from their own time; half an hour at least either way).
 */
function servicesOf(sessions: Minutes[]): Service[] {
  return sessions.flatMap((minutes) =>
    minutes.volunteers.map((volunteer) => ({ personId: volunteer.personId, activity: minutes.title, startsAt: minutes.startsAt, hours: volunteer.hours }))
  )
}

/** The volunteers in the order of their names (pinyin), each with their services in time order. */
function volunteersOf(ctx: ReadContext, services: Service[]): Volunteer[] {
  const ids = [...new Set(services.map((service) => service.personId))]
  const people = sql<{ id: string; name: string; phone: string | null }, [string]>(
    ctx.db,
    'SELECT id, name, phone FROM people WHERE id IN (SELECT value FROM json_each(?))'
  ).all(JSON.stringify(ids))
  return people
    .map((person) => ({
      personId: person.id,
      name: person.name.trim(),
      phone: person.phone ?? '',
      services: services.filter((service) => service.personId === person.id).sort((a, b) => a.startsAt - b.startsAt)
    }))
    .sort((a, b) => compareNames(a.name, b.name) || a.phone.localeCompare(b.phone) || a.personId.localeCompare(b.personId))
}

/**
 * 导出志愿服务时长汇总: the hours the volunteers served in the period's sessions, for a volunteer system's bulk
 * import (全国志愿服务信息系统, 志愿汇 and the provinces' systems take a sheet of 姓名, 手机号, 活动名称, 服务日期,
 * 服务时长 and match each row to a registered volunteer).
 *
 * - The first sheet is what is imported: one row per volunteer and session, and nothing else. Each volunteer's
 *   total is on a sheet of its own, since a total row among the services would be imported as one more
 *   service and count their hours twice.
 * - 服务日期 is written 2025-08-21 (yyyy-MM-dd), as text. It is the one form of a date every importer reads
 *   alike, where 2025年8月21日 or 8/21/2025 depend on the importer; and as text, Excel cannot turn it into a
 *   date serial number or reformat it in the locale of the office's computer before the file is uploaded.
 *   手机号 is text too (the import notices ask for numbers as text: a number cell loses a leading 0).
 * - Hours are numbers of hours, so that the sheet can be summed and checked before it is uploaded.
 */
export const exportVolunteerHours = (ctx: ReadContext, period: LedgerPeriod): Promise<LedgerExportOutcome> =>
  exportPeriodWorkbook(ctx, period, 'volunteerHours', ({ sessions, words: w }) => {
    const volunteers = volunteersOf(ctx, servicesOf(sessions))
    return [
      {
        name: w('ledger.sheets.details'),
        header: [w('ledger.hoursColumns.name'), w('ledger.hoursColumns.phone'), w('ledger.hoursColumns.activity'), w('ledger.hoursColumns.date'), w('ledger.hoursColumns.hours')],
        rows: volunteers.flatMap((volunteer) =>
          volunteer.services.map((service) => [volunteer.name, volunteer.phone, service.activity, chinaIsoDate(service.startsAt), service.hours])
        )
      },
      {
        name: w('ledger.sheets.totals'),
        header: [w('ledger.totalsColumns.name'), w('ledger.totalsColumns.phone'), w('ledger.totalsColumns.sessions'), w('ledger.totalsColumns.hours')],
        rows: volunteers.map((volunteer) => [volunteer.name, volunteer.phone, volunteer.services.length, sumOfHours(volunteer.services.map((service) => service.hours))])
      }
    ]
  })
