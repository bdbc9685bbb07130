import type { z } from 'zod'
import type { contract } from '../../shared/contract'
import type { ImportOutcome, ImportPreview } from '../../shared/domain'
import type { CoreContext } from '../context'
import { AppFailure } from '../errors'

export type PreviewInput = z.output<(typeof contract)['people:importPreview']['input']>
export type CommitInput = z.output<(typeof contract)['people:importCommit']['input']>

// Placeholder until the roster importer lands (issue 3); refuses rather than pretending.
export async function previewImport(_ctx: CoreContext, _input: PreviewInput): Promise<ImportPreview> {
  throw new AppFailure('internal', 'Roster import is not built yet.')
}

export async function commitImport(_ctx: CoreContext, _input: CommitInput): Promise<ImportOutcome> {
  throw new AppFailure('internal', 'Roster import is not built yet.')
}
