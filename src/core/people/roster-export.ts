import type { ExportedFile } from '../../shared/domain'
import type { CoreContext } from '../context'
import { AppFailure } from '../errors'

// Placeholder until the roster exporter lands (issue 3); refuses rather than pretending.
export async function exportPeople(_ctx: CoreContext, _input: { format: 'xlsx' | 'csv'; includeArchived: boolean }): Promise<ExportedFile> {
  throw new AppFailure('internal', 'Roster export is not built yet.')
}
