import { serviceHours } from '../../shared/attendance'
import { chinaIsoDate } from '../../shared/china-time'
import { compareNames, nameLabels, placeOf } from '../../shared/people'
import type {
  DecisionCounts,
  NotSeenPerson,
  Participation,
  PersonParticipation,
  SessionCounts,
  SilentPerson,
  Statistics,
  VillageTurns,
  VolunteerHours
} from '../../shared/statistics'
import type { ReadContext } from '../context'
import {
  allPlaces,
  decisionsByOwner,
  followUps,
  participationByPerson,
  peopleWithNamesakes,
  sessionsByMonth,
  themesHeld,
  volunteerService,
  type ParticipationRow
} from './queries'
import { historyOf, scopeOf, type StatisticsQuery } from './scope'

/** 统计: every figure of the page for the period and filters asked (see src/shared/statistics.ts). */
export function computeStatistics(ctx: ReadContext, query: StatisticsQuery): Statistics {
  const scope = scopeOf(query)
  const history = historyOf(scope)
  const today = chinaIsoDate(ctx.now())

  const participationRows = participationByPerson(ctx, scope)
  const { silent: silentRows, notSeen: notSeenRows } = followUps(ctx, history, scope.since, query.silentN, query.absentN)
  const decisionRows = decisionsByOwner(ctx, scope, today)
  const volunteers = volunteerHours(ctx, scope)

  const named = [...participationRows, ...silentRows, ...notSeenRows]
  const ids = new Set([...named.map((row) => row.id), ...volunteers.keys(), ...decisionRows.flatMap((row) => (row.ownerId ? [row.ownerId] : []))])
  const people = new Map(peopleWithNamesakes(ctx, [...ids]).map((row) => [row.id, row]))
  const labels = nameLabels(people.values())
  // A person's label and place. The rows below take its fields one by one, in the contract's order, rather
  // than spreading it: thousands of people on a ten-year archive, every call.
  const who = (id: string): Who => {
    const person = people.get(id)
    return { personId: id, name: labels.get(id) ?? '', village: person ? placeOf(person) : '' }
  }

  return {
    period: { from: query.from, to: query.to },
    today,
    sessions: sessionCounts(sessionsByMonth(ctx, scope), query.from, query.to),
    themes: themesHeld(ctx, scope).sort((a, b) => b.sessions - a.sessions || compareNames(a.name, b.name)),
    participation: participation(participationRows, who),
    silent: silentRows
      .map((row): SilentPerson => {
        const { personId, name, village } = who(row.id)
        return {
          personId,
          name,
          village,
          lastSessions: row.streak,
          lastSessionId: row.lastSessionId,
          lastSessionDate: chinaIsoDate(row.lastDayAt)
        }
      })
      .sort((a, b) => b.lastSessions - a.lastSessions || compareNames(a.name, b.name)),
    notSeen: notSeenRows
      .map((row): NotSeenPerson => {
        const { personId, name, village } = who(row.id)
        return {
          personId,
          name,
          village,
          lastSeenDate: row.lastSeenDayAt === null ? null : chinaIsoDate(row.lastSeenDayAt),
          lastSeenSessionId: row.lastSeenSessionId,
          missedInvitations: row.missed
        }
      })
      .sort((a, b) => b.missedInvitations - a.missedInvitations || (a.lastSeenDate ?? '').localeCompare(b.lastSeenDate ?? '') || compareNames(a.name, b.name)),
    decisions: decisionCounts(decisionRows, (id) => labels.get(id) ?? ''),
    volunteers: [...volunteers]
      .map(([id, served]): VolunteerHours => {
        const { personId, name, village } = who(id)
        return { personId, name, village, sessions: served.sessions, hours: served.hours }
      })
      .sort((a, b) => b.hours - a.hours || compareNames(a.name, b.name)),
    villageOptions: allPlaces(ctx).sort(compareNames)
  }
}

