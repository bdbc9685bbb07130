import { Worker } from 'node:worker_threads'
import { AppFailure } from '../errors'
import { ROSTER_BOUNDS, tooLarge } from './roster-bounds'
import { readRosterCells } from './roster-file'
import type { RosterWorkerReply } from './roster-worker'

/** Turns the bytes of a roster file into rows of cell texts (see roster-file.ts). */
export type RosterReader = (bytes: Uint8Array) => Promise<string[][]>

/**
 * A worker may take this long and this much heap for one file before it is stopped. The bounds checks
 * refuse hostile files in well under a second; these catch whatever gets past them, so that a file can
 * never freeze the app (in Electron, core runs on the main process: a freeze there hangs every window).
 */
export const ROSTER_WORKER_LIMITS = { timeoutMs: 20_000, heapMb: 192 }

/** Reads each file in a fresh worker thread started from `workerFile` (the built roster-worker.js). */
export function rosterReaderInWorker(workerFile: string, limits = ROSTER_WORKER_LIMITS): RosterReader {
  return (bytes) =>
    new Promise<string[][]>((resolve, reject) => {
      const worker = new Worker(workerFile, {
        workerData: bytes,
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
        stdout: true,
        stderr: true
      })
      let settled = false
      const settle = (outcome: () => void): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        void worker.terminate()
        outcome()
      }
      const tooHeavy = (why: string): AppFailure =>
        tooLarge('file_too_large', `Reading the file ${why}.`, ROSTER_BOUNDS.unpackedBytes / 1024 / 1024)
      const timer = setTimeout(() => settle(() => reject(tooHeavy(`took longer than ${limits.timeoutMs / 1000} s`))), limits.timeoutMs)
      worker.once('message', (reply: RosterWorkerReply) =>
        settle(() => (reply.ok ? resolve(reply.cells) : reject(new AppFailure(reply.code, reply.message, reply.issues))))
      )
      worker.once('error', (error: NodeJS.ErrnoException) =>
        // Out of memory is the file's fault; anything else (a missing worker file) is ours and stays internal.
        settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooHeavy('needed more memory than allowed') : error))
      )
      worker.once('exit', (code) => settle(() => reject(new Error(`The roster worker stopped without an answer (exit code ${code}).`))))
    })
}

/** Reads on the calling thread: only for tests and tools without a built worker, never in the app. */
export const rosterReaderInProcess: RosterReader = readRosterCells
