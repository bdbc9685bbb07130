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
 * An idle worker is let go after `idleMs`; the next file starts a new one (~0.1 s).
 */
export const ROSTER_WORKER_LIMITS = { timeoutMs: 20_000, heapMb: 192, idleMs: 30_000 }

/**
 * Reads files in a worker thread started from `workerFile` (the built roster-worker.js), one file at a
 * time. The worker stays for the next file (a preview is followed by its import), and is replaced after a
 * file that timed out or ran out of memory.
 */
export function rosterReaderInWorker(workerFile: string, limits = ROSTER_WORKER_LIMITS): RosterReader {
  let worker: Worker | null = null
  let idleTimer: NodeJS.Timeout | undefined
  let nextId = 0
  let queue: Promise<unknown> = Promise.resolve()

  const stop = (): void => {
    clearTimeout(idleTimer)
    void worker?.terminate()
    worker = null
  }

  function readOne(bytes: Uint8Array): Promise<string[][]> {
    clearTimeout(idleTimer)
    if (!worker) {
      worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 } })
      worker.unref() // an idle reader never keeps the process alive
    }
    const current = worker
    const id = ++nextId
    return new Promise<string[][]>((resolve, reject) => {
      const tooHeavy = (why: string): AppFailure =>
        tooLarge('file_too_large', `Reading the file ${why}.`, ROSTER_BOUNDS.unpackedBytes / 1024 / 1024)
      const done = (outcome: () => void, keep: boolean): void => {
        clearTimeout(timer)
        current.off('message', onMessage).off('error', onError).off('exit', onExit)
        if (keep) idleTimer = setTimeout(stop, limits.idleMs).unref()
        else if (worker === current) stop()
        outcome()
      }
      const onMessage = (reply: RosterWorkerReply): void => {
        if (reply.id !== id) return
        done(() => (reply.ok ? resolve(reply.cells) : reject(new AppFailure(reply.code, reply.message, reply.issues))), true)
      }
      // Out of memory is the file's fault; anything else (a missing worker file) is ours and stays internal.
      const onError = (error: NodeJS.ErrnoException): void =>
        done(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooHeavy('needed more memory than allowed') : error), false)
      const onExit = (code: number): void => done(() => reject(new Error(`The roster worker stopped without an answer (exit code ${code}).`)), false)
      const timer = setTimeout(() => done(() => reject(tooHeavy(`took longer than ${limits.timeoutMs / 1000} s`)), false), limits.timeoutMs)
      current.on('message', onMessage).on('error', onError).on('exit', onExit)
      current.postMessage({ id, bytes })
    })
  }

  return (bytes) => {
    const result = queue.then(() => readOne(bytes))
    queue = result.catch(() => undefined)
    return result
  }
}

/** Reads on the calling thread: only for tests and tools without a built worker, never in the app. */
export const rosterReaderInProcess: RosterReader = readRosterCells
