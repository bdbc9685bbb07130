import type { RoundtableApi } from '@shared/api'
import { createHttpTransport, takeToken } from './http-transport'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    api?: RoundtableApi
  }
}

/** The one way the UI talks to core: IPC inside Electron, HTTP through the web bridge otherwise. */
export const api: RoundtableApi =
  window.api ?? createHttpTransport(takeToken(window.location, window.localStorage, window.history))

export const transportName: 'ipc' | 'http' = window.api ? 'ipc' : 'http'
