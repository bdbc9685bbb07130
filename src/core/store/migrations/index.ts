import type { Database } from 'better-sqlite3'
import { initialSchema } from './001-initial'
import { demoFlags } from './002-demo-flags'

/**
 * Ordered migrations; migration N brings the schema to `user_version` N. Never edit one that shipped:
 * add the next. Each runs in its own transaction together with its version bump.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [initialSchema, demoFlags]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
