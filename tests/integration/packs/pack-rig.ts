import { join } from 'node:path'
import type { Core } from '../../../src/core/core'
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract'
import type { PackExportResult } from '../../../src/shared/contract/packs'
import { landscapeJpeg } from '../../fixtures/images'
import { HOUR, onCleanup, tempDir, testCore, valueOf, withDatabase } from '../../helpers'

/**
 * Two (or more) laptops, each a core on its own SQLite file with a clock the test moves, holding sessions
 * through core's own channels (people, a theme, check-ins, a round of the speaking order, remarks, a decision,
 * a photo), and exchanging 归档包 files in a temp folder.
 */

export const MINUTE = 60_000

export interface PersonSeed {
  name: string
  village?: string
  organisation?: string
  phone?: string | null
}

export interface HeldSession {
  id: string
  people: string[]
  themeId: string
  decisionId: string
  remarkIds: string[]
}

export class Laptop {
  readonly clock: { now: number }
  readonly core: Core & { databaseFile: string }

  constructor(
    readonly name: string,
    start: number,
    options: { seedDemo?: boolean } = {}
  ) {
    this.clock = { now: start }
    this.core = testCore({ now: () => this.clock.now, seedDemo: options.seedDemo ?? false, log: (message, error) => console.error(message, error) })
    // The backup taken after 结束场次 runs in the background: it must finish before the core closes.
    onCleanup(() => this.core.idle())
  }

  get file(): string {
    return this.core.databaseFile
  }

  wait(ms: number): void {
    this.clock.now += ms
  }

  async call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    return valueOf(await this.core.invoke(channel, input))
  }

  async person(seed: PersonSeed): Promise<string> {
    return (await this.call('people:create', { name: seed.name, village: seed.village ?? '', organisation: seed.organisation ?? '', phone: seed.phone ?? null })).id
  }

  /**
   * A session held from start to end at `plannedStart`: everyone checked in, one round of 圆桌时间 in seat
   * order, a remark by each speaker (tagged), a decision owned by the first, a photo.
   */
  async holdSession(title: string, plannedStart: number, seeds: PersonSeed[], existing: string[] = []): Promise<HeldSession> {
    const people = [...existing]
    for (const seed of seeds) people.push(await this.person(seed))
    const themeId = (await this.call('themes:create', { title: `${title}的主题`, description: '', materials: '', references: [], tags: ['乡村振兴'] })).id
    const session = await this.call('sessions:create', {
      title,
      themeId,
      plannedStart,
      plannedEnd: plannedStart + 2 * HOUR,
      venue: '村委会议室',
      agenda: [{ kind: 'roundtable', title: '圆桌时间', plannedMinutes: 60 }],
      invitees: people.map((personId, index) => ({ personId, role: 'participant' as const, seatNumber: index + 1 }))
    })
    this.wait(MINUTE)
    await this.call('sessions:start', { id: session.id })
    await this.call('live:checkInEveryone', { sessionId: session.id })
    await this.call('live:act', { sessionId: session.id, action: { type: 'phase', segmentId: session.agenda[0]!.id } })
    await this.call('live:act', { sessionId: session.id, action: { type: 'round', startPersonId: people[0]! } })
    const remarkIds: string[] = []
    for (const [index, speakerId] of people.entries()) {
      this.wait(2 * MINUTE)
      const remark = await this.call('remarks:create', { sessionId: session.id, speakerId, text: `${title}：第${index + 1}位的发言`, tags: ['建议'] })
      remarkIds.push(remark.id)
      await this.call('live:act', { sessionId: session.id, action: { type: 'pass' } })
    }
    const decision = await this.call('decisions:create', { sessionId: session.id, text: `${title}：议定事项`, ownerId: people[0]!, dueDate: '2025-12-31' })
    await this.call('photos:add', { sessionId: session.id, contentBase64: landscapeJpeg(32, 24).toString('base64'), caption: '活动照片' })
    this.wait(MINUTE)
    await this.call('sessions:end', { id: session.id })
    return { id: session.id, people, themeId, decisionId: decision.id, remarkIds }
  }

  /** Writes a pack into a fresh folder (or `folder`) and answers what the export said. */
  async exportPack(choice: { sessionIds: string[] } | { sinceLast: true }, folder = tempDir('roundtable-packs-')): Promise<PackExportResult> {
    return this.call('packs:export', { destination: join(folder, `${this.name}.roundtable-pack`), laptopName: this.name, ...choice })
  }
}


/** What stays on each laptop: its settings, unsent drafts, search indexes (rebuilt by triggers) and merge records. */
const LOCAL_TABLES = new Set(['settings', 'remark_drafts', 'merge_history', 'person_links', 'pack_exports'])

/**
 * Every row of every table a pack must carry (all but LOCAL_TABLES: a table added later is carried, or this
 * says so), ordered by its key, without provenance (`source_laptop` says where a session was recorded,
 * which is different on each laptop by design). Two archives holding "the union" agree on all of it.
 */
export function mergedRows(file: string): Record<string, unknown[]> {
  return withDatabase(file, (db) => {
    const tables = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[])
      .filter(({ name, sql }) => !LOCAL_TABLES.has(name) && !sql.startsWith('CREATE VIRTUAL TABLE') && !/_fts_(config|data|docsize|idx)$/.test(name))
      .map(({ name }) => name)
    return Object.fromEntries(
      tables.map((table) => {
        const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all() as Record<string, unknown>[]
        return [table, rows.map(({ source_laptop: _provenance, ...row }) => row)]
      })
    )
  })
}

export function historyRows(file: string): { table_name: string; record_id: string; kept_from: string; source_laptop: string; payload: Record<string, unknown> }[] {
  return withDatabase(file, (db) =>
    (db.prepare('SELECT table_name, record_id, kept_from, source_laptop, payload FROM merge_history ORDER BY replaced_at, id').all() as { payload: string }[]).map((row) => ({
      ...(row as unknown as { table_name: string; record_id: string; kept_from: string; source_laptop: string }),
      payload: JSON.parse(row.payload) as Record<string, unknown>
    }))
  )
}
