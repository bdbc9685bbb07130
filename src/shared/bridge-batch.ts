/**
 * Several calls of the contract in one request to the web bridge (`POST /api/batch`): the HTTP transport sends the
 * calls a page makes together (in one task: a page's reads as it opens) as one request instead of one each.
 * Each request costs the browser, its network service and the page a few milliseconds of a 2-core machine's time
 * (issue 16: the live console's six first reads, ~8 ms sooner to interactive by paired loads). Every call is still
 * one call of the contract, validated by core on its own; the answer holds each call's Result, in order.
 * Only the web bridge has this: the desktop app's IPC costs little per call.
 */
export const BATCH_PATH = '/api/batch'
/** At most this many calls in one batch; the transport sends more in several. */
export const MAX_BATCH_CALLS = 32
/** A call whose input is larger than this (in JSON) goes alone: a batch stays well under the bridge's 1 MiB body limit. */
export const MAX_BATCHED_INPUT_CHARS = 16 * 1024

/** One call in a batch. */
export interface BatchedCall {
  channel: string
  input: unknown
}

/** Whether `value` is a batch the bridge answers: 1 to MAX_BATCH_CALLS calls, each with a channel name. */
export function isBatch(value: unknown): value is BatchedCall[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_BATCH_CALLS &&
    value.every((call) => typeof call === 'object' && call !== null && !Array.isArray(call) && typeof (call as { channel?: unknown }).channel === 'string')
  )
}
