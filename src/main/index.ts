import { app, BrowserWindow, dialog, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore, type Core } from '../core/core'
import { rosterReaderInWorker } from '../core/people/roster-reader'
import type { Language } from '../shared/domain'
import { APP_DIR_NAME, DATABASE_FILE_NAME } from '../core/store/paths'
import { registerIpc } from './ipc'
import { APP_ENTRY_URL, registerAppScheme, serveAppProtocol } from './app-protocol'
import { applyMenu } from './menu'
import { secureApp } from './security'
import { answerStartupProblem } from './startup-problem'
import { openPathInFileManager } from './open-path'
import { printHtmlOnPaper, printHtmlToPdf } from './print'
import { projectorOpener } from './projector'
import { createAppWindow, resourcePath, type WindowPaths } from './window'

const here = dirname(fileURLToPath(import.meta.url))
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererUrl = devServerUrl ?? APP_ENTRY_URL
const ownWindows = new Set<BrowserWindow>()
let mainWindow: BrowserWindow | null = null

// One folder for the desktop app and the web bridge (see core/store/paths.ts).
app.setPath('userData', join(app.getPath('appData'), APP_DIR_NAME))

/** `--db=<file>` overrides the database location (used by the e2e suite and by organisers with a USB stick). */
function databaseFile(): string {
  const flag = process.argv.find((arg) => arg.startsWith('--db='))
  return flag ? flag.slice('--db='.length) : join(app.getPath('userData'), DATABASE_FILE_NAME)
}

function windowPaths(): WindowPaths {
  return { preload: join(here, '../preload/index.cjs'), rendererUrl, icon: resourcePath(app.isPackaged, here, 'icon.png') }
}

function trackWindow(window: BrowserWindow): void {
  ownWindows.add(window)
  window.on('closed', () => ownWindows.delete(window))
}

/** The save dialog for 导出, opening where the last export went (core remembers the folder). */
async function chooseSavePath(fileName: string, folder: string | null): Promise<string | null> {
  const options = { defaultPath: join(folder ?? app.getPath('documents'), fileName) }
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

/** The open dialog for 导入归档包: files of the given kinds only. */
async function chooseOpenPath(filterName: string, extensions: string[]): Promise<string | null> {
  const options = { properties: ['openFile' as const], filters: [{ name: filterName, extensions }] }
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** Opens the archive; when it cannot be opened, the start-up problem screen decides: try again, or quit. */
async function openCore(): Promise<Core | null> {
  const openProjector = projectorOpener(windowPaths(), '圆桌派 · 投屏', trackWindow)
  for (;;) {
    try {
      return createCore({
        databaseFile: databaseFile(),
        appVersion: app.getVersion(),
        seedDemo: true,
        readRoster: rosterReaderInWorker(join(here, 'roster-worker.js')),
        platform: { openProjector, chooseSavePath, chooseOpenPath, printToPdf: printHtmlToPdf, printOnPaper: (html) => printHtmlOnPaper(html, mainWindow), revealFile: (path) => shell.showItemInFolder(path), openPath: openPathInFileManager }
      })
    } catch (error) {
      if ((await answerStartupProblem(error, databaseFile())) === 'quit') return null
    }
  }
}

async function currentLanguage(core: Core): Promise<Language> {
  const settings = await core.invoke('settings:get', {})
  return settings.ok ? settings.value.language : 'zh-CN'
}

function openMainWindow(language: Language): void {
  const window = createAppWindow(windowPaths(), { title: language === 'en' ? 'Roundtable' : '圆桌派' })
  mainWindow = window
  trackWindow(window)
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
}

async function start(): Promise<void> {
  if (!devServerUrl) serveAppProtocol(join(here, '../renderer'))
  secureApp(rendererUrl)
  const core = await openCore()
  if (!core) return app.quit()
  const isDev = devServerUrl !== undefined
  const applyLanguageMenu = async (): Promise<void> => applyMenu(await currentLanguage(core), isDev)
  await applyLanguageMenu()
  core.subscribe((event) => void (event.name === 'settings:changed' && applyLanguageMenu()))
  registerIpc(core, { isOwnWindow: (window) => ownWindows.has(window), rendererUrl })
  openMainWindow(await currentLanguage(core))
  app.on('activate', () => void (mainWindow ?? currentLanguage(core).then(openMainWindow)))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => core.close())
}

registerAppScheme()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  void app.whenReady().then(start)
}
