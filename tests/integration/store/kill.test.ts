import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runCleanups, tempDir } from '../../helpers'
import { lostAcknowledgements, type Ack } from './kill/acks'
import { runKillCycles } from './kill/run-cycles'

/**
 * The kill test (run-cycles.ts): a child process drives core through live operations and is SIGKILLed at
 * random moments; after each kill every acknowledged operation is in the file and the file is sound.
 * `KILL_CYCLES`, `KILL_SEED` and `KILL_DIR` override the defaults; `npm run soak` runs the same cycles by the hundred.
 */

afterEach(runCleanups)

const CYCLES = Number(process.env.KILL_CYCLES ?? 50)
const SEED = process.env.KILL_SEED === undefined ? undefined : Number(process.env.KILL_SEED)
/** Where the database goes (by default in RAM, see run-cycles.ts); e.g. KILL_DIR=/tmp for a disk. */
const BASE = process.env.KILL_DIR || undefined

describe('kill test: core SIGKILLed at random moments of live operations', () => {
  it(`keeps every acknowledged operation, and a sound file, over ${CYCLES} kills`, async () => {
    const figures = await runKillCycles({ cycles: CYCLES, seed: SEED, baseDir: BASE })
    const { acks: _acks, lostExamples: _examples, ...summary } = figures
    console.log(`kill test: ${JSON.stringify(summary)}`)
    // The seed reproduces the kill moments and the drivers' choices (the timing of a busy machine aside).
    const context = `seed ${figures.seed}, database ${figures.databaseFile}`
    expect(figures.problems, context).toEqual([])
    expect(figures.lostExamples, context).toEqual([])
    expect(figures.lost, context).toBe(0)
    expect(figures.integrityFailures, context).toBe(0)
    expect(figures.foreignKeyFailures, context).toBe(0)
    expect(figures.backupFailures, context).toBe(0)
    expect(figures.cycles).toBe(CYCLES)
    expect(figures.acknowledged).toBeGreaterThan(CYCLES)
  }, 60_000 + CYCLES * 3_000)

  it('the check is not vacuous: an acknowledgement of anything the file does not hold is reported lost', async () => {
    const dir = tempDir()
    const figures = await runKillCycles({ cycles: 4, seed: 20250821, dir })
    expect(figures.problems).toEqual([])
    expect(figures.acks.length).toBeGreaterThan(0)
    const db = new BetterSqlite3(figures.databaseFile, { readonly: true, fileMustExist: true })
    try {
      expect(lostAcknowledgements(db, figures.acks)).toEqual([])
      const forged = figures.acks.map(forge)
      expect(lostAcknowledgements(db, forged)).toEqual(forged)
    } finally {
      db.close()
    }
  })
})

const NOBODY = '00000000-0000-7000-8000-000000000000'

/** The same acknowledgement with its key changed to something no driver wrote. */
function forge(ack: Ack): Ack {
  switch (ack.k) {
    case 'person':
      return { ...ack, id: NOBODY }
    case 'plan':
    case 'start':
    case 'everyone':
      return { ...ack, session: NOBODY }
    case 'act':
    case 'end':
      return { ...ack, seq: ack.seq + 100_000 }
    case 'checkIn':
    case 'walkIn':
      return { ...ack, person: NOBODY }
    case 'absent':
      return { ...ack, reason: `${ack.reason}（伪造）` }
    case 'remark':
    case 'decision':
    case 'done':
      return { ...ack, text: `${ack.text}（伪造）` }
  }
}
