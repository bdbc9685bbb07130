import type { ParsedInputOf } from '../../shared/contract'
import type { PackImportResult, PackLinkOffer, PackPerson, PackPreview } from '../../shared/contract/packs'
import type { ReadContext } from '../context'
import { phoneDigits, samePerson } from '../people/roster-import'
import type { Database } from '../store/database'
import { sql, type ReadDb } from '../store/sql'
import { mergePack, type MergeReport } from './merge'
import { openPack, refused, type OpenedPack } from './pack-file'

/** 导入归档包, first step: what the merge would do, found by merging and rolling back. Writes nothing. */
export async function previewPack(ctx: ReadContext, input: ParsedInputOf<'packs:preview'>): Promise<PackPreview> {
  return withPack(ctx, input.file, (pack) => {
    const links = storedLinks(ctx.db, pack)
    const report = dryRun(ctx, pack, links)
    return {
      sourceLaptop: pack.manifest.sourceLaptop,
      schemaVersion: pack.manifest.schemaVersion,
      createdAt: pack.manifest.createdAt,
      migrated: pack.migrated,
      sessions: report.sessions,
      counts: report.counts,
      conflicts: report.conflicts,
      links: linkOffers(ctx.db, pack, links)
    }
  })
}

/** 导入归档包: the merge, with the links the user chose, in one transaction. */
export async function importPack(ctx: ReadContext, input: ParsedInputOf<'packs:import'>): Promise<PackImportResult> {
  return withPack(ctx, input.file, (pack) => {
    const links = storedLinks(ctx.db, pack)
    checkLinks(ctx.db, pack, input.links)
    for (const link of input.links) links.set(link.incomingPersonId, link.existingPersonId)
    const report = ctx.write((tx) => {
      const upsertLink = sql<never, [string, string, string, number]>(
        tx.db,
        `INSERT INTO person_links (incoming_id, person_id, source_laptop, linked_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (incoming_id) DO UPDATE SET person_id = excluded.person_id, linked_at = excluded.linked_at WHERE person_id <> excluded.person_id`
      )
      for (const link of input.links) upsertLink.run(link.incomingPersonId, link.existingPersonId, pack.manifest.sourceLaptop, tx.now())
      return mergeFitting(tx.db, pack, links, tx.now())
    })
    announce(ctx, report)
    return {
      sourceLaptop: pack.manifest.sourceLaptop,
      counts: report.counts,
      conflicts: report.conflicts,
      linked: links.size,
      history: report.history
    }
  })
}

function withPack<T>(ctx: ReadContext, file: string, work: (pack: OpenedPack) => T): T {
  const pack = openPack(file, ctx.databaseFile)
  try {
    return work(pack)
  } finally {
    pack.close()
  }
}

/**
 * The merge, with a record that breaks a rule of this archive (two linked people on one list, say) refused
 * as a sentence instead of an internal error; the transaction around it is rolled back, so nothing is written.
 */
function mergeFitting(db: Database, pack: OpenedPack, links: ReadonlyMap<string, string>, now: number): MergeReport {
  try {
    return mergePack(db, pack, links, now)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) throw error
    throw links.size > 0
      ? refused('pack_link_invalid', `With these links the records of the pack do not fit this archive (${code}).`)
      : refused('pack_damaged', `The records of the pack do not fit this archive (${code}).`)
  }
}

class RolledBack extends Error {
  constructor(readonly report: MergeReport) {
    super('preview rolled back')
  }
}

/** The merge run in a write transaction that is always rolled back. */
function dryRun(ctx: ReadContext, pack: OpenedPack, links: ReadonlyMap<string, string>): MergeReport {
  try {
    ctx.write((tx) => {
      throw new RolledBack(mergeFitting(tx.db, pack, links, tx.now()))
    })
  } catch (error) {
    if (error instanceof RolledBack) return error.report
    throw error
  }
  throw new Error('unreachable: the preview transaction always rolls back')
}

