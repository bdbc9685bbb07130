import type { Database } from 'better-sqlite3'
import { initialSchema } from './001-initial'
import { demoFlags } from './002-demo-flags'
import { turnKinds } from './003-turn-kinds'
import { remarksAndSearch } from './004-remarks-search'
import { attendanceTruth } from './005-attendance-truth'
import { photos } from './006-photos'
import { remarksForMinutes } from './007-remarks-for-minutes'
import { seatLayout } from './008-seat-layout'
import { archivePacks } from './009-archive-packs'
import { statisticsIndexes } from './010-statistics-indexes'
import { singleCharacterSearch } from './011-single-character-search'
import { remarkCounts } from './012-remark-counts'
import { speakingLogShapes } from './013-speaking-log-shapes'

export interface Migration {
  run: (db: Database) => void
  /**
   * Rebuilds a table that others reference: foreign keys must be off while it runs (they cannot be
   * switched inside a transaction), and are checked before the transaction commits.
   */
  foreignKeysOff?: boolean
}

/**
 * Ordered migrations; migration N brings the schema to `user_version` N. Never edit one that shipped:
 * add the next. Each runs in its own transaction together with its version bump.
 */
export const MIGRATIONS: ReadonlyArray<Migration | ((db: Database) => void)> = [
  initialSchema,
  demoFlags,
  { run: turnKinds, foreignKeysOff: true },
  remarksAndSearch,
  attendanceTruth,
  photos,
  remarksForMinutes,
  seatLayout,
  archivePacks,
  statisticsIndexes,
  singleCharacterSearch,
  remarkCounts,
  speakingLogShapes
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
