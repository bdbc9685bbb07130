import type { Database, RunResult, Statement } from 'better-sqlite3'

/**
 * Prepared statements, typed and kept per connection (in the spirit of Signal-Desktop's ts/sql).
 *
 * `sql<Row, Params>(db, text)` says once, where the SQL is written, what the statement takes and what a
 * row looks like, so the code that reads rows needs no `as` casts. The statement is compiled the first time
 * a connection sees that text and reused after that (the console prepares the same few statements on every
 * key press). The cache belongs to the connection: a restore opens a new one and starts afresh.
 *
 * Params is a tuple for `?` placeholders, or an object for `@name` placeholders.
 *
 * Reading and writing are told apart in the types. A connection typed `WriteDb` is one core has opened a
 * write transaction on (a synchronous handler runs inside one); only its statements have `run`. Any other
 * connection (`ReadDb`: what an async handler holds between its awaits) gives statements that only read,
 * so a write outside a transaction does not compile: it goes through `ctx.write(…)` instead.
 */
declare const writeAccess: unique symbol
/** A connection inside a write transaction (see CoreContext and ReadContext). */
export type WriteDb = Database & { readonly [writeAccess]: true }
/** Any connection, for reading. */
export type ReadDb = Database

export interface ReadSql<Row, Params extends unknown[] | object> {
  get(...params: ParamsOf<Params>): Row | undefined
  all(...params: ParamsOf<Params>): Row[]
}
export interface Sql<Row, Params extends unknown[] | object> extends ReadSql<Row, Params> {
  run(...params: ParamsOf<Params>): RunResult
}
type ParamsOf<Params> = Params extends unknown[] ? Params : [Params]

const statements = new WeakMap<Database, Map<string, Statement>>()

export function sql<Row = never, Params extends unknown[] | object = []>(db: WriteDb, text: string): Sql<Row, Params>
export function sql<Row = never, Params extends unknown[] | object = []>(db: ReadDb, text: string): ReadSql<Row, Params>
export function sql<Row = never, Params extends unknown[] | object = []>(db: Database, text: string): Sql<Row, Params> {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(text)
  if (!statement) cache.set(text, (statement = db.prepare(text)))
  // The one cast: the row and parameter types are what the SQL text says; SQLite itself does not know them.
  return statement as unknown as Sql<Row, Params>
}
