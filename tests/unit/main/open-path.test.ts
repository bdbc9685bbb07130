import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake electron shell: records what it was asked to open or show, and answers as the system would. */
const fake = vi.hoisted(() => {
  const calls: [string, string][] = []
  const state = { problem: '' }
  return {
    calls,
    state,
    electron: {
      shell: {
        openPath: (path: string) => {
          calls.push(['openPath', path])
          return Promise.resolve(state.problem)
        },
        showItemInFolder: (path: string) => void calls.push(['showItemInFolder', path])
      }
    }
  }
})

vi.mock('electron', () => fake.electron)
const { openPathInFileManager } = await import('../../../src/main/open-path')

beforeEach(() => {
  fake.calls.length = 0
  fake.state.problem = ''
})

describe('设置 → 关于 → 打开 (Platform.openPath in the desktop app)', () => {
  it('opens a folder in the file manager', async () => {
    await openPathInFileManager('/home/user/.config/Roundtable/backups', 'open')
    expect(fake.calls).toEqual([['openPath', '/home/user/.config/Roundtable/backups']])
  })

  it('shows the database file selected in its folder', async () => {
    await openPathInFileManager('/home/user/.config/Roundtable/roundtable.sqlite', 'reveal')
    expect(fake.calls).toEqual([['showItemInFolder', '/home/user/.config/Roundtable/roundtable.sqlite']])
  })

  it('rejects with the system’s message when the folder could not be opened (shell.openPath answers, not throws)', async () => {
    fake.state.problem = 'Failed to open path'
    await expect(openPathInFileManager('/gone', 'open')).rejects.toThrow('Failed to open path')
  })
})
