import { parentPort } from 'node:worker_threads'
import { AppFailure } from '../errors'
import { readRosterCells } from './roster-file'

/**
 * The worker thread that reads roster files (see roster-reader.ts): parsing a spreadsheet is CPU work on
 * an untrusted file, so it never runs on the thread that answers the window. One file at a time.
 */
export interface RosterWorkerRequest {
  id: number
  bytes: Uint8Array
}

export type RosterWorkerReply = { id: number } & (
  | { ok: true; cells: string[][] }
  | { ok: false; code: AppFailure['code']; message: string; issues: AppFailure['issues'] }
)

async function read({ id, bytes }: RosterWorkerRequest): Promise<RosterWorkerReply> {
  try {
    return { id, ok: true, cells: await readRosterCells(bytes) }
  } catch (error) {
    if (error instanceof AppFailure) return { id, ok: false, code: error.code, message: error.message, issues: error.issues }
    return { id, ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error), issues: undefined }
  }
}

parentPort?.on('message', (request: RosterWorkerRequest) => void read(request).then((reply) => parentPort?.postMessage(reply)))
