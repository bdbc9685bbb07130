import { app, BrowserWindow, dialog } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createCore, type Core } from '../core/core'
import { DatabaseTooNewError } from '../core/errors'
import { APP_DIR_NAME, DATABASE_FILE_NAME } from '../core/store/paths'
import { registerIpc } from './ipc'
import { applyMenu } from './menu'
import { secureApp } from './security'
import { createMainWindow, resourcePath } from './window'

const here = dirname(fileURLToPath(import.meta.url))
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererUrl = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href
const ownWindows = new Set<BrowserWindow>()
let mainWindow: BrowserWindow | null = null

// One folder for the desktop app and the web bridge (see core/store/paths.ts).
app.setPath('userData', join(app.getPath('appData'), APP_DIR_NAME))

/** `--db=<file>` overrides the database location (used by the e2e suite and by organisers with a USB stick). */
function databaseFile(): string {
  const flag = process.argv.find((arg) => arg.startsWith('--db='))
  return flag ? flag.slice('--db='.length) : join(app.getPath('userData'), DATABASE_FILE_NAME)
}

function openCore(): Core | null {
  try {
    return createCore({ databaseFile: databaseFile(), appVersion: app.getVersion() })
  } catch (error) {
    const detail = error instanceof DatabaseTooNewError ? error.message : String(error)
    dialog.showErrorBox('圆桌派无法打开数据库 / Roundtable cannot open its database', detail)
    return null
  }
}

function openMainWindow(core: Core): void {
  const settings = core.invoke('settings:get', {})
  const language = settings.ok ? settings.value.language : 'zh-CN'
  mainWindow = createMainWindow(
    { preload: join(here, '../preload/index.cjs'), rendererUrl, icon: resourcePath(app.isPackaged, here, 'icon.png') },
    language === 'en' ? 'Roundtable' : '圆桌派'
  )
  const window = mainWindow
  ownWindows.add(window)
  window.on('closed', () => {
    ownWindows.delete(window)
    if (mainWindow === window) mainWindow = null
  })
}

function start(): void {
  secureApp(rendererUrl)
  const core = openCore()
  if (!core) return app.quit()
  const isDev = devServerUrl !== undefined
  const applyLanguageMenu = (): void => {
    const settings = core.invoke('settings:get', {})
    applyMenu(settings.ok ? settings.value.language : 'zh-CN', isDev)
  }
  applyLanguageMenu()
  core.subscribe((event) => event.name === 'settings:changed' && applyLanguageMenu())
  registerIpc(core, { isOwnWindow: (window) => ownWindows.has(window), rendererUrl })
  openMainWindow(core)
  app.on('activate', () => mainWindow ?? openMainWindow(core))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => core.close())
}

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
