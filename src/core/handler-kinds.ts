import type { z } from 'zod'
import type { CoreContext, ReadContext } from './context'

/**
 * What a domain's handlers must look like: one per channel of its part of the contract, taking the parsed
 * input (after zod) and answering the channel's output. `satisfies HandlersFor<typeof xContract>` makes a
 * missing or mistyped handler a compile error in the domain's own folder.
 *
 * A handler is either synchronous — then core runs it inside one transaction, so it writes all or nothing —
 * or `async` (it awaits file parsing or rendering) and opens its own transaction for its writes.
 */
export type HandlersFor<Part extends Readonly<Record<string, { input: z.ZodType; output: unknown }>>> = {
  [C in keyof Part]: (ctx: CoreContext, input: z.output<Part[C]['input']>) => Part[C]['output'] | Promise<Part[C]['output']>
}

const ownTransactions = new WeakSet<object>()

/**
 * Marks an async handler: it awaits (file parsing, rendering), so core cannot hold a transaction open
 * around it; it opens its own for its writes. A mark, not a guess from the function's kind, so a build
 * that rewrites async functions cannot change how a handler is run.
 */
export function runsItsOwnTransactions<I, O>(handler: (ctx: ReadContext, input: I) => Promise<O>): (ctx: ReadContext, input: I) => Promise<O> {
  ownTransactions.add(handler)
  return handler
}

export const isAsyncHandler = (handler: unknown): boolean => typeof handler === 'function' && ownTransactions.has(handler)