function announce(ctx: ReadContext, report: MergeReport): void {
  const changed = (kind: keyof MergeReport['counts']) => report.counts[kind].added + report.counts[kind].updated > 0
  if (changed('people')) ctx.emit({ name: 'people:changed' })
  if (changed('themes')) ctx.emit({ name: 'themes:changed' })
  const sessions = report.sessions.filter((session) => session.change === 'new' || session.change === 'updated')
  if (sessions.length > 0) ctx.emit({ name: 'sessions:changed' })
  for (const session of sessions) {
    ctx.emit({ name: 'session:changed', id: session.id })
    ctx.emit({ name: 'remarks:changed', id: session.id })
    ctx.emit({ name: 'photos:changed', id: session.id })
  }
  if (changed('decisions')) ctx.emit({ name: 'decisions:changed' })
}

interface PersonRow {
  id: string
  name: string
  village: string
  organisation: string
  phone: string | null
}

const packPeople = (pack: OpenedPack): PersonRow[] =>
  pack.db.prepare('SELECT id, name, village, organisation, phone FROM people ORDER BY rowid').all() as PersonRow[]
const packPeopleIds = (pack: OpenedPack): Set<string> => new Set(packPeople(pack).map((person) => person.id))
const archivePeople = (db: ReadDb): PersonRow[] => sql<PersonRow>(db, 'SELECT id, name, village, organisation, phone FROM people ORDER BY created_at').all()

/** Links made by earlier imports, for the people of this pack: applied again without asking. */
function storedLinks(db: ReadDb, pack: OpenedPack): Map<string, string> {
  const ids = JSON.stringify([...packPeopleIds(pack)])
  const rows = sql<{ incoming_id: string; person_id: string }, [string]>(
    db,
    'SELECT incoming_id, person_id FROM person_links WHERE incoming_id IN (SELECT value FROM json_each(?)) AND incoming_id NOT IN (SELECT id FROM people)'
  ).all(ids)
  return new Map(rows.map((row) => [row.incoming_id, row.person_id]))
}

/**
 * People of the pack whose id is new here and who look like someone here: the same name and place
 * (`samePerson`, the rule of the roster import), or the same phone under another name.
 */
function linkOffers(db: ReadDb, pack: OpenedPack, links: ReadonlyMap<string, string>): PackLinkOffer[] {
  const here = archivePeople(db)
  const known = new Set(here.map((person) => person.id))
  const byPhone = new Map<string, PersonRow[]>()
  for (const person of here) {
    const phone = phoneDigits(person.phone)
    if (phone) byPhone.set(phone, [...(byPhone.get(phone) ?? []), person])
  }
  const offers: PackLinkOffer[] = []
  for (const incoming of packPeople(pack)) {
    if (known.has(incoming.id) || links.has(incoming.id)) continue
    const candidates = new Map<string, PackLinkOffer['candidates'][number]>()
    for (const person of here) if (samePerson(incoming, person)) candidates.set(person.id, { ...brief(person), reason: 'name_and_place' })
    for (const person of byPhone.get(phoneDigits(incoming.phone)) ?? []) if (!candidates.has(person.id)) candidates.set(person.id, { ...brief(person), reason: 'phone' })
    if (candidates.size > 0) offers.push({ incoming: brief(incoming), candidates: [...candidates.values()] })
  }
  return offers
}

const brief = (person: PersonRow): PackPerson => ({ id: person.id, name: person.name, village: person.village, organisation: person.organisation, phone: person.phone })

/** A link joins a person new to this archive (from the pack) with someone already here. */
function checkLinks(db: ReadDb, pack: OpenedPack, links: { incomingPersonId: string; existingPersonId: string }[]): void {
  const incoming = packPeopleIds(pack)
  const here = new Set(archivePeople(db).map((person) => person.id))
  links.forEach((link, index) => {
    if (!incoming.has(link.incomingPersonId) || here.has(link.incomingPersonId) || !here.has(link.existingPersonId)) {
      const error = refused('pack_link_invalid', 'A link must join a person of the pack who is new here with a person of this archive.')
      error.issues![0]!.path = ['links', index]
      throw error
    }
  })
}
