import { dirname } from 'node:path'
import type { CoreContext } from '../context'
import { readSetting, writeSetting } from '../settings/settings'
import { writeFileAtomic } from './atomic'

const FOLDER_KEY = 'export.folder'

/**
 * Saves an exported file where the user chooses (the desktop's save dialog, opened in the folder used
 * last time). Without such a dialog (the web bridge) nothing is saved here and the page downloads it.
 */
export async function saveFile(ctx: CoreContext, input: { fileName: string; contentBase64: string }): Promise<{ saved: boolean; path: string | null }> {
  const choose = ctx.platform.chooseSavePath
  if (!choose) return { saved: false, path: null }
  const path = await choose(input.fileName, readSetting<string>(ctx, FOLDER_KEY) ?? null)
  if (!path) return { saved: false, path: null }
  writeFileAtomic(path, Buffer.from(input.contentBase64, 'base64'))
  ctx.db.transaction(() => writeSetting(ctx, FOLDER_KEY, dirname(path)))()
  return { saved: true, path }
}
