import { strFromU8, unzipSync } from 'fflate'
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readSheet } from 'read-excel-file/node'
import { afterEach, describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/core/context'
import type { Core } from '../../../src/core/core'
import { AppFailure } from '../../../src/core/errors'
import { writeFileAtomic } from '../../../src/core/files/atomic'
import { CHANNELS } from '../../../src/shared/contract'
import { errorOf, exportedBytes, HOUR, onCleanup, runCleanups, T0, tempDatabaseFile, tempDir, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

describe('writing an exported file', () => {
  it('replaces the file whole and leaves no temporary file behind', () => {
    const dir = tempDir()
    const file = join(dir, '2025-08-21-圆桌派-会议纪要.docx')
    writeFileSync(file, 'old')
    writeFileAtomic(file, Buffer.from('new contents'))
    expect(readFileSync(file, 'utf8')).toBe('new contents')
    expect(readdirSync(dir)).toEqual(['2025-08-21-圆桌派-会议纪要.docx'])
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

/**
 * A fake desktop whose save dialog answers `answer(fileName)` (null: the user cancels); it notes the folder
 * each dialog opened in, and the files shown in their folder.
 */
function fakeDesktop(answer: (fileName: string) => string | null) {
  const openedIn: (string | null)[] = []
  const shown: string[] = []
  const platform: Platform = {
    chooseSavePath: async (fileName, folder) => {
      openedIn.push(folder)
      return answer(fileName)
    },
    revealFile: (path) => void shown.push(path)
  }
  return { platform, openedIn, shown }
}

/** A session to export (a bare plan: its documents are made all the same). */
async function plannedSession(core: Core): Promise<string> {
  return valueOf(await core.invoke('sessions:create', { title: '圆桌派', plannedStart: T0 + HOUR, plannedEnd: T0 + 2 * HOUR })).id
}

const MINUTES_DOCX = '2025-08-21-圆桌派-会议纪要.docx'

describe('导出 saves the file where it is made', () => {
  it('the desktop app writes the .docx where its save dialog says, and answers where, never the bytes', async () => {
    const dir = tempDir()
    const desktop = fakeDesktop((name) => join(dir, name))
    const core = testCore({ now: () => T0, platform: desktop.platform })
    const sessionId = await plannedSession(core)
    const outcome = valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'docx' }))
    expect(outcome).toEqual({ kind: 'saved', fileName: MINUTES_DOCX, path: join(dir, MINUTES_DOCX) })
    // The real file, whole (no temporary file beside it): a .docx is a zip holding word/document.xml.
    expect(readdirSync(dir)).toEqual([MINUTES_DOCX])
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, MINUTES_DOCX))))['word/document.xml']!)
    expect(xml).toContain('圆桌派会议纪要')

    // Renamed in the dialog: the answer names the file as saved.
    const renamed = fakeDesktop(() => join(dir, '八月纪要.md'))
    const other = testCore({ now: () => T0, platform: renamed.platform })
    const markdown = valueOf(await other.invoke('minutes:export', { sessionId: await plannedSession(other), document: 'minutes', format: 'markdown' }))
    expect(markdown).toEqual({ kind: 'saved', fileName: '八月纪要.md', path: join(dir, '八月纪要.md') })
    expect(readFileSync(join(dir, '八月纪要.md'), 'utf8')).toMatch(/^# 圆桌派会议纪要\n/)
  })

  it('opens the dialog in the folder used last time (documents and rosters alike, after a restart too); a cancel writes nothing and changes nothing', async () => {
    const [first, second] = [tempDir(), tempDir()]
    let answer: string | null = first
    const desktop = fakeDesktop((name) => answer && join(answer, name))
    const databaseFile = tempDatabaseFile()
    const core = testCore({ databaseFile, now: () => T0, platform: desktop.platform })
    const sessionId = await plannedSession(core)
    expect(valueOf(await core.invoke('minutes:export', { sessionId, document: 'record', format: 'docx' }))).toMatchObject({ kind: 'saved' })

    answer = null
    const cancelled = valueOf(await core.invoke('people:export', { format: 'csv' }))
    expect(cancelled).toEqual({ kind: 'cancelled', fileName: '人员名录-2025-08-21.csv' })
    expect(readdirSync(first)).toEqual(['2025-08-21-圆桌派-会议记录.docx'])
    expect(readdirSync(second)).toEqual([])

    answer = second
    const roster = valueOf(await core.invoke('people:export', { format: 'xlsx' }))
    expect(roster).toEqual({ kind: 'saved', fileName: '人员名录-2025-08-21.xlsx', path: join(second, '人员名录-2025-08-21.xlsx') })
    expect((await readSheet(readFileSync(join(second, '人员名录-2025-08-21.xlsx'))))[0]).toEqual(['姓名', '性别', '单位', '村', '类别', '电话', '备注'])
    core.close()

    // The folder is kept in the archive: the next run opens the dialog there.
    const restarted = fakeDesktop(() => null)
    const again = testCore({ databaseFile, now: () => T0, platform: restarted.platform })
    valueOf(await again.invoke('minutes:export', { sessionId, document: 'turns', format: 'csv' }))
    expect([...desktop.openedIn, ...restarted.openedIn]).toEqual([null, first, first, second])
  })

  it('reports a failed write as io (write_failed), with nothing written and the folder not remembered', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'file'), 'x')
    let answer = join(dir, 'file', 'under-a-file.docx')
    const desktop = fakeDesktop(() => answer)
    const core = testCore({ now: () => T0, platform: desktop.platform })
    const sessionId = await plannedSession(core)
    const failure = errorOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'docx' }))
    expect(failure).toMatchObject({ code: 'io', issues: [{ code: 'write_failed' }] })
    expect(readdirSync(dir)).toEqual(['file'])
    answer = join(dir, 'a.csv')
    valueOf(await core.invoke('people:export', { format: 'csv' }))
    expect(desktop.openedIn).toEqual([null, null])
  })

  it('shows in its folder only a file an export saved in this run', async () => {
    const dir = tempDir()
    const desktop = fakeDesktop((name) => join(dir, name))
    const databaseFile = tempDatabaseFile()
    const core = testCore({ databaseFile, now: () => T0, platform: desktop.platform })
    const sessionId = await plannedSession(core)
    const saved = valueOf(await core.invoke('minutes:export', { sessionId, document: 'volunteer', format: 'docx' }))
    if (saved.kind !== 'saved') throw new Error(`not saved: ${saved.kind}`)
    expect(valueOf(await core.invoke('files:reveal', { path: saved.path }))).toEqual({ path: saved.path })
    writeFileSync(join(dir, '别的文件.docx'), 'x')
    for (const path of ['/etc/passwd', join(dir, '别的文件.docx'), dir]) expect(errorOf(await core.invoke('files:reveal', { path })).code).toBe('forbidden')
    expect(desktop.shown).toEqual([saved.path])
    core.close()

    // The next run saved nothing yet: the file from before is not its to show.
    const restarted = fakeDesktop((name) => join(dir, name))
    const again = testCore({ databaseFile, now: () => T0, platform: restarted.platform })
    expect(errorOf(await again.invoke('files:reveal', { path: saved.path })).code).toBe('forbidden')
    expect(restarted.shown).toEqual([])

    const bridge = testCore()
    expect(errorOf(await bridge.invoke('files:reveal', { path: saved.path })).code).toBe('unavailable')
  })

  it('through the web bridge (no save dialog) answers the bytes for the browser to download, and writes nothing', async () => {
    const core = testCore({ now: () => T0 })
    const sessionId = await plannedSession(core)
    const outcome = valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'docx' }))
    expect(outcome).toMatchObject({
      kind: 'download',
      fileName: MINUTES_DOCX,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    })
    expect(unzipSync(new Uint8Array(exportedBytes(outcome, 'download')))['word/document.xml']).toBeDefined()
    const roster = valueOf(await core.invoke('people:export', { format: 'csv' }))
    expect(roster).toMatchObject({ kind: 'download', fileName: '人员名录-2025-08-21.csv', mimeType: 'text/csv' })
    expect(exportedBytes(roster, 'download').toString('utf8')).toBe('\uFEFF姓名,性别,单位,村,类别,电话,备注\r\n')
  })

  it('takes no bytes from the page to write: there is no files:save channel', async () => {
    expect(CHANNELS.filter((channel) => channel.startsWith('files:'))).toEqual(['files:reveal'])
    const core = testCore({ platform: fakeDesktop((name) => join(tempDir(), name)).platform })
    expect(errorOf(await core.invoke('files:save', { fileName: 'a.md', contentBase64: 'eA==' })).code).toBe('unknown_channel')
  })
})
