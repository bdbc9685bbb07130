import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { uuidv7 } from '../../../src/core/store/ids'
import { replay, type SpeakingEvent } from '../../../src/shared/speaking'
import { onCleanup, runCleanups, valueOf } from '../../helpers'
import { LiveRig } from './rig'

afterEach(runCleanups)

/**
 * Core keeps each session's replayed speaking state per connection (src/core/live/replayed.ts) and trusts it
 * while the log's shape (speaking_log_shapes, kept by triggers) says the log is the one it replayed. The log
 * stays the only truth: whatever else writes to it (here a second connection, as a merge or a rolled-back
 * transaction would leave it), the next read answers what replaying the log gives.
 */

const seats = (names: string[]) => names.map((name, i) => ({ name, seatNumber: i + 1 }))

async function liveRound(): Promise<LiveRig> {
  const rig = await LiveRig.open({ participants: seats(['温乐义', '翟自恩', '张秀兰', '刘建国']) })
  valueOf(await rig.act({ type: 'phase', segmentId: rig.segments[2] }))
  valueOf(await rig.act({ type: 'round', startPersonId: rig.participants[0]! }))
  rig.wait(30_000)
  valueOf(await rig.act({ type: 'pass' }))
  return rig
}

/** A second connection that writes to the log behind core's back. */
function writer(rig: LiveRig) {
  const db = new BetterSqlite3(rig.file)
  db.pragma('busy_timeout = 5000')
  onCleanup(() => void db.close())
  const newest = () => db.prepare('SELECT seq, id FROM speaking_events WHERE session_id = ? ORDER BY seq DESC LIMIT 1').get(rig.sessionId) as { seq: number; id: string }
  const append = (seq: number, type: string, payload: object) =>
    db.prepare('INSERT INTO speaking_events (session_id, seq, id, type, payload, at) VALUES (?, ?, ?, ?, ?, ?)').run(rig.sessionId, seq, uuidv7(rig.now), type, JSON.stringify(payload), rig.now)
  return { db, newest, append }
}

/** What replaying the log on the file gives. */
async function replayed(rig: LiveRig) {
  const view = await rig.view()
  const events = rig
    .eventRows()
    .filter((row) => row.undone_at === null)
    .map((row) => ({ ...(JSON.parse(row.payload) as object), type: row.type, id: row.id, at: row.at }) as SpeakingEvent)
  return { view, expected: replay(events, rig.agenda(view)) }
}

describe('the replayed state core keeps between presses', () => {
  it('follows events another writer appended', async () => {
    const rig = await liveRound()
    const log = writer(rig)
    rig.wait(10_000)
    log.append(log.newest().seq + 1, 'skip', { absent: [] })
    const { view, expected } = await replayed(rig)
    expect(view.state).toEqual(expected)
    expect(view.lastAction).toBe('skip')
  })

  it('is not fooled by another event at the seq of the newest one it knew (a rolled-back press, then another)', async () => {
    const rig = await liveRound()
    const log = writer(rig)
    // Same number of events, same seq, the same nothing undone: only the newest event's id tells them apart.
    const { seq, id } = log.newest()
    log.db.prepare('DELETE FROM speaking_events WHERE id = ?').run(id)
    log.append(seq, 'skip', { absent: [] })
    const { view, expected } = await replayed(rig)
    expect(view.state).toEqual(expected)
    expect(view.state.turns.map((turn) => turn.outcome)).toEqual(['skipped', 'speaking'])
  })

  it('replays the log when an event is undone, removed or replaced behind its back', async () => {
    const rig = await liveRound()
    const log = writer(rig)
    rig.wait(10_000)
    valueOf(await rig.act({ type: 'pass' }))
    log.db.prepare('UPDATE speaking_events SET undone_at = ? WHERE session_id = ? AND seq = ?').run(rig.now, rig.sessionId, log.newest().seq)
    let { view, expected } = await replayed(rig)
    expect(view.state).toEqual(expected)

    // An event in the middle gone, and one more at the end: as many events as before.
    const middle = log.db.prepare("SELECT id FROM speaking_events WHERE session_id = ? AND type = 'round'").get(rig.sessionId) as { id: string }
    log.db.prepare('DELETE FROM speaking_events WHERE id = ?').run(middle.id)
    log.append(log.newest().seq + 1, 'phase', { segmentId: null, absent: [] })
    ;({ view, expected } = await replayed(rig))
    expect(view.state).toEqual(expected)

    // And the next press goes on from what the log says.
    valueOf(await rig.act({ type: 'phase', segmentId: rig.segments[2] }))
    ;({ view, expected } = await replayed(rig))
    expect(view.state).toEqual(expected)
  })
})
