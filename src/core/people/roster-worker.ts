import { parentPort, workerData } from 'node:worker_threads'
import { AppFailure } from '../errors'
import { readRosterCells } from './roster-file'

/**
 * The worker thread that reads a roster file (see roster-reader.ts): parsing a spreadsheet is CPU work on
 * an untrusted file, so it never runs on the thread that answers the window. Reads once and reports.
 */
export type RosterWorkerReply =
  | { ok: true; cells: string[][] }
  | { ok: false; code: AppFailure['code']; message: string; issues: AppFailure['issues'] }

async function read(bytes: Uint8Array): Promise<RosterWorkerReply> {
  try {
    return { ok: true, cells: await readRosterCells(bytes) }
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, code: error.code, message: error.message, issues: error.issues }
    return { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error), issues: undefined }
  }
}

void read(workerData as Uint8Array).then((reply) => parentPort?.postMessage(reply))
