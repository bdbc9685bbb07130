import { screen, type BrowserWindow } from 'electron'
import { createAppWindow, type WindowPaths } from './window'

/**
 * 投屏: one projector window, full screen on the second display when there is one (the projector),
 * otherwise a normal window beside the console. Asking again shows the given session in the same window.
 */
export function projectorOpener(paths: WindowPaths, title: string, track: (window: BrowserWindow) => void) {
  let projector: BrowserWindow | null = null
  return (sessionId: string): boolean => {
    const hash = `#/projector/${encodeURIComponent(sessionId)}`
    if (projector && !projector.isDestroyed()) {
      void projector.loadURL(paths.rendererUrl + hash)
      projector.show()
      return true
    }
    const primary = screen.getPrimaryDisplay()
    const external = screen.getAllDisplays().find((display) => display.id !== primary.id)
    projector = createAppWindow(paths, { title, hash, ...(external ? { bounds: external.bounds, fullscreen: true } : {}) })
    track(projector)
    projector.on('closed', () => (projector = null))
    return true
  }
}
