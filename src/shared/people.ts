/**
 * A person's name as every view and document shows it (DESIGN §9): the bare name, unless another person
 * of the same name could be meant, then the name with their place (村, else 单位) in full-width brackets.
 * One home for the rule: the console, seat maps, pickers, search and every document call these.
 */

export interface NamedPerson {
  /** Person id (or personId on attendance rows: see `nameLabels`). */
  id: string
  name: string
  village: string
  organisation: string
}

// Made on first use, not when the module loads: the first Chinese collator of a page loads ICU's collation rules
// (10–30 ms here), and a page that sorts no names (the live console) should not wait for them.
let pinyin: Intl.Collator | undefined
/**
 * The one order of names (and of other Chinese labels such as categories) everywhere: by pinyin, the way a
 * Chinese reader looks for a name. SQLite's own ORDER BY sorts by code point, so names are sorted here.
 */
export const compareNames = (a: string, b: string): number => (pinyin ??= new Intl.Collator('zh-CN')).compare(a, b)

/** Where a person belongs, as written after their name: the village, else the unit. */
export const placeOf = (person: Pick<NamedPerson, 'village' | 'organisation'>): string => person.village.trim() || person.organisation.trim()

/** Village and unit both, for a line that describes a person (e.g. a seat's second line, a picker's hint). */
export const fullPlaceOf = (person: Pick<NamedPerson, 'village' | 'organisation'>): string =>
  [person.village.trim(), person.organisation.trim()].filter(Boolean).join(' · ')

const withPlace = (name: string, place: string): string => (place ? `${name}（${place}）` : name)

/**
 * Labels that tell apart everyone in `people` (one label per distinct id):
 * - the name alone when nobody else in the list has it;
 * - the name with the village (else unit) when others share the name;
 * - the name with village and unit when that is still not enough;
 * - and a number after that, for namesakes from the very same place.
 */
export function nameLabels(people: Iterable<NamedPerson>): Map<string, string> {
  // Grouped by the trimmed name in one pass (groups and their members in the order first met): most names
  // have no namesake, and a directory's worth of people is labelled on every statistics call.
  const byName = new Map<string, NamedPerson[]>()
  const seen = new Set<string>()
  for (const person of people) {
    if (seen.has(person.id)) continue
    seen.add(person.id)
    const name = person.name.trim()
    const namesakes = byName.get(name)
    if (namesakes) namesakes.push(person)
    else byName.set(name, [person])
  }
  const labels = new Map<string, string>()
  for (const [name, namesakes] of byName) {
    if (namesakes.length === 1) {
      labels.set(namesakes[0]!.id, name)
      continue
    }
    for (const samePlace of group(namesakes, (person) => placeOf(person)).values()) {
      const detail = samePlace.length === 1 ? placeOf : fullPlaceOf
      for (const sameDetail of group(samePlace, detail).values()) {
        sameDetail.forEach((person, index) => {
          const place = detail(person)
          const base = place || ''
          const label = sameDetail.length === 1 ? withPlace(name, base) : withPlace(name, [base, String(index + 1)].filter(Boolean).join('，'))
          labels.set(person.id, label)
        })
      }
    }
  }
  return labels
}

/**
 * Labels for a picker (a list to choose a person from): namesakes as `nameLabels` tells them apart, and
 * everyone else with their village and unit after a dot, so the list reads who is who at a glance.
 */
export function pickerLabels(people: Iterable<NamedPerson>): Map<string, string> {
  const list = [...people]
  const labels = nameLabels(list)
  for (const person of list) {
    const label = labels.get(person.id)!
    const place = fullPlaceOf(person)
    if (label === person.name.trim() && place) labels.set(person.id, `${label} · ${place}`)
  }
  return labels
}

/** `nameLabels` for attendance rows and other records keyed by `personId`. */
export const labelsByPersonId = (entries: Iterable<Omit<NamedPerson, 'id'> & { personId: string }>): Map<string, string> =>
  nameLabels([...entries].map((entry) => ({ ...entry, id: entry.personId })))

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const members = groups.get(k)
    if (members) members.push(item)
    else groups.set(k, [item])
  }
  return groups
}
