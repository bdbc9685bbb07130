import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backupFolder } from '../../../src/core/backup/backups'
import { runCleanups, T0, tempDatabaseFile, testCore, valueOf } from '../../helpers'
import { randomBytes } from '../../fixtures/rosters'

/** A fake electron: the locale, the message boxes shown (answered from a script), the folders shown. */
const fake = vi.hoisted(() => {
  const state = {
    locale: 'zh-CN',
    boxes: [] as { type?: string; title?: string; message: string; detail?: string; buttons?: string[] }[],
    answers: [] as ((buttons: string[]) => number)[],
    errorBoxes: [] as string[],
    shown: [] as string[]
  }
  return {
    state,
    electron: {
      app: { getLocale: () => state.locale },
      dialog: {
        showMessageBox: async (options: (typeof state.boxes)[number]) => {
          state.boxes.push(options)
          const answer = state.answers.shift()
          return { response: answer ? answer(options.buttons ?? []) : 0 }
        },
        showErrorBox: (title: string, content: string) => state.errorBoxes.push(`${title}: ${content}`)
      },
      shell: { showItemInFolder: (path: string) => state.shown.push(path) }
    }
  }
})
vi.mock('electron', () => fake.electron)
const { answerStartupProblem } = await import('../../../src/main/startup-problem')
const { createCore } = await import('../../../src/core/core')
const { DatabaseOpenError } = await import('../../../src/core/errors')

afterEach(runCleanups)
beforeEach(() => {
  Object.assign(fake.state, { locale: 'zh-CN', boxes: [], answers: [], errorBoxes: [], shown: [] })
})

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const press = (label: RegExp) => (buttons: string[]) => buttons.findIndex((button) => label.test(button))

/** An archive with one session and a manual backup, then overwritten with random bytes (a damaged disk). */
async function damagedArchiveWithBackup(): Promise<string> {
  const file = tempDatabaseFile()
  const core = testCore({ databaseFile: file, now: () => T0 })
  valueOf(await core.invoke('sessions:create', { title: '乡风文明圆桌派', plannedStart: T0, plannedEnd: T0 + 3_600_000 }))
  valueOf(await core.invoke('backups:create', { chooseFile: false }))
  core.close()
  writeFileSync(file, randomBytes(64 * 1024))
  return file
}

/** What opening the file says, as the app's start-up sees it. */
function openingError(file: string): unknown {
  try {
    createCore({ databaseFile: file, appVersion: '0.1.0', log: () => {} }).close()
  } catch (error) {
    return error
  }
  throw new Error('expected the archive not to open')
}

describe('the start-up problem screen', () => {
  it('offers the newest good backup for a damaged archive; restoring moves the file aside unchanged and reopens', async () => {
    const file = await damagedArchiveWithBackup()
    const damagedHash = hash(file)
    const error = openingError(file)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    fake.state.answers.push(press(/从备份恢复/), () => 0)
    expect(await answerStartupProblem(error, file, () => T0 + 60_000)).toBe('retry')

    const [screen, done] = fake.state.boxes
    expect(screen).toMatchObject({ type: 'error', title: '圆桌派无法打开数据库' })
    expect(screen!.message).toMatch(/^数据库文件已损坏/)
    expect(screen!.buttons).toEqual([expect.stringMatching(/^从备份恢复（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）$/), '打开所在文件夹', '退出'])
    expect(screen!.detail).toMatch(/1 场/)
    expect(done!.message).toMatch(/原来的文件另存为 set-aside-/)
    expect(JSON.stringify(fake.state.boxes)).not.toMatch(/at .*\.ts:\d+/) // no stack trace anywhere

    const setAside = readdirSync(backupFolder(file)).find((name) => name.startsWith('set-aside-'))!
    expect(hash(join(backupFolder(file), setAside))).toBe(damagedHash)
    const core = testCore({ databaseFile: file })
    expect(valueOf(await core.invoke('sessions:list', {})).map((session) => session.title)).toEqual(['乡风文明圆桌派'])
  })

  it('without a good backup, says what is wrong and offers only the folder and quitting; the file stays as it was', async () => {
    const file = tempDatabaseFile()
    writeFileSync(file, randomBytes(8 * 1024))
    const before = hash(file)
    fake.state.answers.push(press(/打开所在文件夹/))
    expect(await answerStartupProblem(openingError(file), file)).toBe('quit')
    expect(fake.state.boxes[0]!.buttons).toEqual(['打开所在文件夹', '退出'])
    expect(fake.state.shown).toEqual([file])
    expect(hash(file)).toBe(before)
    expect(existsSync(backupFolder(file))).toBe(false)
  })

  it('skips a backup that is itself damaged and offers the one before it', async () => {
    const file = await damagedArchiveWithBackup()
    // A newer copy, a day later, that is damaged too (a failing disk takes both).
    const newer = new Date(T0 + 86_400_000).toISOString().replace(/[-:.]/g, '')
    writeFileSync(join(backupFolder(file), `backup-${newer}-session-end.sqlite`), randomBytes(4096))
    fake.state.answers.push((buttons) => buttons.length - 1)
    expect(await answerStartupProblem(openingError(file), file)).toBe('quit')
    // T0 is 2025-08-21 14:00 in China: the good copy, not the newer damaged one.
    expect(fake.state.boxes[0]!.buttons![0]).toBe('从备份恢复（2025年8月21日 14:00）')
  })

  it('offers to try again when another program holds the archive, in the system’s language', async () => {
    fake.state.locale = 'en-US'
    const file = tempDatabaseFile()
    const error = new DatabaseOpenError('in_use', file)
    fake.state.answers.push(press(/Try again/))
    expect(await answerStartupProblem(error, file)).toBe('retry')
    expect(fake.state.boxes[0]).toMatchObject({ title: 'Roundtable cannot open its database', buttons: ['Try again', 'Show the folder', 'Quit'] })
    expect(fake.state.boxes[0]!.message).toMatch(/^The database is in use by another program/)
  })

  it('gives an unforeseen failure the cannot-open sentence with what the system said, and quits when closed', async () => {
    const file = tempDatabaseFile()
    fake.state.answers.push((buttons) => buttons.length - 1)
    expect(await answerStartupProblem(new Error('EIO: i/o error'), file)).toBe('quit')
    expect(fake.state.boxes[0]!.message).toBe(`无法打开数据库：${file}。文件没有被改动。（EIO: i/o error）`)
  })
})
