/**
 * Change events over the web bridge (`GET /events`, server-sent events) without gaps. An event stream is its own
 * HTTP connection: a page's reads can be answered before its stream is connected, or while it reconnects, and an
 * event in between was lost — the page showed what it had read until something else changed.
 *
 * So the bridge numbers its events (each message's `id:`), and every answer to a call says how many events there
 * had been when core took it (EVENTS_SEEN_HEADER). A stream opened with `?after=N`, or reconnecting with the
 * browser's Last-Event-ID, first replays the events after N, then sends READY_EVENT (its `id:` the last number);
 * a page whose answer is older than where its stream starts opens it again from that answer. When the events a page
 * asks for are no longer kept, the stream sends RESYNC_EVENT and the page loads again. (The desktop app's IPC is
 * one ordered pipe for answers and events: it needs none of this.) The page's side: renderer/src/api/event-stream.ts.
 */
export const EVENTS_SEEN_HEADER = 'X-Roundtable-Events'
/** The query parameter naming the event a new stream starts after. */
export const EVENTS_AFTER_PARAM = 'after'
/** Sent once a stream has replayed what was asked for; its data is the number of the last event. */
export const READY_EVENT = 'ready'
/** Sent when the events asked for are no longer kept: what the page shows may be older than they were. */
export const RESYNC_EVENT = 'resync'
