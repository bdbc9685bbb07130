import { chinaIsoDate } from '../../shared/china-time'
import { PACK_EXTENSION } from '../../shared/contract/packs'
import type { ParsedInputOf } from '../../shared/contract'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'

/**
 * The desktop's dialogs for a pack: the save dialog offers 圆桌派归档包-2025-08-21.roundtable-pack, the open
 * dialog shows packs only. The path chosen goes back to the page, which hands it to packs:export or
 * packs:preview (both check it again).
 */
export async function choosePackFile(ctx: ReadContext, { purpose }: ParsedInputOf<'packs:chooseFile'>): Promise<{ path: string | null }> {
  if (purpose === 'export') {
    const chooseSavePath = ctx.platform.chooseSavePath
    if (!chooseSavePath) throw new AppFailure('unavailable', 'Choosing a file needs the desktop app.')
    return { path: await chooseSavePath(`圆桌派归档包-${chinaIsoDate(ctx.now())}${PACK_EXTENSION}`, null) }
  }
  const chooseOpenPath = ctx.platform.chooseOpenPath
  if (!chooseOpenPath) throw new AppFailure('unavailable', 'Choosing a file needs the desktop app.')
  return { path: await chooseOpenPath('圆桌派归档包', [PACK_EXTENSION.slice(1)]) }
}
