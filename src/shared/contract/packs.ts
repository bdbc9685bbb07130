import { z } from 'zod'
import { LIMITS } from '../limits'
import { channel, idSchema, required, text } from './schema'

/**
 * 归档包: archives carried from village laptops to the town office. A pack is one zip file holding a
 * SQLite database with the app's own schema (the sessions chosen, their people, themes and everything
 * recorded in them) and a manifest; importing merges it into this archive by record id.
 */

/** What a pack's records are counted and compared as (labels — categories, tags — travel with their record). */
export const PACK_RECORDS = ['people', 'themes', 'sessions', 'agenda_segments', 'attendance', 'speaking_events', 'turns', 'remarks', 'decisions', 'session_photos'] as const
export type PackRecordKind = (typeof PACK_RECORDS)[number]

/** Why a pack was refused; each is the `code` of the refusal's issue (path ['file']), translated as `packs.refused.<code>`. */
export const PACK_REFUSALS = ['pack_unreadable', 'pack_not_a_pack', 'pack_damaged', 'pack_checksum', 'pack_too_new', 'pack_link_invalid'] as const
export type PackRefusal = (typeof PACK_REFUSALS)[number]

export interface PackExportResult {
  /** Where the pack was written. */
  file: string
  /** The laptop's name written into the pack (shown as each session's provenance on the other side). */
  sourceLaptop: string
  /** With `sinceLast`: the time of the previous pack to the same folder (null: there was none, so everything went). */
  since: number | null
  counts: Record<PackRecordKind, number>
}

/** A person as a link offer shows them: enough to tell who is who. */
export interface PackPerson {
  id: string
  name: string
  village: string
  organisation: string
  phone: string | null
}

/**
 * Someone in the pack under an id this archive does not know, who looks like someone here (same name and
 * place, or same phone). Never merged silently: the user links them (the pack's records then point at the
 * person here) or leaves them as a new person.
 */
export interface PackLinkOffer {
  incoming: PackPerson
  candidates: (PackPerson & { reason: 'name_and_place' | 'phone' })[]
}

/** What the merge did (or would do) with one kind of record. */
export interface PackCounts {
  /** New here. */
  added: number
  /** Here already and the pack's version is newer: it replaces this archive's, which goes to the history. */
  updated: number
  /** Here already and this archive's version is newer: it stays, and the pack's goes to the history. */
  keptHere: number
  unchanged: number
}

/**
 * A record both archives hold in different versions: the newer is kept, the older goes to `merge_history`.
 * `session_parts` is a session's check-ins, agenda, speaking log and photos, which are kept whole from one side.
 */
export interface PackConflict {
  kind: 'people' | 'themes' | 'sessions' | 'remarks' | 'decisions' | 'session_parts'
  recordId: string
  /** Which version is kept; the other goes to the history. */
  kept: 'pack' | 'archive'
  pack: { updatedAt: number; label: string }
  archive: { updatedAt: number; label: string }
}

export interface PackSessionChange {
  id: string
  title: string
  plannedStart: number
  change: 'new' | 'updated' | 'kept' | 'unchanged'
}

export interface PackPreview {
  sourceLaptop: string
  schemaVersion: number
  createdAt: number
  /** The pack came from an older app: it was migrated in a temporary copy first. */
  migrated: boolean
  sessions: PackSessionChange[]
  counts: Record<PackRecordKind, PackCounts>
  conflicts: PackConflict[]
  links: PackLinkOffer[]
}

export interface PackImportResult {
  sourceLaptop: string
  counts: Record<PackRecordKind, PackCounts>
  conflicts: PackConflict[]
  /** People of the pack linked to someone here (by this import or an earlier one). */
  linked: number
  /** Versions set aside in the history by this import. */
  history: number
}

/** What a pack's file name ends with (core adds it to a destination without it). */
export const PACK_EXTENSION = '.roundtable-pack'

/**
 * A whole path on the machine core runs on, as a file dialog gives it (`/…`, `C:\…`, `\\server\…`): a
 * relative one would depend on where the app happened to start. At most 4,096 characters.
 */
const packFile = required(4_096).refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), { params: { reason: 'path_not_absolute' } })

export const packsContract = {
  /**
   * 导出归档包: writes the pack to `destination` (a path core can write; any file there is replaced whole).
   * `sessionIds` chooses sessions; `sinceLast` takes everything changed since the last pack to the same folder
   * (demo data left out). `laptopName` names this laptop in the pack and is remembered (default: its host name).
   */
  'packs:export': channel(
    z
      .strictObject({
        destination: packFile,
        sessionIds: z.array(idSchema).max(LIMITS.listPage).optional(),
        sinceLast: z.boolean().default(false),
        laptopName: text(LIMITS.shortText).optional()
      })
      .refine((input) => input.sinceLast || (input.sessionIds?.length ?? 0) > 0, { params: { reason: 'pack_nothing_chosen' }, path: ['sessionIds'] })
  ).returns<PackExportResult>(),
  /**
   * The desktop's file dialog for a pack: where to save one (`export`) or which to open (`import`); null when
   * the user cancels. The web bridge has no dialogs ('unavailable'): its page asks for a path.
   */
  'packs:chooseFile': channel(z.strictObject({ purpose: z.enum(['export', 'import']) })).returns<{ path: string | null }>(),
  /** 导入归档包, first step: reads and checks the pack and says what a merge would do. Writes nothing. */
  'packs:preview': channel(z.strictObject({ file: packFile })).returns<PackPreview>(),
  /** 导入归档包: merges the pack in one transaction, with the people the user chose to link. */
  'packs:import': channel(
    z.strictObject({
      file: packFile,
      links: z
        .array(z.strictObject({ incomingPersonId: idSchema, existingPersonId: idSchema }))
        .max(LIMITS.listPage)
        .refine((links) => new Set(links.map((link) => link.incomingPersonId)).size === links.length, { params: { reason: 'duplicate_value' } })
        .default([])
    })
  ).returns<PackImportResult>()
} as const
