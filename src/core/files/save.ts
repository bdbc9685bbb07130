import { dirname } from 'node:path'
import type { CoreContext } from '../context'
import { AppFailure } from '../errors'
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
  ctx.db.transaction(() => writeSetting(ctx, FOLDER_KEY, dirname(path))).immediate()
  savedThisRun(ctx).add(path)
  return { saved: true, path }
}

// The files this run of the app saved: the only ones it will show in their folder. Keyed by the
// platform object, which lives as long as the core (each call gets its own context).
const saved = new WeakMap<object, Set<string>>()
const savedThisRun = (ctx: CoreContext): Set<string> => saved.get(ctx.platform) ?? saved.set(ctx.platform, new Set()).get(ctx.platform)!

/** 打开所在文件夹: shows a file just saved in the system's file manager, selected. */
export function revealFile(ctx: CoreContext, input: { path: string }): { path: string } {
  const reveal = ctx.platform.revealFile
  if (!reveal) throw new AppFailure('unavailable', 'Only the desktop app can show a file in its folder.')
  // The page may only point at what it saved here, not browse the disk.
  if (!savedThisRun(ctx).has(input.path)) throw new AppFailure('forbidden', 'Only a file saved by this run of the app can be shown.')
  reveal(input.path)
  return { path: input.path }
}