/** Every month of the period, in order, with its sessions (none where none were). */
function sessionCounts(rows: ReturnType<typeof sessionsByMonth>, from: string, to: string): SessionCounts {
  const byMonth = new Map(rows.map((row) => [row.month, row]))
  const perMonth = monthsBetween(from, to).map((month) => {
    const row = byMonth.get(month)
    return { month, held: row?.held ?? 0, live: row?.live ?? 0, cancelled: row?.cancelled ?? 0, planned: row?.planned ?? 0 }
  })
  const total = (key: 'held' | 'live' | 'cancelled' | 'planned') => perMonth.reduce((sum, month) => sum + month[key], 0)
  return { held: total('held'), live: total('live'), cancelled: total('cancelled'), planned: total('planned'), perMonth }
}

/** 'YYYY-MM' of every month from the one holding `from` to the one holding `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    months.push(key)
    if (key >= last) return months
    if (++month > 12) [year, month] = [year + 1, 1]
  }
}

interface Who {
  personId: string
  name: string
  village: string
}

function participation(rows: ParticipationRow[], who: (id: string) => Who): Participation {
  const people = rows
    .map((row): PersonParticipation => {
      const { personId, name, village } = who(row.id)
      return {
        personId,
        name,
        village,
        invited: row.invited,
        present: row.present,
        absent: row.absent,
        walkIns: row.walkIns,
        attendanceRate: row.invited > 0 ? row.presentInvited / row.invited : null,
        turnsSpoken: row.turnsSpoken,
        remarks: row.remarks
      }
    })
    .sort((a, b) => b.present - a.present || b.turnsSpoken - a.turnsSpoken || compareNames(a.name, b.name))
  const sum = (key: 'present' | 'turnsSpoken' | 'remarks') => people.reduce((total, person) => total + person[key], 0)
  const turnsSpoken = sum('turnsSpoken')
  return {
    uniquePeople: people.filter((person) => person.present > 0).length,
    present: sum('present'),
    turnsSpoken,
    remarks: sum('remarks'),
    people,
    villages: villageTurns(people, turnsSpoken)
  }
}

/** Spoken turns and people present by place: the people's own figures, grouped. */
function villageTurns(people: PersonParticipation[], allTurns: number): VillageTurns[] {
  const byPlace = new Map<string, { people: number; turns: number }>()
  for (const person of people) {
    const place = byPlace.get(person.village) ?? { people: 0, turns: 0 }
    place.people += person.present > 0 ? 1 : 0
    place.turns += person.turnsSpoken
    byPlace.set(person.village, place)
  }
  return [...byPlace]
    .map(([village, { people, turns }]) => ({ village, people, turns, share: allTurns > 0 ? turns / allTurns : 0 }))
    .sort((a, b) => b.turns - a.turns || b.people - a.people || compareNames(a.village, b.village))
}

function decisionCounts(rows: ReturnType<typeof decisionsByOwner>, label: (id: string) => string): DecisionCounts {
  const byOwner = rows
    .map(({ ownerId, typedOwner, open, done, overdue }) => ({ ownerId, ownerName: ownerId ? label(ownerId) : typedOwner, open, done, overdue }))
    .sort((a, b) => b.open - a.open || b.overdue - a.overdue || compareNames(a.ownerName, b.ownerName))
  const total = (key: 'open' | 'done' | 'overdue') => byOwner.reduce((sum, owner) => sum + owner[key], 0)
  return { open: total('open'), done: total('done'), overdue: total('overdue'), byOwner }
}

/**
 * Hours per volunteer, by the rule of the 志愿服务活动记录 (src/core/minutes/model.ts): the organiser's
 * corrected hours where given, else serviceHours from their own time; the session's actual times where it
 * ran, planned otherwise. Both kinds are whole half hours, so the sums are exact.
 */
function volunteerHours(ctx: ReadContext, scope: ReturnType<typeof scopeOf>): Map<string, { sessions: number; hours: number }> {
  const served = new Map<string, { sessions: number; hours: number }>()
  for (const row of volunteerService(ctx, scope)) {
    const hours = row.serviceHours ?? serviceHours(row.checkedInAt, row.startsAt, row.endsAt)
    const person = served.get(row.personId) ?? { sessions: 0, hours: 0 }
    person.sessions += 1
    person.hours += hours
    served.set(row.personId, person)
  }
  return served
}
