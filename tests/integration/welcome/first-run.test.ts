import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppFolder, TourProgress } from '../../../src/shared/domain'
import { HOUR, T0, insertSession, issuesOf, recordEvents, refusedWithoutTrace, runCleanups, testCore, valueOf, withDatabase } from '../../helpers'

afterEach(runCleanups)

const TOUR_AT_MIC: TourProgress = { status: 'left', step: 'passMic', sessionId: null }

/** The welcome of a new archive and the walk-through's progress: settings rows (key → JSON), no migration. */
describe('the first run', () => {
  it('greets a new archive, which starts with the 示例场次, and offers it to the walk-through', async () => {
    const core = testCore({ seedDemo: true })
    const firstRun = valueOf(await core.invoke('firstRun:get', {}))
    expect(firstRun).toMatchObject({ welcome: 'pending', tour: { status: 'notStarted', step: 'plan', sessionId: null } })
    const demo = withDatabase(core.databaseFile, (db) => db.prepare('SELECT id FROM sessions WHERE is_demo = 1').get()) as { id: string }
    expect(firstRun.tourSession).toBe(demo.id)
  })

  it('does not greet an archive someone already planned sessions in (made before there was a welcome)', async () => {
    const core = testCore()
    withDatabase(core.databaseFile, (db) => insertSession(db, { title: '第一场', plannedStart: T0, plannedEnd: T0 + HOUR }))
    expect(valueOf(await core.invoke('firstRun:get', {})).welcome).toBe('dismissed')
  })

  it('remembers the welcome finished or dismissed and the walk-through’s step, over a restart, announcing each change', async () => {
    const core = testCore({ seedDemo: true })
    const events = recordEvents(core)
    const sessionId = valueOf(await core.invoke('firstRun:get', {})).tourSession
    const tour: TourProgress = { ...TOUR_AT_MIC, sessionId }
    expect(valueOf(await core.invoke('firstRun:update', { welcome: 'finished', tour }))).toMatchObject({ welcome: 'finished', tour })
    expect(events.map((event) => event.name)).toEqual(['settings:changed'])
    const rows = withDatabase(core.databaseFile, (db) => db.prepare(`SELECT key, value FROM settings WHERE key IN ('welcome', 'tour') ORDER BY key`).all())
    expect(rows).toEqual([
      { key: 'tour', value: JSON.stringify(tour) },
      { key: 'welcome', value: JSON.stringify('finished') }
    ])
    core.close()
    const again = testCore({ databaseFile: core.databaseFile })
    expect(valueOf(await again.invoke('firstRun:get', {}))).toMatchObject({ welcome: 'finished', tour })
    // One part changes alone: the step moves on, the welcome stays as it was.
    const next = valueOf(await again.invoke('firstRun:update', { tour: { ...tour, status: 'running', step: 'record' } }))
    expect(next).toMatchObject({ welcome: 'finished', tour: { status: 'running', step: 'record', sessionId } })
  })

  it('forgets a walk-through’s session that is gone (删除示例数据), and then offers none', async () => {
    const core = testCore({ seedDemo: true })
    const sessionId = valueOf(await core.invoke('firstRun:get', {})).tourSession
    await core.invoke('firstRun:update', { tour: { ...TOUR_AT_MIC, sessionId } })
    valueOf(await core.invoke('demo:remove', {}))
    expect(valueOf(await core.invoke('firstRun:get', {}))).toMatchObject({ tour: TOUR_AT_MIC, tourSession: null })
  })

  it('keeps the organisation named in the welcome for new sessions and the minutes (the setting organisationName)', async () => {
    const core = testCore({ seedDemo: true })
    expect(valueOf(await core.invoke('settings:update', { organisationName: '  温集新村党支部 ' })).organisationName).toBe('温集新村党支部')
  })

  it.each([
    ['an unknown welcome', { welcome: 'later' }, ['welcome']],
    ['an unknown step', { tour: { status: 'running', step: 'dance', sessionId: null } }, ['tour', 'step']],
    ['an unknown status', { tour: { status: 'paused', step: 'plan', sessionId: null } }, ['tour', 'status']],
    ['a session id that is not an id', { tour: { status: 'running', step: 'plan', sessionId: '../etc' } }, ['tour', 'sessionId']],
    ['a tour without its step', { tour: { status: 'running', sessionId: null } }, ['tour', 'step']],
    ['an unknown key', { welcomeDone: true }, []]
  ])('refuses %s, writing nothing', async (_, input, path) => {
    const core = testCore()
    const error = await refusedWithoutTrace(core, 'firstRun:update', input)
    expect(error.code).toBe('invalid_input')
    if (path.length) expect(issuesOf(error).map((issue) => issue.path)).toContainEqual(path)
  })
})

describe('设置 → 关于', () => {
  it('app:info names the data folder and the backups folder beside the database file', async () => {
    const core = testCore()
    expect(valueOf(await core.invoke('app:info', {}))).toMatchObject({
      databaseFile: core.databaseFile,
      dataFolder: dirname(core.databaseFile),
      backupsFolder: join(dirname(core.databaseFile), 'backups')
    })
  })

  it('app:openFolder opens only the app’s own folders, through the platform (the database file shown in its folder)', async () => {
    const opened: [string, string][] = []
    const core = testCore({ platform: { openPath: async (path, how) => void opened.push([path, how]) } })
    const folder = dirname(core.databaseFile)
    const open = async (which: AppFolder) => valueOf(await core.invoke('app:openFolder', { folder: which })).path
    expect(await open('data')).toBe(folder)
    expect(await open('database')).toBe(core.databaseFile)
    // No backup has been made yet: the folder is made, so it opens empty instead of failing.
    expect(await open('backups')).toBe(join(folder, 'backups'))
    expect(existsSync(join(folder, 'backups'))).toBe(true)
    expect(opened).toEqual([
      [folder, 'open'],
      [core.databaseFile, 'reveal'],
      [join(folder, 'backups'), 'open']
    ])
  })

  it.each([
    ['a path', { folder: '/etc' }],
    ['a path beside the folder', { folder: 'data', path: '/etc' }],
    ['no folder', {}],
    ['a number', { folder: 1 }]
  ])('app:openFolder refuses %s: the page never names a path', async (_, input) => {
    const opened: string[] = []
    const core = testCore({ platform: { openPath: async (path) => void opened.push(path) } })
    expect((await refusedWithoutTrace(core, 'app:openFolder', input)).code).toBe('invalid_input')
    expect(opened).toEqual([])
  })

  it('app:openFolder in the web bridge (no platform) says only the desktop app can', async () => {
    const core = testCore()
    const error = await refusedWithoutTrace(core, 'app:openFolder', { folder: 'data' })
    expect(error.code).toBe('unavailable')
    expect(issuesOf(error)).toEqual([{ path: ['folder'], code: 'open_folder_desktop_only' }])
  })

  it('app:openFolder says so when the system could not open the folder', async () => {
    const core = testCore({ platform: { openPath: () => Promise.reject(new Error('No application is registered')) } })
    const error = await refusedWithoutTrace(core, 'app:openFolder', { folder: 'data' })
    expect(error.code).toBe('io')
    expect(error.issues?.[0]).toMatchObject({ code: 'open_folder_failed', params: { path: dirname(core.databaseFile) } })
  })
})
