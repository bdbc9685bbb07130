import { BrowserWindow, type Rectangle } from 'electron'
import { join } from 'node:path'

export interface WindowPaths {
  preload: string
  /** app://roundtable/index.html (the built renderer), or the dev server's URL. */
  rendererUrl: string
  icon: string
}

export interface WindowOptions {
  title: string
  /** The route to open, e.g. '#/projector/<id>'. */
  hash?: string
  /** Where to put the window (e.g. the second display); the default size otherwise. */
  bounds?: Rectangle
  fullscreen?: boolean
}

/** Every window of ours: isolated, sandboxed, no Node, our preload only. */
export function createAppWindow(paths: WindowPaths, options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    ...(options.bounds ?? {}),
    fullscreen: options.fullscreen ?? false,
    show: false,
    title: options.title,
    icon: paths.icon,
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(paths.rendererUrl + (options.hash ?? ''))
  return window
}

/** resources/ in a checkout; beside app.asar once packaged (electron-builder's extraResources). */
export const resourcePath = (isPackaged: boolean, baseDir: string, name: string): string =>
  isPackaged ? join(process.resourcesPath, name) : join(baseDir, '../../resources', name)
