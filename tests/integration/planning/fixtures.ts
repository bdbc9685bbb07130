import { expect } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { Channel, InputOf } from '../../../src/shared/contract'
import type { Person, SessionDetail, Theme } from '../../../src/shared/domain'
import { refusedWithoutTrace, valueOf, withDatabase } from '../../helpers'

/** Shared by the planning suites: small builders on top of core's own channels. */

/** China time (UTC+8, no daylight saving) as UTC ms, e.g. `china('2025-08-21 14:30')`. */
export const china = (dateTime: string): number => {
  const ms = Date.parse(`${dateTime.replace(' ', 'T')}:00+08:00`)
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${dateTime}`)
  return ms
}

/** An input a create channel accepts, and what the created record must hold. */
export interface CreateCase<C extends Channel, T> {
  name: string
  input: InputOf<C>
  expected: Partial<T>
}

/** An input a channel must refuse as invalid_input, with the one issue it raises. */
export interface InvalidCase {
  name: string
  input: unknown
  issue: { path: (string | number)[]; code: string; params?: Record<string, unknown> }
}

/** Checks that `channel` refuses the case's input as invalid_input with exactly its issue, and leaves no trace. */
export async function expectInvalid(core: Core & { databaseFile: string }, channel: Channel, { input, issue }: InvalidCase): Promise<void> {
  const error = await refusedWithoutTrace(core, channel, input)
  expect(error.code).toBe('invalid_input')
  expect(error.issues).toEqual([expect.objectContaining(issue)])
}

export async function createPerson(core: Core, input: InputOf<'people:create'>): Promise<Person> {
  return valueOf(await core.invoke('people:create', input))
}

/** Creates people by name and returns their ids in the same order. */
export async function createPeople(core: Core, names: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const name of names) ids.push((await createPerson(core, { name })).id)
  return ids
}

export async function createTheme(core: Core, input: InputOf<'themes:create'>): Promise<Theme> {
  return valueOf(await core.invoke('themes:create', input))
}

export async function createSession(core: Core, plan: InputOf<'sessions:create'>): Promise<SessionDetail> {
  return valueOf(await core.invoke('sessions:create', plan))
}

export async function getSession(core: Core, id: string): Promise<SessionDetail> {
  return valueOf(await core.invoke('sessions:get', { id }))
}

export async function getPerson(core: Core, id: string): Promise<Person> {
  return valueOf(await core.invoke('people:get', { id }))
}

export const PLANNING_TABLES = ['sessions', 'agenda_segments', 'attendance', 'people', 'themes'] as const

/** Row counts of the tables a plan writes to. */
export function rowCounts(file: string): Record<(typeof PLANNING_TABLES)[number], number> {
  return withDatabase(file, (db) => {
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return {
      sessions: count('sessions'),
      agenda_segments: count('agenda_segments'),
      attendance: count('attendance'),
      people: count('people'),
      themes: count('themes')
    }
  })
}

/** Sets a session's status behind core's back, the way running a session later will. */
export function setSessionStatus(file: string, id: string, status: 'planned' | 'live' | 'ended' | 'cancelled'): void {
  withDatabase(file, (db) => {
    const { changes } = db.prepare('UPDATE sessions SET status = ? WHERE id = ?').run(status, id)
    expect(changes).toBe(1)
  })
}
