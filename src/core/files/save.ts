import { basename, dirname } from 'node:path'
import type { ExportOutcome } from '../../shared/domain'
import type { ReadContext } from '../context'
import { AppFailure } from '../errors'
import { readSetting, writeSetting } from '../settings/settings'
import { writeFileAtomic } from './atomic'

const FOLDER_KEY = 'export.folder'

/** A file core has made (a document, a roster), before it is saved or handed over. */
export interface MadeFile {
  /** The name the save dialog suggests, e.g. 2025-08-21-思想圆桌派-会议纪要.docx. */
  fileName: string
  mimeType: string
  bytes: Buffer
}

/**
 * Saves a file where it was made (导出). The desktop app asks where through its save dialog, opened in the
 * folder used last time, writes the file there whole (or not at all), remembers the folder, and answers where
 * it went — the bytes never travel to the page and back. Without a save dialog (the web bridge) the answer is
 * the bytes themselves, for the browser to download.
 */
export async function saveMadeFile(ctx: ReadContext, file: MadeFile): Promise<ExportOutcome> {
  const choose = ctx.platform.chooseSavePath
  if (!choose) return { kind: 'download', fileName: file.fileName, mimeType: file.mimeType, contentBase64: file.bytes.toString('base64') }
  const path = await choose(file.fileName, readSetting<string>(ctx, FOLDER_KEY) ?? null)
  if (!path) return { kind: 'cancelled', fileName: file.fileName }
  writeFileAtomic(path, file.bytes)
  ctx.write((tx) => writeSetting(tx, FOLDER_KEY, dirname(path)))
  savedThisRun(ctx).add(path)
  return { kind: 'saved', fileName: basename(path), path }
}

// The files this run of the app saved: the only ones it will show in their folder. Keyed by the
// platform object, which lives as long as the core (each call gets its own context).
const saved = new WeakMap<object, Set<string>>()
const savedThisRun = (ctx: ReadContext): Set<string> => saved.get(ctx.platform) ?? saved.set(ctx.platform, new Set()).get(ctx.platform)!

/** 打开所在文件夹: shows a file just saved in the system's file manager, selected. */
export function revealFile(ctx: ReadContext, input: { path: string }): { path: string } {
  const reveal = ctx.platform.revealFile
  if (!reveal) throw new AppFailure('unavailable', 'Only the desktop app can show a file in its folder.')
  // The page may only point at what it saved here, not browse the disk.
  if (!savedThisRun(ctx).has(input.path)) throw new AppFailure('forbidden', 'Only a file saved by this run of the app can be shown.')
  reveal(input.path)
  return { path: input.path }
}
