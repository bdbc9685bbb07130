import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNEL, type RoundtableApi } from '../shared/api'
import type { ChangeEvent } from '../shared/events'

// Only these two functions reach the page; never ipcRenderer itself.
const api: RoundtableApi = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  listen(name, callback) {
    const listener = (_event: IpcRendererEvent, change: ChangeEvent): void => {
      if (change?.name === name) callback(change)
    }
    ipcRenderer.on(EVENT_CHANNEL, listener)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, listener)
  }
}

contextBridge.exposeInMainWorld('api', api)
