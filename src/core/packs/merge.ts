import type { Database } from 'better-sqlite3'
import type { PackConflict, PackCounts, PackRecordKind, PackSessionChange } from '../../shared/contract/packs'
import { uuidv7 } from '../store/ids'
import type { OpenedPack } from './pack-file'
import { columnsOf, insertRow, PACK_TABLES, PERSON_COLUMNS, plain, prepared, PROVENANCE, quoted, RECORD_KINDS, SESSION_PARTS, updateRow, VERSIONED, type PackTable, type Row, type SessionPart, type VersionedTable } from './tables'

/**
 * Merges a pack into the archive, by record id (UUIDv7, so two laptops never give one id to two records):
 * - a record only the pack has is added; one both hold alike is left alone (so a second import changes nothing);
 * - one both hold in different versions keeps the newer (`updated_at`; a tie goes to the greater content, so
 *   two laptops that exchange packs both ways end with the same version), and the older goes to `merge_history`
 *   (once: the same older version is never set aside twice);
 * - a session's parts (check-ins, agenda, speaking log and turns, photos) are kept whole from the side where the
 *   session saw the latest activity, the other side's parts going to the history;
 * - people of the pack linked to someone here are not added: their records point at the person here.
 *
 * Runs inside the caller's write transaction: the import commits it, the preview rolls it back, so what the
 * preview says is exactly what the import does.
 */

export interface MergeReport {
  counts: Record<PackRecordKind, PackCounts>
  conflicts: PackConflict[]
  sessions: PackSessionChange[]
  history: number
}

type PackRows = Record<PackTable, Row[]>

export function mergePack(db: Database, pack: OpenedPack, links: ReadonlyMap<string, string>, now: number): MergeReport {
  const laptop = pack.manifest.sourceLaptop
  const rows = linked(readPackRows(db, pack.db), links)
  for (const session of rows.sessions) session[PROVENANCE] ??= laptop
  const merge = new Merge(db, laptop, now)
  const byTable = (table: VersionedTable['table']) => VERSIONED.find((spec) => spec.table === table)!
  merge.versioned(byTable('people'), rows)
  merge.versioned(byTable('themes'), rows)
  const sessionsBefore = new Map(rows.sessions.map((session) => [String(session.id), merge.existing('sessions', String(session.id))]))
  merge.versioned(byTable('sessions'), rows)
  for (const session of rows.sessions) merge.sessionParts(session, sessionsBefore.get(String(session.id)) ?? null, rows)
  // A remark's turn that this archive does not have (its own speaking log was kept) is no longer a link.
  for (const remark of rows.remarks) if (remark.turn_id !== null && !merge.existing('turns', String(remark.turn_id))) remark.turn_id = null
  merge.versioned(byTable('remarks'), rows)
  merge.versioned(byTable('decisions'), rows)
  return merge.report(rows.sessions, sessionsBefore)
}

/** Every row of every table of the pack, with the columns this archive's schema has. */
function readPackRows(archive: Database, pack: Database): PackRows {
  return Object.fromEntries(
    PACK_TABLES.map((table) => [table, pack.prepare(`SELECT ${quoted(columnsOf(archive, table))} FROM "${table}"`).all() as Row[]])
  ) as PackRows
}

/** The pack's rows with linked people left out and every reference to them pointing at the person here. */
function linked(rows: PackRows, links: ReadonlyMap<string, string>): PackRows {
  if (links.size === 0) return rows
  const target = (id: unknown): unknown => (typeof id === 'string' ? (links.get(id) ?? id) : id)
  for (const [table, columns] of Object.entries(PERSON_COLUMNS) as [PackTable, string[]][]) {
    for (const row of rows[table]) for (const column of columns) row[column] = target(row[column])
  }
  // The speaking log names people inside its JSON (a round's order, a raised hand, who was absent).
  for (const event of rows.speaking_events) {
    event.payload = JSON.stringify(JSON.parse(String(event.payload)), (_key, value: unknown) => target(value))
  }
  return {
    ...rows,
    people: rows.people.filter((person) => !links.has(String(person.id))),
    person_categories: rows.person_categories.filter((category) => !links.has(String(category.person_id)))
  }
}

const emptyCounts = (): PackCounts => ({ added: 0, updated: 0, keptHere: 0, unchanged: 0 })

