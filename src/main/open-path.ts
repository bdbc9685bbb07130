import { shell } from 'electron'

/**
 * 设置 → 关于 → 打开 (core's Platform.openPath): a folder opens in the system's file manager; a file (the
 * database) is shown selected in its folder. shell.openPath answers an error message instead of throwing:
 * turned into a rejection, so core can say the folder did not open.
 */
export async function openPathInFileManager(path: string, how: 'open' | 'reveal'): Promise<void> {
  if (how === 'reveal') {
    shell.showItemInFolder(path)
    return
  }
  const problem = await shell.openPath(path)
  if (problem) throw new Error(problem)
}
