import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { EVENT_CHANNEL } from '../shared/api'
import { CHANNELS } from '../shared/contract'
import { fail } from '../shared/result'
import type { Core } from '../core/core'
import { isAppUrl } from './security'

export interface IpcTrust {
  /** The windows we created; a message from any other webContents is refused. */
  isOwnWindow: (window: BrowserWindow) => boolean
  rendererUrl: string
}

/** A sender is trusted only if it is the top frame of one of our windows showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, trust: IpcTrust): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent) return false
  const window = BrowserWindow.fromWebContents(event.sender)
  return window !== null && trust.isOwnWindow(window) && isAppUrl(frame.url, trust.rendererUrl)
}

/** Exposes every channel of the contract over IPC, and forwards core's change events to our windows. */
export function registerIpc(core: Core, trust: IpcTrust): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event, trust)
        ? core.invoke(channel, input)
        : fail('forbidden', 'This message did not come from a Roundtable window.')
    )
  }
  const unsubscribe = core.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (trust.isOwnWindow(window) && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event)
    }
  })
  return () => {
    unsubscribe()
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