class Merge {
  private readonly counts = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, emptyCounts()])) as Record<PackRecordKind, PackCounts>
  private readonly conflicts: PackConflict[] = []
  /** Per session of the pack: whether anything of it came from the pack, or stayed as it was here. */
  private readonly touched = new Map<string, { fromPack: boolean; keptHere: boolean }>()
  private history = 0

  constructor(
    private readonly db: Database,
    private readonly laptop: string,
    private readonly now: number
  ) {}

  existing(table: PackTable, id: string): Row | null {
    return (prepared(this.db, `SELECT ${quoted(columnsOf(this.db, table))} FROM "${table}" WHERE id = ?`).get(id) as Row | undefined) ?? null
  }

  versioned(spec: VersionedTable, rows: PackRows): void {
    const labels = spec.labels ? groupLabels(rows[spec.labels.table], spec.labels.parent, spec.labels.column) : new Map<string, string[]>()
    const counts = this.counts[spec.table]
    for (const row of rows[spec.table]) {
      const id = String(row.id)
      const incoming = { row, labels: labels.get(id) ?? [] }
      const here = this.existing(spec.table, id)
      if (!here) {
        insertRow(this.db, spec.table, row)
        this.writeLabels(spec, id, incoming.labels)
        counts.added++
        this.mark(spec.table, row, 'fromPack')
        continue
      }
      const current = { row: here, labels: this.readLabels(spec, id) }
      const [packText, hereText] = [comparable(incoming), comparable(current)]
      if (packText === hereText) {
        counts.unchanged++
        continue
      }
      const [packTime, hereTime] = [Number(row.updated_at), Number(here.updated_at)]
      const packWins = packTime > hereTime || (packTime === hereTime && packText > hereText)
      this.conflicts.push({
        kind: spec.table,
        recordId: id,
        kept: packWins ? 'pack' : 'archive',
        pack: { updatedAt: packTime, label: spec.label(row) },
        archive: { updatedAt: hereTime, label: spec.label(here) }
      })
      if (packWins) {
        this.setAside(spec.table, id, 'pack', current)
        updateRow(this.db, spec.table, row)
        if (spec.labels) this.replaceLabels(spec, id, incoming.labels)
        counts.updated++
        this.mark(spec.table, row, 'fromPack')
      } else {
        this.setAside(spec.table, id, 'archive', incoming)
        counts.keptHere++
        this.mark(spec.table, row, 'keptHere')
      }
    }
  }

  /** A session's parts, whole from one side (see SESSION_PARTS). `before` is the session row as it was here. */
  sessionParts(session: Row, before: Row | null, rows: PackRows): void {
    const sessionId = String(session.id)
    const packParts = partsOf(rows, sessionId)
    if (!before) {
      for (const table of SESSION_PARTS) for (const row of packParts[table]) insertRow(this.db, table, row)
      for (const table of SESSION_PARTS) this.counts[table].added += packParts[table].length
      return
    }
    const hereParts = this.readParts(sessionId)
    const packText = JSON.stringify(SESSION_PARTS.map((table) => packParts[table].map(plain)))
    const hereText = JSON.stringify(SESSION_PARTS.map((table) => hereParts[table].map(plain)))
    if (packText === hereText) {
      for (const table of SESSION_PARTS) this.counts[table].unchanged += packParts[table].length
      return
    }
    const [packTime, hereTime] = [lastActivity(session, packParts), lastActivity(before, hereParts)]
    const packWins = packTime > hereTime || (packTime === hereTime && packText > hereText)
    this.conflicts.push({
      kind: 'session_parts',
      recordId: sessionId,
      kept: packWins ? 'pack' : 'archive',
      pack: { updatedAt: packTime, label: String(session.title) },
      archive: { updatedAt: hereTime, label: String(before.title) }
    })
    this.mark('sessions', session, packWins ? 'fromPack' : 'keptHere')
    for (const table of SESSION_PARTS) {
      const here = new Map(hereParts[table].map((row) => [String(row.id), JSON.stringify(plain(row))]))
      const pack = new Map(packParts[table].map((row) => [String(row.id), JSON.stringify(plain(row))]))
      const counts = this.counts[table]
      for (const [id, text] of pack) {
        if (here.get(id) === text) counts.unchanged++
        else if (!packWins) counts.keptHere++
        else if (here.has(id)) counts.updated++
        else counts.added++
      }
      // The side not kept: each of its rows the kept side does not hold as it is goes to the history.
      const [loser, winner] = packWins ? [hereParts[table], pack] : [packParts[table], here]
      for (const row of loser) if (winner.get(String(row.id)) !== JSON.stringify(plain(row))) this.setAside(table, String(row.id), packWins ? 'pack' : 'archive', { row })
    }
    if (packWins) this.replaceParts(sessionId, packParts)
  }

  report(sessions: Row[], before: ReadonlyMap<string, Row | null>): MergeReport {
    return {
      counts: this.counts,
      conflicts: this.conflicts,
      history: this.history,
      sessions: sessions.map((session) => {
        const id = String(session.id)
        const touched = this.touched.get(id)
        const change = !before.get(id) ? 'new' : touched?.fromPack ? 'updated' : touched?.keptHere ? 'kept' : 'unchanged'
        return { id, title: String(session.title), plannedStart: Number(session.planned_start), change }
      })
    }
  }

  private mark(table: PackTable, row: Row, what: 'fromPack' | 'keptHere'): void {
    const sessionId = table === 'sessions' ? row.id : row.session_id
    if (typeof sessionId !== 'string') return
    const entry = this.touched.get(sessionId) ?? { fromPack: false, keptHere: false }
    entry[what] = true
    this.touched.set(sessionId, entry)
  }

  /** Keeps the version not kept, once: a version already in the history is not added again. */
  private setAside(table: PackTable, recordId: string, keptFrom: 'pack' | 'archive', version: { row: Row; labels?: string[] }): void {
    const payload = JSON.stringify({ ...plain(version.row), ...(version.labels ? { labels: version.labels } : {}) })
    const known = prepared(this.db, 'SELECT 1 FROM merge_history WHERE table_name = ? AND record_id = ? AND payload = ?').get(table, recordId, payload)
    if (known) return
    insertRow(this.db, 'merge_history', {
      id: uuidv7(this.now),
      table_name: table,
      record_id: recordId,
      kept_from: keptFrom,
      source_laptop: this.laptop,
      payload,
      replaced_at: this.now
    })
    this.history++
  }

  private readLabels(spec: VersionedTable, id: string): string[] {
    if (!spec.labels) return []
    const { table, parent, column } = spec.labels
    return (prepared(this.db, `SELECT "${column}" AS label FROM "${table}" WHERE "${parent}" = ? ORDER BY 1`).all(id) as { label: string }[]).map((row) => row.label)
  }

  private writeLabels(spec: VersionedTable, id: string, labels: string[]): void {
    if (!spec.labels) return
    for (const label of labels) insertRow(this.db, spec.labels.table, { [spec.labels.parent]: id, [spec.labels.column]: label })
  }

  private replaceLabels(spec: VersionedTable, id: string, labels: string[]): void {
    prepared(this.db, `DELETE FROM "${spec.labels!.table}" WHERE "${spec.labels!.parent}" = ?`).run(id)
    this.writeLabels(spec, id, labels)
  }

  private readParts(sessionId: string): Record<SessionPart, Row[]> {
    return Object.fromEntries(
      SESSION_PARTS.map((table) => [table, prepared(this.db, `SELECT ${quoted(columnsOf(this.db, table))} FROM "${table}" WHERE session_id = ? ORDER BY id`).all(sessionId)])
    ) as Record<SessionPart, Row[]>
  }

  /**
   * This archive's parts of the session give way to the pack's. Deleting its turns unlinks the remarks
   * written in them (ON DELETE SET NULL); each is linked again when the pack's log holds the same turn.
   */
  private replaceParts(sessionId: string, parts: Record<SessionPart, Row[]>): void {
    const remarkTurns = prepared(this.db, 'SELECT id, turn_id FROM remarks WHERE session_id = ? AND turn_id IS NOT NULL').all(sessionId) as { id: string; turn_id: string }[]
    for (const table of [...SESSION_PARTS].reverse()) prepared(this.db, `DELETE FROM "${table}" WHERE session_id = ?`).run(sessionId)
    for (const table of SESSION_PARTS) for (const row of parts[table]) insertRow(this.db, table, row)
    const relink = prepared(this.db, 'UPDATE remarks SET turn_id = ? WHERE id = ? AND turn_id IS NULL AND EXISTS (SELECT 1 FROM turns WHERE id = ?)')
    for (const remark of remarkTurns) relink.run(remark.turn_id, remark.id, remark.turn_id)
  }
}

