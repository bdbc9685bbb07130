import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../src/core/errors'
import { writeFileAtomic } from '../../../src/core/files/atomic'
import { errorOf, onCleanup, runCleanups, tempDatabaseFile, tempDir, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

describe('writing an exported file', () => {
  it('replaces the file whole and leaves no temporary file behind', () => {
    const dir = tempDir()
    const file = join(dir, '2025-08-21-思想圆桌派-会议纪要.docx')
    writeFileSync(file, 'old')
    writeFileAtomic(file, Buffer.from('new contents'))
    expect(readFileSync(file, 'utf8')).toBe('new contents')
    expect(readdirSync(dir)).toEqual(['2025-08-21-思想圆桌派-会议纪要.docx'])
  })

  it('fails with a clear error and leaves the existing file untouched when the folder cannot be written', () => {
    const dir = tempDir()
    const folder = join(dir, 'archive')
    mkdirSync(folder)
    const file = join(folder, 'minutes.docx')
    writeFileSync(file, 'the minutes handed in last week')
    // root ignores permission bits, so there a path under a regular file stands for an unwritable folder.
    const target = isRoot ? join(file, 'minutes.docx') : file
    if (!isRoot) {
      chmodSync(folder, 0o500)
      onCleanup(() => chmodSync(folder, 0o700))
    }
    let failure: unknown
    try {
      writeFileAtomic(target, Buffer.from('half-written?'))
    } catch (error) {
      failure = error
    }
    expect(failure).toBeInstanceOf(AppFailure)
    expect((failure as AppFailure).code).toBe('io')
    expect(readFileSync(file, 'utf8')).toBe('the minutes handed in last week')
    expect(readdirSync(folder)).toEqual(['minutes.docx'])
  })
})

describe('files:save', () => {
  it('saves where the dialog says, remembers the folder, and does nothing on cancel', async () => {
    const dir = tempDir()
    const asked: (string | null)[] = []
    let answer: string | null = join(dir, 'a.md')
    const core = testCore({
      databaseFile: tempDatabaseFile(),
      platform: {
        chooseSavePath: async (_name, folder) => {
          asked.push(folder)
          return answer
        }
      }
    })
    const content = Buffer.from('# 会议纪要\n').toString('base64')
    expect(valueOf(await core.invoke('files:save', { fileName: 'a.md', contentBase64: content }))).toEqual({ saved: true, path: join(dir, 'a.md') })
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('# 会议纪要\n')
    answer = null
    expect(valueOf(await core.invoke('files:save', { fileName: 'b.md', contentBase64: content }))).toEqual({ saved: false, path: null })
    expect(existsSync(join(dir, 'b.md'))).toBe(false)
    expect(asked).toEqual([null, dir])
  })

  it('says nothing was saved where there is no save dialog (the page downloads instead)', async () => {
    const core = testCore({ databaseFile: tempDatabaseFile() })
    expect(valueOf(await core.invoke('files:save', { fileName: 'a.md', contentBase64: 'eA==' }))).toEqual({ saved: false, path: null })
  })

  it('reports a failed write as io, not as a crash', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'file'), 'x')
    const core = testCore({ databaseFile: tempDatabaseFile(), platform: { chooseSavePath: async () => join(dir, 'file', 'under-a-file.md') } })
    expect(errorOf(await core.invoke('files:save', { fileName: 'a.md', contentBase64: 'eA==' })).code).toBe('io')
  })

  it('shows a file it saved in its folder, and nothing else', async () => {
    const dir = tempDir()
    const shown: string[] = []
    const core = testCore({
      databaseFile: tempDatabaseFile(),
      platform: { chooseSavePath: async (name) => join(dir, name), revealFile: (path) => shown.push(path) }
    })
    const { path } = valueOf(await core.invoke('files:save', { fileName: '会议纪要.pdf', contentBase64: 'eA==' }))
    expect(valueOf(await core.invoke('files:reveal', { path: path! }))).toEqual({ path })
    expect(errorOf(await core.invoke('files:reveal', { path: '/etc/passwd' })).code).toBe('forbidden')
    expect(shown).toEqual([path])

    const bridge = testCore({ databaseFile: tempDatabaseFile() })
    expect(errorOf(await bridge.invoke('files:reveal', { path: path! })).code).toBe('unavailable')
  })
})
