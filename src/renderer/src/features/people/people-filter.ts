import type { Person } from '@shared/domain'
import { compareNames, fullPlaceOf } from '@shared/people'

export type SortKey = 'name' | 'organisation' | 'categories'
export interface Sort {
  key: SortKey
  descending: boolean
}

export interface PeopleFilter {
  text: string
  categories: string[]
  place: string | null
}

/** Village and unit, in the one order every view uses (src/shared/people.ts). */
export const placeOf = (person: Person): string => fullPlaceOf(person)

/** Filtering and sorting happen here, in the page: a village directory is hundreds of people, not millions. */
export function filterPeople(people: Person[], filter: PeopleFilter, sort: Sort): Person[] {
  const text = filter.text.trim().toLowerCase()
  const matches = people.filter(
    (person) =>
      (text === '' ||
        [person.name, person.organisation, person.village, person.phone ?? '', person.note].some((field) => field.toLowerCase().includes(text))) &&
      filter.categories.every((category) => person.categories.includes(category)) &&
      (filter.place === null || person.organisation === filter.place || person.village === filter.place)
  )
  const value = (person: Person): string =>
    sort.key === 'name' ? person.name : sort.key === 'organisation' ? placeOf(person) : person.categories.join('、')
  return matches.sort((a, b) => compareNames(value(a), value(b)) * (sort.descending ? -1 : 1) || compareNames(a.name, b.name))
}

/** Every organisation and village that occurs, for the place filter. */
export function placesOf(people: Person[]): string[] {
  const places = new Set<string>()
  for (const person of people) {
    if (person.organisation) places.add(person.organisation)
    if (person.village) places.add(person.village)
  }
  return [...places].sort(compareNames)
}