function groupLabels(rows: Row[], parent: string, column: string): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const row of rows) groups.set(String(row[parent]), [...(groups.get(String(row[parent])) ?? []), String(row[column])])
  for (const labels of groups.values()) labels.sort()
  return groups
}

function partsOf(rows: PackRows, sessionId: string): Record<SessionPart, Row[]> {
  const byId = (a: Row, b: Row): number => (String(a.id) < String(b.id) ? -1 : 1)
  return Object.fromEntries(SESSION_PARTS.map((table) => [table, rows[table].filter((row) => row.session_id === sessionId).sort(byId)])) as Record<SessionPart, Row[]>
}

/** A record as compared: its content and labels, without provenance (where it came from is not what it says). */
function comparable(version: { row: Row; labels: string[] }): string {
  const { [PROVENANCE]: _provenance, ...content } = version.row
  return JSON.stringify({ row: plain(content), labels: version.labels })
}

/** When a session last saw anything happen: its own edits, the speaking log, check-ins, photos. */
function lastActivity(session: Row, parts: Record<SessionPart, Row[]>): number {
  const times = [
    Number(session.updated_at),
    ...parts.speaking_events.flatMap((event) => [Number(event.at), Number(event.undone_at ?? 0)]),
    ...parts.attendance.map((entry) => Number(entry.checked_in_at ?? 0)),
    ...parts.session_photos.map((photo) => Number(photo.created_at))
  ]
  return Math.max(...times)
}
