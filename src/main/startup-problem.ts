import { app, dialog, shell } from 'electron'
import { existsSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { chinaClock, formatChinaDate } from '../shared/china-time'
import type { BackupInfo } from '../shared/domain'
import { newestGoodBackup, recoverFromBackup } from '../core/backup/recovery'
import { DatabaseOpenError, DatabaseTooNewError } from '../core/errors'

/** What start-up does next after the archive could not be opened. */
export type StartupAnswer = 'retry' | 'quit'

type Words = [zh: string, en: string]

interface Choice {
  label: Words
  act: () => StartupAnswer | Promise<StartupAnswer>
}

/**
 * The screen for an archive that cannot be opened: one sentence saying what is wrong and what to do, in the
 * system's language (the archive's own language setting cannot be read), and the ways forward that fit —
 * restore the newest good backup for a damaged file, try again for a file in use or a missing USB stick,
 * show the folder. Never a stack trace; the file itself is never changed (a restore only moves it aside).
 */
export async function answerStartupProblem(error: unknown, databaseFile: string, now: () => number = Date.now): Promise<StartupAnswer> {
  const chinese = app.getLocale().toLowerCase().startsWith('zh')
  const say = ([zh, en]: Words): string => (chinese ? zh : en)
  const problem = error instanceof DatabaseOpenError ? error.problem : null
  const backup = problem === 'not_a_database' ? newestGoodBackup(databaseFile) : null

  const choices: Choice[] = []
  if (backup) choices.push({ label: [`从备份恢复（${zhTime(backup.takenAt)}）`, `Restore the backup of ${enTime(backup.takenAt)}`], act: () => restore(backup) })
  if (problem === 'in_use' || problem === 'disk_full' || problem === 'folder_missing') choices.push({ label: ['重试', 'Try again'], act: () => 'retry' })
  if (existsSync(dirname(databaseFile))) {
    choices.push({
      label: ['打开所在文件夹', 'Show the folder'],
      act: () => {
        shell.showItemInFolder(existsSync(databaseFile) ? databaseFile : dirname(databaseFile))
        return 'quit'
      }
    })
  }
  choices.push({ label: ['退出', 'Quit'], act: () => 'quit' })

  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: say(['圆桌派无法打开数据库', 'Roundtable cannot open its database']),
    message: say(sentencesOf(error, databaseFile)),
    detail: backup
      ? say([
          `可以用 ${zhTime(backup.takenAt)} 的备份（${backup.sessions ?? '?'} 场）替换它。这个文件会移到“backups”文件夹里另存，不会被删除。`,
          `It can be replaced by the backup of ${enTime(backup.takenAt)} (${backup.sessions ?? '?'} sessions). This file is moved into the “backups” folder, never deleted.`
        ])
      : undefined,
    buttons: choices.map((choice) => say(choice.label)),
    defaultId: 0,
    cancelId: choices.length - 1,
    noLink: true
  })
  return (choices[response] ?? choices[choices.length - 1]!).act()

  async function restore(chosen: BackupInfo): Promise<StartupAnswer> {
    try {
      const { setAside } = recoverFromBackup(databaseFile, chosen.name, now())
      await dialog.showMessageBox({
        type: 'info',
        title: say(['已从备份恢复', 'Restored from a backup']),
        message: say([
          `已用 ${zhTime(chosen.takenAt)} 的备份恢复。原来的文件另存为 ${basename(setAside)}（在“backups”文件夹里）。`,
          `The backup of ${enTime(chosen.takenAt)} is back in place. The damaged file was kept as ${basename(setAside)} in the “backups” folder.`
        ]),
        buttons: [say(['打开圆桌派', 'Open Roundtable'])],
        noLink: true
      })
      return 'retry'
    } catch (failure) {
      dialog.showErrorBox(say(['恢复没有完成', 'The restore did not finish']), `${say(sentencesOf(failure, databaseFile))}`)
      return 'quit'
    }
  }
}

/** The sentences core gives for the problem; anything unforeseen is "cannot open", with what the system said. */
function sentencesOf(error: unknown, databaseFile: string): Words {
  if (error instanceof DatabaseOpenError || error instanceof DatabaseTooNewError) return error.sentences
  const [zh, en] = new DatabaseOpenError('cannot_open', databaseFile).sentences
  const detail = error instanceof Error ? error.message : String(error)
  return [`${zh}（${detail}）`, `${en} (${detail})`]
}

const zhTime = (ms: number): string => `${formatChinaDate(ms, 'zh-CN')} ${chinaClock(ms)}`
const enTime = (ms: number): string => `${formatChinaDate(ms, 'en')}, ${chinaClock(ms)}`
